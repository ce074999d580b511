/**
 * Hand-made definitions workbooks, built with exceljs as a central officer would type them (seed 002's table: Thai
 * digits, merged องค์ประกอบ and กลุ่ม cells, a heading row, a total row, "๕ (๒.๕) (๒.๕)"), read by the CLI's file
 * reader: what reads, and every problem at its cell.
 */
import ExcelJS from 'exceljs';
import type { AssessmentDocument, Issue } from '../../src/domain';
import { definitionsSheetCells, exampleDefinitionsDocument, isFormula, type CellContent } from '../../src/workbook';
import { readDefinitionsWorkbook } from '../../src/cli/xlsx/definitionsFile';

const TH_HEADERS = [
  'องค์ประกอบ',
  'กลุ่ม',
  'ลำดับ',
  'ตัวชี้วัด',
  'น้ำหนัก',
  'หน่วยนับ',
  'ประเภท',
  'เป้าหมาย ขั้นต้น',
  'เป้าหมาย มาตรฐาน',
  'เป้าหมาย ขั้นสูง',
  'ขั้นตอน',
  'หน่วยงานรับผิดชอบ',
];

/** Pathum Thani's two components with their stated weights (seed 002: 70 / 30), and no groups table. */
const SETTINGS_DOC: AssessmentDocument = {
  ...exampleDefinitionsDocument('th'),
  id: 'pte-2567',
  title: 'ตัวชี้วัดจังหวัดปทุมธานี ประจำปีงบประมาณ พ.ศ. ๒๕๖๗',
  fiscalYear: 2567,
  components: [
    { id: 'performance', name: 'การประเมินประสิทธิผลการดำเนินงาน', nameEn: 'Performance Base', weight: 70 },
    { id: 'potential', name: 'การประเมินศักยภาพในการดำเนินงาน', nameEn: 'Potential Base', weight: 30 },
  ],
};

interface Made {
  headers?: readonly string[];
  rows: readonly (readonly ExcelJS.CellValue[])[];
  merges?: readonly string[];
  settings?: AssessmentDocument | null;
  sheet?: string;
  settingsSheet?: string;
  /** Number formats by address. */
  formats?: Readonly<Record<string, string>>;
}

/** Title in row 1, headers in row 3, rows from row 4, as seed 002's table sits on its page. */
function workbook(made: Made): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(made.sheet ?? 'ตัวชี้วัด');
  ws.getCell('A1').value = 'รายละเอียดตัวชี้วัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๗';
  (made.headers ?? TH_HEADERS).forEach((h, c) => (ws.getCell(3, c + 1).value = h));
  made.rows.forEach((row, r) => row.forEach((v, c) => v !== undefined && v !== null && (ws.getCell(4 + r, c + 1).value = v)));
  for (const m of made.merges ?? []) ws.mergeCells(m);
  for (const [address, format] of Object.entries(made.formats ?? {})) ws.getCell(address).numFmt = format;
  if (made.settings !== null) {
    const cells = definitionsSheetCells(made.settings ?? SETTINGS_DOC, 'th');
    const ss = wb.addWorksheet(made.settingsSheet ?? cells.settingsSheet);
    cells.settingsRows.forEach((row, r) =>
      row.forEach((v: CellContent, c) => {
        if (v !== null && !isFormula(v)) ss.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  return wb;
}

function read(made: Made) {
  const r = readDefinitionsWorkbook(workbook(made));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const errors = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === 'error');
const at = (issues: readonly Issue[], cell: string): Issue[] => issues.filter((i) => i.cell === cell);

/** A row of the Thai layout: component, group, id, name, weight, unit, kind, three targets, steps, agency. */
const row = (...cells: ExcelJS.CellValue[]): ExcelJS.CellValue[] => cells;

describe('a definitions sheet typed as seed 002 lays its table out', () => {
  test('Thai digits, merged องค์ประกอบ and กลุ่ม cells, a heading row, a total row, and "๓๐ (๑๕) (๑๕)" read as the table means', () => {
    const reading = read({
      rows: [
        row(
          'Performance Base',
          '๑.๑ ตัวชี้วัดตามภารกิจ',
          '๑.',
          'ร้อยละของหมู่บ้านที่ไม่พบปัญหาสาธารณสุข',
          '๔๐',
          'ร้อยละ',
          'ปริมาณ',
          '๘๕',
          '๙๐',
          '๙๕',
          null,
          'ที่ทำการปกครอง จ.ปท.',
        ),
        row(
          null,
          null,
          '๒.',
          'รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)',
          30,
          'ล้านบาท',
          'ปริมาณ',
          '๒,๘๗๔.๗๙',
          '3,018.10',
          3161.41,
          null,
          'สนง.พัฒนาชุมชน จ.ปท.',
        ),
        row('Potential Base', null, null, '๒.๑ การพัฒนาองค์การสู่ดิจิทัล'),
        row(null, null, '๓.', 'ระดับความพร้อมรัฐบาลดิจิทัลของจังหวัด', '๓๐ (๑๕) (๑๕)', null, null, null, null, null, null, 'สนง.สถิติ จ.ปท.'),
        row(null, null, '๓.๑', 'ระดับความพร้อมรัฐบาลดิจิทัล', null, 'ระดับ', 'ปริมาณ', 2, 3, 4),
        row(null, null, '๓.๒', 'การจัดทำบัญชีข้อมูลภาครัฐ', null, null, 'ขั้นตอน', null, null, null, 'แต่งตั้งคณะทำงาน\nจัดทำบัญชีข้อมูล\nเปิดเผยชุดข้อมูล'),
        row(null, null, null, 'น้ำหนักรวม', '๑๐๐'),
      ],
      merges: ['A4:A5', 'B4:B5', 'A6:A9'],
    });
    expect(errors(reading.issues)).toEqual([]);
    const doc = reading.document as AssessmentDocument;
    expect(doc.indicators.map((i) => [i.id, i.weight, i.component, i.group])).toEqual([
      ['๑', 40, 'performance', '๑.๑ ตัวชี้วัดตามภารกิจ'],
      ['๒', 30, 'performance', '๑.๑ ตัวชี้วัดตามภารกิจ'],
      ['๓', 30, 'potential', undefined],
    ]);
    expect(doc.indicators[0]).toMatchObject({ targets: [85, 90, 95], owner: 'ที่ทำการปกครอง จ.ปท.', kind: 'quantitative' });
    expect(doc.indicators[1]?.targets).toEqual([2874.79, 3018.1, 3161.41]);
    const parent = doc.indicators[2];
    expect(parent?.children?.map((c) => [c.id, c.weight, c.kind, c.component])).toEqual([
      ['๓.๑', 15, 'quantitative', undefined],
      ['๓.๒', 15, 'milestone', undefined],
    ]);
    expect(parent?.children?.[1]?.steps).toEqual(['แต่งตั้งคณะทำงาน', 'จัดทำบัญชีข้อมูล', 'เปิดเผยชุดข้อมูล']);
    // The group met on the sheet without a groups table becomes a group of its component.
    expect(doc.components?.[0]?.groups).toEqual([{ id: '๑.๑ ตัวชี้วัดตามภารกิจ', name: '๑.๑ ตัวชี้วัดตามภารกิจ' }]);
    expect(reading.assessment?.indicators).toHaveLength(3);
    expect(reading.issues.filter((i) => i.code === 'definitions-heading-row').map((i) => [i.severity, i.cell])).toEqual([
      ['info', 'ตัวชี้วัด!D6'],
    ]);
  });

  test('a sub-indicator may be its own row named by the ตัวชี้วัดหลัก column, its weight in its own cell', () => {
    const headers = ['ลำดับ', 'ตัวชี้วัดหลัก', 'ตัวชี้วัด', 'น้ำหนัก', 'ประเภท', 'เป้าหมาย ขั้นต้น', 'เป้าหมาย มาตรฐาน', 'เป้าหมาย ขั้นสูง'];
    const reading = read({
      headers,
      settings: { ...SETTINGS_DOC, components: [] },
      rows: [
        ['1', null, 'คุณภาพของแม่น้ำสายหลัก', 100],
        ['1.1', '1', 'แม่น้ำเจ้าพระยาตอนกลาง', 60, 'ปริมาณ', 61, 66, 71],
        ['1.2', '1', 'แม่น้ำท่าจีน', 40, 'ปริมาณ', 61, 66, 71],
      ],
    });
    expect(errors(reading.issues)).toEqual([]);
    expect(reading.document?.indicators[0]?.children?.map((c) => [c.id, c.weight])).toEqual([
      ['1.1', 60],
      ['1.2', 40],
    ]);
  });

  test('English headers, English kind and direction words, an English sheet name', () => {
    const reading = read({
      sheet: 'Indicators',
      settingsSheet: 'Assessment settings',
      settings: { ...SETTINGS_DOC, components: [] },
      headers: [
        'No.',
        'Indicator',
        'Weight (%)',
        'Unit',
        'Kind',
        'Direction',
        'Target: Basic',
        'Target: Standard',
        'Target: Advanced',
        'Responsible agency',
      ],
      rows: [
        ['1', 'PM 2.5 annual mean', 60, 'µg/m³', 'quantity', 'lower', 30, 28, 26, 'Provincial environment office'],
        ['2', 'Data catalogue published', 40, null, 'binary'],
      ],
    });
    expect(errors(reading.issues)).toEqual([]);
    expect(reading.document?.indicators).toEqual([
      {
        id: '1',
        name: 'PM 2.5 annual mean',
        unit: 'µg/m³',
        weight: 60,
        kind: 'quantitative',
        direction: 'lower',
        targets: [30, 28, 26],
        owner: 'Provincial environment office',
      },
      { id: '2', name: 'Data catalogue published', weight: 40, kind: 'binary' },
    ]);
  });
});

describe('every problem is said at its cell', () => {
  test("a component's weights that do not add up to its stated weight: ตัวชี้วัด!E7", () => {
    const reading = read({
      rows: [
        row('Performance Base', null, '1', 'ก', 20, null, 'ปริมาณ', 1, 2, 3),
        row(null, null, '2', 'ข', 20, null, 'ปริมาณ', 1, 2, 3),
        row(null, null, '3', 'ค', 20, null, 'ปริมาณ', 1, 2, 3),
        row(null, null, '4', 'ง', 9.5, null, 'ปริมาณ', 1, 2, 3),
        row('Potential Base', null, '5', 'จ', 30, null, 'ปริมาณ', 1, 2, 3),
      ],
      merges: ['A4:A7'],
    });
    const [mismatch] = at(reading.issues, 'ตัวชี้วัด!E7');
    expect(mismatch?.message.th).toBe('ตัวชี้วัด!E7: น้ำหนักรวมขององค์ประกอบ Performance Base เป็น 69.5 ไม่ใช่ 70');
    expect(mismatch?.message.en).toBe('ตัวชี้วัด!E7: the weights of component Performance Base add up to 69.5, not 70');
  });

  test('an unknown kind, at its cell, naming the kinds there are', () => {
    const reading = read({
      rows: [
        row('Performance Base', null, '1', 'ก', 70, null, 'ปริมาน', 1, 2, 3),
        row('Potential Base', null, '2', 'ข', 30, null, 'อัตราส่วนนน', 1, 2, 3),
      ],
    });
    expect(at(reading.issues, 'ตัวชี้วัด!G4')[0]?.message.th).toBe('ตัวชี้วัด!G4: ไม่รู้จักประเภท "ปริมาน" ใช้ ปริมาณ / ขั้นตอน / อัตราส่วน / ใช่-ไม่ใช่');
    expect(at(reading.issues, 'ตัวชี้วัด!G5')[0]?.code).toBe('definitions-unknown-kind');
    expect(reading.document).toBeUndefined();
  });

  test('an unknown header suggests the nearest known one; a typo of a needed column is an error', () => {
    const headers = [...TH_HEADERS];
    headers[4] = 'น้ำหนก';
    headers.push('ผู้ตรวจสอบ');
    const reading = read({ headers, rows: [row('Performance Base', null, '1', 'ก', 70, null, 'ปริมาณ', 1, 2, 3)] });
    const [typo] = at(reading.issues, 'ตัวชี้วัด!E3');
    expect(typo).toMatchObject({ code: 'definitions-unknown-header', severity: 'error' });
    expect(typo?.message.th).toContain('หมายถึง "น้ำหนัก" หรือไม่');
    expect(typo?.message.en).toContain('did you mean "น้ำหนัก"?');
    expect(at(reading.issues, 'ตัวชี้วัด!M3')[0]).toMatchObject({ code: 'definitions-unknown-header', severity: 'warning' });
    expect(reading.issues.some((i) => i.code === 'definitions-column-missing' && i.cell === 'ตัวชี้วัด!A3')).toBe(true);
  });

  test('duplicate ids, also when one is written in Thai digits', () => {
    const reading = read({
      rows: [
        row('Performance Base', null, '1', 'ก', 40, null, 'ปริมาณ', 1, 2, 3),
        row('Performance Base', null, '๑', 'ข', 30, null, 'ปริมาณ', 1, 2, 3),
        row('Potential Base', null, '3', 'ค', 30, null, 'ปริมาณ', 1, 2, 3),
      ],
    });
    const [dup] = at(reading.issues, 'ตัวชี้วัด!C5');
    expect(dup?.code).toBe('duplicate-indicator-id');
    expect(dup?.message.th.startsWith('ตัวชี้วัด!C5: ')).toBe(true);
    expect(dup?.path).toBe('indicators[1].id');
  });

  test('blank required cells: a name, a weight, one target of three, a row without ลำดับ', () => {
    const reading = read({
      rows: [
        row('Performance Base', null, '1', null, 40, null, 'ปริมาณ', 1, 2, 3),
        row('Performance Base', null, '2', 'ข', null, null, 'ปริมาณ', 1, 2, 3),
        row('Potential Base', null, '3', 'ค', 30, null, 'ปริมาณ', 1, null, 3),
        row('Potential Base', null, null, 'ง', 5, null, 'ปริมาณ', 1, 2, 3),
      ],
    });
    for (const cell of ['ตัวชี้วัด!D4', 'ตัวชี้วัด!E5', 'ตัวชี้วัด!I6', 'ตัวชี้วัด!C7']) {
      expect(at(reading.issues, cell).map((i) => i.code)).toEqual(['definitions-required-blank']);
    }
  });

  test("numbers that are not: a word, '85%', #N/A, a percent-formatted cell", () => {
    const reading = read({
      rows: [
        row('Performance Base', null, '1', 'ก', 'สิบ', null, 'ปริมาณ', 80, '85%', 90),
        row('Performance Base', null, '2', 'ข', 30, null, 'ปริมาณ', { error: '#N/A' } as ExcelJS.CellErrorValue, 2, 3),
        row('Potential Base', null, '3', 'ค', 30, null, 'ปริมาณ', 0.8, 0.85, 0.9),
      ],
      formats: { H6: '0%', I6: '0%', J6: '0%' },
    });
    expect(at(reading.issues, 'ตัวชี้วัด!E4')[0]?.message.th).toBe('ตัวชี้วัด!E4: น้ำหนักของตัวชี้วัด 1: "สิบ" ไม่ใช่ตัวเลข');
    expect(at(reading.issues, 'ตัวชี้วัด!I4')[0]?.message.en).toContain('"85%" has a % sign; enter the number without it, 85');
    expect(at(reading.issues, 'ตัวชี้วัด!H5')[0]?.message.en).toContain('Excel error (#N/A)');
    expect(at(reading.issues, 'ตัวชี้วัด!H6')[0]?.message.en).toContain('formatted as a percentage (80%)');
    expect(errors(reading.issues).every((i) => i.code === 'definitions-not-number')).toBe(true);
  });

  test('targets out of order, at the first target cell (the domain rule, said at the cell)', () => {
    const reading = read({
      rows: [
        row('Performance Base', null, '1', 'ก', 70, null, 'ปริมาณ', 90, 80, 95),
        row('Potential Base', null, '2', 'ข', 30, null, 'ปริมาณ', 1, 2, 3),
      ],
    });
    const [order] = at(reading.issues, 'ตัวชี้วัด!H4');
    expect(order?.code).toBe('targets-not-monotonic');
    expect(order?.message.th).toBe('ตัวชี้วัด!H4: ค่าเป้าหมายของตัวชี้วัด 1 (90 / 80 / 95) ต้องเรียงทางเดียวกัน ทั้งเพิ่มขึ้นหรือลดลงตามระดับ');
  });

  test('steps missing for ขั้นตอน, at the steps cell', () => {
    const reading = read({
      rows: [row('Performance Base', null, '1', 'ก', 70, null, 'ขั้นตอน'), row('Potential Base', null, '2', 'ข', 30, null, 'ปริมาณ', 1, 2, 3)],
    });
    expect(at(reading.issues, 'ตัวชี้วัด!K4')[0]?.code).toBe('milestone-without-steps');
  });

  test('a weight listing two sub-indicators with one row under it; a listed weight the row contradicts', () => {
    const one = read({
      rows: [
        row('Performance Base', null, '1', 'ก', '๗๐ (๓๕) (๓๕)'),
        row(null, null, '1.1', 'ข', null, null, 'ปริมาณ', 1, 2, 3),
        row('Potential Base', null, '2', 'ค', 30, null, 'ปริมาณ', 1, 2, 3),
      ],
    });
    // Without a parent column the listed sub-indicators are the rows right under it: 1.1 and 2.
    expect(one.issues.some((i) => i.cell === 'ตัวชี้วัด!E6' && i.code === 'definitions-sub-weight')).toBe(true);
    const missing = read({
      rows: [row('Performance Base', null, '1', 'ก', '๗๐ (๓๕) (๓๕)')],
      settings: { ...SETTINGS_DOC, components: [] },
    });
    expect(at(missing.issues, 'ตัวชี้วัด!E4')[0]?.code).toBe('definitions-sub-indicators');
  });

  test('an unknown component in a merged cell is said once, at the merged cell', () => {
    const reading = read({
      rows: [
        row('Performance Basis', null, '1', 'ก', 40, null, 'ปริมาณ', 1, 2, 3),
        row(null, null, '2', 'ข', 30, null, 'ปริมาณ', 1, 2, 3),
        row('Potential Base', null, '3', 'ค', 30, null, 'ปริมาณ', 1, 2, 3),
      ],
      merges: ['A4:A5'],
    });
    const unknown = reading.issues.filter((i) => i.code === 'definitions-unknown-component');
    expect(unknown.map((i) => i.cell)).toEqual(['ตัวชี้วัด!A4']);
  });

  test('a settings value that is not usable, at its cell on the settings sheet', () => {
    const reading = read({
      settings: { ...SETTINGS_DOC, components: [], fiscalYear: 'สองห้าหกเจ็ด' as unknown as number },
      rows: [row(null, null, '1', 'ก', 100, null, 'ปริมาณ', 1, 2, 3)],
    });
    expect(at(reading.issues, 'ตั้งค่าชุดตัวชี้วัด!B4')[0]?.code).toBe('definitions-not-number');
  });

  test('target columns for two of the three levels: said once at the header row, not on every row', () => {
    const headers = TH_HEADERS.filter((h) => h !== 'เป้าหมาย ขั้นสูง');
    const reading = read({
      headers,
      settings: { ...SETTINGS_DOC, components: [] },
      rows: [row(null, null, '1', 'ก', 100, null, 'ปริมาณ', 1, 2)],
    });
    expect(reading.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.cell])).toEqual([
      ['definitions-column-missing', 'ตัวชี้วัด!H3'],
    ]);
    expect(reading.issues[0]?.message.th).toContain('ไม่มีคอลัมน์เป้าหมายของ ขั้นสูง (เช่น "เป้าหมาย ขั้นสูง")');
  });

  test('round dates typed as dates are that day in Bangkok, opening at its start and closing at its end', () => {
    const wb = workbook({ settings: { ...SETTINGS_DOC, components: [] }, rows: [row(null, null, '1', 'ก', 100, null, 'ปริมาณ', 1, 2, 3)] });
    const ss = wb.getWorksheet('ตั้งค่าชุดตัวชี้วัด') as ExcelJS.Worksheet;
    let first = 0;
    ss.eachRow((r, n) => {
      if (first === 0 && r.getCell(1).value === 'รอบการรายงาน (Rounds)') first = n + 2;
    });
    ss.getCell(first, 2).value = new Date(Date.UTC(2024, 2, 25));
    ss.getCell(first, 3).value = new Date(Date.UTC(2024, 3, 11));
    ss.getCell(first, 4).value = 'ใช่';
    const r = readDefinitionsWorkbook(wb);
    expect(r.ok && r.value.document?.rounds?.[0]).toEqual({
      round: 6,
      opensAt: '2024-03-25T00:00:00+07:00',
      closesAt: '2024-04-11T23:59:59+07:00',
      allowLate: true,
    });
  });

  test('a KPI reporting workbook given to import is said to be one', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('KPI');
    wb.addWorksheet('_scorebook');
    const r = readDefinitionsWorkbook(wb);
    expect(!r.ok && r.issues[0]?.code).toBe('kpi-workbook-not-definitions');
  });

  test('an empty sheet and a sheet without a header row are said, not thrown', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('ตัวชี้วัด');
    const empty = readDefinitionsWorkbook(wb);
    const header = empty.ok ? empty.value.issues.find((i) => i.code === 'definitions-header-missing') : undefined;
    expect(header?.message.en).toBe('ตัวชี้วัด!A1: the sheet ตัวชี้วัด is empty: no table of indicators');
    const noHeader = read({ headers: ['ก', 'ข'], rows: [['1', 'x']] });
    expect(noHeader.issues.map((i) => i.code)).toContain('definitions-header-missing');
  });
});

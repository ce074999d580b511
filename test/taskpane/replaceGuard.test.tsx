/** @jest-environment jsdom */
/**
 * Nothing typed is replaced without the explicit second step. Every pane action that writes to a sheet runs
 * through a watching port (the browser preview's workbook underneath): before each write, every typed cell of
 * every sheet is noted; after it, each must still be there as typed, unless the person had just confirmed
 * "replace". Then the choices themselves: open in a new sheet (the default), keep my values as changed rows over
 * the server's, replace only after the second step.
 */
import './jsdomShims';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readNumber } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import { readServerLink } from '../../src/taskpane/model/serverLink';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import { WHAT_IF_HEADER } from '../../src/taskpane/model/whatIfColumn';
import { columnLetter, kpiLayout, parseAddress, requireColumn, type CellValue } from '../../src/workbook';
import { BINDING_SHEET } from '../../src/workbook/binding';
import type { WritePlan } from '../../src/workbook/plan';
import type { ApplyProgress, ApplyReport, ReadRequest, ReadResult, WorkbookPort } from '../../src/workbook/port';
import { SETTINGS_SHEET } from '../../src/workbook/settings';
import { FakeReportServer, stored } from './fakeReportServer';
import { sample } from './sheetGrid';

jest.setTimeout(60_000);

const pte = sample('pte-2567');
const layout = kpiLayout(pte.assessment);
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const cell = (role: 'result' | 'note', id: string): string => `${requireColumn(layout, role).letter}${rowOf(id)}`;

/** A typed cell: a constant a person could have written (not a formula, not blank), outside what the pane owns. */
type Typed = { sheet: string; row: number; column: number; value: CellValue };

/**
 * The preview workbook, watched: `apply` fails the test when a typed cell is gone or changed after it, unless
 * `replaceAllowed` was set by the test right after clicking the explicit replace button. Which actions wrote is
 * recorded, so the test can say it exercised each of them.
 */
class WatchedPort implements WorkbookPort {
  replaceAllowed = false;
  readonly applied: string[] = [];
  readonly violations: string[] = [];
  constructor(readonly wb: PreviewWorkbook) {}
  get capabilities() {
    return this.wb.capabilities;
  }
  read(request: ReadRequest): Promise<ReadResult> {
    return this.wb.read(request);
  }
  async apply(plan: WritePlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyReport> {
    const before = await this.typed();
    const report = await this.wb.apply(plan, onProgress);
    this.applied.push(plan.title);
    if (this.replaceAllowed) {
      this.replaceAllowed = false;
      return report;
    }
    const after = new Map((await this.typed()).map((t) => [`${t.sheet}!${t.row},${t.column}`, t.value]));
    // An inserted column or row moves what was there (nothing is lost): each cell is looked for where it went.
    const moved = (sheet: string, row: number, column: number): [number, number] => {
      let at: [number, number] = [row, column];
      for (const op of plan.ops) {
        if (op.kind === 'insertColumns' && op.sheet === sheet) {
          const [from, to = from] = op.columns.split(':').map((l) => parseAddress(`${l}1`).column) as [number, number?];
          if (at[1] >= from) at = [at[0], at[1] + to - from + 1];
        } else if (op.kind === 'insertRows' && op.sheet === sheet) {
          const [from, to = from] = op.rows.split(':').map(Number) as [number, number?];
          if (at[0] >= from) at = [at[0] + to - from + 1, at[1]];
        }
      }
      return at;
    };
    for (const t of before) {
      const [row, column] = moved(t.sheet, t.row, t.column);
      const now = after.get(`${t.sheet}!${row},${column}`);
      // Text the pane turned into the number it reads as (the one-click fix) is the same value, kept.
      const asNumber = typeof t.value === 'string' ? readNumber(t.value) : undefined;
      const kept = now === t.value || (asNumber?.kind === 'number' && now === asNumber.value);
      if (!kept)
        this.violations.push(`${plan.title}: ${t.sheet}!R${t.row}C${t.column} ${JSON.stringify(t.value)} → ${JSON.stringify(now ?? null)}`);
    }
    return report;
  }
  readBinding() {
    return this.wb.readBinding();
  }
  writeBinding(record: Parameters<WorkbookPort['writeBinding']>[0]) {
    return this.wb.writeBinding(record);
  }
  onChange(sheet: string, handler: Parameters<WorkbookPort['onChange']>[1]) {
    return this.wb.onChange(sheet, handler);
  }
  select(sheet: string, address: string) {
    return this.wb.select(sheet, address);
  }
  selectedRange() {
    return this.wb.selectedRange();
  }

  /** Typed cells of every sheet a person sees, apart from the pane's own status column. */
  private async typed(): Promise<Typed[]> {
    const sheets = this.wb.sheetNames().filter((s) => s !== BINDING_SHEET && s !== SETTINGS_SHEET);
    if (sheets.length === 0) return [];
    const read = await this.wb.read({ ranges: sheets.map((sheet) => ({ sheet, formulas: true, optional: true })) });
    const out: Typed[] = [];
    read.ranges.forEach((grid) => {
      if (!grid) return;
      const status = grid.values.map((r) => r.indexOf(STATUS_HEADER)).find((i) => i >= 0) ?? -1;
      grid.values.forEach((line, r) =>
        line.forEach((value, c) => {
          if (c === status || value === null || value === '' || grid.formulas?.[r]?.[c]) return;
          // Rows above a KPI table's header (title, summary) and the header itself are the template's.
          if (r < layout.headerRow) return;
          out.push({ sheet: grid.sheet, row: r + 1, column: c + 1, value });
        }),
      );
    });
    return out;
  }
}

function setup() {
  const server = new FakeReportServer(
    pte,
    { id: 'pte', name: 'จังหวัดปทุมธานี' },
    [{ round: 6, opensAt: '2024-02-29T17:00:00Z', closesAt: '2099-04-04T16:59:59Z' }],
    { username: 'pte.reporter', name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] },
  );
  server.reports = [stored('5', 3050, 2), stored('1', 90, 1)];
  const wb = new PreviewWorkbook();
  const port = new WatchedPort(wb);
  render(<App port={port} connect={server.connect} />);
  return { server, wb, port };
}

type User = ReturnType<typeof userEvent.setup>;

async function toServerTab(user: User): Promise<void> {
  await user.click(screen.getByRole('tab', { name: 'เซิร์ฟเวอร์' }));
  if (await screen.findByLabelText('ชื่อผู้ใช้').catch(() => undefined)) {
    await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
    await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
    await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  }
  await screen.findByText(/เข้าสู่ระบบเป็น/);
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('รับรายงาน'));
}

async function openFromServer(user: User): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
}

const value = (wb: PreviewWorkbook, sheet: string, address: string): CellValue => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return wb.value(sheet, Number(m[2]), column);
};

async function linkOf(wb: PreviewWorkbook) {
  const binding = await wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  return { sheet: binding?.ok ? binding.value.sheet : undefined, link: link?.ok ? link.value : undefined };
}

test('open from the server over a sheet with typed, unsent results: says so, opens in a new sheet by default; keep mine; replace only on the second step', async () => {
  const user = userEvent.setup();
  const { wb, port } = setup();
  await toServerTab(user);
  await openFromServer(user);
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  expect(value(wb, 'KPI', cell('result', '5'))).toBe(3050);

  // The person works: results (one typed as Thai digits, which the sheet cannot count), a note.
  act(() => {
    wb.type('KPI', cell('result', '2'), '๘๕');
    wb.type('KPI', cell('result', '8'), '40');
    wb.type('KPI', cell('result', '5'), '3100');
    wb.type('KPI', cell('note', '8'), 'ตามรายงานสาธารณสุขจังหวัด');
  });

  // Open again: nothing is written, the dialog says what would go.
  await openFromServer(user);
  await screen.findByTestId('replace-dialog');
  expect(screen.getByTestId('replace-what').textContent).toContain('ชีตนี้มีผลที่ยังไม่ได้ส่ง 3 แถว');
  expect((screen.getByRole('radio', { name: /เปิดในชีตใหม่ \(KPI \(2\)\)/ }) as HTMLInputElement).checked).toBe(true);
  await user.click(screen.getByRole('button', { name: 'ดำเนินการ' }));
  await screen.findByText(/ชีตเดิมยังอยู่ครบ เปิดในชีต KPI \(2\)/);
  expect(value(wb, 'KPI', cell('result', '2'))).toBe('๘๕');
  expect(value(wb, 'KPI', cell('result', '5'))).toBe(3100);
  expect(value(wb, 'KPI (2)', cell('result', '5'))).toBe(3050);
  expect((await linkOf(wb)).sheet).toBe('KPI (2)');

  // In the new sheet, typed again, then opened again with "keep my values": the server's rows, mine over them.
  act(() => wb.type('KPI (2)', cell('result', '8'), '41'));
  await openFromServer(user);
  await screen.findByTestId('replace-dialog');
  expect(screen.getByTestId('replace-what').textContent).toContain('ชีตนี้มีผลที่ยังไม่ได้ส่ง 1 แถว');
  await user.click(screen.getByRole('radio', { name: /เก็บค่าของฉันไว้/ }));
  await user.click(screen.getByRole('button', { name: 'ดำเนินการ' }));
  await screen.findByText(/เก็บค่าที่ท่านกรอกไว้ 1 แถว/);
  expect(value(wb, 'KPI (2)', cell('result', '8'))).toBe(41);
  expect(value(wb, 'KPI (2)', cell('result', '5'))).toBe(3050);
  expect((await linkOf(wb)).link?.rows['8']).toBeUndefined();

  // Replace: the first click only asks again; Back keeps everything; the confirm button replaces.
  await openFromServer(user);
  await screen.findByTestId('replace-dialog');
  await user.click(screen.getByRole('radio', { name: /แทนที่ชีตนี้/ }));
  await user.click(screen.getByRole('button', { name: 'ดำเนินการ' }));
  expect(screen.getByRole('alert').textContent).toContain('ย้อนกลับ (Undo) ไม่ได้');
  await user.click(screen.getByRole('button', { name: 'กลับ' }));
  await user.click(screen.getByRole('button', { name: 'ยกเลิก' }));
  await waitFor(() => expect(screen.queryByTestId('replace-dialog')).toBeNull());
  expect(value(wb, 'KPI (2)', cell('result', '8'))).toBe(41);

  await openFromServer(user);
  await screen.findByTestId('replace-dialog');
  await user.click(screen.getByRole('radio', { name: /แทนที่ชีตนี้/ }));
  await user.click(screen.getByRole('button', { name: 'ดำเนินการ' }));
  port.replaceAllowed = true;
  await user.click(screen.getByRole('button', { name: 'แทนที่ ค่าที่กรอกไว้จะหายไป' }));
  await screen.findByText(/เปิดชีต KPI \(2\) แล้ว/);
  expect(value(wb, 'KPI (2)', cell('result', '8'))).toBeNull();
  expect(port.violations).toEqual([]);
});

test('every pane action that writes a sheet keeps typed results, notes, unsent changes and own columns unless replace is confirmed', async () => {
  const user = userEvent.setup();
  const { wb, port } = setup();

  // Create, then type: results, a note, a value in the what-if column.
  await user.selectOptions(screen.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'pte-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('total');
  act(() => {
    wb.type('KPI', cell('result', '1'), '97');
    wb.type('KPI', cell('result', '2'), '1,234.5');
    wb.type('KPI', cell('note', '1'), 'ข้อมูลจากสำนักงานจังหวัด');
  });
  await user.click(screen.getByRole('tab', { name: 'สมมติผล' }));
  await user.click(await screen.findByRole('button', { name: 'เพิ่มคอลัมน์สมมติผล' }));
  await waitFor(() => expect(wb.sheetNames()).toContain('KPI'));
  const header = (await wb.read({ ranges: [{ sheet: 'KPI' }] })).ranges[0]!.values[layout.headerRow - 1]!;
  const whatIf = header.indexOf(WHAT_IF_HEADER);
  expect(whatIf).toBeGreaterThan(0);
  act(() => wb.type('KPI', `${columnLetter(whatIf + 1)}${rowOf('1')}`, '99'));

  // Create again over it: asked; cancelled, nothing written.
  await user.click(screen.getByRole('tab', { name: /สร้าง/ }));
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('replace-dialog');
  expect(screen.getByTestId('replace-what').textContent).toContain(WHAT_IF_HEADER);
  await user.click(screen.getByRole('button', { name: 'ยกเลิก' }));
  await screen.findByText(/ยกเลิกแล้ว ไม่มีอะไรถูกเขียนทับ/);
  // Multi-unit create, and create again choosing the new sheet.
  await user.click(screen.getByRole('radio', { name: /หลายหน่วยงาน/ }));
  const writes = port.applied.length;
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  const multi = await screen.findByTestId('replace-dialog').catch(() => undefined);
  if (multi) await user.click(screen.getByRole('button', { name: 'ดำเนินการ' }));
  await waitFor(() => expect(port.applied.length).toBeGreaterThan(writes));

  // The server: open (asked, new sheet), submit, refresh — each writes statuses or the sheet.
  await toServerTab(user);
  await openFromServer(user);
  const opened = await screen.findByTestId('replace-dialog').catch(() => undefined);
  if (opened) await user.click(screen.getByRole('button', { name: 'ดำเนินการ' }));
  await screen.findByText(/เปิดชีต .* แล้ว/);
  const { sheet } = await linkOf(wb);
  act(() => wb.type(sheet!, cell('result', '8'), '40'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await screen.findByTestId('submit-summary');
  await user.click(screen.getByRole('button', { name: 'ดึงสถานะจากเซิร์ฟเวอร์' }));
  await screen.findByText(/ปรับสถานะแล้ว/);

  expect(value(wb, 'KPI', cell('result', '1'))).toBe(97);
  // The what-if column was inserted beside the results: the note moved one column right with everything after it.
  const note = requireColumn(layout, 'note').column + 1;
  expect(value(wb, 'KPI', `${columnLetter(note)}${rowOf('1')}`)).toBe('ข้อมูลจากสำนักงานจังหวัด');
  expect(port.applied.length).toBeGreaterThanOrEqual(5);
  expect(port.violations).toEqual([]);
});

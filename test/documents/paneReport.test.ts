/**
 * The report the pane builds from a sheet (no server at hand) says what the server's report says for the same
 * rows: the same model — every figure, total, status and text — from the sheet as read (taskpane/model/sheetReport.ts)
 * as from the rows stored (server/routes/documents.ts), in Thai and with Thai digits.
 */
import { buildReportModel, type ReportModel } from '../../src/documents';
import { unitReportInput } from '../../src/server/routes/documents';
import { loadAssessment } from '../../src/taskpane/model/loadAssessment';
import { sheetReportInput } from '../../src/taskpane/model/sheetReport';
import { SERVER_LINK_FORMAT, type ServerLink } from '../../src/taskpane/model/serverLink';
import { BINDING_FORMAT, type BindingRecord } from '../../src/workbook/binding';
import { as, postBatch } from './../server/client';
import { AID, fixtureAssessment } from '../server/fixtures';
import { useHarness } from '../server/harness';
import { sheetGrid } from '../taskpane/sheetGrid';

const h = useHarness('memory');
const GENERATED = '2024-03-30T05:00:00.000Z';
const EXPLANATION = 'จัดอบรมครบทุกอำเภอ น้ำท่วมที่ลิ้นจี่ (ญี่ปุ่น)';
const OBSTACLES = 'งบประมาณล่าช้า เยิ้ม';

async function stored(): Promise<ServerLink['rows']> {
  const sent = await postBatch(
    h,
    'pte.reporter',
    [
      { indicatorId: '1', value: 87.5, explanation: EXPLANATION, obstacles: OBSTACLES, baseVersion: 0 },
      { indicatorId: '3', value: [true, true, true, false, false], baseVersion: 0 },
      { indicatorId: '4.1', value: 3, baseVersion: 0 },
      { indicatorId: '4.2', value: 7, remarks: 'ตัวเลขเบื้องต้น', baseVersion: 0 },
    ],
    { action: 'submit' },
  );
  expect(sent.statusCode).toBe(200);
  const approved = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${AID}/rounds/6/units/pte/reports/1/approve`,
    headers: await as(h, 'pte.approver'),
    payload: {},
  });
  expect(approved.statusCode).toBe(200);
  const list = await h.app.inject({
    method: 'GET',
    url: `/api/v1/assessments/${AID}/rounds/6/units/pte/reports`,
    headers: await as(h, 'pte.reporter'),
  });
  const rows: ServerLink['rows'] = {};
  for (const r of (list.json() as { reports: { indicatorId: string; version: number; value: unknown; status: string }[] }).reports) {
    rows[r.indicatorId] = { version: r.version, value: r.value, status: r.status as 'submitted' };
  }
  return rows;
}

function paneModel(rows: ServerLink['rows'], thaiDigits: boolean): ReportModel {
  const document = fixtureAssessment();
  const loaded = loadAssessment(document, AID);
  if (!loaded.ok) throw new Error('fixture does not load');
  const { grid, layout } = sheetGrid(loaded.value, {
    '1': { result: 87.5, explanation: EXPLANATION, obstacles: OBSTACLES },
    '3': { step1: 1, step2: 1, step3: 1, step4: 0, step5: 0 },
    '4.1': { result: 3 },
    '4.2': { result: 7, note: 'ตัวเลขเบื้องต้น' },
  });
  const link: ServerLink = { format: SERVER_LINK_FORMAT, target: { aid: AID, round: 6, unit: 'pte' }, rows, pending: [] };
  const record: BindingRecord = {
    format: BINDING_FORMAT,
    sheet: layout.sheet,
    table: 'KPI',
    settingsSheet: 'ScorebookSettings',
    headerRow: layout.headerRow,
    columns: {},
    assessment: document,
    server: link,
  };
  const sheet = sheetReportInput({ loaded: loaded.value, binding: record }, grid, { ok: true, value: record }, undefined, {
    locale: 'th',
    thaiDigits,
    generatedAt: GENERATED,
  });
  expect(sheet.target).toEqual({ aid: AID, round: 6, unit: 'pte' });
  return buildReportModel(sheet.input);
}

/** What a reader sees: every text of the model (the scores behind them are compared too). */
function seen(m: ReportModel): unknown {
  return {
    heading: [m.title, m.agency, m.assessmentTitle, m.fiscalYear, m.period, m.generatedOn],
    sections: m.sections,
    totals: m.totals,
    // The server lists evidence files; a sheet has none to list.
    notes: m.notes.map((n) => ({ ...n, evidence: [] })),
  };
}

test.each([false, true])('a sheet built locally gives the server report’s figures (Thai digits %s)', async (thaiDigits) => {
  const rows = await stored();
  const server = buildReportModel(await unitReportInput(h.db, AID, 6, 'pte', { locale: 'th', thaiDigits, generatedAt: GENERATED }));
  const pane = paneModel(rows, thaiDigits);
  expect(seen(pane)).toEqual(seen(server));
  expect(pane.report.total).toBe(server.report.total);
  expect(pane.report.official?.total).toBe(server.report.official?.total);
  // Both totals differ (one row approved), so the comparison above covers the certified figures too.
  expect(server.report.official?.total).not.toBe(server.report.total);
  expect(server.notes.find((n) => n.id === '1')?.explanation).toBe(EXPLANATION);
});

/**
 * The bound sheet as the server panel needs it, read through the port: the binding record, its server link, the
 * assessment, the used range and its reading. Errors come as PaneErrors the pane shows as they are.
 */
import { readKpiGrid } from '../workbook';
import type { WorkbookPort } from '../workbook/port';
import { PaneError } from './hooks/useAction';
import { loadAssessment } from './model/loadAssessment';
import { readServerLink, type ServerLink } from './model/serverLink';
import { SERVER_STRINGS } from './serverStrings';

export async function readLink(port: WorkbookPort): Promise<{ record: NonNullable<Awaited<ReturnType<typeof readRecord>>>; link: ServerLink }> {
  const record = await readRecord(port);
  if (!record) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
  const link = readServerLink(record.server);
  if (!link.ok) throw new PaneError(link.issues[0]!.message);
  return { record, link: link.value };
}

/** The bound sheet as it is now: its record, server link, assessment, used range and reading. */
export async function readSheet(port: WorkbookPort) {
  const { record, link } = await readLink(port);
  const loaded = loadAssessment(record.assessment, record.sheet);
  if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
  const grid = (await port.read({ ranges: [{ sheet: record.sheet }] })).ranges[0];
  const reading = grid ? readKpiGrid(loaded.value.assessment, grid, { headers: record.columns }) : undefined;
  if (!grid || !reading) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
  if (!reading.ok) throw new PaneError(reading.issues[0]!.message);
  return { record, link, assessment: loaded.value.assessment, grid, reading: reading.value };
}

async function readRecord(port: WorkbookPort) {
  const read = await port.readBinding();
  return read?.ok ? read.value : undefined;
}

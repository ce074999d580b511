/**
 * `scorebook submit <kpi.xlsx> --server URL --user NAME [--unit U] [--round R] [--action save|submit]`: reads a
 * filled KPI template, signs in (password from SCOREBOOK_PASSWORD, else asked for without echo, or the first
 * line of standard input when it is not a terminal), bases each row on the version the server holds now, sends
 * the rows that would change something there — result, explanation, obstacles and remarks (`batchRows`) —
 * through the API client (batches, retries, same keys) and prints each row's outcome.
 * Exit 0 when every row was accepted, 1 when any was not (or nothing could be sent), 2 when the file is unusable.
 */
import type { Command } from 'commander';
import { CliExit, type CliIo, type CliRun } from './cliIo';
import {
  allIndicators,
  centralVariables,
  formatNumber,
  formatInstantIn,
  isGroup,
  messageIn,
  readResultValue,
  sameResult,
  withCentralVariables,
  type Assessment,
  type Locale,
  type RawResult,
  type ResultSet,
} from '../domain';
import type { BatchRow, ReportRow, ReportStatus } from '../api';
import { ScorebookClient } from '../api/client';
import { isApiError } from '../api/clientError';
import type { FetchLike } from '../api/http';
import { isRefused, type BatchTarget } from '../api/pending';
import type { RowOutcome, SubmitReport } from '../api/submit';
import { changedTextFields, type RowTexts } from '../workbook/rowTexts';
import { FilePendingStore, PendingFileError, pendingFileOf } from './filePendingStore';
import { localeOf } from './locale';
import { resendLeftovers } from './resendLeftovers';

export interface SubmitArgs {
  readonly file: string;
  readonly server: string;
  readonly user: string;
  readonly password: () => Promise<string>;
  readonly unit?: string;
  readonly round?: number;
  readonly action: 'save' | 'submit';
  readonly locale: Locale;
  /** Test seams. */
  readonly fetch?: FetchLike;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Where unconfirmed batches are kept between runs; default beside the workbook (filePendingStore.ts). */
  readonly pendingFile?: string;
  /** Drop the batches the server refused as a whole from the pending file (after showing them once more). */
  readonly forgetRefused?: boolean;
}

type Say = (line: string) => void;

/** Runs a submit and returns the exit code; every line for the user goes through `out` (stdout) or `err`. */
export async function runSubmit(args: SubmitArgs, out: Say, err: Say): Promise<number> {
  const { locale } = args;
  const say = (th: string, en: string): string => (locale === 'th' ? th : en);
  // ExcelJS is loaded when the command runs: every other command would pay for loading it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx runs import() as ESM, which does not load .ts
  const { readTemplateFile } = require('./xlsx/readTemplate') as typeof import('./xlsx/readTemplate');
  const template = await readTemplateFile(args.file);
  if (!template.ok) {
    err(`${args.file}:`);
    for (const i of template.issues) err(`  ✘ ${messageIn(i.message, locale)}`);
    return 2;
  }
  const { assessment, resultSet } = template.value;
  const blocking = template.value.issues.filter((i) => i.severity === 'error');
  if (blocking.length > 0) {
    // The server would refuse these rows one by one; saying so before signing in saves the round trip.
    err(say(`แก้ไขในชีตก่อนส่ง (${blocking.length} รายการ):`, `fix the sheet before submitting (${blocking.length}):`));
    for (const i of blocking) err(`  ✘ ${i.cell ? `${i.cell}: ` : ''}${messageIn(i.message, locale)}`);
    return 1;
  }
  const rows = reportedRows(assessment, resultSet, template.value.texts);
  if (rows.length === 0) {
    out(say('ไม่มีผลการดำเนินงานในชีตที่จะส่ง', 'the sheet has no results to submit'));
    return 0;
  }

  const pending = new FilePendingStore(args.pendingFile ?? pendingFileOf(args.file), args.server);
  const client = new ScorebookClient({ baseUrl: args.server, fetch: args.fetch, now: args.now, sleep: args.sleep, pending });
  try {
    const session = await client.signIn(args.user, await args.password());
    if (args.forgetRefused) await forgetRefused(pending, locale, err);
    // What a run cut off before left unconfirmed goes first, under its keys; nothing new while any stays unsent.
    const left = await resendLeftovers(client);
    if (left) {
      err(
        say(
          `ส่งชุดที่ค้างจากครั้งก่อนอีกครั้ง (${left.rows} แถว จาก ${pending.path})`,
          `resending ${left.rows} rows left unconfirmed by an earlier run (${pending.path})`,
        ),
      );
      printReport({ outcomes: left.outcomes, late: false, ...(left.error ? { error: left.error } : {}) }, locale, out, err);
      if (left.stillPending > 0) {
        err(
          say(
            'ยังส่งชุดที่ค้างไม่สำเร็จ จึงยังไม่ส่งแถวใหม่ ข้อมูลยังเก็บไว้ในไฟล์ ลองใหม่เมื่อเชื่อมต่อเซิร์ฟเวอร์ได้',
            'the pending rows could not be confirmed, so no new rows were sent; they are kept in the file — run again when the server answers',
          ),
        );
        return 1;
      }
    }
    const target = await chooseTarget(client, assessment.id, session.user.units, args);
    if (!target.ok) {
      err(messageIn(target.message, locale));
      return 1;
    }
    const current = new Map((await client.listReports(target.value)).map((r) => [r.indicatorId, r]));
    const fresh = rows.filter((r) => !left?.confirmed(target.value, args.action, r.indicatorId, r.value));
    const batch = batchRows(fresh, current, args.action);
    const leftOk = !left || (left.outcomes.every((o) => o.outcome === 'accepted') && !left.error);
    const same = fresh.length - batch.length;
    if (same > 0 && batch.length > 0) {
      err(
        say(
          `ไม่ส่ง ${same} แถวที่บนเซิร์ฟเวอร์มีค่าและสถานะตรงกับในไฟล์แล้ว`,
          `${same} rows not sent: the server already holds them as they are, in that status`,
        ),
      );
    }
    if (batch.length === 0) {
      // After a resend of leftovers its outcomes said it all; otherwise say why nothing was sent.
      if (!left) out(say('ไม่มีสิ่งที่เปลี่ยนจากบนเซิร์ฟเวอร์', 'nothing differs from what the server holds'));
      await showRefused(pending, args.file, locale, err);
      return leftOk ? 0 : 1;
    }
    err(
      say(
        `ส่ง ${batch.length} แถว (${args.action === 'submit' ? 'ส่งรายงาน' : 'บันทึกร่าง'}) ชุดตัวชี้วัด ${target.value.aid} หน่วยงาน ${target.value.unit} รอบ ${target.value.round} เดือน`,
        `${args.action === 'submit' ? 'submitting' : 'saving'} ${batch.length} rows of ${target.value.aid}, unit ${target.value.unit}, ${target.value.round}-month round`,
      ),
    );
    const report = await client.submitRows(target.value, batch, { action: args.action });
    printReport(report, locale, out, err);
    await showRefused(pending, args.file, locale, err);
    if ((await pending.list()).some((b) => !isRefused(b))) {
      err(
        say(
          `เก็บชุดที่ยังไม่ได้รับการยืนยันไว้ใน ${pending.path} จะส่งอีกครั้ง (รหัสชุดเดิม) เมื่อสั่ง scorebook submit ไฟล์นี้ครั้งถัดไป`,
          `the unconfirmed batches are kept in ${pending.path} and resent under their keys by the next scorebook submit of this file`,
        ),
      );
    }
    return leftOk && report.outcomes.every((o) => o.outcome === 'accepted') && !report.error ? 0 : 1;
  } catch (e) {
    if (e instanceof PendingFileError) {
      err(messageIn(e.userMessage, locale));
      return 2;
    }
    if (!isApiError(e)) throw e;
    err(messageIn(e.userMessage, locale));
    return 1;
  }
}

/**
 * Batches the server refused as a whole stay in the pending file, never resent: said on every run, with the
 * server's words, until the person fixes the sheet and drops them with --forget-refused.
 */
async function showRefused(pending: FilePendingStore, file: string, locale: Locale, err: Say): Promise<void> {
  const refused = (await pending.list()).filter(isRefused);
  if (refused.length === 0) return;
  const th = locale === 'th';
  err(
    th
      ? `เซิร์ฟเวอร์ปฏิเสธ ${refused.length} ชุดข้อมูลทั้งชุด ไม่มีแถวใดถูกบันทึก ชุดเหล่านี้เก็บไว้ใน ${pending.path} และจะไม่ถูกส่งซ้ำ:`
      : `the server refused ${refused.length} batches as a whole (none of their rows was stored); they are kept in ${pending.path} and never resent:`,
  );
  for (const b of refused) {
    const ids = b.body.rows.map((r) => r.indicatorId);
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} …` : ids.join(', ');
    err(
      `  ✘ ${b.refused!.at} · ${ids.length} ${th ? 'แถว' : 'rows'} (${shown}) · HTTP ${b.refused!.status} ${b.refused!.code}: ${messageIn(b.refused!.message, locale)}`,
    );
  }
  err(
    th
      ? `แก้ไขแถวในชีตแล้วส่งใหม่ จากนั้นสั่ง scorebook submit ${file} --forget-refused เพื่อลบชุดที่ถูกปฏิเสธออกจากไฟล์`
      : `fix those rows in the sheet and submit again; then drop the refused batches from the file with scorebook submit ${file} --forget-refused`,
  );
}

async function forgetRefused(pending: FilePendingStore, locale: Locale, err: Say): Promise<void> {
  const refused = (await pending.list()).filter(isRefused);
  for (const b of refused) await pending.remove(b.key);
  err(
    locale === 'th'
      ? `ลบชุดข้อมูลที่เซิร์ฟเวอร์ปฏิเสธ ${refused.length} ชุดออกจาก ${pending.path}`
      : `dropped ${refused.length} refused batches from ${pending.path}`,
  );
}

export interface SheetRow {
  readonly indicatorId: string;
  /** Undefined when the result is blank (the row carries only texts). */
  readonly value: RawResult | undefined;
  readonly texts: RowTexts;
  /** A ratio's central variables (supplied by the central office, kept by the server when blank here). */
  readonly central: readonly string[];
}

/**
 * The rows with something entered: a result (blank, by the domain's own reading of "not reported", is not one)
 * or an explanation, obstacles or remarks. Each carries every text the sheet has a column for; blank is null.
 */
function reportedRows(assessment: Assessment, resultSet: ResultSet, texts: ReadonlyMap<string, RowTexts>): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const indicator of allIndicators(assessment)) {
    if (isGroup(indicator)) continue;
    const raw = resultSet.results[indicator.id];
    const own = texts.get(indicator.id) ?? {};
    const blank = raw === undefined || readResultValue(indicator, raw).status === 'not-reported';
    if (blank && Object.values(own).every((t) => t === null || t === undefined)) continue;
    const central = centralVariables(indicator);
    rows.push({ indicatorId: indicator.id, value: blank ? undefined : raw, texts: own, central });
  }
  return rows;
}

/**
 * The statuses in which an unchanged row needs nothing from `action`: sending it would only make a new version of
 * the same row. `submit`: already submitted, or approved (the server would answer locked). `save`: a draft
 * already; a submitted row is not withdrawn to draft by a save that changes nothing in it; approved is locked. A
 * returned row always goes: resubmitted unchanged, it goes back to the approver (their question may have been
 * answered elsewhere, by evidence files or by phone); saved unchanged, the unit takes it back as its draft.
 */
export const UNCHANGED_NEEDS_NOTHING: Readonly<Record<'save' | 'submit', readonly ReportStatus[]>> = {
  submit: ['submitted', 'approved'],
  save: ['draft', 'submitted', 'approved'],
};

/**
 * Each row based on the version the server holds now, only when it would change something there (a second run
 * of the same file sends nothing). A row with a result is left out when its result and texts equal the server's
 * and the server's status already is what `action` would make it (UNCHANGED_NEEDS_NOTHING). A row with only texts
 * keeps the server's result and is sent only when a text differs from the server's (one set back to it is not a
 * change): its blank result says the person did not report on it in this file, so nothing is resubmitted for them.
 */
export function batchRows(rows: readonly SheetRow[], current: ReadonlyMap<string, ReportRow>, action: 'save' | 'submit'): BatchRow[] {
  return rows.flatMap((r): BatchRow[] => {
    const server = current.get(r.indicatorId);
    const textsSame = changedTextFields(r.texts, server).length === 0;
    if (r.value === undefined && textsSame) return [];
    if (
      server &&
      textsSame &&
      sameResult(withCentralVariables(r.value ?? server.value, server.value, r.central), server.value) &&
      UNCHANGED_NEEDS_NOTHING[action].includes(server.status)
    ) {
      return [];
    }
    return [{ indicatorId: r.indicatorId, value: r.value ?? server?.value ?? null, ...r.texts, baseVersion: server?.version ?? 0 }];
  });
}

type TargetChoice = { ok: true; value: BatchTarget } | { ok: false; message: { th: string; en: string } };

/** The unit: --unit, else the user's only unit. The round: --round, else the one whose window is open now. */
async function chooseTarget(client: ScorebookClient, aid: string, units: readonly string[], args: SubmitArgs): Promise<TargetChoice> {
  const unit = args.unit ?? (units.length === 1 ? units[0] : undefined);
  if (!unit) {
    return {
      ok: false,
      message: {
        th: `ระบุหน่วยงานด้วย --unit (ท่านมีสิทธิ์ใน ${units.join(', ') || 'ไม่มีหน่วยงาน'})`,
        en: `name the unit with --unit (yours: ${units.join(', ') || 'none'})`,
      },
    };
  }
  if (args.round !== undefined) return { ok: true, value: { aid, round: args.round, unit } };
  const summary = (await client.listAssessments()).find((a) => a.id === aid);
  if (!summary) return { ok: false, message: { th: `เซิร์ฟเวอร์ไม่มีชุดตัวชี้วัด ${aid}`, en: `the server has no assessment ${aid}` } };
  const now = client.now().getTime();
  const open = summary.rounds.filter((r) => Date.parse(r.opensAt) <= now && now <= Date.parse(r.closesAt));
  if (open.length !== 1) {
    const all = summary.rounds.map((r) => r.round).join(', ');
    return {
      ok: false,
      message: { th: `ระบุรอบด้วย --round (รอบของชุดนี้: ${all})`, en: `name the round with --round (this assessment's rounds: ${all})` },
    };
  }
  return { ok: true, value: { aid, round: open[0]!.round, unit } };
}

const LABELS: Record<RowOutcome['outcome'], { th: string; en: string; mark: string }> = {
  accepted: { th: 'รับแล้ว', en: 'accepted', mark: '✔' },
  conflict: { th: 'ขัดแย้ง', en: 'conflict', mark: '✘' },
  invalid: { th: 'ไม่ถูกต้อง', en: 'invalid', mark: '✘' },
  locked: { th: 'อนุมัติแล้ว แก้ไขไม่ได้', en: 'locked (approved)', mark: '✘' },
  pending: { th: 'ยังไม่ได้รับการยืนยัน', en: 'not confirmed', mark: '…' },
  refused: { th: 'ถูกปฏิเสธ', en: 'refused', mark: '✘' },
};

function shown(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value, Number.isInteger(value) ? 0 : 2) : JSON.stringify(value);
}

export function outcomeLine(o: RowOutcome, locale: Locale): string {
  const th = locale === 'th';
  const label = LABELS[o.outcome];
  const head = `${label.mark} ${th ? 'ตัวชี้วัด' : 'indicator'} ${o.indicatorId}: ${th ? label.th : label.en}`;
  if (o.outcome === 'pending' || o.outcome === 'refused') return `${head} — ${messageIn(o.error.userMessage, locale)}`;
  const { result } = o;
  if (o.outcome === 'accepted')
    return `${head}${result.version !== undefined ? ` (${th ? 'รุ่น' : 'version'} ${result.version})` : ''}${result.late ? (th ? ' — ส่งช้า' : ' — late') : ''}`;
  if (o.outcome === 'invalid') return `${head} — ${(result.issues ?? []).map((i) => messageIn(i.message, locale)).join('; ')}`;
  const c = result.current;
  if (!c) return head;
  if (o.outcome === 'locked')
    return th
      ? `${head} — ${c.updatedBy} อนุมัติเมื่อ ${formatInstantIn(c.updatedAt, locale)}`
      : `${head} — approved by ${c.updatedBy} on ${formatInstantIn(c.updatedAt, locale)}`;
  return th
    ? `${head} — ${c.updatedBy} แก้ไขเมื่อ ${formatInstantIn(c.updatedAt, locale)} ค่าบนเซิร์ฟเวอร์ ${shown(c.value)} (รุ่น ${c.version})`
    : `${head} — changed by ${c.updatedBy} on ${formatInstantIn(c.updatedAt, locale)}; the server holds ${shown(c.value)} (version ${c.version})`;
}

function printReport(report: SubmitReport, locale: Locale, out: Say, err: Say): void {
  for (const o of report.outcomes) out(outcomeLine(o, locale));
  const counts = new Map<string, number>();
  for (const o of report.outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${locale === 'th' ? LABELS[k as RowOutcome['outcome']].th : k} ${n}`);
  err(parts.join(', '));
  if (report.late)
    err(
      locale === 'th'
        ? 'รับไว้หลังปิดรอบ คะแนนจะถูกหักตามจำนวนวันทำการที่ส่งช้า'
        : 'accepted after the round closed: the score carries the late penalty',
    );
  if (report.error) err(messageIn(report.error.userMessage, locale));
}

/** SCOREBOOK_PASSWORD, else asked for on a terminal without echo, else the first line of standard input. */
export async function readPassword(cli: CliIo): Promise<string> {
  const fromEnv = cli.env.SCOREBOOK_PASSWORD;
  if (fromEnv) return fromEnv;
  const stdin = cli.stdin;
  const setRawMode = (raw: boolean): unknown => stdin.setRawMode?.(raw);
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  cli.stderr.write('รหัสผ่าน / password: ');
  setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          cli.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          cli.stderr.write('\n');
          reject(new CliExit(130));
          return;
        }
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
  });
}

interface SubmitOptions {
  server: string;
  user: string;
  unit?: string;
  round?: string;
  action: string;
  forgetRefused?: boolean;
}

export function registerSubmitCommand(program: Command, cli: CliRun): void {
  program
    .command('submit')
    .description("submit a filled KPI template to the reporting API, printing each row's outcome / ส่งผลตัวชี้วัดจากไฟล์ไปยังเซิร์ฟเวอร์")
    .argument('<kpi.xlsx>', 'a KPI template made by scorebook template (or the add-in) and filled in')
    .requiredOption('--server <url>', 'the reporting API, e.g. https://scorebook.example.go.th')
    .requiredOption('--user <name>', 'your username; the password comes from SCOREBOOK_PASSWORD or is asked for')
    .option('--unit <unit>', 'the unit reported on (default: your only unit)')
    .option('--round <months>', 'the round, 3/6/9/12 (default: the round open now)')
    .option('--action <action>', 'save (a draft) or submit (for approval)', 'submit')
    .option('--forget-refused', 'drop from the pending file the batches the server refused as a whole (shown on every run until then)')
    .action(async (file: string, options: SubmitOptions) => {
      if (options.action !== 'save' && options.action !== 'submit')
        throw new Error(`--action must be save or submit, not "${options.action}"`);
      const round = options.round === undefined ? undefined : Number(options.round);
      if (round !== undefined && (!Number.isInteger(round) || round < 1 || round > 12))
        throw new Error(`--round must be a number of months 1–12, not "${options.round}"`);
      cli.exitCode = await runSubmit(
        {
          file,
          server: options.server,
          user: options.user,
          unit: options.unit,
          round,
          action: options.action,
          locale: localeOf(program),
          password: () => readPassword(cli),
          forgetRefused: options.forgetRefused === true,
        },
        (line) => cli.stdout.write(`${line}\n`),
        (line) => cli.stderr.write(`${line}\n`),
      );
    });
}

/**
 * Open from the server: pick assessment, unit and round (its window in Buddhist-Era dates, with the days left), and
 * write the KPI sheet with the server's rows in it; the binding record remembers the link (serverLink.ts). A sheet
 * holding typed work is not written over without the person's choice (replaceCheck.ts, ReplaceDialog.tsx).
 */

import { Button, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ApiRound, Session as ApiSession } from '../../api';
import type { BatchTarget } from '../../api/pending';
import type { Message } from '../../domain';
import { resultInputs } from '../../workbook';
import { kpiSheetPlan } from '../../workbook/kpiPlan';
import type { WorkbookPort } from '../../workbook/port';
import { errorMessage, PaneError } from '../hooks/useAction';
import { freeSheetName, useReplaceGuard } from '../hooks/useReplaceGuard';
import { useReplaceStrings } from '../replaceStrings';
import { loadAssessment } from '../model/loadAssessment';
import { checkTarget, ownColumnOps, overlay, typedInputs } from '../model/replaceCheck';
import type { ServerLink } from '../model/serverLink';
import { inputsWithTexts, linkFromReports, roundWindow } from '../model/serverSheet';
import type { Session } from '../model/session';
import { useServerStrings } from '../serverStrings';
import type { ServerClient } from './serverClient';

/** A table name for a KPI sheet opened beside another (table names are the workbook's, not the sheet's). */
const tableFor = (sheet: string): string => `ScorebookKPI_${sheet.replace(/[^A-Za-z0-9]+/g, '_')}`;

type Summary = Awaited<ReturnType<ServerClient['listAssessments']>>[number];

export function OpenFromServer({ client, session, baseUrl, port, now, onOpened, onError, onTarget, onRound, onAssessments }: {
  client: ServerClient; session: ApiSession; baseUrl: string; port: WorkbookPort; now: () => Date; onOpened: (s: Session) => void; onError: (m: Message) => void;
  onTarget: (t: BatchTarget | undefined) => void;
  /** The chosen round itself (its window, whether it takes late reports), for the submit area's notice. */
  onRound?: (r: ApiRound | undefined) => void;
  /** The assessments with their rounds, once loaded: the linked sheet's round is looked up in them. */
  onAssessments?: (list: readonly Summary[]) => void;
}): JSX.Element {
  const { s, date } = useServerStrings();
  const [list, setList] = useState<Summary[]>([]);
  const [aid, setAid] = useState('');
  const [unit, setUnit] = useState('');
  const [round, setRound] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const guard = useReplaceGuard();
  const { r: r2 } = useReplaceStrings();

  useEffect(() => {
    client.listAssessments().then((l) => {
      setList(l);
      onAssessments?.(l);
      const first = l[0];
      if (first) setAid(first.id);
    }, (e: unknown) => onError(errorMessage(e)));
  }, [client, onError, onAssessments]);

  const chosen = list.find((a) => a.id === aid);
  const central = session.user.roles.includes('central');
  const units = useMemo(() => (chosen?.units ?? []).filter((u) => central || session.user.units.includes(u.id)), [chosen, central, session]);
  useEffect(() => setUnit(units[0]?.id ?? ''), [units]);
  useEffect(() => {
    const rounds = chosen?.rounds ?? [];
    const open = rounds.find((r) => roundWindow(r, now()).state === 'open') ?? rounds[0];
    setRound(open ? String(open.round) : '');
  }, [chosen, now]);
  const r = chosen?.rounds.find((x) => String(x.round) === round);
  const w = r ? roundWindow(r, now()) : undefined;
  useEffect(() => onTarget(chosen && unit && r ? { aid: chosen.id, round: r.round, unit } : undefined), [chosen, unit, r, onTarget]);
  useEffect(() => onRound?.(r), [r, onRound]);

  const open = async (): Promise<void> => {
    if (!chosen || !unit || !r) return;
    setBusy(true);
    setDone(undefined);
    try {
      const target = { aid: chosen.id, round: r.round, unit };
      const document = await client.getAssessment(chosen.id);
      const loaded = loadAssessment(document, chosen.id);
      if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
      const assessment = loaded.value.assessment;
      const reports = await client.listReports(target);
      const { results, link } = linkFromReports(baseUrl, target, reports);
      // Each row's result, explanation, obstacles and remarks, as the server holds them.
      const inputs = inputsWithTexts(resultInputs(assessment, results), reports);
      // The link goes into the record the plan writes (one apply, no second write of the record).
      const build = (sheetInputs: typeof inputs, pending: ServerLink['pending'], layout?: { sheet: string; table: string }) =>
        kpiSheetPlan({ assessment, document, inputs: sheetInputs, server: { ...link, pending }, layout });
      let built = build(inputs, []);
      // What the sheet holds now: nothing typed is written over without the person's second, explicit step.
      let now = await checkTarget(port, built.plan);
      // The sheet bound now is the one opened into (asked about too): another would leave it, and its unsent rows, unlinked.
      let place = now.record && !now.record.multiUnit && now.record.sheet !== built.layout.sheet ? { sheet: now.record.sheet, table: now.record.table } : undefined;
      if (place) now = await checkTarget(port, build(inputs, [], place).plan);
      const pending = now.link?.pending ?? [];
      built = build(inputs, pending, place);
      let note: string | undefined;
      const loss = now.losses[0];
      if (loss) {
        const canKeep = now.bound !== undefined && now.bound.assessment.id === assessment.id && now.record?.sheet === built.layout.sheet;
        const newSheet = await freeSheetName(port, built.layout.sheet);
        const choice = await guard.ask(loss, { newSheet, canKeep });
        if (!choice) {
          setDone(r2.cancelled);
          return;
        }
        if (choice === 'new-sheet') {
          place = { sheet: newSheet, table: tableFor(newSheet) };
          built = build(inputs, pending, place);
          note = r2.keptNew(newSheet);
        } else if (choice === 'keep-mine' && now.bound) {
          const mine = typedInputs(now.bound.assessment, now.bound.grid, now.bound.reading);
          built = build(overlay(inputs, mine), pending, place);
          built = { ...built, plan: { ...built.plan, ops: [...built.plan.ops, ...ownColumnOps(now.bound.grid, built.layout.columns.length + 1)] } };
          const differs = [...mine].filter(([id, m]) => Object.entries(m).some(([k, v]) => JSON.stringify(inputs.get(id)?.[k as keyof typeof m] ?? null) !== JSON.stringify(v)));
          note = r2.keptMine(differs.length);
        }
      }
      await port.apply(built.plan);
      onOpened({ loaded: loaded.value, binding: built.binding });
      setDone([s.opened(built.layout.sheet, reports.length), note].filter(Boolean).join(' · '));
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sb-stack">
      <Subtitle2>{s.openHeading}</Subtitle2>
      <Field label={s.assessment}>
        <Select value={aid} onChange={(_, d) => setAid(d.value)}>
          {list.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
        </Select>
      </Field>
      <Field label={s.unit}>
        <Select value={unit} onChange={(_, d) => setUnit(d.value)}>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </Select>
      </Field>
      <Field label={s.round}>
        <Select value={round} onChange={(_, d) => setRound(d.value)}>
          {(chosen?.rounds ?? []).map((x) => <option key={x.round} value={String(x.round)}>{s.roundLabel(x.round)}</option>)}
        </Select>
      </Field>
      {w ? (
        <div data-testid="round-window">
          {s.window(date(w.opensAt), date(w.closesAt))} · {w.state === 'open' ? s.daysLeft(w.daysLeft) : w.state === 'not-yet' ? s.notYetOpen : w.allowLate ? s.closedLate : s.closed}
        </div>
      ) : null}
      <Button appearance="primary" disabled={busy || !chosen || !unit || !r} onClick={() => void open()}>{s.open}</Button>
      {busy ? <div role="status">{s.opening}</div> : null}
      {done ? <div role="status">{done}</div> : null}
      {guard.dialog}
    </div>
  );
}

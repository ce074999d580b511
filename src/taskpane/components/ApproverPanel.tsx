/**
 * Approver mode: the unit's submitted rows in the round, approved or returned with a comment, one by one or the
 * selected ones together. Each decision carries the version the approver saw, so a row changed meanwhile is a
 * conflict the approver is told about, never approved unseen.
 */
import { Button, Checkbox, Field, Subtitle2, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReportRow } from '../../api';
import type { BatchTarget } from '../../api/pending';
import type { Message } from '../../domain';
import { errorMessage } from '../hooks/useAction';
import { useLocale } from '../i18n';
import { useServerStrings } from '../serverStrings';

export interface ApproverClient {
  listReports(t: BatchTarget): Promise<ReportRow[]>;
  approve(t: BatchTarget, indicatorId: string, o: { comment?: string; version?: number }): Promise<ReportRow>;
  returnRow(t: BatchTarget, indicatorId: string, o: { comment: string; version?: number }): Promise<ReportRow>;
}

export function ApproverPanel({ client, target }: { client: ApproverClient; target: BatchTarget }): JSX.Element {
  const { s } = useServerStrings();
  const { m } = useLocale();
  const [rows, setRows] = useState<ReportRow[]>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ id: string; message: Message }[]>([]);
  const [done, setDone] = useState<string>();

  const load = async (): Promise<void> => {
    setFailures([]);
    try {
      const submitted = (await client.listReports(target)).filter((r) => r.status === 'submitted');
      setRows(submitted);
      setSelected(new Set(submitted.map((r) => r.indicatorId)));
    } catch (e) {
      setFailures([{ id: '', message: errorMessage(e) }]);
    }
  };

  const decide = async (decision: 'approve' | 'return'): Promise<void> => {
    if (!rows) return;
    setBusy(true);
    setDone(undefined);
    const failed: { id: string; message: Message }[] = [];
    let n = 0;
    // One at a time: each answer is that row's own, and one refusal never stops the others.
    for (const row of rows.filter((r) => selected.has(r.indicatorId))) {
      try {
        if (decision === 'approve') await client.approve(target, row.indicatorId, { version: row.version, ...(comment ? { comment } : {}) });
        else await client.returnRow(target, row.indicatorId, { comment, version: row.version });
        n++;
      } catch (e) {
        failed.push({ id: row.indicatorId, message: errorMessage(e) });
      }
    }
    setFailures(failed);
    setDone(decision === 'approve' ? s.approvedN(n) : s.returnedN(n));
    setBusy(false);
    await load();
    setFailures(failed);
  };

  const toggle = (id: string, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <div className="sb-stack">
      <Subtitle2>{s.approverHeading}</Subtitle2>
      <Button onClick={() => void load()}>{s.loadSubmitted}</Button>
      {rows ? (
        rows.length === 0 ? <div role="status">{s.noneSubmitted}</div> : (
          <ul aria-label={s.approverHeading} className="sb-list">
            {rows.map((r) => (
              <li key={r.indicatorId}>
                <Checkbox checked={selected.has(r.indicatorId)} onChange={(_, d) => toggle(r.indicatorId, d.checked === true)}
                  label={`${r.indicatorId}: ${JSON.stringify(r.value)} (${r.updatedBy})`} />
              </li>
            ))}
          </ul>
        )
      ) : null}
      {rows && rows.length > 0 ? (
        <>
          <Field label={s.comment} hint={s.commentHint}><Textarea value={comment} onChange={(_, d) => setComment(d.value)} /></Field>
          <div className="sb-row">
            <Button appearance="primary" disabled={busy || selected.size === 0} onClick={() => void decide('approve')}>{s.approveSelected(selected.size)}</Button>
            <Button disabled={busy || selected.size === 0 || comment.trim() === ''} onClick={() => void decide('return')}>{s.returnSelected(selected.size)}</Button>
          </div>
        </>
      ) : null}
      {done ? <div role="status" data-testid="approver-done">{done}</div> : null}
      {failures.map((f) => <div role="alert" key={f.id}>{f.id ? `${f.id}: ` : ''}{m(f.message)}</div>)}
    </div>
  );
}

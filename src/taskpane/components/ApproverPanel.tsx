/**
 * Approver mode: the unit's submitted rows in the round, each shown as the approver decides on it (indicator number
 * and name in indicator order, the value as the reporter typed it, targets, level and score, the reporter's
 * explanation and obstacles, the evidence files to open: model/approvalRows.ts), approved or returned with a
 * comment, one by one or the ticked ones together. Nothing is ticked for the approver; the comment goes after each
 * decision, so it is never carried to the next batch by accident; a return needs one. Each decision carries the
 * version the approver saw, so a row changed meanwhile is a conflict the approver is told about, never approved
 * unseen. What is shown lives in the pane's store: a tab switch keeps it.
 */
import { Button, Caption1, Checkbox, Field, Subtitle2, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiAssessmentDocument, Attachment, ReportRow } from '../../api';
import type { DownloadedFile } from '../../api/evidence';
import type { BatchTarget } from '../../api/pending';
import type { Assessment, Message } from '../../domain';
import { errorMessage } from '../hooks/useAction';
import { useLocale } from '../i18n';
import { bangkokWhen } from '../model/conflicts';
import { approvalViews, type ApprovalView } from '../model/approvalRows';
import { loadAssessment } from '../model/loadAssessment';
import { usePaneState } from '../paneStore';
import { useServerStrings } from '../serverStrings';
import { openInBrowser } from './EvidencePanel';

export interface ApproverClient {
  listReports(t: BatchTarget): Promise<ReportRow[]>;
  approve(t: BatchTarget, indicatorId: string, o: { comment?: string; version?: number }): Promise<ReportRow>;
  returnRow(t: BatchTarget, indicatorId: string, o: { comment: string; version?: number }): Promise<ReportRow>;
  /** The assessment, for names, order, targets and scores; without it the rows show by id. */
  getAssessment?(aid: string): Promise<ApiAssessmentDocument>;
  listAttachments?(t: BatchTarget, indicatorId: string): Promise<Attachment[]>;
  downloadAttachment?(t: BatchTarget, a: Pick<Attachment, 'id' | 'indicatorId' | 'filename' | 'contentType'>): Promise<DownloadedFile>;
}

const keyOf = (t: BatchTarget): string => `${t.aid}/${t.unit}/${t.round}`;

export function ApproverPanel({
  client,
  target,
  openFile = openInBrowser,
}: {
  client: ApproverClient;
  target: BatchTarget;
  openFile?: (f: DownloadedFile) => void;
}): JSX.Element {
  const { s, locale } = useServerStrings();
  const { m } = useLocale();
  /** The rows shown, for the round they were loaded for (another round chosen: they are not its rows). */
  const [loaded, setLoaded] = usePaneState<{ key: string; rows: ReportRow[]; assessment?: Assessment } | undefined>(
    'approver.rows',
    undefined,
  );
  const [selected, setSelected] = usePaneState<ReadonlySet<string>>('approver.selected', () => new Set());
  const [comment, setComment] = usePaneState('approver.comment', '');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = usePaneState<{ id: string; message: Message }[]>('approver.failures', []);
  const [done, setDone] = usePaneState<string | undefined>('approver.done', undefined);
  const current = loaded?.key === keyOf(target) ? loaded : undefined;
  const rows = current?.rows;

  const load = async (): Promise<void> => {
    setFailures([]);
    try {
      const submitted = (await client.listReports(target)).filter((r) => r.status === 'submitted');
      // The assessment once per round shown (its names, order and targets do not change under the approver).
      let assessment = loaded?.key === keyOf(target) || loaded?.key.startsWith(`${target.aid}/`) ? loaded.assessment : undefined;
      if (!assessment && client.getAssessment) {
        const read = loadAssessment(await client.getAssessment(target.aid), target.aid);
        if (read.ok) assessment = read.value.assessment;
      }
      setLoaded({ key: keyOf(target), rows: submitted, assessment });
      // Nothing ticked: the approver ticks what they have looked at.
      setSelected((was) => new Set(submitted.map((r) => r.indicatorId).filter((id) => was.has(id))));
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
        if (decision === 'approve')
          await client.approve(target, row.indicatorId, { version: row.version, ...(comment.trim() ? { comment } : {}) });
        else await client.returnRow(target, row.indicatorId, { comment, version: row.version });
        n++;
      } catch (e) {
        failed.push({ id: row.indicatorId, message: errorMessage(e) });
      }
    }
    setDone(decision === 'approve' ? s.approvedN(n) : s.returnedN(n));
    // The comment was for these rows; the next batch gets its own.
    setComment('');
    setSelected(new Set(failed.map((f) => f.id)));
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

  const views = rows ? approvalViews(current?.assessment, rows, locale) : [];
  const ticked = views.filter((v) => selected.has(v.id)).length;
  const noComment = comment.trim() === '';
  return (
    <div className="sb-stack">
      <Subtitle2>{s.approverHeading}</Subtitle2>
      <Button onClick={() => void load()}>{s.loadSubmitted}</Button>
      {rows ? (
        rows.length === 0 ? (
          <div role="status">{s.noneSubmitted}</div>
        ) : (
          <>
            <Checkbox
              checked={ticked === views.length ? true : ticked === 0 ? false : 'mixed'}
              label={s.selectAll}
              onChange={(_, d) => setSelected(new Set(d.checked === true ? views.map((v) => v.id) : []))}
            />
            <ul aria-label={s.approverHeading} className="sb-list sb-approval-list">
              {views.map((v) => (
                <ApprovalRow
                  key={v.id}
                  view={v}
                  checked={selected.has(v.id)}
                  onToggle={(on) => toggle(v.id, on)}
                  client={client}
                  target={target}
                  openFile={openFile}
                />
              ))}
            </ul>
          </>
        )
      ) : null}
      {rows && rows.length > 0 ? (
        <>
          <Field label={s.comment} hint={s.commentHint}>
            <Textarea value={comment} onChange={(_, d) => setComment(d.value)} />
          </Field>
          <div className="sb-row">
            <Button appearance="primary" disabled={busy || ticked === 0} onClick={() => void decide('approve')}>
              {s.approveSelected(ticked)}
            </Button>
            <Button disabled={busy || ticked === 0 || noComment} onClick={() => void decide('return')}>
              {s.returnSelected(ticked)}
            </Button>
          </div>
          {ticked > 0 && noComment ? (
            <Caption1 className="sb-muted" data-testid="return-needs-comment">
              {s.commentRequired}
            </Caption1>
          ) : null}
        </>
      ) : null}
      {done ? (
        <div role="status" data-testid="approver-done">
          {done}
        </div>
      ) : null}
      {failures.map((f) => (
        <div role="alert" key={f.id}>
          {f.id ? `${f.id}: ` : ''}
          {m(f.message)}
        </div>
      ))}
    </div>
  );
}

function ApprovalRow({
  view,
  checked,
  onToggle,
  client,
  target,
  openFile,
}: {
  view: ApprovalView;
  checked: boolean;
  onToggle: (on: boolean) => void;
  client: ApproverClient;
  target: BatchTarget;
  openFile: (f: DownloadedFile) => void;
}): JSX.Element {
  const { s, locale } = useServerStrings();
  const { m } = useLocale();
  const { row } = view;
  const [files, setFiles] = useState<Attachment[]>();
  const [failure, setFailure] = useState<Message>();
  const listFiles = client.listAttachments?.bind(client);
  const download = client.downloadAttachment?.bind(client);
  const showFiles = async (): Promise<void> => {
    if (!listFiles) return;
    setFailure(undefined);
    try {
      setFiles(await listFiles(target, row.indicatorId));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };
  const open = async (a: Attachment): Promise<void> => {
    if (!download) return;
    try {
      openFile(await download(target, a));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };
  const detail = (label: string, text: string | null | undefined, testid?: string) =>
    text ? (
      <div data-testid={testid}>
        <span className="sb-muted">{label}:</span> {text}
      </div>
    ) : null;
  return (
    <li className="sb-approval" data-testid={`approval-${view.id}`}>
      <Checkbox checked={checked} onChange={(_, d) => onToggle(d.checked === true)} label={`${view.id}: ${view.name ?? ''}`.trim()} />
      <div className="sb-approval-detail">
        <div data-testid="approval-value">
          <span className="sb-muted">{s.rowValue}:</span> <strong>{view.value}</strong>
        </div>
        {detail(s.rowTargets, view.targets, 'approval-targets')}
        <div data-testid="approval-score">
          <span className="sb-muted">{s.rowLevel}:</span> {view.level ?? '—'} · <span className="sb-muted">{s.rowScore}:</span> {view.score}
        </div>
        {detail(s.rowExplanation, row.explanation, 'approval-explanation')}
        {detail(s.rowObstacles, row.obstacles, 'approval-obstacles')}
        {detail(s.rowRemarks, row.remarks)}
        <Caption1 className="sb-muted">{s.rowBy(row.updatedBy, bangkokWhen(row.updatedAt, locale))}</Caption1>
        {listFiles ? (
          files === undefined ? (
            <Button size="small" appearance="subtle" className="sb-align-start" onClick={() => void showFiles()}>
              {s.rowEvidence}
            </Button>
          ) : files.length === 0 ? (
            <Caption1>{s.rowNoEvidence}</Caption1>
          ) : (
            <ul className="sb-list" aria-label={`${s.rowEvidence} ${view.id}`}>
              {files.map((f) => (
                <li key={f.id}>
                  <Button size="small" appearance="subtle" className="sb-align-start" onClick={() => void open(f)}>
                    {f.filename}
                  </Button>
                </li>
              ))}
            </ul>
          )
        ) : null}
        {failure ? <div role="alert">{m(failure)}</div> : null}
      </div>
    </li>
  );
}

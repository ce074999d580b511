/**
 * Evidence files (เอกสารหลักฐาน) per indicator in the Server tab: choose the indicator (those of the sheet opened
 * from the server, else of the assessment chosen in the pickers; or "ใช้แถวที่เลือกในชีต / Use the selected row",
 * the indicator of the row selected in the linked sheet), choose several files, watch each upload's
 * progress, and see the row's files with size, who and when (Buddhist Era); "เปิด / Open" downloads one and
 * opens it. Files too large or of a type the server refuses are refused here, with their names, before any
 * request; the server checks again by content.
 */
import { Button, Field, ProgressBar, Select, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { Attachment, Session as ApiSession } from '../../api';
import { ATTACHMENT_EXTENSIONS } from '../../api/attachments';
import { checkEvidenceContent, type DownloadedFile } from '../../api/evidence';
import type { BatchTarget } from '../../api/pending';
import { allIndicators, isGroup, type Message } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { errorMessage, PaneError } from '../hooks/useAction';
import { useServerCall } from '../hooks/useServerCall';
import { notLinked } from '../linkedSheet';
import { useLinkedSheet } from '../linkedSheetStore';
import { indicatorOfSelection } from '../model/evidenceSelection';
import { loadAssessment } from '../model/loadAssessment';
import { EVIDENCE_STRINGS, formatFileSize, formatUploadedAt, useEvidenceStrings } from '../evidenceStrings';
import type { ServerClient } from './serverClient';
import { ErrorMessage } from './StatusBar';

type EvidenceClient = ServerClient & Required<Pick<ServerClient, 'listAttachments' | 'uploadAttachment' | 'downloadAttachment'>>;

function hasEvidence(client: ServerClient): client is EvidenceClient {
  return Boolean(client.listAttachments && client.uploadAttachment && client.downloadAttachment);
}

interface Source {
  readonly target: BatchTarget;
  readonly indicators: readonly { readonly id: string; readonly name: string }[];
}

interface Upload {
  readonly key: string;
  readonly name: string;
  readonly progress: number;
  readonly error?: Message;
  readonly done?: boolean;
}

export interface EvidencePanelProps {
  readonly client: ServerClient;
  readonly session: ApiSession;
  readonly port: WorkbookPort;
  /** The assessment, unit and round chosen in the pickers; the linked sheet's own target (useLinkedSheet) comes first. */
  readonly target?: BatchTarget;
  /** How a downloaded file is shown; default a blob URL in a new window, else a download (openInBrowser). */
  readonly openFile?: (file: DownloadedFile) => void;
}

export function EvidencePanel(props: EvidencePanelProps): JSX.Element | null {
  return hasEvidence(props.client) ? <Evidence {...props} client={props.client} /> : null;
}

function Evidence({
  client,
  session,
  port,
  target,
  openFile = openInBrowser,
}: EvidencePanelProps & { client: EvidenceClient }): JSX.Element {
  const { e, locale } = useEvidenceStrings();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const sheet = useLinkedSheet();
  const [indicatorId, setIndicatorId] = useState('');
  const [uploads, setUploads] = useState<Upload[]>([]);
  /** What "use the selected row" chose, said once (in both languages: it follows the pane's). */
  const [picked, setPicked] = useState<Message>();
  const canUpload = session.user.roles.includes('reporter');
  const say = (m: (strings: typeof e) => string): Message => ({ th: m(EVIDENCE_STRINGS.th), en: m(EVIDENCE_STRINGS.en) });

  /** The linked sheet's target and indicators (its record's assessment), else the pickers' target with its assessment from the server. */
  const linkedTarget = sheet.target;
  const record = sheet.record;
  const sourceCall = useServerCall(async (_signal): Promise<Source | undefined> => {
    const t = linkedTarget ?? target;
    if (!t) return undefined;
    const document = linkedTarget && record ? record.assessment : await client.getAssessment(t.aid);
    const loaded = loadAssessment(document, t.aid);
    if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
    const indicators = allIndicators(loaded.value.assessment)
      .filter((i) => !isGroup(i))
      .map((i) => ({ id: i.id, name: i.name }));
    setIndicatorId((id) => (indicators.some((i) => i.id === id) ? id : (indicators[0]?.id ?? '')));
    return { target: t, indicators };
  });
  const source = sourceCall.result;
  const loadSource = sourceCall.run;
  const targetKey = (t: BatchTarget | undefined): string => (t ? `${t.aid}/${t.unit}/${t.round}` : '');
  // A sheet opened from the server (or another round picked) is followed at once.
  const sourceKey = `${targetKey(linkedTarget)}|${targetKey(target)}`;
  useEffect(() => {
    void loadSource();
  }, [client, sourceKey, loadSource]);

  /** The files of the chosen indicator; another indicator chosen meanwhile supersedes the answer (and its error). */
  const filesCall = useServerCall((_signal, s: Source, id: string) => client.listAttachments(s.target, id), [source, indicatorId]);
  const files = filesCall.running ? undefined : (filesCall.result ?? (filesCall.error ? [] : undefined));
  const loadFiles = async (): Promise<void> => {
    if (source && indicatorId) await filesCall.run(source, indicatorId);
  };
  const runFiles = filesCall.run;
  useEffect(() => {
    setUploads([]);
    if (source && indicatorId) void runFiles(source, indicatorId);
  }, [source, indicatorId, runFiles]);

  /** The indicator of the row selected in the linked sheet (its target becomes the panel's if it was not). */
  const pickCall = useServerCall(async (_signal) => {
    setPicked(undefined);
    const now = await sheet.readSheet();
    if (!now.link.target) throw notLinked();
    const selection = await port.selectedRange();
    const found = indicatorOfSelection(now.assessment, now.reading, now.grid.sheet, selection);
    if (!found.ok) {
      throw new PaneError(
        found.reason === 'other-sheet'
          ? say((x) => x.selectedOtherSheet(selection.sheet, now.grid.sheet))
          : found.reason === 'group'
            ? say((x) => x.selectedGroup(found.indicatorId))
            : say((x) => x.selectedNoIndicator(selection.address, now.grid.sheet)),
      );
    }
    const t = now.link.target;
    if (!source || source.target.aid !== t.aid || source.target.round !== t.round || source.target.unit !== t.unit) await loadSource();
    setIndicatorId(found.indicatorId);
    setPicked(say((x) => (found.rows > 1 ? x.selectedSeveral(found.rows, found.indicatorId) : x.selectedUsed(found.indicatorId))));
  });
  const pickSelectedRow = (): Promise<unknown> => {
    dismissError();
    return pickCall.run();
  };

  const openCall = useServerCall(async (_signal, s: Source, a: Attachment) => openFile(await client.downloadAttachment(s.target, a)));
  const open = async (a: Attachment): Promise<void> => {
    if (source) await openCall.run(source, a);
  };
  const error = pickCall.error ?? sourceCall.error ?? filesCall.error ?? openCall.error;
  const dismissError = (): void => {
    for (const c of [pickCall, sourceCall, filesCall, openCall]) c.clear();
  };

  const update = (key: string, change: Partial<Upload>): void =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  /** Every chosen file checked first (none sent when refused); the rest uploaded one after another. */
  const attach = async (chosen: readonly File[]): Promise<void> => {
    if (!source || !indicatorId || chosen.length === 0) return;
    dismissError();
    const batch = chosen.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setUploads(batch.map(({ file, key }) => ({ key, name: file.name, progress: 0 })));
    const accepted: typeof batch = [];
    for (const item of batch) {
      const refused = await checkEvidenceContent({ name: item.file.name, size: item.file.size, data: item.file });
      if (refused) update(item.key, { error: refused.userMessage });
      else accepted.push(item);
    }
    for (const { file, key } of accepted) {
      try {
        await client.uploadAttachment(
          source.target,
          indicatorId,
          { name: file.name, size: file.size, data: file },
          { onProgress: (p) => update(key, { progress: p }) },
        );
        update(key, { progress: 1, done: true });
      } catch (x) {
        update(key, { error: errorMessage(x) });
      }
    }
    if (accepted.length > 0) await loadFiles();
  };

  return (
    <section className="sb-stack" aria-label={e.heading}>
      <Subtitle2>{e.heading}</Subtitle2>
      {source && source.indicators.length > 0 ? (
        <Field label={e.indicator}>
          <Select
            value={indicatorId}
            onChange={(_, d) => {
              setPicked(undefined);
              setIndicatorId(d.value);
            }}
          >
            {source.indicators.map((i) => (
              <option key={i.id} value={i.id}>{`${i.id} ${i.name}`}</option>
            ))}
          </Select>
        </Field>
      ) : (
        <div>{e.noIndicators}</div>
      )}
      <div className="sb-row">
        <Button size="small" onClick={() => void pickSelectedRow()}>
          {e.useSelected}
        </Button>
        <Button size="small" onClick={() => void loadSource()}>
          {e.reload}
        </Button>
      </div>
      {picked ? (
        <div role="status" data-testid="evidence-picked">
          {picked[locale]}
        </div>
      ) : null}
      {source && indicatorId && canUpload ? (
        <div className="sb-stack">
          {/* The browser's own file input speaks the browser's language ("Choose files", "No file chosen") inside a
              Thai pane: it stays hidden, a button in the pane's language opens it, and the list below names each file. */}
          <input
            ref={fileInput}
            id={inputId}
            type="file"
            hidden
            multiple
            aria-label={e.chooseFiles}
            accept={ATTACHMENT_EXTENSIONS.join(',')}
            onChange={(ev) => {
              const chosen = Array.from(ev.target.files ?? []);
              ev.target.value = '';
              void attach(chosen);
            }}
          />
          <Button className="sb-align-start" onClick={() => fileInput.current?.click()}>
            {e.chooseFiles}
          </Button>
          <small>{e.hint}</small>
        </div>
      ) : null}
      {uploads.length > 0 ? (
        <ul className="sb-list" aria-label={e.chooseFiles}>
          {uploads.map((u) => (
            <li key={u.key} data-testid="evidence-upload">
              {u.error ? (
                <ErrorMessage message={u.error} onDismiss={() => setUploads((list) => list.filter((x) => x.key !== u.key))} />
              ) : (
                <>
                  <ProgressBar value={u.progress} thickness="large" aria-label={e.uploading(u.name)} />
                  <span>{u.done ? e.uploaded(u.name) : e.uploading(u.name)}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorMessage message={error} onDismiss={dismissError} /> : null}
      {source && indicatorId ? (
        files === undefined ? (
          <div role="status">{e.loading}</div>
        ) : files.length === 0 ? (
          <div>{e.none}</div>
        ) : (
          <ul className="sb-list" aria-label={e.listLabel(indicatorId)}>
            {files.map((a) => (
              <li key={a.id}>
                <strong>{a.filename}</strong> · {formatFileSize(a.size, locale)} ·{' '}
                {e.by(a.uploadedBy, formatUploadedAt(a.uploadedAt, locale))}{' '}
                <Button size="small" aria-label={e.openLabel(a.filename)} onClick={() => void open(a)}>
                  {e.open}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

/**
 * A downloaded file shown the way the pane's browser can: a blob URL in a new window (a PDF or picture opens
 * there; Office's pane browser hands it to the system), else — a blocked pop-up — saved through a link. The URL
 * is released after a minute, long enough for the new window to have read it.
 */
export function openInBrowser(file: DownloadedFile): void {
  const blob = file.data.type ? file.data : new Blob([file.data], { type: file.contentType });
  const url = URL.createObjectURL(blob);
  // No 'noopener' feature: with it window.open returns null even when the window opened (HTML spec).
  const opened = window.open(url, '_blank');
  if (!opened) {
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Choosing the assessment to work with: a bundled sample, or a file the user picks (read in the browser, never
 * uploaded). A file that cannot be used lists its issues, each with the JSON path to fix.
 */
import { Button, Caption1, Field, Select } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { Indicator, Issue } from '../../domain';
import { useLocale } from '../i18n';
import { formatFiscalYear } from '../format';
import { loadAssessment, loadAssessmentText, type LoadedAssessment } from '../model/loadAssessment';
import { SAMPLES } from '../samples';
import { bilingual } from '../strings';
import { ErrorMessage } from './StatusBar';

const FILE = '__file__';

export function AssessmentPicker({
  value,
  onChange,
}: {
  value: LoadedAssessment | undefined;
  onChange: (a: LoadedAssessment | undefined) => void;
}): JSX.Element {
  const { t, m, locale } = useLocale();
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [fileName, setFileName] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  const pickSample = (id: string): void => {
    if (id === FILE) {
      fileInput.current?.click();
      return;
    }
    const sample = SAMPLES.find((s) => s.id === id);
    if (!sample) return;
    const loaded = loadAssessment(sample.document, sample.id);
    setIssues(loaded.ok ? [] : loaded.issues);
    setFileName(undefined);
    onChange(loaded.ok ? loaded.value : undefined);
  };

  const pickFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setIssues([{ code: 'file-unreadable', severity: 'error', message: bilingual('fileUnreadable') }]);
      onChange(undefined);
      return;
    }
    const loaded = loadAssessmentText(text, file.name);
    setFileName(file.name);
    setIssues(loaded.ok ? [] : loaded.issues);
    onChange(loaded.ok ? loaded.value : undefined);
  };

  const selected = value ? (SAMPLES.some((s) => s.id === value.source) ? value.source : FILE) : '';
  const a = value?.assessment;
  const scaleName = a ? a.scale.levels.map((l) => (locale === 'th' ? l.name : l.nameEn)).join(' / ') : '';
  return (
    <div className="sb-stack">
      <Field label={t.createSource} hint={t.createPickFileHint}>
        <Select value={selected} onChange={(_, d) => pickSample(d.value)}>
          <option value="" disabled>
            —
          </option>
          <optgroup label={t.createSample}>
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {sampleTitle(s.document)}
              </option>
            ))}
          </optgroup>
          <option value={FILE}>{fileName ?? t.createPickFile}</option>
        </Select>
      </Field>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="assessment-file"
        onChange={(e) => void pickFile(e)}
      />
      <Button size="small" appearance="subtle" onClick={() => fileInput.current?.click()}>
        {t.createPickFile}
      </Button>
      {a ? (
        <Caption1 data-testid="assessment-summary">
          <strong>{a.title}</strong>
          <br />
          {t.assessmentSummary(countLeaves(a.indicators), scaleName, formatFiscalYear(a.fiscalYear, locale))}
          {fileName && value?.source === fileName ? ` · ${t.createFileLoaded(fileName)}` : ''}
        </Caption1>
      ) : null}
      {issues.length > 0 ? (
        <div className="sb-stack">
          <ErrorMessage message={bilingual('assessmentInvalid')} />
          <ul className="sb-issue-list">
            {issues.map((i, n) => (
              <li key={n}>{m(i.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function countLeaves(list: readonly Indicator[]): number {
  return list.reduce((n, i) => n + (i.kind === 'group' ? countLeaves(i.children) : 1), 0);
}

function sampleTitle(document: unknown): string {
  const d = document as { id?: string; title?: string };
  const title = d.title ?? d.id ?? '';
  return title.length > 70 ? `${title.slice(0, 68)}…` : title;
}

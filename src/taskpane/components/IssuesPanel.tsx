/**
 * The checks of the bound sheet, grouped by severity (errors first), each with its cell; a click selects the cell
 * in the workbook. Re-checked on open and after every change (useLiveSheet).
 */
import { Badge, Button, Link, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { Issue, Message, Severity } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import type { TypedNumber } from '../../workbook/typedNumbers';
import { errorMessage } from '../hooks/useAction';
import { useLocale } from '../i18n';
import { splitQualified } from '../model/address';
import { withoutCell } from '../model/issueText';
import { ErrorMessage } from './StatusBar';

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];
const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function IssuesPanel({
  port,
  issues,
  checking,
  onFixNumbers,
}: {
  port: WorkbookPort;
  issues: readonly Issue[];
  checking: boolean;
  /** Turns the numbers typed as text into numbers, and says which cells it changed. */
  onFixNumbers?: () => Promise<readonly TypedNumber[]>;
}): JSX.Element {
  const { t, m } = useLocale();
  const [failure, setFailure] = useState<Message>();
  const [fixed, setFixed] = useState<string>();
  const [fixing, setFixing] = useState(false);
  const typedText = issues.filter((i) => i.code === 'text-in-number-cell').length;
  const fix = async (): Promise<void> => {
    if (!onFixNumbers) return;
    setFixing(true);
    setFailure(undefined);
    try {
      const done = await onFixNumbers();
      setFixed(done.length === 0 ? t.fixedNone : t.fixedNumbers(done.map((d) => `${d.address} "${d.text}" → ${d.value}`).join(', ')));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setFixing(false);
    }
  };
  const title = { error: t.severityError, warning: t.severityWarning, info: t.severityInfo };

  const goTo = async (cell: string): Promise<void> => {
    const where = splitQualified(cell);
    if (!where) return;
    try {
      setFailure(undefined);
      await port.select(where.sheet, where.address);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <section className="sb-stack" aria-labelledby="sb-issues-heading">
      <div className="sb-row">
        <Subtitle2 id="sb-issues-heading">{t.issuesHeading}</Subtitle2>
        {checking ? <Spinner size="extra-tiny" label={t.issuesChecking} /> : null}
      </div>
      {failure ? <ErrorMessage message={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {onFixNumbers && typedText > 0 ? (
        <Button appearance="primary" disabled={fixing} onClick={() => void fix()}>
          {t.fixNumbers(typedText)}
        </Button>
      ) : null}
      {fixed ? (
        <div role="status" data-testid="fixed-numbers">
          {fixed}
        </div>
      ) : null}
      {issues.length === 0 ? <p data-testid="no-issues">{t.issuesNone}</p> : null}
      {ORDER.map((severity) => {
        const group = issues.filter((i) => i.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} className="sb-stack" data-testid={`issues-${severity}`}>
            <div className="sb-row">
              <Badge color={COLOR[severity]} shape="rounded">
                {group.length}
              </Badge>
              <strong>{title[severity]}</strong>
            </div>
            <ul className="sb-issue-list">
              {group.map((i, n) => (
                <li key={`${i.code}-${i.cell ?? ''}-${n}`} className={`sb-issue sb-issue-${severity}`}>
                  {i.cell ? (
                    <Link as="button" onClick={() => void goTo(i.cell as string)} title={t.issueGoTo(i.cell)} className="sb-cell-link">
                      {i.cell}
                    </Link>
                  ) : (
                    <span className="sb-cell-link sb-muted">{i.indicatorId ?? t.issueNoCell}</span>
                  )}{' '}
                  <span>{withoutCell(m(i.message), i.cell)}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

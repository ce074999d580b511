/**
 * What-if for planners: a what-if column beside the real results, with its own total, that the sheet reader never
 * reads (so it is never reported); the result one indicator needs for a total the user types, with a button that
 * puts it into the what-if column; and the indicators ranked by gain in total per unit of improvement.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  improvementGains,
  isStepKind,
  leafIndicators,
  readNumber,
  requiredResult,
  type LeafIndicator,
  type RequiredResult,
} from '../../domain';
import { cellAddress } from '../../workbook';
import { whatIfColumnOps } from '../../workbook/whatIfPlan';
import type { WorkbookPort } from '../../workbook/port';
import type { WriteOp } from '../../workbook/plan';
import { formatScore, formatValue } from '../format';
import { useAction } from '../hooks/useAction';
import { useLocale } from '../i18n';
import { splitQualified } from '../model/address';
import type { SheetEvaluation } from '../model/evaluate';
import { TotalCard } from './TotalCard';
import type { Session } from '../model/session';
import { bilingual } from '../strings';
import { StatusBar } from './StatusBar';

type Evaluated = SheetEvaluation;

export interface WhatIfPanelProps {
  readonly port: WorkbookPort;
  readonly session: Session;
  readonly evaluation: Evaluated;
  readonly refresh: () => Promise<void>;
}

const RANKED = 8;

export function WhatIfPanel({ port, session, evaluation, refresh }: WhatIfPanelProps): JSX.Element {
  const { t, m, locale } = useLocale();
  const { assessment } = session.loaded;
  const decimals = assessment.policies.decimals;
  const leaves = useMemo(() => leafIndicators(assessment), [assessment]);
  const [indicatorId, setIndicatorId] = useState(leaves[0]?.id ?? '');
  const [goalText, setGoalText] = useState('');
  const [answer, setAnswer] = useState<{ id: string; result: RequiredResult } | { invalid: true }>();
  const action = useAction();
  const sheet = session.binding.sheet;
  // As scored: with the sheet's round, so a row not due in it is neither ranked nor asked for.
  const resultSet = evaluation.resultSet;
  const gains = useMemo(() => improvementGains(assessment, resultSet), [assessment, resultSet]);
  const nameOf = (i: LeafIndicator | undefined): string => (i ? (locale === 'en' && i.nameEn ? i.nameEn : i.name) : '');

  /** The what-if column inserted right after the input columns (src/workbook/whatIfPlan.ts). */
  const columnOps = (): { ops: WriteOp[]; column: number } => {
    const rows = [...evaluation.reading.cells.values()].map((c) => c.row);
    return whatIfColumnOps({
      sheet,
      headerRow: evaluation.reading.headerRow,
      columns: evaluation.reading.columns,
      originColumn: evaluation.originColumn,
      lastRow: Math.max(evaluation.reading.headerRow + 1, ...rows),
      nextFreeColumn: evaluation.nextFreeColumn,
    });
  };

  const addColumn = (): void => {
    void action.run(async (progress) => {
      await port.apply({ title: 'add the what-if column', ops: columnOps().ops }, progress);
      await refresh();
      return undefined;
    });
  };

  const solve = (): void => {
    const goal = readNumber(goalText.trim());
    if (goal.kind !== 'number') {
      setAnswer({ invalid: true });
      return;
    }
    setAnswer({ id: indicatorId, result: requiredResult(assessment, resultSet, indicatorId, { total: goal.value }) });
  };

  const put = (id: string, value: number): void => {
    void action.run(async (progress) => {
      const ops: WriteOp[] = [];
      let address = evaluation.whatIf?.cells.get(id);
      if (!address) {
        const added = columnOps();
        ops.push(...added.ops);
        const row = evaluation.reading.cells.get(id)?.row;
        if (row === undefined) throw new Error(`indicator ${id} has no row`);
        address = `${sheet}!${cellAddress(row, added.column)}`;
      }
      const where = splitQualified(address);
      if (!where) throw new Error(`bad address ${address}`);
      ops.push({ kind: 'cells', sheet: where.sheet, topLeft: where.address, contents: [[value]] });
      await port.apply({ title: 'what-if value', ops }, progress);
      await refresh();
      return bilingual('whatIfPutDone');
    });
  };

  const chosen = answer && 'id' in answer ? leaves.find((l) => l.id === answer.id) : undefined;
  return (
    <section className="sb-stack" aria-labelledby="sb-whatif-heading">
      <Subtitle2 id="sb-whatif-heading">{t.whatIfHeading}</Subtitle2>
      <TotalCard
        whatIf
        label={t.whatIfTotal}
        testId="whatif-card"
        valueTestId="whatif-total"
        value={formatScore(evaluation.whatIf?.total ?? evaluation.report.totalBeforePenalty, decimals)}
        caption={`${t.total}: ${formatScore(evaluation.report.totalBeforePenalty, decimals)} · ${t.whatIfColumnNote}`}
      />
      {evaluation.whatIf ? null : (
        <Button onClick={addColumn} disabled={action.running}>
          {t.whatIfAddColumn}
        </Button>
      )}

      <Subtitle2>{t.whatIfGoalHeading}</Subtitle2>
      <Field label={t.whatIfIndicator}>
        <Select value={indicatorId} onChange={(_, d) => setIndicatorId(d.value)} data-testid="goal-indicator">
          {leaves.map((l) => (
            <option key={l.id} value={l.id}>
              {l.id} {truncate(nameOf(l), 60)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sb-row">
        <Field label={t.whatIfGoal} style={{ flex: 1 }}>
          <Input
            value={goalText}
            onChange={(_, d) => setGoalText(d.value)}
            inputMode="decimal"
            data-testid="goal-total"
            onKeyDown={(e) => {
              if (e.key === 'Enter') solve();
            }}
          />
        </Field>
        <Button appearance="primary" onClick={solve} className="sb-align-end">
          {t.whatIfSolve}
        </Button>
      </div>
      {answer && 'invalid' in answer ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t.whatIfGoalInvalid}</MessageBarBody>
        </MessageBar>
      ) : null}
      {answer && 'id' in answer ? (
        <MessageBar intent={answer.result.kind === 'unreachable' ? 'error' : 'info'} layout="multiline" data-testid="goal-answer">
          <MessageBarBody>
            {answer.result.kind === 'value' && chosen ? (
              <>
                {describeNeeded(answer.result, chosen, decimals, t)}
                <div>
                  <Button size="small" onClick={() => put(answer.id, (answer.result as { value: number }).value)} disabled={action.running}>
                    {t.whatIfPut}
                  </Button>
                </div>
              </>
            ) : answer.result.kind !== 'value' ? (
              m(answer.result.message)
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <StatusBar state={action} working={t.createWorking} onDismiss={action.dismiss} />

      <Subtitle2>{t.whatIfRankingHeading}</Subtitle2>
      <Caption1>{t.whatIfRankingNote}</Caption1>
      {/* In a narrow pane each row stacks: the name on its own lines, the three figures under it, labelled (styles.ts). */}
      <div className="sb-gains-wrap">
        <Table size="small" aria-label={t.whatIfRankingHeading} data-testid="gains" className="sb-gains">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.indicators}</TableHeaderCell>
              <TableHeaderCell className="sb-num">{t.whatIfNextTarget}</TableHeaderCell>
              <TableHeaderCell className="sb-num">{t.whatIfGainTotal}</TableHeaderCell>
              <TableHeaderCell className="sb-num">{t.whatIfGainPerUnit}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {gains.slice(0, RANKED).map((g) => {
              const leaf = leaves.find((l) => l.id === g.id);
              return (
                <TableRow key={g.id}>
                  <TableCell>
                    <span className="sb-indicator-name" title={nameOf(leaf)}>
                      <strong>{g.id}</strong> {nameOf(leaf)}
                    </span>
                  </TableCell>
                  <TableCell className="sb-num" data-label={t.whatIfNextTarget}>
                    {g.nextTarget === null ? t.whatIfAtTop : formatValue(g.nextTarget, decimals)}
                  </TableCell>
                  <TableCell className="sb-num" data-label={t.whatIfGainTotal}>
                    {formatScore(g.totalGain, decimals)}
                  </TableCell>
                  <TableCell className="sb-num" data-label={t.whatIfGainPerUnit}>
                    {g.gainPerUnit === null ? '—' : formatScore(g.gainPerUnit, Math.max(decimals, 4))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

function describeNeeded(
  r: Extract<RequiredResult, { kind: 'value' }>,
  indicator: LeafIndicator,
  decimals: number,
  t: ReturnType<typeof useLocale>['t'],
): string {
  if (isStepKind(indicator.kind)) return t.whatIfSteps(String(r.value));
  const value = formatValue(r.value, decimals);
  const needed =
    indicator.direction === 'lower' ? t.whatIfNeededLower(value, indicator.unit ?? '') : t.whatIfNeeded(value, indicator.unit ?? '');
  return r.numerator !== undefined ? `${needed} ${t.whatIfNumerator(formatValue(r.numerator, decimals))}` : needed;
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/**
 * Bind a sheet someone already keeps: read it, propose the header row, the columns (by Thai or English names) and
 * which row holds which indicator (by id, else by name), let the user fix any of it, then store the binding record
 * in the workbook. Rows matched by name get their indicator id written into the id column, because the sheet reader
 * and the formulas find rows by id — which is also what keeps the binding right after sorting or inserting rows.
 */
import {
  Button, Caption1, Field, Input, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { allIndicators, type Indicator } from '../../domain';
import { BINDING_FORMAT, cellAddress, type BindingRecord } from '../../workbook';
import type { WriteOp } from '../../workbook/plan';
import type { WorkbookPort } from '../../workbook/port';
import { PaneError, useAction } from '../hooks/useAction';
import { useLocale } from '../i18n';
import type { LoadedAssessment } from '../model/loadAssessment';
import { boundHeaders, proposeBinding, withColumn, withRow, type BindingProposal } from '../model/proposeBinding';
import type { Session } from '../model/session';
import { bilingual, bilingualWith } from '../strings';
import { AssessmentPicker } from './AssessmentPicker';
import { StatusBar } from './StatusBar';

export interface BindPanelProps {
  readonly port: WorkbookPort;
  readonly chosen: LoadedAssessment | undefined;
  readonly onChoose: (a: LoadedAssessment | undefined) => void;
  /** The workbook's sheets, where the host can list them; otherwise the user types the name. */
  readonly listSheets?: () => Promise<readonly string[]>;
  readonly onBound: (session: Session) => void;
}

export function BindPanel({ port, chosen, onChoose, listSheets, onBound }: BindPanelProps): JSX.Element {
  const { t, locale } = useLocale();
  const [sheets, setSheets] = useState<readonly string[]>([]);
  const [sheet, setSheet] = useState('');
  const [proposal, setProposal] = useState<BindingProposal>();
  const detect = useAction();
  const save = useAction();

  useEffect(() => {
    let live = true;
    void listSheets?.().then((s) => {
      if (!live) return;
      setSheets(s);
      setSheet((current) => current || (s[0] ?? ''));
    });
    return () => {
      live = false;
    };
  }, [listSheets]);

  const find = (): void => {
    if (!chosen || !sheet) return;
    setProposal(undefined);
    void detect.run(async () => {
      const grid = (await port.read({ ranges: [{ sheet }] })).ranges[0];
      const p = grid ? proposeBinding(chosen.assessment, grid) : null;
      if (!p) throw new PaneError(bilingual('bindNoHeader'));
      setProposal(p);
      return undefined;
    });
  };

  const confirm = (): void => {
    if (!chosen || !proposal) return;
    void save.run(async (progress) => {
      const record: BindingRecord = {
        format: BINDING_FORMAT, sheet: proposal.sheet, table: '', settingsSheet: '', headerRow: proposal.headerRow,
        columns: boundHeaders(proposal), assessment: chosen.document,
      };
      const idColumn = proposal.columns.find((c) => c.role === 'id')?.column ?? null;
      const ops: WriteOp[] = [];
      if (idColumn !== null) {
        for (const r of proposal.rows) {
          if (r.row === null || r.matchedBy === 'id') continue;
          // Ids as text, as the template writes them, so "10.1" stays "10.1".
          const address = cellAddress(r.row, idColumn + 1);
          ops.push({ kind: 'numberFormat', sheet: proposal.sheet, address, format: '@' }, { kind: 'cells', sheet: proposal.sheet, topLeft: address, contents: [[r.indicatorId]] });
        }
      }
      if (ops.length > 0) await port.apply({ title: 'write indicator ids', ops }, progress);
      await port.writeBinding(record);
      onBound({ loaded: chosen, binding: record });
      return bilingualWith('bindDone', proposal.sheet);
    });
  };

  const indicators = chosen ? allIndicators(chosen.assessment) : [];
  const name = (i: Indicator): string => (locale === 'en' && i.nameEn ? i.nameEn : i.name);
  return (
    <section className="sb-stack" aria-labelledby="sb-bind-heading">
      <Subtitle2 id="sb-bind-heading">{t.bindHeading}</Subtitle2>
      <AssessmentPicker value={chosen} onChange={onChoose} />
      <Field label={t.bindSheet}>
        {sheets.length > 0 ? (
          <Select value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="bind-sheet">
            {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        ) : (
          <Input value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="bind-sheet" />
        )}
      </Field>
      {!chosen ? <Caption1>{t.bindNeedAssessment}</Caption1> : null}
      <Button onClick={find} disabled={!chosen || !sheet || detect.running}>{t.bindDetect}</Button>
      <StatusBar state={detect} working={t.bindDetecting} onDismiss={detect.dismiss} />
      {proposal ? (
        <div className="sb-stack" data-testid="binding-proposal">
          <Caption1>{t.bindHeaderRow(proposal.headerRow)}</Caption1>
          <Table size="small" aria-label={t.bindColumns}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.bindColumnRole}</TableHeaderCell>
                <TableHeaderCell>{t.bindColumnSheet}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {proposal.columns.map((c) => (
                <TableRow key={c.role}>
                  <TableCell>{locale === 'th' ? c.entry.th : c.entry.en}</TableCell>
                  <TableCell>
                    <Select size="small" aria-label={locale === 'th' ? c.entry.th : c.entry.en} value={c.column === null ? '' : String(c.column)}
                      onChange={(_, d) => setProposal(withColumn(proposal, c.role, d.value === '' ? null : Number(d.value)))}>
                      <option value="">{t.bindColumnNone}</option>
                      {proposal.headers.map((h, i) => (h ? <option key={i} value={String(i)}>{h}</option> : null))}
                    </Select>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Table size="small" aria-label={t.bindRows}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.bindRowIndicator}</TableHeaderCell>
                <TableHeaderCell>{t.bindRowSheet}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {proposal.rows.map((r) => {
                const indicator = indicators.find((i) => i.id === r.indicatorId);
                return (
                  <TableRow key={r.indicatorId}>
                    <TableCell>
                      <span className="sb-indicator-name" title={indicator ? name(indicator) : ''}>
                        <strong>{r.indicatorId}</strong> {indicator ? name(indicator) : ''}
                      </span>
                      <Caption1 className={r.row === null ? 'sb-invalid' : 'sb-muted'}>
                        {r.row === null ? t.bindRowMissing : r.matchedBy && r.matchedBy !== 'user' ? t.bindMatchedBy(r.matchedBy) : ''}
                      </Caption1>
                    </TableCell>
                    <TableCell>
                      <Select size="small" aria-label={`${t.bindRowSheet} ${r.indicatorId}`} value={r.row === null ? '' : String(r.row)}
                        onChange={(_, d) => setProposal(withRow(proposal, r.indicatorId, d.value === '' ? null : Number(d.value)))}>
                        <option value="">{t.bindRowMissing}</option>
                        {proposal.rowOptions.map((o) => <option key={o.row} value={String(o.row)}>{`${o.row}: ${o.label.slice(0, 40)}`}</option>)}
                      </Select>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Button appearance="primary" onClick={confirm} disabled={save.running}>{t.bindConfirm}</Button>
        </div>
      ) : null}
      <StatusBar state={save} working={t.bindSaving} onDismiss={save.dismiss} />
    </section>
  );
}

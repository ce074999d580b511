/**
 * Bind a sheet someone already keeps: read it, propose the header row, the columns (by Thai or English names) and
 * which row holds which indicator (by id, else by name), let the user fix any of it, then store the binding record
 * in the workbook together with the formula columns the sheet lacks (src/workbook/boundSheet.ts), so a hand-made sheet
 * scores live. Rows matched by name get their indicator id written into the id column, because the sheet reader finds
 * rows by id and the formulas by their key — which is also what keeps the binding right after sorting or inserting rows.
 * A multi-unit sheet the pane created is recognised by the binding record instead: it has its formulas already, so
 * binding it checks it unit by unit and starts the session, with no columns or rows to match.
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
import { useEffect, useState } from 'react';
import { allIndicators, type Indicator } from '../../domain';
import { readMultiUnitGrid } from '../../workbook';
import { bindSheetPlan } from '../../workbook/boundSheet';
import type { WorkbookPort } from '../../workbook/port';
import { PaneError, useAction } from '../hooks/useAction';
import { useLocale } from '../i18n';
import type { LoadedAssessment } from '../model/loadAssessment';
import {
  boundSheet,
  proposeBinding,
  readSheetToBind,
  withColumn,
  withRow,
  type BindingProposal,
  type SheetToBind,
} from '../model/proposeBinding';
import { sessionFromBinding, type Session } from '../model/session';
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
  const [multiUnit, setMultiUnit] = useState<{ session: Session; units: number }>();
  const [settingsExists, setSettingsExist] = useState(false);
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
    setMultiUnit(undefined);
    void detect.run(async () => {
      // One read: the sheet, whether settings exist, the binding record (the confirm then only writes).
      const read = await readSheetToBind(port, sheet);
      // A multi-unit sheet the pane created is bound already (its record says so): checked, not matched again.
      const known = multiUnitSheet(read, sheet, chosen);
      if (known) {
        setMultiUnit(known);
        return undefined;
      }
      const p = read.grid ? proposeBinding(chosen.assessment, read.grid) : null;
      if (!p) throw new PaneError(bilingual('bindNoHeader'));
      setProposal(p);
      setSettingsExist(read.settingsExists);
      return undefined;
    });
  };

  /** A header on row 1: one whole row inserted above it (nothing on the sheet is lost), then the sheet read again. */
  const insertRowAbove = (): void => {
    if (!proposal) return;
    const at = proposal.sheet;
    void save.run(async (progress) => {
      await port.apply({ title: 'insert a row above the header', ops: [{ kind: 'insertRows', sheet: at, rows: '1:1' }] }, progress);
      find();
      return undefined;
    });
  };

  const confirm = (): void => {
    if (!chosen || !proposal) return;
    void save.run(async (progress) => {
      // The total sits above the header row, outside the rows a sort moves: a header on row 1 leaves it no room.
      if (proposal.headerRow < 2) throw new PaneError(bilingual('bindNeedRowAbove'));
      // A settings sheet found by the detect read is kept: the formulas use its names, and a user's edits there stay.
      const { plan, binding } = bindSheetPlan({
        assessment: chosen.assessment,
        document: chosen.document,
        bound: boundSheet(proposal),
        settingsExists,
      });
      // One plan: ids, formula columns, settings, ScorebookTotal and the binding record together.
      await port.apply(plan, progress);
      onBound({ loaded: chosen, binding });
      return bilingualWith('bindDone', proposal.sheet);
    });
  };

  const indicators = chosen ? allIndicators(chosen.assessment) : [];
  // Indicators with no row in the sheet: binding appends a row for each (boundSheet.ts), said before it is confirmed.
  const missing = proposal ? proposal.rows.filter((r) => r.row === null).map((r) => r.indicatorId) : [];
  const name = (i: Indicator): string => (locale === 'en' && i.nameEn ? i.nameEn : i.name);
  return (
    <section className="sb-stack" aria-labelledby="sb-bind-heading">
      <Subtitle2 id="sb-bind-heading">{t.bindHeading}</Subtitle2>
      <AssessmentPicker value={chosen} onChange={onChoose} />
      <Field label={t.bindSheet}>
        {sheets.length > 0 ? (
          <Select value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="bind-sheet">
            {sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        ) : (
          <Input value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="bind-sheet" />
        )}
      </Field>
      {!chosen ? <Caption1>{t.bindNeedAssessment}</Caption1> : null}
      <Button onClick={find} disabled={!chosen || !sheet || detect.running}>
        {t.bindDetect}
      </Button>
      <StatusBar state={detect} working={t.bindDetecting} onDismiss={detect.dismiss} />
      {multiUnit ? (
        <div className="sb-stack" data-testid="binding-multi-unit">
          <Caption1>{t.bindMultiUnit(multiUnit.session.binding.sheet, multiUnit.units)}</Caption1>
          <Button appearance="primary" onClick={() => onBound(multiUnit.session)}>
            {t.bindConfirm}
          </Button>
        </div>
      ) : null}
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
                    <Select
                      size="small"
                      aria-label={locale === 'th' ? c.entry.th : c.entry.en}
                      value={c.column === null ? '' : String(c.column)}
                      onChange={(_, d) => setProposal(withColumn(proposal, c.role, d.value === '' ? null : Number(d.value)))}
                    >
                      <option value="">{t.bindColumnNone}</option>
                      {proposal.headers.map((h, i) =>
                        h ? (
                          <option key={i} value={String(i)}>
                            {h}
                          </option>
                        ) : null,
                      )}
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
                      <Select
                        size="small"
                        aria-label={`${t.bindRowSheet} ${r.indicatorId}`}
                        value={r.row === null ? '' : String(r.row)}
                        onChange={(_, d) => setProposal(withRow(proposal, r.indicatorId, d.value === '' ? null : Number(d.value)))}
                      >
                        <option value="">{t.bindRowMissing}</option>
                        {proposal.rowOptions.map((o) => (
                          <option key={o.row} value={String(o.row)}>{`${o.row}: ${o.label.slice(0, 40)}`}</option>
                        ))}
                      </Select>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Caption1>{t.bindAddsColumns}</Caption1>
          {missing.length > 0 ? (
            <MessageBar intent="info" layout="multiline" data-testid="bind-adds-indicators">
              <MessageBarBody>{t.bindAddsIndicators(missing.length, missing.join(', '))}</MessageBarBody>
            </MessageBar>
          ) : null}
          {proposal.headerRow < 2 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="bind-row-one">
              <MessageBarBody>
                {t.bindHeaderOnRowOne}
                <div>
                  <Button size="small" onClick={insertRowAbove} disabled={save.running}>
                    {t.bindInsertRowAbove}
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Button appearance="primary" onClick={confirm} disabled={save.running || proposal.headerRow < 2}>
            {t.bindConfirm}
          </Button>
        </div>
      ) : null}
      <StatusBar state={save} working={t.bindSaving} onDismiss={save.dismiss} />
    </section>
  );
}

/**
 * The workbook's binding record names this sheet as a multi-unit sheet: read the grid unit by unit and hand back the
 * session to start. Another assessment than the sheet's is refused with what to do instead.
 */
function multiUnitSheet(read: SheetToBind, sheet: string, chosen: LoadedAssessment): { session: Session; units: number } | undefined {
  const restored = sessionFromBinding(read.binding);
  const session = restored.ok ? restored.session : undefined;
  const multiUnit = session?.binding.multiUnit;
  if (!session || !multiUnit || session.binding.sheet !== sheet || !read.grid) return undefined;
  if (session.loaded.assessment.id !== chosen.assessment.id)
    throw new PaneError(bilingualWith('bindMultiUnitOther', session.loaded.assessment.id));
  const reading = readMultiUnitGrid(session.loaded.assessment, read.grid, { headers: session.binding.columns, multiUnit });
  if (!reading.ok) throw new PaneError(reading.issues[0]?.message ?? bilingual('bindNoHeader'));
  return { session, units: reading.value.units.length };
}

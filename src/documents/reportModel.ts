/**
 * The round's report (รายงานผลการดำเนินงานตามตัวชี้วัด) as a model both renderers draw: every figure comes from
 * the domain's `scoreAssessment` (self-assessed and official totals, components, groups, penalty), already turned
 * into the text a reader sees, so the PDF and the .docx can never show different numbers. No scoring here.
 */
import {
  allIndicators,
  bangkokDate,
  formatDateIn,
  figureDecimalsOf,
  formatNumber,
  isGroup,
  isStepKind,
  readNumber,
  readStep,
  roundPeriod,
  scoreAssessment,
  toThaiDigits,
  type Assessment,
  type Indicator,
  type IndicatorScore,
  type LeafIndicator,
  type Locale,
  type ReportStatus,
  type ResultSet,
  type ScoreReport,
} from '../domain';
import { labelsFor, type ReportLabels } from './labels';

export interface ReportTexts {
  readonly explanation?: string | null;
  readonly obstacles?: string | null;
  readonly remarks?: string | null;
}

export interface EvidenceFile {
  readonly name: string;
}

export interface ReportInput {
  readonly assessment: Assessment;
  readonly resultSet: ResultSet;
  /** The unit reporting (the agency on the heading); its name when the assessment lists it. */
  readonly unitId?: string;
  /** Per indicator id: คำชี้แจงการปฏิบัติงาน, อุปสรรค, หมายเหตุ. */
  readonly texts?: ReadonlyMap<string, ReportTexts>;
  /** Per indicator id: the evidence files attached to its report. */
  readonly evidence?: ReadonlyMap<string, readonly EvidenceFile[]>;
  readonly locale: Locale;
  /** Thai digits (๐–๙) in every figure, date and page number. */
  readonly thaiDigits?: boolean;
  /** When the document is made (an instant); shown as the Bangkok date under the heading. */
  readonly generatedAt?: string;
}

/** One line of a table: an indicator, with its figures as text and the numbers they were made from. */
export interface ReportRow {
  readonly kind: 'indicator';
  readonly id: string;
  /** 0 for a top-level indicator, 1 for its sub-indicators … */
  readonly depth: number;
  readonly number: string;
  readonly name: string;
  readonly unit: string;
  readonly weight: string;
  /** One per level of the scale; blank where the indicator has fewer. */
  readonly targets: readonly string[];
  /** ผลการดำเนินงาน: the value, "num / den = ratio", or ✓/✗ per step. */
  readonly result: string;
  readonly score: string;
  readonly weightedScore: string;
  readonly status: string;
  readonly figures: { readonly score: number | null; readonly weightedScore: number | null };
}

export interface SubtotalRow {
  readonly kind: 'subtotal';
  readonly label: string;
  readonly score: string;
  readonly weightedScore: string;
  readonly figures: { readonly score: number | null; readonly weightedScore: number };
}

export interface ReportSection {
  /** The component's or group's heading; null for indicators outside any component. */
  readonly title: string | null;
  readonly rows: readonly (ReportRow | SubtotalRow)[];
}

export interface TotalLine {
  readonly label: string;
  readonly value: string;
  readonly figure: number | null;
}

export interface IndicatorNotes {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly explanation: string | null;
  readonly obstacles: string | null;
  readonly remarks: string | null;
  readonly evidence: readonly string[];
}

export interface ReportModel {
  readonly locale: Locale;
  readonly thaiDigits: boolean;
  readonly labels: ReportLabels;
  readonly title: string;
  readonly agency: string | null;
  readonly assessmentTitle: string;
  readonly fiscalYear: string;
  /** "รอบ 6 เดือน (1 ตุลาคม 2566 – 31 มีนาคม 2567)"; null when the results name no round. */
  readonly period: string | null;
  readonly generatedOn: string | null;
  /** The level names, one per target column. */
  readonly levels: readonly string[];
  readonly sections: readonly ReportSection[];
  /** The self-assessed total, the late penalty, the total after it; then the official ones when statuses are known. */
  readonly totals: readonly TotalLine[];
  readonly notes: readonly IndicatorNotes[];
  readonly report: ScoreReport;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { assessment, resultSet, locale } = input;
  const thaiDigits = input.thaiDigits ?? false;
  const L = labelsFor(locale);
  const report = scoreAssessment(assessment, resultSet);
  const decimals = assessment.policies.decimals;
  const digits = (text: string): string => (thaiDigits ? toThaiDigits(text) : text);
  const num = (value: number | null | undefined, places = decimals): string =>
    value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(value, places, { thaiDigits });
  const scores = new Map(report.indicators.map((s) => [s.id, s]));
  // Targets and weights as the KPI sheet shows them (the domain's one rule, figureDecimals.ts): 3,018.10, not 3,018.1.
  const figures = figureDecimalsOf(assessment);
  const levelCount = assessment.scale.levels.length;

  const rowOf = (indicator: Indicator, depth: number): ReportRow => {
    const s = scores.get(indicator.id) as IndicatorScore;
    const leaf = isGroup(indicator) ? null : indicator;
    const targets = Array.from({ length: levelCount }, (_, i) => {
      const t = leaf?.targets[i];
      return t === undefined ? '' : formatNumber(t, figures.target, { thaiDigits });
    });
    return {
      kind: 'indicator',
      id: indicator.id,
      depth,
      number: digits(indicator.id),
      name: nameIn(indicator, locale),
      unit: indicator.unit ?? '',
      weight: formatNumber(indicator.weight, figures.weight, { thaiDigits }),
      targets,
      result: leaf ? resultText(leaf, resultSet.results[leaf.id], s, decimals, thaiDigits, L) : '',
      score: s.status === 'not-due' ? L.notDue : num(s.score),
      weightedScore: s.status === 'not-due' ? '' : num(s.weightedScore),
      status: statusText(s, L),
      figures: { score: s.score, weightedScore: s.weightedScore },
    };
  };

  const rowsOf = (indicators: readonly Indicator[]): ReportRow[] => {
    const out: ReportRow[] = [];
    const visit = (indicator: Indicator, depth: number): void => {
      out.push(rowOf(indicator, depth));
      if (isGroup(indicator)) indicator.children.forEach((c) => visit(c, depth + 1));
    };
    indicators.forEach((i) => visit(i, 0));
    return out;
  };

  const subtotal = (label: string, figures: { score: number | null; weightedScore: number }): SubtotalRow => ({
    kind: 'subtotal',
    label,
    score: num(figures.score),
    weightedScore: num(figures.weightedScore),
    figures,
  });

  const sections: ReportSection[] = [];
  for (const component of assessment.components) {
    const inComponent = assessment.indicators.filter((i) => i.component === component.id);
    const componentScore = report.components.find((c) => c.id === component.id);
    const rows: (ReportRow | SubtotalRow)[] = [];
    for (const group of component.groups ?? []) {
      const inGroup = inComponent.filter((i) => i.group === group.id);
      if (inGroup.length === 0) continue;
      const groupScore = report.groups.find((g) => g.id === group.id);
      rows.push(...rowsOf(inGroup));
      if (groupScore) rows.push(subtotal(`${L.subtotal} ${nameIn(group, locale)}`, groupScore));
    }
    rows.push(...rowsOf(inComponent.filter((i) => i.group === undefined || !(component.groups ?? []).some((g) => g.id === i.group))));
    if (componentScore) rows.push(subtotal(`${L.subtotal} ${nameIn(component, locale)}`, componentScore));
    sections.push({ title: nameIn(component, locale), rows });
  }
  const loose = assessment.indicators.filter((i) => i.component === undefined || !assessment.components.some((c) => c.id === i.component));
  if (loose.length > 0) sections.push({ title: assessment.components.length > 0 ? L.otherIndicators : null, rows: rowsOf(loose) });

  const totals: TotalLine[] = [
    { label: L.totalBeforePenalty, value: num(report.totalBeforePenalty), figure: report.totalBeforePenalty },
    {
      label: report.workingDaysLate > 0 ? L.penaltyDays(digits(String(report.workingDaysLate))) : L.penalty,
      value: num(report.penalty),
      figure: report.penalty,
    },
    { label: L.total, value: num(report.total), figure: report.total },
  ];
  if (report.official) {
    totals.push(
      { label: L.officialBeforePenalty, value: num(report.official.totalBeforePenalty), figure: report.official.totalBeforePenalty },
      { label: L.officialTotal, value: num(report.official.total), figure: report.official.total },
    );
  }

  const notes: IndicatorNotes[] = allIndicators(assessment)
    .map((indicator) => {
      const texts = input.texts?.get(indicator.id);
      return {
        id: indicator.id,
        number: digits(indicator.id),
        name: nameIn(indicator, locale),
        explanation: present(texts?.explanation),
        obstacles: present(texts?.obstacles),
        remarks: present(texts?.remarks),
        evidence: (input.evidence?.get(indicator.id) ?? []).map((f) => f.name),
      };
    })
    .filter((n) => n.explanation !== null || n.obstacles !== null || n.remarks !== null || n.evidence.length > 0);

  const period =
    resultSet.round === undefined ? null : digits(L.period(resultSet.round, periodText(assessment.fiscalYear, resultSet.round, locale)));
  const unit = input.unitId === undefined ? undefined : assessment.units.find((u) => u.id === input.unitId);
  return {
    locale,
    thaiDigits,
    labels: L,
    title: L.title,
    agency: unit?.name ?? input.unitId ?? null,
    assessmentTitle: assessment.title,
    fiscalYear: digits(L.fiscalYear(assessment.fiscalYear)),
    period,
    generatedOn:
      input.generatedAt === undefined ? null : digits(`${L.generatedOn} ${formatDateIn(bangkokDate(input.generatedAt), locale)}`),
    levels: assessment.scale.levels.map((l) => (locale === 'th' ? l.name : l.nameEn)),
    sections,
    totals,
    notes,
    report,
  };
}

function nameIn(x: { name: string; nameEn?: string }, locale: Locale): string {
  return locale === 'en' && x.nameEn ? x.nameEn : x.name;
}

function present(text: string | null | undefined): string | null {
  return text === null || text === undefined || text.trim() === '' ? null : text;
}

function periodText(fiscalYear: number, round: number, locale: Locale): string {
  const { start, end } = roundPeriod(fiscalYear, round);
  return `${formatDateIn(start, locale)} – ${formatDateIn(end, locale)}`;
}

/** A value as typed (a result, a ratio's variables): at most the policy's decimals, without trailing zeros (87.5, 3,050). */
function shortNumber(value: number, decimals: number, thaiDigits: boolean): string {
  const fixed = formatNumber(value, Math.max(decimals, 2));
  const short = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return thaiDigits ? toThaiDigits(short) : short;
}

function resultText(
  indicator: LeafIndicator,
  raw: unknown,
  s: IndicatorScore,
  decimals: number,
  thaiDigits: boolean,
  L: ReportLabels,
): string {
  if (s.status === 'not-due') return '';
  if (blank(raw)) return L.notReported;
  const digits = (t: string): string => (thaiDigits ? toThaiDigits(t) : t);
  if (isStepKind(indicator.kind)) {
    const marks = Array.isArray(raw)
      ? raw.map(readStep)
      : typeof raw === 'number'
        ? indicator.steps.map((_, i) => i < raw)
        : [readStep(raw)];
    return indicator.steps
      .map((_, i) => {
        const m = marks[i];
        return `${digits(String(i + 1))} ${m === true ? '✓' : m === false ? '✗' : m === 'invalid' ? '?' : '–'}`;
      })
      .join('  ');
  }
  if (indicator.kind === 'ratio' && typeof raw === 'object' && !Array.isArray(raw)) {
    const record = raw as Record<string, unknown>;
    const [n, d] = indicator.variables.map((v) => {
      const r = readNumber(record[v.id]);
      return r.kind === 'number' ? shortNumber(r.value, decimals, thaiDigits) : String(record[v.id] ?? '–');
    });
    const ratio = s.value === null ? '' : ` = ${shortNumber(s.value, decimals, thaiDigits)}`;
    return `${n} / ${d}${ratio}`;
  }
  if (s.value !== null) return shortNumber(s.value, decimals, thaiDigits);
  return String(raw);
}

/** Nothing typed: no value, or a ratio whose every variable is blank (a sheet reads an empty ratio row as one). */
function blank(raw: unknown): boolean {
  if (raw === undefined || raw === null || raw === '') return true;
  return (
    typeof raw === 'object' &&
    !Array.isArray(raw) &&
    Object.values(raw as Record<string, unknown>).every((v) => v === undefined || v === null || v === '')
  );
}

function statusText(s: IndicatorScore, L: ReportLabels): string {
  const status: ReportStatus | null | undefined = s.reportStatus;
  if (status) return L.status[status];
  if (s.status === 'invalid') return L.invalid;
  return '';
}

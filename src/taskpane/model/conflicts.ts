/**
 * A submit's conflicts as the conflict dialog shows them, one at a time: the indicator, mine (the row as sent,
 * with its texts) and theirs (the server's row with its texts, who changed it and when, in Bangkok time and the Buddhist Era).
 * Pure.
 */
import type { BatchRow, CurrentRow } from '../../api';
import type { RowOutcome } from '../../api/submit';
import { bangkokDate, bangkokTime, type Locale } from '../../domain';

/** One of the row's texts, shown beside the value (blank ones are left out). */
export interface ConflictText {
  readonly label: 'explanation' | 'obstacles' | 'remarks';
  readonly text: string;
}

export interface ConflictView {
  readonly indicatorId: string;
  readonly name: string;
  readonly mine: { readonly value: string; readonly texts: readonly ConflictText[] };
  readonly theirs: {
    readonly value: string;
    readonly texts: readonly ConflictText[];
    readonly who: string;
    readonly when: string;
    readonly version: number;
  };
  /** What Keep mine sends: my row on their version. */
  readonly resend: BatchRow;
  readonly current: CurrentRow;
}

/** The conflicts among outcomes, in the order answered, each with the row that was sent; others are left out. */
export function conflictViews(
  outcomes: readonly RowOutcome[],
  sent: readonly BatchRow[],
  names: ReadonlyMap<string, string>,
  locale: Locale,
): ConflictView[] {
  const byId = new Map(sent.map((r) => [r.indicatorId, r]));
  const views: ConflictView[] = [];
  for (const o of outcomes) {
    if (o.outcome !== 'conflict' || !o.result.current) continue;
    const mine = byId.get(o.indicatorId);
    if (!mine) continue;
    const current = o.result.current;
    const texts = (row: Partial<Record<ConflictText['label'], string | null>>): ConflictText[] =>
      (['explanation', 'obstacles', 'remarks'] as const).map((label) => ({ label, text: row[label] ?? '' })).filter((t) => t.text !== '');
    views.push({
      indicatorId: o.indicatorId,
      name: names.get(o.indicatorId) ?? '',
      mine: { value: rawValueText(mine.value, locale), texts: texts(mine) },
      theirs: {
        value: rawValueText(current.value, locale),
        texts: texts(current),
        who: current.updatedBy,
        when: bangkokWhen(current.updatedAt, locale),
        version: current.version,
      },
      resend: { ...mine, baseVersion: current.version },
      current,
    });
  }
  return views;
}

/** A raw result as a person reads it: 3,100; steps as ✓/✗; a ratio's variables by id; blank said in words. */
export function rawValueText(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return locale === 'th' ? '(ว่าง)' : '(blank)';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  if (Array.isArray(value))
    return value.map((v) => (v === true || v === 1 ? '✓' : v === false || v === 0 ? '✗' : rawValueText(v, locale))).join(' ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k} ${rawValueText(v, locale)}`)
      .join(', ');
  return String(value);
}

/** Bangkok date (Buddhist Era) and time of an instant: "25/3/2567 09:30 น." or "25/3/2567 BE 09:30". */
export function bangkokWhen(instant: string, locale: Locale): string {
  const [y, mo, d] = bangkokDate(instant).split('-').map(Number) as [number, number, number];
  const time = bangkokTime(instant);
  return locale === 'th' ? `${d}/${mo}/${y + 543} ${time} น.` : `${d}/${mo}/${y + 543} BE ${time}`;
}

/**
 * Numbers and dates as the task pane shows them. Numbers follow Thai report conventions: grouped thousands,
 * a decimal point, the assessment's `decimals` policy, half-up (the domain's formatNumber). Dates are in the
 * Buddhist Era in both languages, because that is the calendar the documents and deadlines use.
 */
import { formatNumber, type Locale } from '../domain';

/** A score or a value at the policy's decimals; an em dash when there is none. */
export function formatScore(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : formatNumber(value, decimals);
}

/**
 * A result value (a target, a needed result): at most `decimals` places but without trailing zeros, so a
 * target of 90 shows as 90 and 3,018.1 keeps its one decimal.
 */
export function formatValue(value: number, decimals: number): string {
  const fixed = formatNumber(value, decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** "25 มีนาคม 2567" / "25 March 2567 BE": the domain's one rule, under the name the pane's strings use. */
export { formatDateIn as formatDate } from '../domain';

/** A clock time for "updated at" (HH:MM:SS, 24-hour as Thai offices write it). */
export function formatTime(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** The fiscal year label: "พ.ศ. 2567" / "2567 BE". */
export function formatFiscalYear(beYear: number, locale: Locale): string {
  return locale === 'th' ? `พ.ศ. ${beYear}` : `${beYear} BE`;
}

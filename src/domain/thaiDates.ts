/**
 * Dates as Thai government work counts them: the Buddhist Era (พ.ศ. = ค.ศ. + 543), the fiscal year that runs
 * 1 October – 30 September and is named by the BE year it ends in, and working days in Bangkok time.
 */
import { issue, type Issue, type Locale } from './issues';

const BE_OFFSET = 543;
/** Thailand keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];
export const THAI_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

export function toCommonEraYear(beYear: number): number {
  return beYear - BE_OFFSET;
}

export function isRealDate(isoDate: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === isoDate;
}

/** The calendar date (YYYY-MM-DD) in Bangkok of an instant. */
export function bangkokDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Bangkok clock time of an instant, "HH:MM" (24-hour, as Thai offices write it). */
export function bangkokTime(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + BANGKOK_OFFSET_MS).toISOString().slice(11, 16);
}

/** An instant as its Bangkok day and time: "25 มีนาคม 2567 10:05 น." / "25 March 2567 BE 10:05". */
export function formatInstantIn(instant: string | Date, locale: Locale): string {
  const at = `${formatDateIn(bangkokDate(instant), locale)} ${bangkokTime(instant)}`;
  return locale === 'th' ? `${at} น.` : at;
}

/** The fiscal year (BE) a date falls in: 1 October 2566 – 30 September 2567 is fiscal 2567. */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return toBuddhistYear(m >= 10 ? y + 1 : y);
}

/** The first and last day (ISO) of a BE fiscal year. */
export function fiscalYearRange(fiscalYearBE: number): { start: string; end: string } {
  const endCE = toCommonEraYear(fiscalYearBE);
  return { start: `${endCE - 1}-10-01`, end: `${endCE}-09-30` };
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A day in the Buddhist Era in either language, as the documents and deadlines write it: "25 มีนาคม 2567" /
 * "25 March 2567 BE". `isoDate`: a day, or an ISO text whose first ten characters are one.
 */
export function formatDateIn(isoDate: string, locale: Locale): string {
  const day = isoDate.slice(0, 10);
  if (locale === 'th') return formatThaiDate(day);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${EN_MONTHS[m - 1]} ${toBuddhistYear(y)} BE`;
}

/** "25 มีนาคม 2567" (or with the short month, "25 มี.ค. 2567"). */
export function formatThaiDate(isoDate: string, options: { short?: boolean } = {}): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const months = options.short ? THAI_MONTHS_SHORT : THAI_MONTHS;
  return `${d} ${months[m - 1]} ${toBuddhistYear(y)}`;
}

function isWeekend(isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Working days late: the working days after the closing date, up to and including the day of submission,
 * in Bangkok. Weekends and the listed holidays never count; anything on or before the closing day is on time.
 */
export function workingDaysLate(closesAt: string, submittedAt: string, holidays: readonly string[] = []): number {
  if (Date.parse(submittedAt) <= Date.parse(closesAt)) return 0;
  const closing = bangkokDate(closesAt);
  const submitted = bangkokDate(submittedAt);
  const off = new Set(holidays);
  let days = 0;
  for (let d = nextDay(closing); d <= submitted; d = nextDay(d)) {
    if (!isWeekend(d) && !off.has(d)) days++;
  }
  return days;
}

/** A year this large is พ.ศ.: no Thai government date is written in CE 2400 or later, nor in BE before it. */
const FIRST_BUDDHIST_YEAR = 2400;

export interface EraReading {
  /** The same date (or date and time) with its year in CE. */
  readonly ce: string;
  /** It was written in the Buddhist Era and converted. */
  readonly buddhistEra: boolean;
}

/**
 * Reads the year of an ISO date or date-time ("2567-04-05", "2567-04-05T10:00:00+07:00") as พ.ศ. when it is 2400
 * or more, and gives the CE twin; everything else in the text (time, offset) is kept as written. A text that
 * does not start with a four-digit year is returned unchanged.
 */
export function readEra(text: string): EraReading {
  const m = /^(\d{4})(-.*)?$/s.exec(text);
  if (!m) return { ce: text, buddhistEra: false };
  const year = Number(m[1]);
  if (year < FIRST_BUDDHIST_YEAR) return { ce: text, buddhistEra: false };
  return { ce: `${String(toCommonEraYear(year)).padStart(4, '0')}${m[2] ?? ''}`, buddhistEra: true };
}

/**
 * Whether a date lies within the fiscal year (BE) or a year either side of it: outside that, it is almost surely
 * a typo (a wrong year, or CE and BE mixed up) rather than an early or late report.
 */
export function nearFiscalYear(isoDate: string, fiscalYearBE: number): boolean {
  const { start, end } = fiscalYearRange(fiscalYearBE);
  const lower = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
  const upper = `${Number(end.slice(0, 4)) + 1}${end.slice(4)}`;
  return isoDate >= lower && isoDate <= upper;
}

/**
 * A date of a document (a round window, a holiday, `submittedAt`) as the domain uses it: in CE. A พ.ศ. year is
 * converted, with an `info` issue naming the path, so the date then scores exactly as its CE twin. Given the
 * assessment's fiscal year, a date far outside it is a warning naming the path (`fiscalYearBE`; instants are
 * placed on their Bangkok calendar day).
 */
export function readDocumentDate(text: string, path: string, issues: Issue[], fiscalYearBE?: number): string {
  const { ce, buddhistEra } = readEra(text);
  if (buddhistEra) {
    issues.push(
      issue(
        'buddhist-era-date',
        'info',
        {
          th: `${path}: อ่าน ${text} เป็นปีพุทธศักราช คือ ${ce} (ค.ศ.)`,
          en: `${path}: ${text} is read as a Buddhist-Era date, ${ce} in CE`,
        },
        { path },
      ),
    );
  }
  if (fiscalYearBE !== undefined) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(ce) ? ce : Number.isNaN(Date.parse(ce)) ? undefined : bangkokDate(ce);
    if (day !== undefined && !nearFiscalYear(day, fiscalYearBE)) {
      const { start, end } = fiscalYearRange(fiscalYearBE);
      issues.push(
        issue(
          'date-outside-fiscal-year',
          'warning',
          {
            th: `${path}: วันที่ ${text} อยู่นอกปีงบประมาณ พ.ศ. ${fiscalYearBE} (${formatThaiDate(start)} – ${formatThaiDate(end)}) เกินหนึ่งปี ตรวจสอบปี พ.ศ./ค.ศ.`,
            en: `${path}: ${text} is more than a year outside fiscal year ${fiscalYearBE} (${start} – ${end}); check the year (BE or CE)`,
          },
          { path },
        ),
      );
    }
  }
  return ce;
}

/**
 * The period a round reports on: from the fiscal year's first day (1 October) to the last day of its `months`th
 * month. Round 6 of fiscal 2567 is 2023-10-01 – 2024-03-31 (1 ตุลาคม 2566 – 31 มีนาคม 2567).
 */
export function roundPeriod(fiscalYearBE: number, months: number): { start: string; end: string } {
  const { start } = fiscalYearRange(fiscalYearBE);
  const startCE = toCommonEraYear(fiscalYearBE) - 1;
  // Day 0 of the month after the last one is the last day of that month.
  const end = new Date(Date.UTC(startCE, 9 + months, 0)).toISOString().slice(0, 10);
  return { start, end };
}

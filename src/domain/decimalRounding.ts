/**
 * Display rounding (ปัดเศษครึ่งขึ้น) done on decimal digits, not on binary floating point.
 *
 * "The value" of a number is its shortest round-trip decimal, `String(x)`: the fewest digits that read back as
 * the same double, which is what a person typed (1.005, 7512400000) and what JSON carries. Rounding that decimal
 * half-up (away from zero on ties, so −1.005 → −1.01) is exact for every magnitude: no epsilon, so
 * 7,512,400,000 stays 7,512,400,000.00 and 1.005 still shows 1.01. A computed value keeps every digit the double
 * holds: 80.12499999999999 is below the half and shows 80.12.
 */

interface Decimal {
  /** Significant digits, no leading zeros (empty for zero). */
  readonly digits: string;
  /** Where the decimal point sits in `digits`: value = 0.digits × 10^point. */
  readonly point: number;
}

/** |x| as the decimal `String(x)` writes, including its exponent forms (1e-7, 1.5e+21). */
function decimalOf(x: number): Decimal {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!m) throw new Error(`not a finite number: ${x}`);
  const whole = m[1] as string;
  const all = whole + (m[2] ?? '');
  const exponent = Number(m[3] ?? 0);
  const lead = all.length - all.replace(/^0+/, '').length;
  return { digits: all.slice(lead).replace(/0+$/, ''), point: whole.length + exponent - lead };
}

/** Adds one to a string of decimal digits ("0999" → "1000"), growing it when it carries out. */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/**
 * `value` rounded half-up at `decimals` places, as plain decimal text ("-1234.50"), no grouping, no exponent.
 * A result that rounds to zero has no minus sign. Not for non-finite values.
 */
export function roundHalfUpText(value: number, decimals: number): string {
  const places = Math.max(0, Math.trunc(decimals));
  const { digits, point } = decimalOf(value);
  // Digits kept: everything before the (point + places)-th significant digit; the next one decides.
  const keep = point + places;
  let kept: string;
  if (keep < 0) kept = '';
  else kept = digits.slice(0, keep).padEnd(keep, '0');
  const next = keep < 0 ? '0' : (digits[keep] ?? '0');
  if (next >= '5') kept = increment(kept.padStart(1, '0'));
  // kept is the rounded value × 10^places, as digits.
  const padded = kept.padStart(places + 1, '0');
  const integer = padded.slice(0, padded.length - places).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(padded.length - places);
  const text = places > 0 ? `${integer}.${fraction}` : integer;
  const zero = /^[0.]*$/.test(text);
  return value < 0 && !zero ? `-${text}` : text;
}

/** Groups the integer part of plain decimal text in thousands: "-1234567.5" → "-1,234,567.5". */
export function groupThousands(text: string): string {
  const [sign, integer, rest] = /^(-?)(\d+)(.*)$/.exec(text)?.slice(1) ?? ['', text, ''];
  return `${sign}${(integer as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${rest}`;
}

/** How a grid cell shows its value: the number format the add-in wrote, as Excel would show it (the usual cases). */
import { groupThousands, roundHalfUpText } from '../domain';
import { isCellError, type CellValue } from '../workbook';

export function displayValue(value: CellValue, format: string | undefined): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const f = format ?? 'General';
  const fixed = /^(#,##)?0(?:\.(0+))?(%?)$/.exec(f);
  if (fixed) {
    const decimals = fixed[2]?.length ?? 0;
    const n = fixed[3] ? value * 100 : value;
    // The domain's display rounding, so the preview shows what the CLI and the task pane show.
    const plain = Number.isFinite(n) ? roundHalfUpText(n, decimals) : String(n);
    const text = fixed[1] ? groupThousands(plain) : plain;
    return fixed[3] ? `${text}%` : text;
  }
  // General: up to 10 significant digits, as Excel shows a number in a normal-width column.
  return String(Number(value.toPrecision(10)));
}

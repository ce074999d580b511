/**
 * A plan's cell content → what is put into `Range.formulas`. Excel reads what it is given as if it were typed:
 * "10.1" would become a number, "85%" 0.85, "=x" a formula. A leading apostrophe is Excel's own "this is text"
 * mark (not part of the value), so text that could be read as anything else gets one.
 */
import { isCellError, isFormula, type CellContent } from '../workbook/cells';

/** Starts like a formula, or holds a digit (numbers, dates, times, percents), or is a logical value. */
const COULD_BE_PARSED = /^[\s]*[=+\-@']|\d|^\s*(true|false)\s*$/i;

export function cellInput(content: CellContent): string | number | boolean {
  if (content === null) return '';
  if (isFormula(content)) return `=${content.formula}`;
  if (isCellError(content)) return content.error === '#N/A' ? '=NA()' : content.error;
  if (typeof content === 'string') return COULD_BE_PARSED.test(content) ? `'${content}` : content;
  return content;
}

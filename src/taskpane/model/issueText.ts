/**
 * An issue's message as the pane shows it beside its cell link: the message names its cell for the CLI and the
 * logs ("เซลล์ E7 เป็นข้อความ…", or "ตัวชี้วัด!E7: น้ำหนักรวม…" as the definitions reader writes it), the pane already
 * shows the cell before it, so it is said once, not twice.
 */
export function withoutCell(text: string, cell: string | undefined): string {
  if (!cell) return text;
  const address = cell.slice(cell.lastIndexOf('!') + 1);
  const escaped = [cell, address].map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const stripped = text
    .replace(new RegExp(`^\\s*(?:เซลล์|cell)\\s+(?:${escaped})\\s*`, 'i'), '')
    .replace(new RegExp(`^\\s*(?:${escaped})\\s*:\\s*`), '');
  return stripped === '' ? text : stripped;
}

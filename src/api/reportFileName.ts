/**
 * The file a report is saved as, "pte-2567-6-pte.pdf": ASCII only, so every browser keeps it (ids are checked to safe
 * characters by the API's id schema); a sheet that names no round or unit leaves them out. No zod here: the pane's
 * initial JavaScript imports it.
 */
export function reportFileName(aid: string, round: number | undefined, unit: string | undefined, format: 'pdf' | 'docx'): string {
  return `${[aid, round, unit].filter((p) => p !== undefined).join('-')}.${format}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

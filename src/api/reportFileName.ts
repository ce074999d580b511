/** The file a report is saved as: ASCII only, so every browser keeps it (ids are checked to safe characters by the API's id schema). No zod here: the pane's initial JavaScript imports it. */
export function reportFileName(aid: string, round: number, unit: string, format: 'pdf' | 'docx'): string {
  return `${aid}-${round}-${unit}.${format}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

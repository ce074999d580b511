/** Where each resource lives, so the server and the client build the same paths. */
export const API_PREFIX = '/api/v1';

export const paths = {
  sessions: `${API_PREFIX}/sessions`,
  currentSession: `${API_PREFIX}/sessions/current`,
  assessments: `${API_PREFIX}/assessments`,
  assessment: (aid: string) => `${API_PREFIX}/assessments/${encodeURIComponent(aid)}`,
  unitRound: (aid: string, round: number, unit: string) =>
    `${API_PREFIX}/assessments/${encodeURIComponent(aid)}/rounds/${round}/units/${encodeURIComponent(unit)}`,
  reports: (aid: string, round: number, unit: string) => `${paths.unitRound(aid, round, unit)}/reports`,
  approve: (aid: string, round: number, unit: string, indicatorId: string) =>
    `${paths.reports(aid, round, unit)}/${encodeURIComponent(indicatorId)}/approve`,
  return: (aid: string, round: number, unit: string, indicatorId: string) =>
    `${paths.reports(aid, round, unit)}/${encodeURIComponent(indicatorId)}/return`,
  attachments: (aid: string, round: number, unit: string, indicatorId: string) =>
    `${paths.reports(aid, round, unit)}/${encodeURIComponent(indicatorId)}/attachments`,
  attachment: (aid: string, round: number, unit: string, indicatorId: string, id: string) =>
    `${paths.attachments(aid, round, unit, indicatorId)}/${encodeURIComponent(id)}`,
  scores: (aid: string, round: number, unit: string) => `${paths.unitRound(aid, round, unit)}/scores`,
  /** The round's report document of a unit: `report.pdf` or `report.docx`. */
  reportDocument: (aid: string, round: number, unit: string, format: 'pdf' | 'docx') => `${paths.unitRound(aid, round, unit)}/report.${format}`,
  audit: `${API_PREFIX}/audit`,
  /** Outside the prefix: load balancers and the pane's reconnect check ask it without a session. */
  health: '/healthz',
} as const;

/**
 * Where each resource lives, so the server and the client build the same paths: the client fills `paths` with
 * values (each segment encoded), the server declares its routes with `routePatterns`, the same paths with
 * Fastify's `:name` parameters in place of the values.
 */
export const API_PREFIX = '/api/v1';

type Segment = string | number;

function pathsWith(segment: (s: Segment) => string) {
  const unitRound = (aid: Segment, round: Segment, unit: Segment) =>
    `${API_PREFIX}/assessments/${segment(aid)}/rounds/${segment(round)}/units/${segment(unit)}`;
  const reports = (aid: Segment, round: Segment, unit: Segment) => `${unitRound(aid, round, unit)}/reports`;
  const report = (aid: Segment, round: Segment, unit: Segment, indicatorId: Segment) =>
    `${reports(aid, round, unit)}/${segment(indicatorId)}`;
  const attachments = (aid: Segment, round: Segment, unit: Segment, indicatorId: Segment) =>
    `${report(aid, round, unit, indicatorId)}/attachments`;
  return {
    sessions: `${API_PREFIX}/sessions`,
    currentSession: `${API_PREFIX}/sessions/current`,
    assessments: `${API_PREFIX}/assessments`,
    assessment: (aid: Segment) => `${API_PREFIX}/assessments/${segment(aid)}`,
    unitRound,
    reports,
    /** Every unit's rows in a round (central staff; approvers for their units). */
    roundReports: (aid: Segment, round: Segment) => `${API_PREFIX}/assessments/${segment(aid)}/rounds/${segment(round)}/reports`,
    overview: (aid: Segment, round: Segment) => `${API_PREFIX}/assessments/${segment(aid)}/rounds/${segment(round)}/overview`,
    history: (aid: Segment, unit: Segment) => `${API_PREFIX}/assessments/${segment(aid)}/units/${segment(unit)}/history`,
    approve: (aid: Segment, round: Segment, unit: Segment, indicatorId: Segment) => `${report(aid, round, unit, indicatorId)}/approve`,
    return: (aid: Segment, round: Segment, unit: Segment, indicatorId: Segment) => `${report(aid, round, unit, indicatorId)}/return`,
    attachments,
    attachment: (aid: Segment, round: Segment, unit: Segment, indicatorId: Segment, id: Segment) =>
      `${attachments(aid, round, unit, indicatorId)}/${segment(id)}`,
    scores: (aid: Segment, round: Segment, unit: Segment) => `${unitRound(aid, round, unit)}/scores`,
    /** The round's report of a unit as a document (PDF or Word). */
    reportDocument: (aid: Segment, round: Segment, unit: Segment, format: Segment) =>
      `${unitRound(aid, round, unit)}/report.${segment(format)}`,
    audit: `${API_PREFIX}/audit`,
    /** Outside the prefix: load balancers and the pane's reconnect check ask it without a session. */
    health: '/healthz',
  } as const;
}

const built = pathsWith((s) => encodeURIComponent(String(s)));

/** A resource's path for these values (the client's). */
export const paths: {
  readonly sessions: string;
  readonly currentSession: string;
  readonly assessments: string;
  readonly assessment: (aid: string) => string;
  readonly unitRound: (aid: string, round: number, unit: string) => string;
  readonly reports: (aid: string, round: number, unit: string) => string;
  readonly roundReports: (aid: string, round: number) => string;
  readonly overview: (aid: string, round: number) => string;
  readonly history: (aid: string, unit: string) => string;
  readonly approve: (aid: string, round: number, unit: string, indicatorId: string) => string;
  readonly return: (aid: string, round: number, unit: string, indicatorId: string) => string;
  readonly attachments: (aid: string, round: number, unit: string, indicatorId: string) => string;
  readonly attachment: (aid: string, round: number, unit: string, indicatorId: string, id: string) => string;
  readonly scores: (aid: string, round: number, unit: string) => string;
  readonly reportDocument: (aid: string, round: number, unit: string, format: 'pdf' | 'docx') => string;
  readonly audit: string;
  readonly health: string;
} = built;

const p = pathsWith((s) => `:${s}`);

/** The same paths as route declarations, with the parameter names the server's param schemas read. */
export const routePatterns = {
  sessions: p.sessions,
  currentSession: p.currentSession,
  assessments: p.assessments,
  assessment: p.assessment('aid'),
  reports: p.reports('aid', 'round', 'unit'),
  roundReports: p.roundReports('aid', 'round'),
  overview: p.overview('aid', 'round'),
  history: p.history('aid', 'unit'),
  approve: p.approve('aid', 'round', 'unit', 'indicatorId'),
  return: p.return('aid', 'round', 'unit', 'indicatorId'),
  attachments: p.attachments('aid', 'round', 'unit', 'indicatorId'),
  attachment: p.attachment('aid', 'round', 'unit', 'indicatorId', 'attachmentId'),
  scores: p.scores('aid', 'round', 'unit'),
  /** One route per format: the format is part of the path, not a parameter. */
  reportDocument: (format: 'pdf' | 'docx') => `${p.unitRound('aid', 'round', 'unit')}/report.${format}`,
  audit: p.audit,
  health: p.health,
} as const;

/**
 * The authorization matrix: every route × every role (reporter, approver, central, anonymous) × own unit and
 * other unit. Each case asserts the status, and that a refused call (401/403) changed nothing in the database.
 * The fixtures give each unit a submitted row "1" with one attachment, so every route has something to act on.
 *
 * Setting that up (the fixtures, sign-ins, a submit and an upload per unit) was nine tenths of each case's time.
 * A refused call or a read changes nothing, and each such case asserts so, so all of them run on one database set up
 * once: as long as they pass, every one of them sees the fixtures' state, as a case of its own would. Only a call
 * that is accepted and writes (9 of the 152) gets a database set up afresh.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { as, reportsUrl, scoresUrl, snapshot } from './client';
import { AID, fixtureAssessment } from './fixtures';
import { multipart, PDF } from './attachments.cases';
import { useHarness, type DbKind, type Harness } from './harness';

type Actor = 'reporter' | 'approver' | 'central' | 'anonymous';
type Target = 'own' | 'other';

const USER: Record<Actor, string | null> = { reporter: 'pte.reporter', approver: 'pte.approver', central: 'central', anonymous: null };
const UNIT: Record<Target, string> = { own: 'pte', other: 'cbi' };

interface Setup {
  attachment: Record<string, string>;
}

interface RouteCase {
  name: string;
  /** The route as the OpenAPI document names it. */
  route: string;
  call: (h: Harness, user: string | null, unit: string, setup: Setup) => Promise<LightMyRequestResponse>;
  /** Expected status for each actor on the own and the other unit (anonymous is always 401). */
  expect: Record<Exclude<Actor, 'anonymous'>, Record<Target, number>>;
}

const same = (status: number) => ({ own: status, other: status });
const ownOnly = (status: number) => ({ own: status, other: 403 });

const routes: RouteCase[] = [
  {
    name: 'GET reports',
    route: 'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports',
    call: async (h, u, unit) => h.app.inject({ method: 'GET', url: reportsUrl(6, unit), headers: await as(h, u) }),
    expect: { reporter: ownOnly(200), approver: ownOnly(200), central: same(200) },
  },
  {
    name: "GET every unit's reports in a round",
    route: 'GET /api/v1/assessments/{aid}/rounds/{round}/reports',
    call: async (h, u, unit) =>
      h.app.inject({ method: 'GET', url: `/api/v1/assessments/${AID}/rounds/6/reports?units=${unit}`, headers: await as(h, u) }),
    expect: { reporter: same(403), approver: ownOnly(200), central: same(200) },
  },
  {
    name: 'POST reports (save)',
    route: 'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports',
    call: async (h, u, unit) =>
      h.app.inject({
        method: 'POST',
        url: reportsUrl(6, unit),
        headers: { ...(await as(h, u)), 'idempotency-key': randomUUID() },
        payload: { action: 'save', rows: [{ indicatorId: '2', value: { den: 10 }, baseVersion: 0 }] },
      }),
    expect: { reporter: ownOnly(200), approver: same(403), central: same(200) },
  },
  {
    name: 'POST reports (submit)',
    route: 'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports',
    call: async (h, u, unit) =>
      h.app.inject({
        method: 'POST',
        url: reportsUrl(6, unit),
        headers: { ...(await as(h, u)), 'idempotency-key': randomUUID() },
        payload: { action: 'submit', rows: [{ indicatorId: '4.1', value: 3, baseVersion: 0 }] },
      }),
    expect: { reporter: ownOnly(200), approver: same(403), central: same(403) },
  },
  {
    name: 'POST approve',
    route: 'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/approve',
    call: async (h, u, unit) =>
      h.app.inject({ method: 'POST', url: `${reportsUrl(6, unit)}/1/approve`, headers: await as(h, u), payload: {} }),
    expect: { reporter: same(403), approver: ownOnly(200), central: same(403) },
  },
  {
    name: 'POST return',
    route: 'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/return',
    call: async (h, u, unit) =>
      h.app.inject({ method: 'POST', url: `${reportsUrl(6, unit)}/1/return`, headers: await as(h, u), payload: { comment: 'แก้ไข' } }),
    expect: { reporter: same(403), approver: ownOnly(200), central: same(403) },
  },
  {
    name: 'POST attachment',
    route: 'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/attachments',
    call: async (h, u, unit) => {
      const body = multipart('b.pdf', PDF);
      return h.app.inject({
        method: 'POST',
        url: `${reportsUrl(6, unit)}/1/attachments`,
        headers: { ...(await as(h, u)), ...body.headers },
        payload: body.payload,
      });
    },
    expect: { reporter: ownOnly(201), approver: same(403), central: same(403) },
  },
  {
    name: 'GET attachments',
    route: 'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/attachments',
    call: async (h, u, unit) => h.app.inject({ method: 'GET', url: `${reportsUrl(6, unit)}/1/attachments`, headers: await as(h, u) }),
    expect: { reporter: ownOnly(200), approver: ownOnly(200), central: same(200) },
  },
  {
    name: 'GET attachment (download)',
    route: 'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/attachments/{attachmentId}',
    call: async (h, u, unit, s) =>
      h.app.inject({ method: 'GET', url: `${reportsUrl(6, unit)}/1/attachments/${s.attachment[unit]}`, headers: await as(h, u) }),
    expect: { reporter: ownOnly(200), approver: ownOnly(200), central: same(200) },
  },
  {
    name: 'GET scores',
    route: 'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/scores',
    call: async (h, u, unit) => h.app.inject({ method: 'GET', url: scoresUrl(6, unit), headers: await as(h, u) }),
    expect: { reporter: ownOnly(200), approver: ownOnly(200), central: same(200) },
  },
  ...(['pdf', 'docx'] as const).map((format): RouteCase => ({
    name: `GET report.${format}`,
    route: `GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/report.${format}`,
    call: async (h, u, unit) =>
      h.app.inject({ method: 'GET', url: scoresUrl(6, unit).replace(/scores$/, `report.${format}`), headers: await as(h, u) }),
    expect: { reporter: ownOnly(200), approver: ownOnly(200), central: same(200) },
  })),
  {
    name: 'GET history',
    route: 'GET /api/v1/assessments/{aid}/units/{unit}/history',
    call: async (h, u, unit) =>
      h.app.inject({ method: 'GET', url: `/api/v1/assessments/${AID}/units/${unit}/history`, headers: await as(h, u) }),
    expect: { reporter: ownOnly(200), approver: ownOnly(200), central: same(200) },
  },
  {
    name: 'GET audit',
    route: 'GET /api/v1/audit',
    call: async (h, u, unit) =>
      h.app.inject({ method: 'GET', url: `/api/v1/audit?assessment=${AID}&unit=${unit}`, headers: await as(h, u) }),
    expect: { reporter: same(403), approver: ownOnly(200), central: same(200) },
  },
  // Routes not about one unit: the same answer for "own" and "other".
  {
    name: 'GET assessments',
    route: 'GET /api/v1/assessments',
    call: async (h, u) => h.app.inject({ method: 'GET', url: '/api/v1/assessments', headers: await as(h, u) }),
    expect: { reporter: same(200), approver: same(200), central: same(200) },
  },
  {
    name: 'GET assessment',
    route: 'GET /api/v1/assessments/{aid}',
    call: async (h, u) => h.app.inject({ method: 'GET', url: `/api/v1/assessments/${AID}`, headers: await as(h, u) }),
    expect: { reporter: same(200), approver: same(200), central: same(200) },
  },
  {
    name: 'PUT assessment',
    route: 'PUT /api/v1/assessments/{aid}',
    call: async (h, u) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/v1/assessments/${AID}`,
        headers: await as(h, u),
        payload: { ...fixtureAssessment(), title: 'เปลี่ยน' },
      }),
    expect: { reporter: same(403), approver: same(403), central: same(200) },
  },
  {
    // An approver gets the units they approve for (their own); which units is the overview's test.
    name: "GET a round's overview",
    route: 'GET /api/v1/assessments/{aid}/rounds/{round}/overview',
    call: async (h, u) => h.app.inject({ method: 'GET', url: `/api/v1/assessments/${AID}/rounds/6/overview`, headers: await as(h, u) }),
    expect: { reporter: same(403), approver: same(200), central: same(200) },
  },
  {
    name: 'GET sessions/current',
    route: 'GET /api/v1/sessions/current',
    call: async (h, u) => h.app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers: await as(h, u) }),
    expect: { reporter: same(200), approver: same(200), central: same(200) },
  },
];

const cases = routes.flatMap((route) =>
  (['reporter', 'approver', 'central', 'anonymous'] as const).flatMap((actor) =>
    (['own', 'other'] as const).map((target) => ({
      route,
      actor,
      target,
      status: actor === 'anonymous' ? 401 : route.expect[actor][target],
    })),
  ),
);

export function authorizationCases(kind: DbKind): void {
  // Each case's setup writes twice as each unit's reporter: the matrix's cases, in well under a minute, exceed the
  // per-user write limit (its own tests are in limits.test.ts), which is not what this suite is about.
  const h = useHarness(kind, { writesPerMinutePerUser: false }, { resetEachTest: false });

  async function setup(): Promise<Setup> {
    const attachment: Record<string, string> = {};
    for (const unit of ['pte', 'cbi']) {
      const reporter = `${unit}.reporter`;
      const submitted = await h.app.inject({
        method: 'POST',
        url: reportsUrl(6, unit),
        headers: { ...(await as(h, reporter)), 'idempotency-key': randomUUID() },
        payload: { action: 'submit', rows: [{ indicatorId: '1', value: 90, baseVersion: 0 }] },
      });
      if (submitted.json().results?.[0]?.outcome !== 'accepted') throw new Error(`setup: ${submitted.body}`);
      const body = multipart('a.pdf', PDF);
      const up = await h.app.inject({
        method: 'POST',
        url: `${reportsUrl(6, unit)}/1/attachments`,
        headers: { ...(await as(h, reporter)), ...body.headers },
        payload: body.payload,
      });
      attachment[unit] = up.json().id;
    }
    return { attachment };
  }

  /** The fixtures again, with the setup's rows and attachments. */
  async function fresh(): Promise<Setup> {
    await h.reset();
    return setup();
  }

  async function check({ route, actor, target, status }: (typeof cases)[number], s: Setup, changesNothing: boolean): Promise<void> {
    const user = USER[actor];
    if (user) await h.token(user);
    const before = await snapshot(h);
    const res = await route.call(h, user, UNIT[target], s);
    expect(res.statusCode).toBe(status);
    if (status === 401 || status === 403) {
      expect(res.json().error.code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
      expect(res.json().error.messageTh).toBeTruthy();
    }
    if (changesNothing) expect(await snapshot(h)).toBe(before);
  }

  const writes = (c: (typeof cases)[number]): boolean => !c.route.route.startsWith('GET ') && c.status < 300;

  describe('refused calls and reads, on one database set up once: each changes nothing', () => {
    let shared: Setup;
    beforeAll(async () => {
      shared = await fresh();
    }, 30_000);
    test.each(cases.filter((c) => !writes(c)))('$route.name by $actor on the $target unit → $status', (c) => check(c, shared, true));
  });

  describe('accepted writes, each on a database set up afresh', () => {
    test.each(cases.filter(writes))('$route.name by $actor on the $target unit → $status', async (c) => check(c, await fresh(), false));
  });

  test('the matrix covers every route of the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // Open to everyone, or about the caller's own session only.
    const notUnitScoped = ['POST /api/v1/sessions', 'DELETE /api/v1/sessions/current', 'GET /healthz'];
    expect(documented.filter((r) => !notUnitScoped.includes(r)).sort()).toEqual([...new Set(routes.map((r) => r.route))].sort());
  });
}

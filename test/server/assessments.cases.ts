import { as, snapshot, type Json } from './client';
import { AID, fixtureAssessment } from './fixtures';
import { useHarness, type DbKind } from './harness';

export function assessmentCases(kind: DbKind): void {
  const h = useHarness(kind);
  const put = async (username: string, doc: Record<string, unknown>, aid = String(doc.id)) =>
    h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${aid}`, headers: await as(h, username), payload: doc });

  test('the list shows what the caller may see: central all, a unit user the assessments of their units', async () => {
    await put('central', { ...fixtureAssessment(), id: 'other', units: [{ id: 'xyz', name: 'อื่น' }] });
    const ids = async (u: string) =>
      (await h.app.inject({ method: 'GET', url: '/api/v1/assessments', headers: await as(h, u) }))
        .json()
        .assessments.map((a: Json) => a.id);
    expect(await ids('central')).toEqual(['other', AID]);
    expect(await ids('pte.reporter')).toEqual([AID]);
    expect(await ids('cbi.approver')).toEqual([AID]);
  });

  test('GET returns the v1 document with units and rounds', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/assessments/${AID}`, headers: await as(h, 'pte.reporter') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(fixtureAssessment());
  });

  test('units and rounds are always present, even when the document had none', async () => {
    const bare = fixtureAssessment();
    delete bare.units;
    delete bare.rounds;
    expect((await put('central', { ...bare, id: 'bare' })).statusCode).toBe(201);
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/assessments/bare', headers: await as(h, 'central') });
    expect(res.json()).toMatchObject({ id: 'bare', units: [], rounds: [] });
  });

  test("an unknown assessment is 404; one without the caller's units is 403", async () => {
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/assessments/none', headers: await as(h, 'central') })).json().error.code,
    ).toBe('assessment_not_found');
    await put('central', { ...fixtureAssessment(), id: 'other', units: [{ id: 'xyz', name: 'อื่น' }] });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/assessments/other', headers: await as(h, 'pte.reporter') })).statusCode).toBe(
      403,
    );
  });

  test('central staff create (201) and replace (200) an assessment; both are audited with old and new', async () => {
    const doc = { ...fixtureAssessment(), id: 'new-2567', title: 'ใหม่' };
    const created = await put('central', doc);
    expect(created.statusCode).toBe(201);
    expect(created.json().assessment).toEqual(doc);
    expect(created.json()).toMatchObject({ created: true, version: 1 });
    const changed = await put('central', { ...doc, title: 'แก้ไข' });
    expect(changed.statusCode).toBe(200);
    // The body says what the status says, and the version each replacement bumps (the pane shows both).
    expect(changed.json()).toMatchObject({ created: false, version: 2 });
    const events = await h.db.selectFrom('audit_events').selectAll().where('assessment_id', '=', 'new-2567').orderBy('id').execute();
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['assessment.create', 'central'],
      ['assessment.update', 'central'],
    ]);
    expect((events[1]?.old_value as { title: string }).title).toBe('ใหม่');
    expect((events[1]?.new_value as { title: string }).title).toBe('แก้ไข');
  });

  test('warnings from the domain come back with the accepted document', async () => {
    const doc = fixtureAssessment();
    (doc.indicators as { weight: number }[])[0]!.weight = 30; // weights sum to 90
    const res = await put('central', doc);
    expect(res.statusCode).toBe(200);
    // The fixture's 4.1 / 4.2 (weights 1 + 1 under 20, falling targets without a direction) carry their own notes.
    expect(res.json().issues.map((i: { code: string; severity: string; path: string }) => [i.code, i.severity, i.path])).toEqual([
      ['child-weights-sum', 'warning', 'indicators[3].children'],
      ['direction-lower-from-targets', 'info', 'indicators[3].children[1].targets'],
      ['weights-not-100', 'warning', 'indicators'],
    ]);
  });

  test('a document the domain refuses is 400 invalid_assessment with each issue and its JSON path; nothing changes', async () => {
    const before = await snapshot(h);
    const doc = fixtureAssessment();
    (doc.indicators as { targets: number[] }[])[0]!.targets = [100, 90, 95, 80, 70];
    (doc.rounds as { closesAt: string }[])[0]!.closesAt = '2024-01-01T00:00:00+07:00';
    const res = await put('central', doc);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('invalid_assessment');
    expect(error.details.issues.map((i: Json) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['targets-not-monotonic', 'indicators[0].targets'],
        ['round-window', 'rounds[0].closesAt'],
      ]),
    );
    expect(error.details.issues[0].message.th).toBeTruthy();
    const shape = await put('central', { ...fixtureAssessment(), fiscalYear: 'สองห้าหกเจ็ด' });
    expect(shape.json().error.details.issues[0]).toMatchObject({ code: 'schema', path: 'fiscalYear' });
    expect(await snapshot(h)).toBe(before);
  });

  test('the document id must be the id in the path', async () => {
    const res = await put('central', fixtureAssessment(), 'something-else');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('assessment_id_mismatch');
  });

  test('a PUT body that is not a JSON object is 400', async () => {
    const res = await h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers: await as(h, 'central'), payload: [1, 2] });
    expect(res.statusCode).toBe(400);
  });
}

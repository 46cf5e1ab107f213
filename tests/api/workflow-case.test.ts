/**
 * The case workflow through the content API: every default transition allowed, each guard
 * failure with its message, forbidden roles, assigned vs other ambassador, 409s, history and
 * the event emitted after commit.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { expectError, make } from '../helpers/fixtures';
import { CASE_DEFINITION } from '../../src/plugins/workflow/server/src/engine';

let app: TestApp;
let f: ReturnType<typeof make>;
let coordinator: Record<string, string>;
let token: Record<string, string>;
let amb: TestUser;
let other: TestUser;
const events: any[] = [];

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  token = bearer(await createApiToken(app));
  amb = await f.ambassador('active');
  other = await f.ambassador('active');
  app.strapi.eventHub.on('workflow.transitioned', (e: any) => events.push(e));
});

afterAll(async () => {
  await app.destroy();
});

const move = (headers: Record<string, string>, documentId: string, body: Record<string, unknown>) =>
  app.http().post(`/api/cases/${documentId}/transitions`).set(headers).send(body);
const put = (documentId: string, data: Record<string, unknown>) =>
  app.http().put(`/api/cases/${documentId}`).set(coordinator).send({ data });
const stateOf = async (documentId: string) =>
  ((await app.strapi.db.query('api::case.case').findOne({ where: { documentId } })) as any).state;
/** Puts a case in a state with the data its earlier steps would have recorded. */
const caseIn = async (state: string, data: Record<string, unknown> = {}) => {
  const c = await f.case(amb, data);
  if (state !== 'received') await f.setState('api::case.case', c.documentId, state);
  return c;
};
const guardNames = (res: any) => res.body.error.details.failures.map((x: any) => x.guard);

describe('GET /api/workflows', () => {
  it('lists the three definitions with states and transitions', async () => {
    const res = await app.http().get('/api/workflows').set(coordinator);
    expect(res.status).toBe(200);
    const names = res.body.data.map((d: any) => d.name).sort();
    expect(names).toEqual(['ambassador', 'case', 'time-declaration']);
    const c = res.body.data.find((d: any) => d.name === 'case');
    expect(c).toEqual(
      expect.objectContaining({ contentType: 'api::case.case', initial: 'received', version: 1 })
    );
    // in the definition's order (the board's columns), on PostgreSQL too
    expect(c.states.map((s: any) => s.key)).toEqual(Object.keys(CASE_DEFINITION.states));
    expect(Object.keys(CASE_DEFINITION.states)).toEqual(
      expect.arrayContaining(['received', 'first_contact', 'interview', 'matching', 'visits', 'installed', 'closed', 'abandoned', 'on_hold'])
    );
    expect(c.states.find((s: any) => s.key === 'closed')).toEqual(expect.objectContaining({ label: 'Clôturé', final: true }));
    expect(c.transitions.find((t: any) => t.to === 'first_contact' && t.from.includes('received'))).toEqual(
      expect.objectContaining({ roles: ['coordinator'], guards: expect.any(Array) })
    );
  });

  it('is not public', async () => {
    expect((await app.http().get('/api/workflows')).status).toBe(403);
  });
});

describe('received → first_contact', () => {
  it('needs an assigned ambassador', async () => {
    const c = await f.case(null);
    const res = await move(coordinator, c.documentId, { to: 'first_contact' });
    expectError(res.body, 400, 'ValidationError');
    expect(guardNames(res)).toContain('required');
    expect(res.body.error.details.failures[0].message).toMatch(/ambassadeur/i);
    expect(await stateOf(c.documentId)).toBe('received');
  });

  it("needs the ambassador's mandate to be active", async () => {
    const trained = await f.ambassador('trained');
    const c = await f.case(trained);
    const res = await move(coordinator, c.documentId, { to: 'first_contact' });
    expectError(res.body, 400, 'ValidationError');
    expect(guardNames(res)).toEqual(['relatedState']);
  });

  it('moves, sets firstContactAt, writes history and emits the event after commit', async () => {
    const c = await f.case(amb);
    events.length = 0;
    const res = await move(coordinator, c.documentId, { to: 'first_contact', comment: 'Appel de bienvenue prévu' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(expect.objectContaining({ documentId: c.documentId, state: 'first_contact', workflowVersion: 1 }));
    expect(Date.now() - new Date(res.body.data.firstContactAt).getTime()).toBeLessThan(60000);
    expect(events).toEqual([
      expect.objectContaining({ uid: 'api::case.case', documentId: c.documentId, from: 'received', to: 'first_contact' }),
    ]);
    const wf = await app.http().get(`/api/cases/${c.documentId}/workflow`).set(coordinator);
    expect(wf.body.data.history).toEqual([
      expect.objectContaining({ from: 'received', to: 'first_contact', comment: 'Appel de bienvenue prévu', actor: expect.objectContaining({ kind: 'user' }) }),
    ]);
  });

  it('is the coordinator’s: the assigned ambassador gets 403 with the reason', async () => {
    const c = await f.case(amb);
    const res = await move(bearer(amb.jwt), c.documentId, { to: 'first_contact' });
    expectError(res.body, 403, 'ForbiddenError');
    expect(res.body.error.details.failures[0]).toEqual({ guard: 'role', message: expect.stringMatching(/rôle/) });
    expect(await stateOf(c.documentId)).toBe('received');
  });

  it('an API token acts as system and may take it', async () => {
    const c = await f.case(amb);
    expect((await move(token, c.documentId, { to: 'first_contact' })).status).toBe(200);
  });
});

describe('first_contact → interview', () => {
  it('needs an action logged since entering first contact, by the assigned ambassador or the coordinator', async () => {
    const c = await f.case(amb);
    await move(coordinator, c.documentId, { to: 'first_contact' });
    const blocked = await move(bearer(amb.jwt), c.documentId, { to: 'interview' });
    expectError(blocked.body, 400, 'ValidationError');
    expect(guardNames(blocked)).toEqual(['actionLogged']);

    await app
      .http()
      .post(`/api/cases/${c.documentId}/actions`)
      .set(bearer(amb.jwt))
      .send({ data: { kind: 'call', date: today(), summary: 'Appel avec la grille', minutes: 40 } });
    const ok = await move(bearer(amb.jwt), c.documentId, { to: 'interview' });
    expect(ok.status).toBe(200);
    expect(ok.body.data.state).toBe('interview');
  });

  it("another ambassador cannot see the case (404), even with the route's permission", async () => {
    const c = await caseIn('first_contact');
    const res = await move(bearer(other.jwt), c.documentId, { to: 'interview' });
    expectError(res.body, 404, 'NotFoundError');
    const wf = await app.http().get(`/api/cases/${c.documentId}/workflow`).set(bearer(other.jwt));
    expectError(wf.body, 404, 'NotFoundError');
  });
});

describe('interview → matching → visits → installed → closed', () => {
  it('matching needs the needs, timeline and project', async () => {
    const c = await caseIn('interview', { needs: null, timeline: null });
    const res = await move(coordinator, c.documentId, { to: 'matching' });
    expectError(res.body, 400, 'ValidationError');
    expect(guardNames(res)).toEqual(['required']);
    expect(res.body.error.details.failures[0].message).toMatch(/Besoins|besoins/);
    await put(c.documentId, { needs: { housing: true }, timeline: 'short', practiceMode: 'group', employment: 'liberal' });
    expect((await move(coordinator, c.documentId, { to: 'matching' })).status).toBe(200);
  });

  it('visits needs a proposed site; visits → matching goes back', async () => {
    const c = await caseIn('matching');
    const blocked = await move(coordinator, c.documentId, { to: 'visits' });
    expect(guardNames(blocked)).toEqual(['required']);
    const s = await f.structure();
    await put(c.documentId, { proposedSites: [s.documentId] });
    expect((await move(coordinator, c.documentId, { to: 'visits' })).status).toBe(200);
    expect((await move(coordinator, c.documentId, { to: 'matching' })).status).toBe(200);
  });

  it('installed needs an installation date not in the future and a commune', async () => {
    const c = await caseIn('visits');
    let res = await move(coordinator, c.documentId, { to: 'installed' });
    expect(guardNames(res)).toEqual(expect.arrayContaining(['required', 'dateNotInFuture']));
    await put(c.documentId, { installedAt: daysFromNow(5), installationCommune: 'Le Tampon' });
    res = await move(coordinator, c.documentId, { to: 'installed' });
    expect(guardNames(res)).toEqual(['dateNotInFuture']);
    await put(c.documentId, { installedAt: today() });
    res = await move(coordinator, c.documentId, { to: 'installed' });
    expect(res.status).toBe(200);
  });

  it('closed needs the 12-month follow-up recorded', async () => {
    const c = await caseIn('installed', { installedAt: '2025-01-10', installationCommune: 'Saint-Pierre' });
    const blocked = await move(coordinator, c.documentId, { to: 'closed' });
    expect(guardNames(blocked)).toEqual(['followUpRecorded']);
    await put(c.documentId, { followUps: [{ milestone: 'm12', doneAt: '2026-01-12', notes: 'Tout va bien' }] });
    const ok = await move(coordinator, c.documentId, { to: 'closed' });
    expect(ok.status).toBe(200);
    // closed is final: nothing is available from it
    const wf = await app.http().get(`/api/cases/${c.documentId}/workflow`).set(coordinator);
    expect(wf.body.data.available).toEqual([]);
  });
});

describe('abandoned, on hold, reopened', () => {
  it('abandoning needs a reason; abandoned → received reopens', async () => {
    const c = await caseIn('matching');
    expect(guardNames(await move(coordinator, c.documentId, { to: 'abandoned' }))).toEqual(['required']);
    await put(c.documentId, { abandonReason: 'Installé dans une autre région' });
    expect((await move(coordinator, c.documentId, { to: 'abandoned' })).status).toBe(200);
    expect((await move(coordinator, c.documentId, { to: 'received' })).status).toBe(200);
    expect(await stateOf(c.documentId)).toBe('received');
  });

  it('on hold needs a resume date in the future; the assigned ambassador may pause', async () => {
    const c = await caseIn('interview', { resumeOn: today() });
    expect(guardNames(await move(bearer(amb.jwt), c.documentId, { to: 'on_hold' }))).toEqual(['dateOrder']);
    await put(c.documentId, { resumeOn: daysFromNow(90) });
    expect((await move(bearer(amb.jwt), c.documentId, { to: 'on_hold' })).status).toBe(200);
    // resuming is the coordinator's
    expect((await move(bearer(amb.jwt), c.documentId, { to: 'interview' })).status).toBe(403);
    expect((await move(coordinator, c.documentId, { to: 'interview' })).status).toBe(200);
  });

  it('an unknown or impossible target answers 400 naming `to`', async () => {
    const c = await caseIn('received');
    const res = await move(coordinator, c.documentId, { to: 'installed' });
    expectError(res.body, 400, 'ValidationError');
    expect(res.body.error.details.errors[0].path).toEqual(['to']);
    const bad = await move(coordinator, c.documentId, { to: 'first_contact', extra: 1 });
    expectError(bad.body, 400, 'ValidationError');
    const missing = await move(coordinator, c.documentId, {});
    expectError(missing.body, 400, 'ValidationError');
  });

  it('an unknown document answers 404', async () => {
    const res = await move(coordinator, 'doesnotexist000000000000', { to: 'first_contact' });
    expectError(res.body, 404, 'NotFoundError');
  });
});

describe('concurrency', () => {
  it('answers 409 when the state is no longer the expected one', async () => {
    const c = await f.case(amb);
    const res = await move(coordinator, c.documentId, { to: 'first_contact', expectedState: 'interview' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      data: null,
      error: expect.objectContaining({ status: 409, name: 'ConflictError', details: expect.objectContaining({ state: 'received' }) }),
    });
    expect(await stateOf(c.documentId)).toBe('received');
  });

  it('20 concurrent transitions on one case: exactly one wins, the others get 409', async () => {
    const c = await f.case(amb);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => move(coordinator, c.documentId, { to: 'first_contact', expectedState: 'received' }))
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const history = await app.strapi.db
      .query('plugin::workflow.transition')
      .findMany({ where: { subjectDocumentId: c.documentId } });
    expect(history).toHaveLength(1);
  });
});

describe('GET /api/cases/:id/workflow', () => {
  it('lists every transition from the state with allowed and the failures, for the UI', async () => {
    const c = await f.case(null);
    const res = await app.http().get(`/api/cases/${c.documentId}/workflow`).set(coordinator);
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('received');
    const targets = res.body.data.available.map((a: any) => a.to).sort();
    expect(targets).toEqual(['abandoned', 'first_contact']);
    const fc = res.body.data.available.find((a: any) => a.to === 'first_contact');
    expect(fc.allowed).toBe(false);
    expect(fc.failures.map((x: any) => x.guard)).toEqual(expect.arrayContaining(['required']));
  });
});

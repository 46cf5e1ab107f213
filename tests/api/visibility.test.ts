/**
 * What each actor sees and may change inside the routes it reaches: an ambassador's own cases
 * and declarations only, the public directory without anything personal, drafts kept back.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { expectError, make } from '../helpers/fixtures';

let app: TestApp;
let f: ReturnType<typeof make>;
let ambA: TestUser;
let ambB: TestUser;
let coordinator: Record<string, string>;
let token: Record<string, string>;
let caseA: { documentId: string };
let caseB: { documentId: string };

const ids = (body: any) => body.data.map((d: any) => d.documentId).sort();
const get = (url: string, headers: Record<string, string> = {}) => app.http().get(url).set(headers);

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  ambA = await f.ambassador();
  ambB = await f.ambassador();
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  token = bearer(await createApiToken(app));
  caseA = await f.case(ambA);
  caseB = await f.case(ambB);
});

afterAll(async () => {
  await app.destroy();
});

describe('an ambassador and the cases', () => {
  it('lists only the cases assigned to them', async () => {
    const res = await get('/api/cases', bearer(ambA.jwt));
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([caseA.documentId]);
    expect(res.body.meta.pagination.total).toBe(1);
  });

  it('cannot widen the list with filters on the assignment', async () => {
    const res = await get(
      `/api/cases?filters[$or][0][ambassador][documentId]=${ambB.ambassadorDocumentId}&filters[$or][1][id][$notNull]=true`,
      bearer(ambA.jwt)
    );
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([caseA.documentId]);
  });

  it("answers 404 for someone else's case on read, update and action log", async () => {
    const read = await get(`/api/cases/${caseB.documentId}`, bearer(ambA.jwt));
    expectError(read.body, 404, 'NotFoundError');
    const update = await app.http().put(`/api/cases/${caseB.documentId}`).set(bearer(ambA.jwt)).send({ data: { notes: 'x' } });
    expectError(update.body, 404, 'NotFoundError');
    const action = await app
      .http()
      .post(`/api/cases/${caseB.documentId}/actions`)
      .set(bearer(ambA.jwt))
      .send({ data: { kind: 'call', date: '2026-11-02', summary: 'appel', minutes: 10 } });
    expectError(action.body, 404, 'NotFoundError');
    const after = await app.strapi.documents('api::case.case').findOne({ documentId: caseB.documentId, populate: ['actions'] });
    expect((after as any).notes).toBeNull();
    expect((after as any).actions).toEqual([]);
  });

  it('does not reach other cases through the ambassador records either', async () => {
    const res = await get('/api/ambassadors?populate=cases', bearer(ambA.jwt));
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([ambA.ambassadorDocumentId]);
    expect(res.body.data[0].cases.map((c: any) => c.documentId)).toEqual([caseA.documentId]);
  });

  it('sees the full tracking sheet of their own case, personal fields included', async () => {
    const res = await get(`/api/cases/${caseA.documentId}?populate=needs`, bearer(ambA.jwt));
    expect(res.status).toBe(200);
    expect(res.body.data.newcomerEmail).toMatch(/@example\.org$/);
    expect(res.body.data.needs.housing).toBe(true);
  });

  it('may update the tracking-sheet fields of their case', async () => {
    const res = await app
      .http()
      .put(`/api/cases/${caseA.documentId}`)
      .set(bearer(ambA.jwt))
      .send({ data: { majorDifficulty: true, majorDifficultyNote: 'pas de logement', timeline: 'short' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(expect.objectContaining({ majorDifficulty: true, timeline: 'short' }));
  });

  it('cannot change the assignment (403 naming the field, nothing changed)', async () => {
    const res = await app
      .http()
      .put(`/api/cases/${caseA.documentId}`)
      .set(bearer(ambA.jwt))
      .send({ data: { ambassador: ambB.ambassadorDocumentId, notes: 'transfert' } });
    expectError(res.body, 403, 'ForbiddenError');
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['ambassador'] })]);
    const after = await app.strapi
      .documents('api::case.case')
      .findOne({ documentId: caseA.documentId, populate: ['ambassador'] });
    expect((after as any).ambassador.documentId).toBe(ambA.ambassadorDocumentId);
    expect((after as any).notes).not.toBe('transfert');
  });

  it('appends actions to their case without touching earlier entries', async () => {
    const first = await app
      .http()
      .post(`/api/cases/${caseA.documentId}/actions`)
      .set(bearer(ambA.jwt))
      .send({ data: { kind: 'call', date: '2026-11-02', summary: "Appel d'accueil", minutes: 30 } });
    expect(first.status).toBe(201);
    const second = await app
      .http()
      .post(`/api/cases/${caseA.documentId}/actions`)
      .set(coordinator)
      .send({ data: { kind: 'meeting', date: '2026-11-05', summary: 'Entretien CPTS + CLS', minutes: 90 } });
    expect(second.status).toBe(201);
    expect(second.body.data.actions.map((a: any) => [a.kind, a.summary, a.minutes])).toEqual([
      ['call', "Appel d'accueil", 30],
      ['meeting', 'Entretien CPTS + CLS', 90],
    ]);
    expect(second.body.data.actions[0].by).toMatch(/^ambassador-/);
  });
});

describe('state is owned by the workflow', () => {
  it.each([
    ['coordinator', () => coordinator],
    ['API token', () => token],
  ])('refuses a direct write of state by the %s with 400 on update and create', async (_who, headers) => {
    const update = await app.http().put(`/api/cases/${caseA.documentId}`).set(headers()).send({ data: { state: 'installed' } });
    expectError(update.body, 400, 'ValidationError');
    expect(update.body.error.details.errors[0].path).toEqual(['state']);
    const create = await app
      .http()
      .post('/api/cases')
      .set(headers())
      .send({ data: { newcomerFirstName: 'A', newcomerLastName: 'B', profession: 'nurse', state: 'closed' } });
    expectError(create.body, 400, 'ValidationError');
    const after = await app.strapi.documents('api::case.case').findOne({ documentId: caseA.documentId });
    expect((after as any).state).toBe('received');
  });

  it('starts a created case in state received', async () => {
    const res = await app
      .http()
      .post('/api/cases')
      .set(coordinator)
      .send({ data: { newcomerFirstName: 'A', newcomerLastName: 'B', profession: 'nurse' } });
    expect(res.status).toBe(201);
    expect(res.body.data.state).toBe('received');
  });
});

describe('time declarations', () => {
  it('an ambassador lists only their own', async () => {
    const own = await f.timeDeclaration(ambA);
    const other = await f.timeDeclaration(ambB);
    const res = await get('/api/time-declarations?pagination[pageSize]=100', bearer(ambA.jwt));
    expect(ids(res.body)).toContain(own.documentId);
    expect(ids(res.body)).not.toContain(other.documentId);
    const all = await get('/api/time-declarations?pagination[pageSize]=100', coordinator);
    expect(ids(all.body)).toEqual(expect.arrayContaining([own.documentId, other.documentId]));
  });

  it('an ambassador declares for themself only', async () => {
    const res = await app
      .http()
      .post('/api/time-declarations?populate=ambassador')
      .set(bearer(ambA.jwt))
      .send({ data: { month: '2026-10-01', hours: 4, activity: 'accompaniment' } });
    expect(res.status).toBe(201);
    expect(res.body.data.state).toBe('draft');
    expect(res.body.data.ambassador.documentId).toBe(ambA.ambassadorDocumentId);

    const forOther = await app
      .http()
      .post('/api/time-declarations')
      .set(bearer(ambA.jwt))
      .send({ data: { month: '2026-10-01', hours: 4, activity: 'accompaniment', ambassador: ambB.ambassadorDocumentId } });
    expectError(forOther.body, 403, 'ForbiddenError');
    expect(forOther.body.error.details.errors[0].path).toEqual(['ambassador']);
  });

  it('an ambassador can no longer change or delete a validated declaration', async () => {
    const td = await f.timeDeclaration(ambA);
    await f.setState('api::time-declaration.time-declaration', td.documentId, 'validated');
    const update = await app.http().put(`/api/time-declarations/${td.documentId}`).set(bearer(ambA.jwt)).send({ data: { hours: 99 } });
    expectError(update.body, 403, 'ForbiddenError');
    const del = await app.http().delete(`/api/time-declarations/${td.documentId}`).set(bearer(ambA.jwt));
    expectError(del.body, 403, 'ForbiddenError');
    const after = await app.strapi.documents('api::time-declaration.time-declaration').findOne({ documentId: td.documentId });
    expect(Number((after as any).hours)).toBe(2);
  });
});

describe('the public sees nothing personal', () => {
  let consenting: any;
  let hidden: any;
  beforeAll(async () => {
    const structure = await f.structure({ name: 'MSP des Hauts' });
    consenting = await f.professional({
      directoryConsent: true,
      email: 'pro@example.org',
      phone: '0262000001',
      rpps: '99000000001',
      isMember: true,
      lastFeeYear: 2026,
      structure: structure.documentId,
    });
    hidden = await f.professional({ directoryConsent: false, email: 'hidden@example.org' });
    await f.case(ambA, { installationStructure: structure.documentId, proposedSites: [structure.documentId] });
  });

  it('lists only consenting professionals, with directory fields only', async () => {
    const res = await get('/api/professionals?pagination[pageSize]=100');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toContain(consenting.documentId);
    expect(ids(res.body)).not.toContain(hidden.documentId);
    const entry = res.body.data.find((d: any) => d.documentId === consenting.documentId);
    expect(Object.keys(entry).sort()).toEqual(
      ['commune', 'documentId', 'firstName', 'id', 'lastName', 'phone', 'profession', 'specialty'].sort()
    );
    const one = await get(`/api/professionals/${hidden.documentId}`);
    expectError(one.body, 404, 'NotFoundError');
  });

  it('gives ambassadors the e-mail of consenting members, and coordinators everything', async () => {
    const amb = await get(`/api/professionals/${consenting.documentId}`, bearer(ambA.jwt));
    expect(amb.body.data.email).toBe('pro@example.org');
    expect(amb.body.data.rpps).toBeUndefined();
    const coord = await get(`/api/professionals/${hidden.documentId}`, coordinator);
    expect(coord.body.data).toEqual(expect.objectContaining({ email: 'hidden@example.org', directoryConsent: false }));
  });

  it.each([
    ['filters[email][$contains]=pro', 'email'],
    ['filters[rpps][$startsWith]=99', 'rpps'],
    ['filters[$or][0][isMember]=true', 'isMember'],
    ['sort=lastFeeYear:desc', 'lastFeeYear'],
    ['fields[0]=email', 'email'],
    ['populate=ambassador', 'ambassador'],
  ])('refuses to filter, sort or select private fields (%s)', async (query, field) => {
    const res = await get(`/api/professionals?${query}`);
    expectError(res.body, 400, 'ValidationError');
    expect(res.body.error.details.errors.map((e: any) => e.path[1])).toContain(field);
  });

  it('exposes no case data through structures, even with populate=*', async () => {
    const res = await get('/api/structures?populate=*&pagination[pageSize]=100');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/newcomer|@example\.org|0692000000|proposedForCases|installedCases/);
    const deep = await get('/api/structures?populate[installedCases]=true');
    expect(deep.status).toBe(400);
  });
});

describe('drafts', () => {
  let published: any;
  let draft: any;
  let publicItem: any;
  let memberItem: any;
  let draftItem: any;
  beforeAll(async () => {
    published = await f.guide('published');
    draft = await f.guide('draft');
    publicItem = await f.toolkitItem('published', 'public');
    memberItem = await f.toolkitItem('published', 'ambassador');
    draftItem = await f.toolkitItem('draft', 'public');
  });

  it.each([
    ['public', () => ({})],
    ['ambassador', () => bearer(ambA.jwt)],
  ])('the %s sees published guides only, even asking for status=draft', async (_who, headers) => {
    for (const url of ['/api/guides', '/api/guides?status=draft']) {
      const res = await get(url, headers());
      expect(ids(res.body)).toContain(published.documentId);
      expect(ids(res.body)).not.toContain(draft.documentId);
    }
    const one = await get(`/api/guides/${draft.documentId}?status=draft`, headers());
    expectError(one.body, 404, 'NotFoundError');
  });

  it('an API token may read drafts', async () => {
    const res = await get(`/api/guides/${draft.documentId}?status=draft`, token);
    expect(res.status).toBe(200);
  });

  it('the public sees the public toolkit only; ambassadors the whole published toolkit', async () => {
    const pub = await get('/api/toolkit-items?status=draft');
    expect(ids(pub.body)).toEqual([publicItem.documentId]);
    const amb = await get('/api/toolkit-items', bearer(ambA.jwt));
    expect(ids(amb.body)).toEqual([publicItem.documentId, memberItem.documentId].sort());
    expect(ids(amb.body)).not.toContain(draftItem.documentId);
  });
});

/**
 * Admin panel roles: Communication edits the guide, toolkit and directory and never sees case
 * data; Coordination works on cases and reads the guide.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/actors';
import { make } from '../helpers/fixtures';

let app: TestApp;
let f: ReturnType<typeof make>;
let communication: Record<string, string>;
let coordination: Record<string, string>;

const cm = (uid: string) => `/content-manager/collection-types/${uid}`;

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  communication = bearer((await createAdmin(app, 'ancrage-communication')).token);
  coordination = bearer((await createAdmin(app, 'ancrage-coordination')).token);
});

afterAll(async () => {
  await app.destroy();
});

describe('Communication', () => {
  it.each([
    'api::case.case',
    'api::ambassador.ambassador',
    'api::time-declaration.time-declaration',
    'api::satisfaction-response.satisfaction-response',
  ])('cannot list %s', async (uid) => {
    const res = await app.http().get(cm(uid)).set(communication);
    expect(res.status).toBe(403);
  });

  it('cannot open a case by id nor the CPTS settings', async () => {
    const c = await f.case(null);
    expect((await app.http().get(`${cm('api::case.case')}/${c.documentId}`).set(communication)).status).toBe(403);
    expect((await app.http().get('/content-manager/single-types/api::cpts-setting.cpts-setting').set(communication)).status).toBe(403);
  });

  it('does not see the cases linked to a structure', async () => {
    const s = await f.structure();
    await f.case(null, { installationStructure: s.documentId, proposedSites: [s.documentId] });
    const res = await app.http().get(`${cm('api::structure.structure')}/${s.documentId}`).set(communication);
    expect(res.status).toBe(200);
    expect(res.body.data.installedCases).toBeUndefined();
    expect(res.body.data.proposedForCases).toBeUndefined();
    const rel = await app
      .http()
      .get(`/content-manager/relations/api::structure.structure/${s.documentId}/installedCases`)
      .set(communication);
    // Refused. Strapi 5.54's relations controller answers this refusal with a 500 (its helper
    // returns ctx.forbidden() to a caller that destructures the result): upstream, left alone.
    expect(rel.status).not.toBe(200);
    expect(JSON.stringify(rel.body)).not.toMatch(/newcomer|Installé/);
  });

  it('creates and publishes a guide, and edits the directory', async () => {
    const created = await app
      .http()
      .post(cm('api::guide.guide'))
      .set(communication)
      .send({ title: "Guide d'accueil", edition: '2027' });
    expect(created.status).toBe(201);
    const published = await app
      .http()
      .post(`${cm('api::guide.guide')}/${created.body.data.documentId}/actions/publish`)
      .set(communication)
      .send({});
    expect(published.status).toBe(200);
    expect(published.body.data.publishedAt).toEqual(expect.any(String));
    const pro = await app
      .http()
      .post(cm('api::professional.professional'))
      .set(communication)
      .send({ firstName: 'Zoé', lastName: 'Hoarau', profession: 'orthoptist' });
    expect(pro.status).toBe(201);
  });
});

describe('Coordination', () => {
  it('lists and edits cases', async () => {
    const c = await f.case(null);
    expect((await app.http().get(cm('api::case.case')).set(coordination)).status).toBe(200);
    const res = await app
      .http()
      .put(`${cm('api::case.case')}/${c.documentId}`)
      .set(coordination)
      .send({ majorDifficulty: true, majorDifficultyNote: 'logement introuvable' });
    expect(res.status).toBe(200);
    expect(res.body.data.majorDifficulty).toBe(true);
  });

  it('reads the guide but cannot change it', async () => {
    expect((await app.http().get(cm('api::guide.guide')).set(coordination)).status).toBe(200);
    const res = await app.http().post(cm('api::guide.guide')).set(coordination).send({ title: 'x', edition: '1' });
    expect(res.status).toBe(403);
  });
});

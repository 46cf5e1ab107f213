/**
 * Admin panel roles: Communication edits the guide, toolkit and directory and never sees case
 * data; Coordination works on cases and reads the guide.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { adminActions, bearer, createAdmin } from '../helpers/actors';
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
    // Refused with a 403 (global::relation-readable in front of Strapi's relations controller,
    // which would answer its own refusal with a 500)
    expect(rel.status).toBe(403);
    expect(rel.body).toEqual({
      data: null,
      error: expect.objectContaining({ status: 403, name: 'ForbiddenError', details: { errors: [expect.objectContaining({ path: ['installedCases'] })] } }),
    });
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

describe('reminders in the admin panel (case data)', () => {
  const reminder = () =>
    app.strapi.db.query('plugin::reminders.reminder' as any).create({
      data: {
        rule: 'case.matching.overdue',
        template: 'case.matching.overdue',
        subjectUid: 'api::case.case',
        subjectDocumentId: 'doc-for-roles-test',
        recipient: 'coordination',
        dueAt: new Date(),
        status: 'failed',
        attempts: 3,
        lastError: '550 rejected',
        dedupeKey: `roles-test|${Date.now()}|${Math.random()}`,
      },
    }) as Promise<{ id: number }>;
  const permissionsOf = (who: Record<string, string>) => adminActions(app, who);

  it('Communication cannot list, retry or cancel them, and nothing changes', async () => {
    const row = await reminder();
    const list = await app.http().get('/reminders/list').set(communication);
    expect(list.status).toBe(403);
    expect(list.body).toEqual(expect.objectContaining({ data: null, error: expect.objectContaining({ status: 403, name: 'ForbiddenError' }) }));
    expect((await app.http().post(`/reminders/${row.id}/retry`).set(communication)).status).toBe(403);
    expect((await app.http().post(`/reminders/${row.id}/cancel`).set(communication)).status).toBe(403);
    const after = (await app.strapi.db.query('plugin::reminders.reminder' as any).findOne({ where: { id: row.id } })) as Record<string, unknown>;
    expect(after).toEqual(expect.objectContaining({ status: 'failed', attempts: 3, lastError: '550 rejected' }));
    expect(await permissionsOf(communication)).not.toContain('plugin::reminders.read');
  });

  it('Coordination lists them and retries a failed one', async () => {
    const row = await reminder();
    const list = await app.http().get('/reminders/list?filters[subjectDocumentId]=doc-for-roles-test').set(coordination);
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { id: number }) => r.id)).toContain(row.id);
    const retried = await app.http().post(`/reminders/${row.id}/retry`).set(coordination);
    expect(retried.status).toBe(200);
    expect(retried.body.data).toEqual(expect.objectContaining({ status: 'scheduled', attempts: 0 }));
    expect(await permissionsOf(coordination)).toContain('plugin::reminders.read');
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

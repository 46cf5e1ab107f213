/**
 * Admin panel roles: Communication edits the guide, toolkit and directory and never sees case
 * data; Coordination works on cases and reads the guide; no other role (the stock Editor and
 * Author, roles made in the panel) may hold personal data. Every path, role by role:
 * security-matrix.test.ts.
 */
import fs from 'fs';
import path from 'path';
import { APP_ROOT, bootStrapi, type TestApp } from '../helpers/strapi';
import { adminActions, bearer, createAdmin } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { syncAdminRoles } from '../../src/bootstrap/permissions';

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

describe('personal data: Super Admin and Coordination only', () => {
  const CM_READ = 'plugin::content-manager.explorer.read';
  const PERSONAL = [
    'api::case.case',
    'api::ambassador.ambassador',
    'api::time-declaration.time-declaration',
    'api::satisfaction-response.satisfaction-response',
    'api::cpts-setting.cpts-setting',
    'plugin::users-permissions.user',
  ];
  const permissions = (where: Record<string, unknown>) =>
    app.strapi.db.query('admin::permission').findMany({ where, orderBy: { id: 'asc' } }) as Promise<
      Array<{ id: number; action: string; subject: string | null; properties: { fields?: string[] } }>
    >;
  const roleOf = (code: string) => app.strapi.db.query('admin::role').findOne({ where: { code } }) as Promise<{ id: number }>;
  const personalOf = (list: Array<{ action: string; subject: string | null }>) =>
    list.filter((p) => PERSONAL.includes(p.subject ?? '') || p.action.startsWith('plugin::reminders.'));
  let superAdmin: Record<string, string>;
  let custom: { id: number };

  beforeAll(async () => {
    superAdmin = bearer((await createAdmin(app, 'strapi-super-admin')).token);
    const res = await app.http().post('/admin/roles').set(superAdmin).send({ name: 'Chargée de mission', description: 'rôle créé dans le panneau' });
    expect(res.status).toBe(201);
    custom = res.body.data;
  });

  it.each(['strapi-editor', 'strapi-author'])('%s keeps its other permissions and none on personal data', async (code) => {
    const held = await permissions({ role: { code } });
    expect(personalOf(held)).toEqual([]);
    expect(held).toEqual(expect.arrayContaining([expect.objectContaining({ action: CM_READ, subject: 'api::guide.guide' })]));
    expect(held).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'plugin::upload.read' })]));
    // a structure's links to cases are left out of its fields
    const structure = held.find((p) => p.action === CM_READ && p.subject === 'api::structure.structure')!;
    expect(structure.properties.fields).toEqual(expect.arrayContaining(['name', 'commune', 'professionals']));
    for (const link of ['installedCases', 'proposedForCases', 'visitedByCases']) expect(structure.properties.fields).not.toContain(link);
  });

  it('refuses to grant personal data to another role, naming the subjects, and changes nothing', async () => {
    const guide = { action: CM_READ, subject: 'api::guide.guide', properties: { fields: ['title'] }, conditions: [] };
    expect((await app.http().put(`/admin/roles/${custom.id}/permissions`).set(superAdmin).send({ permissions: [guide] })).status).toBe(200);
    const before = await permissions({ role: { id: custom.id } });

    const res = await app
      .http()
      .put(`/admin/roles/${custom.id}/permissions`)
      .set(superAdmin)
      .send({
        permissions: [
          guide,
          { action: CM_READ, subject: 'api::case.case', properties: { fields: ['newcomerLastName'] }, conditions: [] },
          { action: 'plugin::reminders.read', subject: null, properties: {}, conditions: [] },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: expect.stringMatching(/Coordination.*api::case\.case, plugin::reminders\.read$/s),
        details: {
          subjects: ['api::case.case', 'plugin::reminders.read'],
          errors: [
            expect.objectContaining({ path: ['permissions', '1', 'subject'], message: expect.stringContaining('api::case.case') }),
            expect.objectContaining({ path: ['permissions', '2', 'action'], message: expect.stringContaining('plugin::reminders.read') }),
          ],
        },
      },
    });
    expect(await permissions({ role: { id: custom.id } })).toEqual(before);
  });

  it.each([
    ['the stock Editor', 'strapi-editor', 'api::satisfaction-response.satisfaction-response'],
    ['Communication', 'ancrage-communication', 'plugin::users-permissions.user'],
    ['the stock Author', 'strapi-author', 'api::cpts-setting.cpts-setting'],
  ])('refuses %s a read on personal data too', async (_name, code, subject) => {
    const role = await roleOf(code);
    const before = await permissions({ role: { id: role.id } });
    const res = await app
      .http()
      .put(`/admin/roles/${role.id}/permissions`)
      .set(superAdmin)
      .send({ permissions: [...before.map(({ action, subject: s, properties }) => ({ action, subject: s, properties, conditions: [] })), { action: CM_READ, subject, properties: {}, conditions: [] }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.subjects).toEqual([subject]);
    expect(await permissions({ role: { id: role.id } })).toEqual(before);
  });

  it('grants a role made in the panel the aggregate figures, and drops a structure’s links to cases', async () => {
    const res = await app
      .http()
      .put(`/admin/roles/${custom.id}/permissions`)
      .set(superAdmin)
      .send({
        permissions: [
          { action: 'plugin::indicators.read', subject: null, properties: {}, conditions: [] },
          { action: CM_READ, subject: 'api::structure.structure', properties: { fields: ['name', 'installedCases', 'commune'] }, conditions: [] },
        ],
      });
    expect(res.status).toBe(200);
    const held = await permissions({ role: { id: custom.id } });
    expect(held.map((p) => [p.action, p.subject, p.properties.fields ?? null])).toEqual([
      ['plugin::indicators.read', null, null],
      [CM_READ, 'api::structure.structure', ['name', 'commune']],
    ]);
  });

  it('keeps satisfaction responses read-only, even for Coordination', async () => {
    const role = await roleOf('ancrage-coordination');
    const before = await permissions({ role: { id: role.id } });
    const res = await app
      .http()
      .put(`/admin/roles/${role.id}/permissions`)
      .set(superAdmin)
      .send({
        permissions: [
          ...before.map(({ action, subject, properties }) => ({ action, subject, properties, conditions: [] })),
          { action: 'plugin::content-manager.explorer.update', subject: 'api::satisfaction-response.satisfaction-response', properties: { fields: ['comment'] }, conditions: [] },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/questionnaire/);
    expect(res.body.error.details.subjects).toEqual(['api::satisfaction-response.satisfaction-response']);
    expect(await permissions({ role: { id: role.id } })).toEqual(before);
  });

  it('Super Admin reads satisfaction responses but cannot create, edit or delete one in the Content Manager', async () => {
    const caseDoc = await f.case(null);
    const response = await f.satisfactionResponse(caseDoc.documentId);
    const uid = 'api::satisfaction-response.satisfaction-response';
    expect((await app.http().get(`${cm(uid)}/${response.documentId}`).set(superAdmin)).status).toBe(200);
    expect((await app.http().post(cm(uid)).set(superAdmin).send({ score: 1, submittedAt: new Date().toISOString() })).status).toBe(403);
    expect((await app.http().put(`${cm(uid)}/${response.documentId}`).set(superAdmin).send({ score: 1 })).status).toBe(403);
    expect((await app.http().delete(`${cm(uid)}/${response.documentId}`).set(superAdmin)).status).toBe(403);
    const after = await app.strapi.db.query(uid).findOne({ where: { documentId: response.documentId } });
    expect(after).toEqual(expect.objectContaining({ score: 5 }));
    const held = await permissions({ role: { code: 'strapi-super-admin' }, subject: uid });
    expect(held.map((p) => p.action)).toEqual([CM_READ]);
  });

  it('removes personal data granted outside the admin API at the next boot, keeping the rest', async () => {
    const editor = await roleOf('strapi-editor');
    const guide = (await permissions({ role: { id: editor.id }, action: CM_READ, subject: 'api::guide.guide' }))[0];
    // rows written straight to the database, as an older version or a script would have left them
    const write = (role: number, action: string, subject: string | null, fields?: string[]) =>
      app.strapi.db.query('admin::permission').create({ data: { action, subject, properties: fields ? { fields } : {}, conditions: [], role } });
    await write(editor.id, CM_READ, 'api::case.case', ['newcomerLastName']);
    await write(editor.id, 'plugin::content-manager.explorer.delete', 'api::ambassador.ambassador');
    await write(custom.id, 'plugin::reminders.read', null);
    await write(custom.id, CM_READ, 'api::professional.professional', ['lastName', 'ambassador']);

    await syncAdminRoles(app.strapi);

    const editorHeld = await permissions({ role: { id: editor.id } });
    expect(personalOf(editorHeld)).toEqual([]);
    expect(editorHeld).toContainEqual(expect.objectContaining({ id: guide.id, action: CM_READ, subject: 'api::guide.guide' }));
    const customHeld = await permissions({ role: { id: custom.id } });
    expect(personalOf(customHeld)).toEqual([]);
    expect(customHeld).toContainEqual(expect.objectContaining({ subject: 'api::professional.professional', properties: { fields: ['lastName'] } }));
    expect(customHeld).toContainEqual(expect.objectContaining({ action: 'plugin::indicators.read' }));
  });
});

describe('media library: receipts are personal data', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const uploaded: string[] = [];
  afterAll(() => {
    for (const file of uploaded) fs.rmSync(path.join(APP_ROOT, 'public', file), { force: true });
  });

  it('Communication lists and opens the guide’s files, not an ambassador’s receipt; Coordination sees both', async () => {
    const ambassador = await f.ambassador();
    const receipt = await app.http().post('/api/upload').set(bearer(ambassador.jwt)).attach('files', pdf, { filename: 'recu-peage.pdf', contentType: 'application/pdf' });
    expect(receipt.status).toBe(201);
    const booklet = await app.http().post('/upload').set(communication).attach('files', pdf, { filename: 'livret-accueil.pdf', contentType: 'application/pdf' });
    expect(booklet.status).toBe(201);
    uploaded.push(receipt.body[0].url, booklet.body[0].url);
    const declaration = await f.timeDeclaration(ambassador, { receipts: [receipt.body[0].id] });
    expect(declaration.documentId).toEqual(expect.any(String));

    const names = async (who: Record<string, string>) =>
      ((await app.http().get('/upload/files?pageSize=100').set(who)).body.results as Array<{ name: string }>).map((r) => r.name);
    expect(await names(communication)).toContain('livret-accueil.pdf');
    expect(await names(communication)).not.toContain('recu-peage.pdf');
    expect(await names(coordination)).toEqual(expect.arrayContaining(['livret-accueil.pdf', 'recu-peage.pdf']));
    expect((await app.http().get(`/upload/files/${booklet.body[0].id}`).set(communication)).status).toBe(200);
    expect((await app.http().get(`/upload/files/${receipt.body[0].id}`).set(communication)).status).toBe(404);
    expect((await app.http().get(`/upload/files/${receipt.body[0].id}`).set(coordination)).status).toBe(200);
  });
});

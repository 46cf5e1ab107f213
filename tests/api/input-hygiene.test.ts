/**
 * Every write of the application's content types — content API, Content Manager, Document
 * Service from code; create, update and clone — refuses dates outside 2000-01-01..2100-12-31
 * and free text holding control or bidirectional formatting characters, with a 400 naming the
 * path, and stores nothing.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAdmin, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { expectErrorEnvelope } from '../helpers/envelope';
import { satisfactionSecret, signToken } from '../../src/api/satisfaction/services/token';

let app: TestApp;
let f: ReturnType<typeof make>;
let coordinator: Record<string, string>;
let token: Record<string, string>;
let admin: Record<string, string>;
let amb: TestUser;

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  token = bearer(await createApiToken(app));
  admin = bearer((await createAdmin(app, 'ancrage-coordination')).token);
  amb = await f.ambassador();
});

afterAll(async () => {
  await app.destroy();
});

const CASE = 'api::case.case';
const CM_CASES = `/content-manager/collection-types/${CASE}`;
const validCase = { newcomerFirstName: 'Ana', newcomerLastName: 'Payet', profession: 'midwife' };
const count = (uid: string) => app.strapi.db.query(uid as any).count();
const stored = (documentId: string) =>
  app.strapi.documents(CASE).findOne({ documentId, populate: ['actions', 'followUps', 'needs'] } as any) as Promise<any>;

/** Strapi's ValidationError thrown by the Document Service, with the offending paths. */
const rejectedPaths = async (write: Promise<unknown>): Promise<string[]> => {
  const error: any = await write.then(
    () => null,
    (e) => e
  );
  expect(error).toMatchObject({ name: 'ValidationError' });
  return error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
};

describe('dates lie between 2000-01-01 and 2100-12-31', () => {
  it.each([
    ['installedAt', { installedAt: '1999-12-31' }, 'installedAt'],
    ['resumeOn', { resumeOn: '2101-01-01' }, 'resumeOn'],
    ['firstContactAt (date-time)', { firstContactAt: '1000-06-01T09:00:00Z' }, 'firstContactAt'],
    ['an action date', { actions: [{ kind: 'call', date: '2026-11-02', summary: 'ok' }, { kind: 'call', date: '0001-01-01', summary: 'x' }] }, 'actions.1.date'],
    ['a follow-up doneAt', { followUps: [{ milestone: 'm3', doneAt: '2099-13-01' }] }, 'followUps.0.doneAt'],
  ])('content API create with %s out of range → 400 naming the path, nothing stored', async (_what, extra, path) => {
    const before = await count(CASE);
    const res = await app.http().post('/api/cases').set(coordinator).send({ data: { ...validCase, ...extra } });
    expect(expectErrorEnvelope(res, 400, 'ValidationError')).toContain(path);
    expect(await count(CASE)).toBe(before);
  });

  it('the bounds themselves are accepted', async () => {
    const res = await app
      .http()
      .post('/api/cases')
      .set(coordinator)
      .send({ data: { ...validCase, firstContactAt: '2000-01-01T00:00:00Z', resumeOn: '2100-12-31', actions: [{ kind: 'call', date: '2000-01-01', summary: 'x' }] } });
    expect(res.status).toBe(201);
  });

  it('time declarations, ambassadors: month and mandate dates (API token)', async () => {
    const before = await count('api::time-declaration.time-declaration');
    const month = await app
      .http()
      .post('/api/time-declarations')
      .set(token)
      .send({ data: { ambassador: amb.ambassadorDocumentId, month: '2101-01-01', hours: 1, activity: 'meeting' } });
    expect(expectErrorEnvelope(month, 400, 'ValidationError')).toContain('month');
    expect(await count('api::time-declaration.time-declaration')).toBe(before);

    const mandate = await app.http().put(`/api/ambassadors/${amb.ambassadorDocumentId}`).set(token).send({ data: { mandateEnd: '9999-12-31' } });
    expect(expectErrorEnvelope(mandate, 400, 'ValidationError')).toContain('mandateEnd');
    const after: any = await app.strapi.documents('api::ambassador.ambassador').findOne({ documentId: amb.ambassadorDocumentId! });
    expect(after.mandateEnd).toBeNull();
  });

  it('content API update → 400, the case unchanged', async () => {
    const c = await f.case(amb);
    const res = await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { installedAt: '1970-01-01', installationCommune: 'Saint-Denis' } });
    expect(expectErrorEnvelope(res, 400, 'ValidationError')).toEqual(['installedAt']);
    const after = await stored(c.documentId);
    expect([after.installedAt, after.installationCommune]).toEqual([null, null]);
  });

  it("an ambassador's action log entry dated 2101 → 400, nothing appended", async () => {
    const c = await f.case(amb);
    const res = await app.http().post(`/api/cases/${c.documentId}/actions`).set(bearer(amb.jwt)).send({ data: { kind: 'call', date: '2101-01-01', summary: 'x' } });
    expect(expectErrorEnvelope(res, 400, 'ValidationError')).toContain('actions.0.date');
    expect((await stored(c.documentId)).actions).toEqual([]);
  });

  it('Content Manager create, update and clone → 400 naming the path, nothing stored', async () => {
    const before = await count(CASE);
    const created = await app.http().post(CM_CASES).set(admin).send({ ...validCase, installedAt: '1899-01-01' });
    expect(expectErrorEnvelope(created, 400, 'ValidationError')).toContain('installedAt');
    expect(await count(CASE)).toBe(before);

    const c = await f.case(amb, { actions: [{ kind: 'call', date: '2026-10-01', summary: 'appel' }] });
    const updated = await app
      .http()
      .put(`${CM_CASES}/${c.documentId}`)
      .set(admin)
      .send({ actions: [{ kind: 'call', date: '2026-10-01', summary: 'appel' }, { kind: 'visit', date: '2200-01-01', summary: 'visite' }] });
    expect(expectErrorEnvelope(updated, 400, 'ValidationError')).toContain('actions.1.date');
    expect((await stored(c.documentId)).actions).toHaveLength(1);

    // a case is never cloned (workflow rule), whatever its dates: refused, nothing stored
    const cloned = await app.http().post(`${CM_CASES}/clone/${c.documentId}`).set(admin).send({ ...validCase, resumeOn: '0000-01-01' });
    expectErrorEnvelope(cloned, 400, 'ValidationError');
    expect(await count(CASE)).toBe(before + 1);
  });

  it('Document Service from code: create, update and clone are refused, Date objects included', async () => {
    const documents = app.strapi.documents(CASE);
    const before = await count(CASE);
    expect(await rejectedPaths(documents.create({ data: { ...validCase, installedAt: '1000-01-01' } as any }))).toEqual(['installedAt']);
    expect(await rejectedPaths(documents.create({ data: { ...validCase, firstContactAt: new Date('1999-12-31T12:00:00Z') } as any }))).toEqual([
      'firstContactAt',
    ]);
    const c = await f.case(amb);
    expect(await rejectedPaths(documents.update({ documentId: c.documentId, data: { followUps: [{ milestone: 'm6', doneAt: '2101-06-01' }] } as any }))).toEqual([
      'followUps.0.doneAt',
    ]);
    expect(await rejectedPaths(documents.clone({ documentId: c.documentId, data: { resumeOn: '1999-01-01' } } as any))).toHaveLength(1);
    expect(await count(CASE)).toBe(before + 1);
    expect((await stored(c.documentId)).followUps).toEqual([]);

    // what code writes today still passes: a Date of now
    await expect(documents.update({ documentId: c.documentId, data: { firstContactAt: new Date() } as any })).resolves.toBeTruthy();
  });
});

describe('keys that are not attributes', () => {
  it('a prototype key (constructor, __proto__, toString) → 400 naming it, not a 500', async () => {
    const p = await f.professional();
    for (const key of ['constructor', '__proto__', 'toString']) {
      const res = await app
        .http()
        .put(`/api/professionals/${p.documentId}`)
        .set(token)
        .set('Content-Type', 'application/json')
        .send(`{"data":{"commune":"Le Port","${key}":null}}`);
      const paths = expectErrorEnvelope(res, 400, 'ValidationError');
      // JSON.parse makes `__proto__` an own key; Strapi's input validation refuses it first, without a path
      if (key !== '__proto__') expect(paths).toContain(key);
    }
    const after: any = await app.strapi.documents('api::professional.professional').findOne({ documentId: p.documentId });
    expect(after.commune ?? null).toBeNull();
    expect(
      await rejectedPaths(app.strapi.documents(CASE).create({ data: JSON.parse('{"newcomerLastName":"x","needs":{"constructor":1}}') } as any))
    ).toEqual(['needs.constructor']);
  });
});

describe('free text refuses control and bidirectional formatting characters', () => {
  it.each([
    ['NUL in a name', { newcomerLastName: 'Pay\u0000et' }, 'newcomerLastName'],
    ['a right-to-left override', { newcomerFirstName: 'Ana\u202Egpj.exe' }, 'newcomerFirstName'],
    ['an isolate in an e-mail', { newcomerEmail: 'ana\u2066@example.org' }, 'newcomerEmail'],
    ['DEL in the notes of the needs (component)', { needs: { housing: true, notes: 'a\u007Fb' } }, 'needs.notes'],
    ['a C1 control in an action summary', { actions: [{ kind: 'call', date: '2026-11-02', summary: 'x\u0085y' }] }, 'actions.0.summary'],
    ['an escape in a follow-up note', { followUps: [{ milestone: 'm3', doneAt: '2026-11-02', notes: '\u001B[31m' }] }, 'followUps.0.notes'],
  ])('content API create with %s → 400 naming the path, nothing stored', async (_what, extra, path) => {
    const before = await count(CASE);
    const res = await app.http().post('/api/cases').set(coordinator).send({ data: { ...validCase, ...extra } });
    expect(expectErrorEnvelope(res, 400, 'ValidationError')).toContain(path);
    expect(await count(CASE)).toBe(before);
  });

  it('tabs, line breaks, accents and emoji are text like any other', async () => {
    const res = await app
      .http()
      .post('/api/cases')
      .set(coordinator)
      .send({ data: { ...validCase, newcomerLastName: 'Hoarau-Léger 🌋', majorDifficultyNote: 'ligne 1\r\nligne 2\tfin', needs: { notes: 'عربى ok' } } });
    expect(res.status).toBe(201);
  });

  it('an ambassador updating their case with U+202E → 400, the case unchanged', async () => {
    const c = await f.case(amb);
    const res = await app.http().put(`/api/cases/${c.documentId}`).set(bearer(amb.jwt)).send({ data: { majorDifficultyNote: 'ok\u202Ecod.exe' } });
    expect(expectErrorEnvelope(res, 400, 'ValidationError')).toEqual(['majorDifficultyNote']);
    expect((await stored(c.documentId)).majorDifficultyNote).toBeNull();
  });

  it('dynamic zones: a guide section with an isolate (API token) → 400 naming the section field', async () => {
    const before = await count('api::guide.guide');
    const res = await app
      .http()
      .post('/api/guides')
      .set(token)
      .send({ data: { title: 'Guide', sections: [{ __component: 'guide.rich-text', title: 'ok', body: 'texte' }, { __component: 'guide.faq', question: 'q\u2067', answer: 'a' }] } });
    expect(expectErrorEnvelope(res, 400, 'ValidationError')).toContain('sections.1.question');
    expect(await count('api::guide.guide')).toBe(before);
  });

  it('a transition comment and a questionnaire comment with NUL → 400 naming the field, nothing recorded', async () => {
    const c = await f.case(amb);
    const history = () => app.strapi.db.query('plugin::workflow.transition' as any).count();
    const before = await history();
    const res = await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'first_contact', comment: 'appel\u0000' });
    expect(expectErrorEnvelope(res, 400, 'ValidationError')).toEqual(['comment']);
    expect(await history()).toBe(before);

    const installed = await f.case(null);
    const link = signToken(installed.documentId, satisfactionSecret());
    const answers = { welcome: 5, guidance: 5, network: 4, administrative: 4, recommend: true };
    const responses = () => count('api::satisfaction-response.satisfaction-response');
    const sent = await responses();
    const survey = await app.http().post(`/api/satisfaction/${link}`).send({ score: 5, answers, comment: 'merci\u202E' });
    expect(expectErrorEnvelope(survey, 400, 'ValidationError')).toEqual(['comment']);
    expect(await responses()).toBe(sent);
  });

  it('Content Manager: create, update and clone with NUL → 400 naming the field, nothing stored', async () => {
    const before = await count(CASE);
    const created = await app.http().post(CM_CASES).set(admin).send({ ...validCase, specialty: 'radio\u0000logie' });
    expect(expectErrorEnvelope(created, 400, 'ValidationError')).toContain('specialty');

    const c = await f.case(amb);
    const updated = await app.http().put(`${CM_CASES}/${c.documentId}`).set(admin).send({ notes: 'note\u202Dx', needs: { notes: 'ok' } });
    expect(expectErrorEnvelope(updated, 400, 'ValidationError')).toContain('notes');
    expect((await stored(c.documentId)).notes ?? null).toBeNull();

    expect(await count(CASE)).toBe(before + 1);
    // clone is checked too, on a type that may be cloned
    const pro = await app.strapi.documents('api::professional.professional').create({ data: { firstName: 'Zoé', lastName: 'Hoarau', profession: 'nurse' } as any });
    const pros = await count('api::professional.professional');
    const cloned = await app
      .http()
      .post(`/content-manager/collection-types/api::professional.professional/clone/${pro.documentId}`)
      .set(admin)
      .send({ firstName: 'Zoé', lastName: 'Copie\u0008', profession: 'nurse' });
    expect(expectErrorEnvelope(cloned, 400, 'ValidationError')).toContain('lastName');
    expect(await count('api::professional.professional')).toBe(pros);
  });

  it('Document Service from code: structures, professionals and the questionnaire answers are covered too', async () => {
    const before = await count('api::structure.structure');
    expect(await rejectedPaths(app.strapi.documents('api::structure.structure').create({ data: { name: 'MSP\u202E', kind: 'msp' } as any }))).toEqual(['name']);
    expect(await count('api::structure.structure')).toBe(before);
    const p = await f.professional();
    expect(await rejectedPaths(app.strapi.documents('api::professional.professional').update({ documentId: p.documentId, data: { commune: 'Le\u0000Port' } as any }))).toEqual([
      'commune',
    ]);
    const c = await f.case(null);
    expect(
      await rejectedPaths(
        app.strapi.documents('api::satisfaction-response.satisfaction-response').create({
          data: { case: c.documentId, score: 4, comment: 'merci\u0000', submittedAt: new Date().toISOString(), answers: {} } as any,
        })
      )
    ).toEqual(['comment']);
  });
});

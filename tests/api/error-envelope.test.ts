/**
 * Every 4xx, whatever answers it (the body parser, Strapi's query validation, the router, a
 * controller, a policy), comes in Strapi's envelope with `details.errors[{ path, message }]`,
 * on the content API, the admin API and the plugins' admin routes.
 */
import zlib from 'zlib';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAdmin, createUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { expectErrorEnvelope } from '../helpers/envelope';

let app: TestApp;
let f: ReturnType<typeof make>;
let coordinator: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  admin = bearer((await createAdmin(app, 'ancrage-coordination')).token);
});

afterAll(async () => {
  await app.destroy();
});

const count = () => app.strapi.db.query('api::case.case').count();
const json = { 'Content-Type': 'application/json' };
const CM_CASES = '/content-manager/collection-types/api::case.case';

describe('body-parser errors', () => {
  it.each([
    ['the content API', '/api/cases', () => coordinator],
    ['the Content Manager', CM_CASES, () => admin],
  ])('malformed JSON on %s → 400 ValidationError in the envelope, nothing created', async (_where, url, who) => {
    const before = await count();
    for (const raw of ['{"data":', '{bad', '{"data":{"newcomerLastName":"x",}}']) {
      const res = await app.http().post(url).set(who()).set(json).send(raw);
      const paths = expectErrorEnvelope(res, 400, 'ValidationError');
      expect(paths).toEqual(['']);
      expect(res.body.error.message).toMatch(/not valid JSON/);
    }
    expect(await count()).toBe(before);
  });

  it('malformed JSON on a plugin admin route → 400 ValidationError', async () => {
    const res = await app.http().put('/workflow/definitions/case').set(admin).set(json).send('{"definition": [1,');
    expectErrorEnvelope(res, 400, 'ValidationError');
  });

  it.each(['null', '5', '"text"', 'true'])('a JSON body that is %s (not an object or array) → 400 ValidationError', async (raw) => {
    const res = await app.http().post('/api/cases').set(coordinator).set(json).send(raw);
    expectErrorEnvelope(res, 400, 'ValidationError');
  });

  it('a body over the limit → 413 PayloadTooLargeError in the envelope', async () => {
    const before = await count();
    const big = JSON.stringify({ data: { newcomerLastName: 'x'.repeat(2_500_000), newcomerFirstName: 'a', profession: 'nurse' } });
    const res = await app.http().post('/api/cases').set(coordinator).set(json).send(big);
    expectErrorEnvelope(res, 413, 'PayloadTooLargeError');
    expect(await count()).toBe(before);
  });

  it('a gzip body that is not gzip → 400 (not a 500)', async () => {
    const res = await app.http().post('/api/cases').set(coordinator).set(json).set('Content-Encoding', 'gzip').send('not gzip at all');
    expectErrorEnvelope(res, 400, 'ValidationError');
  });

  it('a real gzip body is still read', async () => {
    const body = zlib.gzipSync(JSON.stringify({ data: { newcomerFirstName: 'Ana', newcomerLastName: 'Gzip', profession: 'nurse' } }));
    const server = app.strapi.server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/api/cases`, {
      method: 'POST',
      headers: { ...coordinator, ...json, 'Content-Encoding': 'gzip' },
      body,
    });
    expect([res.status, await res.text()]).toEqual([201, expect.any(String)]);
  });

  it('a multipart body without boundary, or truncated → 400 (not a 500)', async () => {
    const none = await app.http().post('/api/cases').set(coordinator).set('Content-Type', 'multipart/form-data').send('garbage');
    expectErrorEnvelope(none, 400, 'ValidationError');
    const truncated = await app.http().post('/api/cases').set(coordinator).set('Content-Type', 'multipart/form-data; boundary=xx').send('--xx\r\nContent-Disp');
    expectErrorEnvelope(truncated, 400, 'ValidationError');
  });

  it('a Content Manager write whose body is not a JSON object (text, an array) → 400, not a 500', async () => {
    const before = await count();
    const text = await app.http().post(CM_CASES).set(admin).set('Content-Type', 'text/plain').send('newcomerLastName=x');
    expectErrorEnvelope(text, 400, 'ValidationError');
    const array = await app.http().post(CM_CASES).set(admin).set(json).send('[{"newcomerLastName":"x"}]');
    expectErrorEnvelope(array, 400, 'ValidationError');
    const c = await f.case(null);
    const update = await app.http().put(`${CM_CASES}/${c.documentId}`).set(admin).set(json).send('[1]');
    expectErrorEnvelope(update, 400, 'ValidationError');
    expect(await count()).toBe(before + 1);
  });

  it('a body nested deeper than any form → 400 on every route, not a stack overflow', async () => {
    const deep = `{"data":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
    for (const [url, who] of [[CM_CASES, admin], ['/api/cases', coordinator], ['/workflow/definitions/validate', admin]] as const) {
      const res = await app.http().post(url).set(who).set(json).send(deep);
      expect(expectErrorEnvelope(res, 400, 'ValidationError')).toEqual(['']);
      expect(res.body.error.message).toMatch(/nested deeper/);
    }
  });

  it('a Content-Encoding the server cannot read → 415 in the envelope', async () => {
    const res = await app.http().post('/api/cases').set(coordinator).set(json).set('Content-Encoding', 'x-unknown').send('{}');
    expectErrorEnvelope(res, 415, 'UnsupportedMediaTypeError');
  });
});

describe("Strapi's query validation", () => {
  it.each([
    ['populate', '/api/cases?populate=nope', 'nope'],
    ['filters', '/api/cases?filters[nope][$eq]=1', 'nope'],
    ['sort', '/api/professionals?sort=nope:asc', 'nope'],
    ['fields', '/api/structures?fields[0]=nope', 'nope'],
  ])('an unknown %s key → 400 naming the key (once)', async (_param, url, key) => {
    const paths = expectErrorEnvelope(await app.http().get(url).set(coordinator), 400, 'ValidationError');
    expect(paths).toEqual([key]);
  });

  it('malformed status, locale, fields and pagination → 400 in the envelope, other details kept', async () => {
    expectErrorEnvelope(await app.http().get('/api/cases?status[x]=1').set(coordinator), 400, 'ValidationError');
    const locale = await app.http().get('/api/cases?locale[x]=1').set(coordinator);
    expectErrorEnvelope(locale, 400, 'ValidationError');
    expect(locale.body.error.details.received).toEqual({ x: '1' });
    expectErrorEnvelope(await app.http().get('/api/cases?fields[0][x]=1').set(coordinator), 400, 'ValidationError');
    expectErrorEnvelope(await app.http().get('/api/cases?pagination[page]=x').set(coordinator), 400, 'ValidationError');
  });

  it('filters that are not an object → 400 naming filters, whoever asks (not a 500 for a scoped caller)', async () => {
    const amb = await f.ambassador();
    for (const who of [coordinator, bearer(amb.jwt)]) {
      const paths = expectErrorEnvelope(await app.http().get('/api/professionals?filters=abc').set(who), 400, 'ValidationError');
      expect(paths).toEqual(['filters']);
    }
  });

  it.each([
    ['a group operator under an attribute', '/api/structures?filters[publishedAt][$and][0]=x'],
    ['$and that is not a list', '/api/cases?filters[$and]=x'],
    ['a where operator at the root', '/api/cases?filters[$eq]=x'],
    ['operators mixed with fields on a relation', '/api/cases?filters[ambassador][$eq]=1&filters[ambassador][displayName]=x'],
    ['$between that is not a pair', '/api/professionals?filters[id][$between]=..'],
  ])('%s → 400 in the envelope (the query engine would answer 500)', async (_what, url) => {
    expectErrorEnvelope(await app.http().get(url).set(coordinator), 400, 'ValidationError');
  });

  it('values the database cannot read as the column type → never a 500', async () => {
    for (const url of ['/api/cases?filters[id][$eq]=abc', '/api/cases?filters[firstContactAt][$gt]=2026-99-99', '/api/time-declarations?filters[hours][$lt]=lots']) {
      const res = await app.http().get(url).set(coordinator);
      expect([200, 400]).toContain(res.status);
      if (res.status === 400) expectErrorEnvelope(res, 400, 'ValidationError');
    }
  });

  it('the Content Manager refuses an invalid filter in the envelope', async () => {
    const res = await app.http().get(`${CM_CASES}?filters[nope][$eq]=1`).set(admin);
    expectErrorEnvelope(res, 400);
  });
});

describe('the router and the policies', () => {
  it.each(['/api/no-such-thing', '/api/cases/x/y/z', '/admin/no-such-thing', '/workflow/no-such-thing', '/reminders/x/y'])(
    'an unknown route %s → 404 in the envelope',
    async (url) => {
      expectErrorEnvelope(await app.http().get(url).set(coordinator), 404, 'NotFoundError');
    }
  );

  it('a method the route does not have → 405 in the envelope, Allow kept', async () => {
    for (const [method, url] of [
      ['patch', '/api/cases'],
      ['delete', '/api/health'],
      ['put', '/api/indicators'],
    ] as const) {
      const res = await app.http()[method](url).set(coordinator);
      expectErrorEnvelope(res, 405, 'MethodNotAllowedError');
      expect(res.headers.allow).toEqual(expect.any(String));
    }
  });

  it('401 and 403 come in the envelope', async () => {
    expectErrorEnvelope(await app.http().get('/api/cases'), 403, 'ForbiddenError');
    expectErrorEnvelope(await app.http().get('/api/cases').set(bearer('not-a-token')), 401, 'UnauthorizedError');
    expectErrorEnvelope(await app.http().get('/workflow/definitions'), 401, 'UnauthorizedError');
    expectErrorEnvelope(await app.http().get('/admin/users/me'), 401, 'UnauthorizedError');
  });

  it('NUL (%00) in the path or the query → 400 on every route (PostgreSQL cannot compare it)', async () => {
    for (const [method, url, who] of [
      ['put', '/api/time-declarations/%00', coordinator],
      ['get', '/api/cases/a%00b/workflow', coordinator],
      ['get', '/api/reminders?filters[subjectDocumentId]=%00', coordinator],
      ['get', '/api/cases?filters[newcomerLastName][$eq]=a%00', coordinator],
      ['get', '/workflow/documents/api::case.case/%00', admin],
    ] as const) {
      const res = await app.http()[method](url).set(who).send(method === 'put' ? { data: {} } : undefined);
      expect(expectErrorEnvelope(res, 400, 'ValidationError')).toEqual(['']);
    }
  });

  it('a reminder id that is not a row id → 404 (not a database error)', async () => {
    for (const id of ['2.5', '1e3', '-1', '99999999999', 'abc']) {
      expectErrorEnvelope(await app.http().post(`/reminders/${id}/retry`).set(admin), 404, 'NotFoundError');
      expectErrorEnvelope(await app.http().post(`/reminders/${id}/cancel`).set(admin), 404, 'NotFoundError');
    }
  });

  it('a 404 of a document keeps its message', async () => {
    const res = await app.http().get('/api/cases/does-not-exist').set(coordinator);
    expectErrorEnvelope(res, 404, 'NotFoundError');
    expect(res.body.error.details.errors[0].message).toBe(res.body.error.message);
  });
});

describe('4xx answered by the application', () => {
  it('a controller that sets its own 400 (questionnaire link) gets details.errors', async () => {
    const res = await app.http().get('/api/satisfaction/not-a-token');
    expectErrorEnvelope(res, 400, 'ValidationError');
    expect(res.body.error.message).toBe('Invalid questionnaire link');
  });

  it("a refused transition keeps its guards' failures beside the errors", async () => {
    const c = await f.case(null);
    const res = await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'first_contact' });
    expectErrorEnvelope(res, 400, 'ValidationError');
    expect(res.body.error.details.failures).toEqual(expect.arrayContaining([expect.objectContaining({ guard: expect.any(String) })]));
  });

  it('the users-permissions login refusal is in the envelope', async () => {
    const res = await app.http().post('/api/auth/local').send({ identifier: 'nobody@example.test', password: 'wrong-password' });
    expectErrorEnvelope(res, 400, 'ValidationError');
  });

  it('a successful answer is untouched', async () => {
    const res = await app.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ database: 'up', redis: expect.stringMatching(/^(up|down)$/) });
  });
});

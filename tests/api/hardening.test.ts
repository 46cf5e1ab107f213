/**
 * Hardening of the HTTP surface: implausible indicator periods are refused at once (the year 0001
 * once hung the process), no X-Powered-By, CORS only for our origins, read-only API tokens read
 * every custom GET route and write nothing, and the Content Manager's relation routes answer 403
 * (not 500) for a relation the admin may not read. The production login over plain HTTP is in
 * production.test.ts.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAdmin, createApiToken, createUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';

const OWN_ORIGIN = 'http://localhost:1337'; // PUBLIC_URL of the test environment
const PARTNER = 'https://partner.example.org';
const STRANGER = 'https://evil.example';

let app: TestApp;
let f: ReturnType<typeof make>;
let coordinator: Record<string, string>;
let fullToken: Record<string, string>;
let readOnly: Record<string, string>;
let coordination: Record<string, string>;
let communication: Record<string, string>;

beforeAll(async () => {
  app = await bootStrapi({ CORS_ORIGINS: ` ${PARTNER}/ , ` });
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  fullToken = bearer(await createApiToken(app, 'full-access'));
  readOnly = bearer(await createApiToken(app, 'read-only'));
  coordination = bearer((await createAdmin(app, 'ancrage-coordination')).token);
  communication = bearer((await createAdmin(app, 'ancrage-communication')).token);
});

afterAll(async () => {
  await app.destroy();
});

describe('indicator periods', () => {
  const timed = async (url: string, headers: Record<string, string>) => {
    const started = Date.now();
    const res = await app.http().get(url).set(headers).timeout(5000);
    return { res, ms: Date.now() - started };
  };

  // `+` in a query string is a space; %2B is the plus sign itself
  describe.each([
    ['year=0001', 'year'],
    ['year=0000', 'year'],
    ['year=9999', 'year'],
    ['from=+02026-01-01&to=2026-02-01', 'from'],
    ['from=%2B02026-01-01&to=2026-02-01', 'from'],
    ['from=0001-01-01&to=0001-12-31', 'from'],
    ['from=2026-01-01&to=9999-12-31', 'to'],
    ['from=2020-01-01&to=2025-12-31', 'to'],
  ])('?%s', (query, field) => {
    test.each([
      ['/api/indicators', 'coordinator'],
      ['/api/indicators', 'API token'],
      ['/api/indicators/export', 'API token'],
      ['/indicators/report', 'admin'],
      ['/indicators/report/export', 'admin'],
    ])(`%s (%s): 400 naming ${field} within a second, and the server still answers`, async (path, who) => {
      const headers = who === 'coordinator' ? coordinator : who === 'admin' ? coordination : fullToken;
      const { res, ms } = await timed(`${path}?${query}`, headers);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: expect.stringContaining(field),
          details: { errors: expect.arrayContaining([expect.objectContaining({ path: [field], message: expect.any(String) })]) },
        },
      });
      expect(ms).toBeLessThan(1000);
      const health = await app.http().get('/api/health').timeout(5000);
      expect(health.status).toBe(200);
      expect(health.body.database).toBe('up');
    });
  });

  test('the edges: 2000 and 2100 are years; five calendar years are a period', async () => {
    for (const query of ['year=2000', 'year=2100', 'from=2024-01-01&to=2028-12-31', 'from=2000-01-01&to=2000-01-01']) {
      const { res, ms } = await timed(`/api/indicators?${query}`, fullToken);
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(5000);
    }
    const five = await app.http().get('/api/indicators?from=2024-01-01&to=2028-12-31').set(fullToken);
    expect(five.body.data.period).toEqual({ from: '2024-01-01', to: '2028-12-31' });
    expect(five.body.data.monthly).toHaveLength(60);
    expect((await app.http().get('/api/indicators?from=2024-01-01&to=2029-01-01').set(fullToken)).status).toBe(400);
  });
});

describe('dates at the ends of the calendar', () => {
  test('an installation moved to 9999-12-01 is refused naming the field (it was a 500), and nothing moves', async () => {
    const amb = await f.ambassador();
    const c = await f.case(amb, { installedAt: '2026-01-10', installationCommune: 'Saint-Denis' });
    await f.setState('api::case.case', c.documentId, 'visits');
    expect((await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'installed' })).status).toBe(200);
    await app.strapi.plugin('reminders').service('scheduler').idle();
    const before = await app.strapi.db.query('plugin::reminders.reminder' as any).findMany({ where: { subjectDocumentId: c.documentId }, orderBy: { id: 'asc' } });
    const moved = await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { installedAt: '9999-12-01' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['installedAt'] })]));
    await app.strapi.plugin('reminders').service('scheduler').idle();
    const stored = await app.strapi.db.query('api::case.case' as any).findOne({ where: { documentId: c.documentId } });
    expect(stored.installedAt).toBe('2026-01-10');
    const after = await app.strapi.db.query('plugin::reminders.reminder' as any).findMany({ where: { subjectDocumentId: c.documentId }, orderBy: { id: 'asc' } });
    // the same rows, due at the same instants (back-dated ones may have been sent meanwhile)
    expect(after.map((r: any) => [r.id, r.dueAt])).toEqual(before.map((r: any) => [r.id, r.dueAt]));
    expect((await app.http().get('/api/health')).status).toBe(200);
  });
});

describe('X-Powered-By', () => {
  test.each([
    ['a health check', '/api/health', {}],
    ['a 404', '/api/nothing-here', {}],
    ['a 400', '/api/indicators?year=0001', 'coordinator'],
    ['a 401', '/api/cases', {}],
    ['an admin route', '/admin/init', {}],
  ])('is absent from %s', async (_what, url, who) => {
    const res = await app.http().get(url).set(who === 'coordinator' ? coordinator : {});
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CORS', () => {
  test.each([
    ['PUBLIC_URL', OWN_ORIGIN],
    ['CORS_ORIGINS', PARTNER],
  ])('an origin of %s gets its own origin back, with credentials', async (_var, origin) => {
    const res = await app.http().get('/api/health').set('Origin', origin);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers.vary).toMatch(/Origin/);
  });

  test('an unknown origin gets no CORS header, on a success or an error', async () => {
    for (const url of ['/api/health', '/api/cases', '/api/nothing-here']) {
      const res = await app.http().get(url).set('Origin', STRANGER);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
    // nor a look-alike of ours
    const alike = await app.http().get('/api/health').set('Origin', 'https://partner.example.org.evil.example');
    expect(alike.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('a request without Origin gets no CORS header (it was an empty origin with credentials)', async () => {
    for (const url of ['/api/health', '/api/cases', '/api/nothing-here']) {
      const res = await app.http().get(url);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  test('a preflight from an allowed origin is answered; from an unknown one it is not', async () => {
    const preflight = (origin: string) =>
      app
        .http()
        .options('/api/cases')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
    const ok = await preflight(PARTNER);
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    expect(ok.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(ok.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const refused = await preflight(STRANGER);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(refused.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('a read-only API token', () => {
  test('reads every custom GET route', async () => {
    const c = await f.case(null);
    const workflows = await app.http().get('/api/workflows').set(readOnly);
    expect(workflows.status).toBe(200);
    expect(workflows.body.data.map((w: { name: string }) => w.name)).toEqual(expect.arrayContaining(['case', 'ambassador', 'time-declaration']));

    const where = await app.http().get(`/api/cases/${c.documentId}/workflow`).set(readOnly);
    expect(where.status).toBe(200);
    expect(where.body.data.state).toBe('received');
    // it may look, not act: its role allows no transition
    expect(where.body.data.available.length).toBeGreaterThan(0);
    for (const t of where.body.data.available) {
      expect(t).toEqual(expect.objectContaining({ allowed: false, roleAllowed: false }));
      expect(t.failures[0].guard).toBe('role');
    }

    const indicators = await app.http().get('/api/indicators?year=2025').set(readOnly);
    expect(indicators.status).toBe(200);
    expect(indicators.body.data.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });

    const csv = await app.http().get('/api/indicators/export?year=2025&format=csv').set(readOnly);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);

    const reminders = await app.http().get(`/api/reminders?filters[subjectDocumentId]=${c.documentId}`).set(readOnly);
    expect(reminders.status).toBe(200);
    expect(reminders.body.meta.pagination).toEqual(expect.objectContaining({ page: 1 }));
  });

  test('writes nothing: transitions, actions and core writes are 403, and the case is unchanged', async () => {
    const c = await f.case(null);
    const attempts = [
      app.http().post(`/api/cases/${c.documentId}/transitions`).set(readOnly).send({ to: 'abandoned', comment: 'test', expectedState: 'received' }),
      app
        .http()
        .post(`/api/cases/${c.documentId}/actions`)
        .set(readOnly)
        .send({ data: { kind: 'call', date: '2026-11-02', summary: 'Appel', minutes: 10 } }),
      app.http().put(`/api/cases/${c.documentId}`).set(readOnly).send({ data: { majorDifficulty: true } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ data: null, error: expect.objectContaining({ status: 403, name: 'ForbiddenError' }) });
    }
    const after = (await app.strapi.db.query('api::case.case').findOne({ where: { documentId: c.documentId }, populate: { actions: true } })) as any;
    expect(after.state).toBe('received');
    expect(after.actions).toEqual([]);
    expect(after.majorDifficulty).not.toBe(true);
  });

  test('the coordinator and a full-access token keep every route', async () => {
    const c = await f.case(null);
    for (const who of [coordinator, fullToken]) {
      expect((await app.http().get('/api/workflows').set(who)).status).toBe(200);
      expect((await app.http().get(`/api/cases/${c.documentId}/workflow`).set(who)).status).toBe(200);
      expect((await app.http().get('/api/indicators/export?year=2025').set(who)).status).toBe(200);
    }
    const where = await app.http().get(`/api/cases/${c.documentId}/workflow`).set(fullToken);
    expect(where.body.data.available.every((t: { roleAllowed: boolean }) => t.roleAllowed)).toBe(true);
    const action = await app
      .http()
      .post(`/api/cases/${c.documentId}/actions`)
      .set(fullToken)
      .send({ data: { kind: 'call', date: '2026-11-02', summary: 'Appel', minutes: 10 } });
    expect(action.status).toBe(201);
  });
});

describe('Content Manager relations the admin may not read', () => {
  const relation = (documentId: string | null, field: string) =>
    `/content-manager/relations/api::structure.structure/${documentId ? `${documentId}/` : ''}${field}`;

  test.each(['proposedForCases', 'installedCases', 'visitedByCases'])('%s: 403 for Communication, on a structure and in the picker', async (field) => {
    const s = await f.structure();
    await f.case(null, { installationStructure: s.documentId, proposedSites: [s.documentId], visitedSites: [s.documentId] });
    for (const url of [relation(s.documentId, field), relation(null, field)]) {
      const res = await app.http().get(url).set(communication);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message: expect.stringContaining(field),
          details: { errors: [expect.objectContaining({ path: [field] })] },
        },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/newcomer|Installé/);
    }
  });

  test('Coordination still reads them', async () => {
    const s = await f.structure();
    const c = await f.case(null, { proposedSites: [s.documentId] });
    const res = await app.http().get(relation(s.documentId, 'proposedForCases')).set(coordination);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([c.documentId]);
  });

  test('an unknown field keeps the controller\'s own 400', async () => {
    const s = await f.structure();
    const res = await app.http().get(relation(s.documentId, 'nothing')).set(communication);
    expect(res.status).toBe(400);
  });
});

/**
 * The production configuration: secrets are required, and behind a TLS reverse proxy the
 * users-permissions login (secure refresh cookie) works when the proxy sends
 * X-Forwarded-Proto: https. Over plain HTTP it is a 403 that says why (it was a 500), and the
 * boot warns when PUBLIC_URL or SERVER_PROXY make logins impossible.
 */
import { spawnSync } from 'child_process';
import { bootStrapi, APP_ROOT, DIST_DIR, type TestApp } from '../helpers/strapi';

describe('NODE_ENV=production behind a TLS proxy', () => {
  let app: TestApp;
  beforeAll(async () => {
    // production refuses to start without SMTP (nothing is sent in this file)
    app = await bootStrapi({ NODE_ENV: 'production', SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' });
  });
  afterAll(async () => {
    await app.destroy();
  });

  it('trusts the proxy by default', () => {
    expect(app.strapi.server.app.proxy).toBe(true);
  });

  it('logs in over the proxy and sets a secure, httpOnly refresh cookie', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'ambassador' } });
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'prod-amb',
      email: 'prod-amb@example.test',
      password: 'Secret-pass-123',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const res = await app
      .http()
      .post('/api/auth/local')
      .set('X-Forwarded-Proto', 'https')
      .send({ identifier: 'prod-amb@example.test', password: 'Secret-pass-123' });
    expect(res.status).toBe(200);
    expect(res.body.jwt).toEqual(expect.any(String));
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.some((c) => /secure/i.test(c) && /httponly/i.test(c))).toBe(true);
  });

  it('refreshes over the proxy with the cookie it set', async () => {
    const agent = app.http();
    const login = await agent
      .post('/api/auth/local')
      .set('X-Forwarded-Proto', 'https')
      .send({ identifier: 'prod-amb@example.test', password: 'Secret-pass-123' });
    expect(login.status).toBe(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const refreshed = await app.http().post('/api/auth/refresh').set('X-Forwarded-Proto', 'https').set('Cookie', cookie).send({});
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.jwt).toEqual(expect.any(String));
  });

  const httpsRequired = {
    data: null,
    error: {
      status: 403,
      name: 'ForbiddenError',
      message: expect.stringMatching(/HTTPS/),
      details: { reason: 'https_required', errors: [{ path: [], message: expect.stringMatching(/HTTPS/) }] },
    },
  };
  const sessions = () => app.strapi.db.query('admin::session' as any).count({});

  it('refuses the same login over plain HTTP with a 403 that says why, before opening a session', async () => {
    const before = await sessions();
    const res = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'prod-amb@example.test', password: 'Secret-pass-123' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(httpsRequired);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await sessions()).toBe(before);
    // a proxy that says http is plain HTTP too
    const viaHttp = await app
      .http()
      .post('/api/auth/local')
      .set('X-Forwarded-Proto', 'http')
      .send({ identifier: 'prod-amb@example.test', password: 'Secret-pass-123' });
    expect(viaHttp.body).toEqual(httpsRequired);
  });

  it('answers the same 403 whatever the password, and on refresh and logout', async () => {
    const wrong = await app.http().post('/api/auth/local').send({ identifier: 'prod-amb@example.test', password: 'wrong' });
    expect(wrong.body).toEqual(httpsRequired);
    for (const path of ['/api/auth/refresh', '/api/auth/logout']) {
      const res = await app.http().post(path).send({});
      expect(res.status).toBe(403);
      expect(res.body).toEqual(httpsRequired);
    }
  });

  it('leaves the routes that set no cookie alone over plain HTTP', async () => {
    expect((await app.http().get('/api/health')).status).toBe(200);
    expect((await app.http().get('/api/structures')).status).toBe(200);
  });

  const registerOnly = (env: Record<string, string>) => {
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      createStrapi({ appDir: ${JSON.stringify(APP_ROOT)}, distDir: ${JSON.stringify(DIST_DIR)}, serveAdminPanel: false })
        .register().then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); });`;
    return spawnSync(process.execPath, ['-e', script], {
      cwd: APP_ROOT,
      env: { ...process.env, NODE_ENV: 'production', SMTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env } as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60000,
    });
  };

  it('warns once at boot when PUBLIC_URL is http:// or the proxy is off, naming them and the consequence', () => {
    const res = registerOnly({ PUBLIC_URL: 'http://ancrage.example.org', SERVER_PROXY: 'false' });
    expect(res.status).toBe(0);
    const lines = (res.stdout + res.stderr).split('\n').filter((l) => l.includes('[security]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PUBLIC_URL is http:\/\/ancrage\.example\.org/);
    expect(lines[0]).toMatch(/SERVER_PROXY is false/);
    expect(lines[0]).toMatch(/login/);
    const proxyOnly = registerOnly({ PUBLIC_URL: 'https://ancrage.example.org', SERVER_PROXY: 'false' });
    expect((proxyOnly.stdout + proxyOnly.stderr).split('\n').filter((l) => l.includes('[security]'))).toEqual([
      expect.not.stringMatching(/PUBLIC_URL is/),
    ]);
  });

  it('says nothing when the app is announced over HTTPS behind the proxy', () => {
    const res = registerOnly({ PUBLIC_URL: 'https://ancrage.example.org', SERVER_PROXY: 'true' });
    expect(res.status).toBe(0);
    expect(res.stdout + res.stderr).not.toMatch(/\[security\]/);
  });

  // on the file's database while it exists (PostgreSQL: a dropped database fails earlier)
  it('stops the boot with a message naming the SMTP settings', () => {
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      createStrapi({ appDir: ${JSON.stringify(APP_ROOT)}, distDir: ${JSON.stringify(DIST_DIR)}, serveAdminPanel: false })
        .load().then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); });`;
    const res = spawnSync(process.execPath, ['-e', script], {
      cwd: APP_ROOT,
      env: { ...process.env, NODE_ENV: 'production', SMTP_HOST: '' } as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr + res.stdout).toMatch(/cannot start in production without SMTP: set SMTP_HOST/);
  });
});

describe('NODE_ENV=production without secrets', () => {
  it('stops the boot with a message naming the missing secrets', () => {
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      createStrapi({ appDir: ${JSON.stringify(APP_ROOT)}, distDir: ${JSON.stringify(DIST_DIR)}, serveAdminPanel: false })
        .load().then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); });`;
    const env = { ...process.env, NODE_ENV: 'production' } as Record<string, string | undefined>;
    // empty rather than unset: Strapi's dotenv would fill unset ones from a developer's .env
    env.JWT_SECRET = '';
    env.ADMIN_JWT_SECRET = '';
    const res = spawnSync(process.execPath, ['-e', script], { cwd: APP_ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60000 });
    expect(res.status).not.toBe(0);
    expect(res.stderr + res.stdout).toMatch(/cannot start in production: missing or placeholder secret\(s\) ADMIN_JWT_SECRET, JWT_SECRET/);
  });
});

/**
 * The production configuration: secrets are required, and behind a TLS reverse proxy the
 * users-permissions login (secure refresh cookie) works when the proxy sends
 * X-Forwarded-Proto: https.
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

  it('refuses the same login over plain HTTP without the proxy header', async () => {
    const res = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'prod-amb@example.test', password: 'Secret-pass-123' });
    expect(res.status).not.toBe(200);
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

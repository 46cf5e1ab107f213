/**
 * Redis down: transitions still succeed and reminder rows are written; the health endpoint says
 * so; when Redis is back the reconcile creates the jobs and the reminders go out. Without SMTP
 * (development) they are written as .eml files.
 */
import fs from 'fs';
import path from 'path';
import { bootStrapi, APP_ROOT, type TestApp } from '../helpers/strapi';
import { bearer, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { freePort, redisServerOn } from '../helpers/redis-server';

let app: TestApp;
let f: ReturnType<typeof make>;
let redis: ReturnType<typeof redisServerOn>;
let coordinator: Record<string, string>;
let amb: TestUser;
let outbox: string;

const waitFor = async (ok: () => Promise<boolean>, ms = 30000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  redis = redisServerOn(await freePort());
  outbox = path.join('.tmp', `test-mail-${process.pid}`);
  // no SMTP_HOST: development writes mails to the outbox
  app = await bootStrapi({ REDIS_URL: redis.url, MAIL_OUTBOX: outbox, SMTP_HOST: '' });
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  amb = await f.ambassador('active');
});

afterAll(async () => {
  await app.destroy();
  await redis.stop();
  fs.rmSync(path.join(APP_ROOT, outbox), { recursive: true, force: true });
});

it('transitions succeed and rows are written while Redis is down; jobs come with the reconcile once it is back', async () => {
  const health = await app.http().get('/api/health');
  expect(health.body).toEqual({ database: 'up', redis: 'down' });

  const c = await f.case(amb, { installedAt: '2025-01-15', installationCommune: 'Le Tampon' });
  await f.setState('api::case.case', c.documentId, 'visits');
  const res = await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'installed' });
  expect(res.status).toBe(200);
  await app.strapi.plugin('reminders').service('scheduler').idle();
  const rows = await app.strapi.db.query('plugin::reminders.reminder').findMany({ where: { subjectDocumentId: c.documentId } });
  expect(rows.map((r: any) => r.rule).sort()).toEqual(['case.follow_up.m12', 'case.follow_up.m3', 'case.follow_up.m6', 'case.satisfaction']);
  expect(rows.every((r: any) => r.status === 'scheduled')).toBe(true);

  await redis.start();
  await waitFor(async () => (await app.http().get('/api/health')).body.redis === 'up');
  expect(await app.strapi.plugin('reminders').service('scheduler').reconcile()).toBe(4);
  await waitFor(async () => {
    const after = await app.strapi.db.query('plugin::reminders.reminder').findMany({ where: { subjectDocumentId: c.documentId } });
    // the questionnaire's reminder, created when it is sent, is due 14 days later
    return after.every((r: any) => r.status !== 'scheduled' || r.rule === 'case.satisfaction.reminder');
  });
  const after = await app.strapi.db.query('plugin::reminders.reminder').findMany({ where: { subjectDocumentId: c.documentId } });
  expect(Object.fromEntries(after.map((r: any) => [r.rule, r.status]))).toEqual({
    'case.follow_up.m3': 'sent',
    'case.follow_up.m6': 'sent',
    'case.follow_up.m12': 'sent',
    'case.satisfaction': 'sent',
    'case.satisfaction.reminder': 'scheduled',
  });
  const files = fs.readdirSync(path.join(APP_ROOT, outbox)).filter((n) => n.endsWith('.eml'));
  expect(files).toHaveLength(4);
  const followUp = files.map((n) => fs.readFileSync(path.join(APP_ROOT, outbox, n), 'utf8')).find((t) => t.includes('reminder-' + rows[0].id));
  expect(followUp).toMatch(new RegExp(`To: ${amb.email}`));
});

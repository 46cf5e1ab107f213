/**
 * The worker as a separate process (`node dist-test/src/worker.js`, what `npm run worker`
 * runs): stopped mid-batch and restarted, nothing is lost and nothing doubled.
 */
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import IORedis from 'ioredis';
import { bootStrapi, DIST_DIR, APP_ROOT, type TestApp } from '../helpers/strapi';
import { make } from '../helpers/fixtures';
import { startSmtpServer } from '../helpers/smtp';

// Two Strapi worker processes boot in each test: slow when the whole suite shares two cores.
jest.setTimeout(300000);

let app: TestApp;
let f: ReturnType<typeof make>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let caseId: string;

const waitFor = async (ok: () => Promise<boolean> | boolean, ms = 180000, what = 'condition') => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const children: ChildProcess[] = [];

/** A worker process on the same database, Redis prefix and SMTP server as the test's app. */
const startWorker = async (): Promise<ChildProcess> => {
  const child = spawn(process.execPath, [path.join(DIST_DIR, 'src', 'worker.js')], {
    cwd: APP_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', REMINDERS_CONCURRENCY: '10' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d.toString()));
  child.stderr!.on('data', (d) => (out += d.toString()));
  await waitFor(() => out.includes('worker running'), 180000, 'the worker to boot');
  child.on('exit', (code) => {
    if (code) console.log(`worker exited ${code}:\n${out.slice(-3000)}`);
  });
  return child;
};

const rowsDueNow = async (n: number, tag: string) => {
  const now = new Date();
  const created = [];
  for (let i = 0; i < n; i += 1) {
    created.push(
      await app.strapi.db.query('plugin::reminders.reminder').create({
        data: { rule: 'case.follow_up.m3', template: 'case.follow_up.m3', subjectUid: 'api::case.case', subjectDocumentId: caseId, subjectState: 'installed', recipient: 'assignedAmbassador', copyTo: [], dueAt: now, status: 'scheduled', attempts: 0, dedupeKey: `${tag}-${i}` },
      })
    );
  }
  await app.strapi.plugin('reminders').service('queue').enqueueMany(created);
  return created.map((r) => r.id as number);
};

const received = (ids: number[]) => {
  const wanted = new Set(ids.map((id) => `reminder-${id}@ancrage`));
  const seen = smtp.messages.map((m) => /Message-ID: <([^>]+)>/i.exec(m.raw)?.[1]).filter((x): x is string => !!x && wanted.has(x));
  return { total: seen.length, distinct: new Set(seen).size };
};
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

beforeAll(async () => {
  smtp = await startSmtpServer();
  // the app itself runs no worker here: the test's worker processes do the sending
  app = await bootStrapi({
    REMINDERS_WORKER: 'off',
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    REMINDERS_CLAIM_LEASE_MS: '1500',
    REMINDERS_LOCK_MS: '2000',
  });
  f = make(app);
  const amb = await f.ambassador('active');
  const c = await f.case(amb, { installedAt: '2026-01-10', installationCommune: 'Saint-Pierre' });
  await f.setState('api::case.case', c.documentId, 'installed');
  caseId = c.documentId;
});

afterAll(async () => {
  // never leave a worker process behind, even when a test failed half-way
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  await app.destroy();
  const redis = new IORedis(process.env.REDIS_URL!);
  const keys = await redis.keys(`${process.env.REDIS_PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await smtp.close();
});

describe('a worker process stopped mid-batch and restarted', () => {
  it('SIGTERM: it finishes its active jobs and exits 0; the next one sends the rest; each exactly once', async () => {
    const ids = await rowsDueNow(300, 'term');
    const first = await startWorker();
    await waitFor(() => received(ids).total >= 40, 180000, `40 messages (got ${received(ids).total})`);
    first.kill('SIGTERM');
    expect(await exited(first)).toBe(0);
    const claimed = await app.strapi.db
      .query('plugin::reminders.reminder')
      .count({ where: { id: { $in: ids }, claimToken: { $notNull: true } } });
    expect(claimed).toBe(0); // nothing left half-sent
    const before = received(ids).total;
    expect(before).toBeLessThan(300);

    const second = await startWorker();
    try {
      await waitFor(() => received(ids).distinct === 300, 180000);
      await new Promise((r) => setTimeout(r, 500));
      expect(received(ids)).toEqual({ total: 300, distinct: 300 });
      const sent = await app.strapi.db.query('plugin::reminders.reminder').count({ where: { id: { $in: ids }, status: 'sent' } });
      expect(sent).toBe(300);
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }
  });

  it('SIGKILL: nothing lost; a message is sent again only if it was on the wire at the kill, under the same Message-ID', async () => {
    const ids = await rowsDueNow(300, 'kill');
    const first = await startWorker();
    await waitFor(() => received(ids).total >= 40, 180000, `40 messages (got ${received(ids).total})`);
    first.kill('SIGKILL');
    await exited(first);

    const second = await startWorker();
    try {
      // jobs of the dead worker are taken over after the lock expires; stale claims after the lease
      await waitFor(async () => {
        const sent = await app.strapi.db.query('plugin::reminders.reminder').count({ where: { id: { $in: ids }, status: 'sent' } });
        return sent === 300;
      }, 180000);
      await new Promise((r) => setTimeout(r, 500));
      const r = received(ids);
      expect(r.distinct).toBe(300);
      // at most the jobs in flight at the kill (concurrency 10) may have gone out twice
      expect(r.total - r.distinct).toBeLessThanOrEqual(10);
      console.log(`SIGKILL mid-batch: ${r.total} messages for 300 reminders (${r.total - r.distinct} resent after the kill)`);
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }
  });
});

/**
 * Reminders end to end with a real Redis (BullMQ) and a real SMTP server: rows and jobs from
 * workflow timers, back-dated reminders sent at once and once, cancellation, obsolete ones
 * skipped, SMTP failures, Redis flushed, two workers, the content API.
 */
import IORedis from 'ioredis';
import { Worker } from 'bullmq';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { startSmtpServer } from '../helpers/smtp';
import { bodyOf, subjectOf } from '../helpers/mail';

let app: TestApp;
let f: ReturnType<typeof make>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let coordinator: Record<string, string>;
let amb: TestUser;
let redis: IORedis;

const waitFor = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> => {
  const end = Date.now() + ms;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out waiting; last value: ${JSON.stringify(v)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
    v = await fn();
  }
  return v;
};
const reminders = (where: Record<string, unknown>) =>
  app.strapi.db.query('plugin::reminders.reminder').findMany({ where, orderBy: { id: 'asc' } }) as Promise<any[]>;
const scheduler = () => app.strapi.plugin('reminders').service('scheduler');
const queue = () => app.strapi.plugin('reminders').service('queue').queue();
const move = (documentId: string, to: string) =>
  app.http().post(`/api/cases/${documentId}/transitions`).set(coordinator).send({ to });
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await bootStrapi({
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    MAIL_FROM: 'Ancrage <relances@example.test>',
    REMINDERS_BACKOFF_MS: '20',
    REMINDERS_ATTEMPTS: '5',
  });
  f = make(app);
  redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  amb = await f.ambassador('active');
  const settings = await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst();
  await app.strapi.documents('api::cpts-setting.cpts-setting').update({
    documentId: settings!.documentId,
    data: { name: 'CPTS Sud Test', coordinatorEmails: [{ email: 'coordination@example.test', name: 'Coordination' }] } as any,
  });
});

afterAll(async () => {
  await app.destroy();
  // the file's Redis prefix, and nothing else
  const prefix = process.env.REDIS_PREFIX!;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
  await smtp.close();
});

beforeEach(() => {
  smtp.messages.length = 0;
});

describe('rows and jobs from the workflow timers', () => {
  it('creates the timers of each state entered with the right dueAt and one job per row', async () => {
    const c = await f.case(amb, { needs: { housing: true }, timeline: 'short', practiceMode: 'group', employment: 'liberal' });
    // entering `received` happens at creation (no transition): only transitions create rows
    await f.setState('api::case.case', c.documentId, 'interview');
    const res = await move(c.documentId, 'matching');
    expect(res.status).toBe(200);
    await scheduler().idle();
    const rows = await reminders({ subjectDocumentId: c.documentId });
    expect(rows.map((r) => [r.rule, r.recipient, r.copyTo, r.status])).toEqual([
      ['case.matching.warning', 'coordinator', ['assignedAmbassador'], 'scheduled'],
      ['case.matching.overdue', 'coordinator', ['assignedAmbassador'], 'scheduled'],
    ]);
    // entered now; due 7 and 10 days later at 09:00 in Réunion (05:00Z)
    const history = await app.strapi.db.query('plugin::workflow.transition').findOne({ where: { subjectDocumentId: c.documentId } });
    const day = (n: number) => {
      const local = new Date(new Date(history.at).getTime() + 4 * 3600000);
      local.setUTCDate(local.getUTCDate() + n);
      return `${local.toISOString().slice(0, 10)}T05:00:00.000Z`;
    };
    expect(new Date(rows[0].dueAt).toISOString()).toBe(day(7));
    expect(new Date(rows[1].dueAt).toISOString()).toBe(day(10));
    for (const r of rows) {
      const job = await queue().getJob(`reminder-${r.id}`);
      expect(job).toBeDefined();
      expect(job!.data).toEqual({ reminderId: r.id }); // ids only, no personal data
      expect(await job!.getState()).toBe('delayed');
    }
  });

  it('leaving matching cancels its pending reminders and removes their jobs; re-entering creates fresh ones', async () => {
    const site = await f.structure();
    const c = await f.case(amb, { proposedSites: [site.documentId] });
    await f.setState('api::case.case', c.documentId, 'visits');
    await move(c.documentId, 'matching');
    await scheduler().idle();
    const first = await reminders({ subjectDocumentId: c.documentId });
    expect(first).toHaveLength(2);
    await move(c.documentId, 'visits');
    await scheduler().idle();
    const cancelled = await reminders({ subjectDocumentId: c.documentId });
    expect(cancelled.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    for (const r of first) expect(await queue().getJob(`reminder-${r.id}`)).toBeUndefined();
    await move(c.documentId, 'matching');
    await scheduler().idle();
    const all = await reminders({ subjectDocumentId: c.documentId });
    expect(all.filter((r) => r.status === 'scheduled').map((r) => r.rule)).toEqual(['case.matching.warning', 'case.matching.overdue']);
    expect(all).toHaveLength(4);
  });
});

describe('back-dated data', () => {
  it('installing a case with an installation date 13 months ago sends the three follow-ups at once, each exactly once, to the ambassador', async () => {
    const c = await f.case(amb, {
      newcomerFirstName: 'Léonie',
      newcomerLastName: 'Payet',
      profession: 'midwife',
      installedAt: monthsAgo(13),
      installationCommune: 'Le Tampon',
    });
    await f.setState('api::case.case', c.documentId, 'visits');
    expect((await move(c.documentId, 'installed')).status).toBe(200);
    await scheduler().idle();
    const rows = await waitFor(
      () => reminders({ subjectDocumentId: c.documentId, rule: { $startsWith: 'case.follow_up.' } }),
      (rs) => rs.length === 3 && rs.every((r) => r.status === 'sent')
    );
    expect(rows.map((r) => r.rule)).toEqual(['case.follow_up.m3', 'case.follow_up.m6', 'case.follow_up.m12']);
    const mails = mailsTo(amb.email).filter((m) => /suivi/i.test(subjectOf(m.raw)));
    expect(mails.map((m) => subjectOf(m.raw)).sort()).toEqual([
      'Appel de suivi à 12 mois : Léonie Payet (sage-femme)',
      'Appel de suivi à 3 mois : Léonie Payet (sage-femme)',
      'Appel de suivi à 6 mois : Léonie Payet (sage-femme)',
    ]);
    // the coordination in copy, the body with the useful facts and a link to the case
    for (const m of mails) {
      expect(m.to).toEqual(expect.arrayContaining([amb.email, 'coordination@example.test']));
      expect(m.raw).toMatch(/Le Tampon/);
      expect(m.raw).toContain(c.documentId);
    }
    // nothing more arrives later: exactly once
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(amb.email).filter((m) => /suivi/i.test(subjectOf(m.raw)))).toHaveLength(3);
  });

  it('moves the pending follow-ups when the installation date is edited', async () => {
    const c = await f.case(amb, { installedAt: monthsAgo(0), installationCommune: 'Saint-Pierre' });
    await f.setState('api::case.case', c.documentId, 'visits');
    await move(c.documentId, 'installed');
    await scheduler().idle();
    const before = await reminders({ subjectDocumentId: c.documentId, rule: 'case.follow_up.m12' });
    // corrected to an earlier date (an installed case's date cannot be in the future)
    const edited = await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { installedAt: monthsAgo(2) } });
    expect(edited.status).toBe(200);
    const after = await reminders({ subjectDocumentId: c.documentId, rule: 'case.follow_up.m12' });
    expect(new Date(before[0].dueAt).getTime() - new Date(after[0].dueAt).getTime()).toBeGreaterThan(30 * 86400000);
    expect(after[0].status).toBe('scheduled');
  });
});

describe('the worker skips what became obsolete', () => {
  it('a follow-up already recorded, or a case that left the state, is skipped with the reason', async () => {
    const c = await f.case(amb, {
      installedAt: monthsAgo(4),
      installationCommune: 'Saint-Pierre',
      followUps: [{ milestone: 'm3', doneAt: monthsAgo(1) }],
    });
    await f.setState('api::case.case', c.documentId, 'visits');
    await move(c.documentId, 'installed');
    await scheduler().idle();
    const m3 = await waitFor(
      () => reminders({ subjectDocumentId: c.documentId, rule: 'case.follow_up.m3' }),
      (rs) => rs[0]?.status === 'skipped'
    );
    expect(m3[0].lastError).toMatch(/m3 follow-up is already recorded/);
  });
});

describe('SMTP failures', () => {
  it('451 three times then accepted: delivered once after retries', async () => {
    smtp.failNext(3, 451, 'Try again later');
    const c = await f.case(amb);
    await f.setState('api::case.case', c.documentId, 'on_hold');
    await app.strapi.db.query('api::case.case').updateMany({ where: { documentId: c.documentId }, data: { resumeOn: monthsAgo(1) } });
    const [row] = await scheduler().createForState('api::case.case', c.documentId, 'on_hold', new Date());
    const sent = await waitFor(() => reminders({ id: row.id }), (rs) => rs[0].status === 'sent');
    expect(sent[0].attempts).toBe(4);
    expect(smtp.messages.filter((m) => m.raw.includes(`reminder-${row.id}@ancrage`))).toHaveLength(1);
  });

  it('550 on the recipient: failed at once, no retry, the error kept', async () => {
    smtp.failNext(1, 550, 'No such user');
    const c = await f.case(amb);
    await f.setState('api::case.case', c.documentId, 'on_hold');
    await app.strapi.db.query('api::case.case').updateMany({ where: { documentId: c.documentId }, data: { resumeOn: monthsAgo(1) } });
    const [row] = await scheduler().createForState('api::case.case', c.documentId, 'on_hold', new Date());
    const failed = await waitFor(() => reminders({ id: row.id }), (rs) => rs[0].status === 'failed');
    expect(failed[0].attempts).toBe(1);
    expect(failed[0].lastError).toMatch(/550/);
    await new Promise((r) => setTimeout(r, 300));
    expect((await reminders({ id: row.id }))[0].attempts).toBe(1);
  });

  it('an ambassador without an e-mail address: failed with a clear reason, never dropped', async () => {
    const c = await f.case(amb);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: amb.id }, data: { email: '' } });
    try {
      await f.setState('api::case.case', c.documentId, 'on_hold');
      await app.strapi.db.query('api::case.case').updateMany({ where: { documentId: c.documentId }, data: { resumeOn: monthsAgo(1) } });
      // on_hold.resume goes to the coordination with the ambassador in copy: make a row for the ambassador only
      const row = await app.strapi.db.query('plugin::reminders.reminder').create({
        data: { rule: 'case.follow_up.m3', template: 'case.follow_up.m3', subjectUid: 'api::case.case', subjectDocumentId: c.documentId, subjectState: 'on_hold', recipient: 'assignedAmbassador', copyTo: [], dueAt: new Date(), status: 'scheduled', attempts: 0, dedupeKey: `test-noaddress-${c.documentId}` },
      });
      await app.strapi.plugin('reminders').service('queue').enqueue(row);
      const failed = await waitFor(() => reminders({ id: row.id }), (rs) => rs[0].status === 'failed');
      expect(failed[0].lastError).toMatch(/no e-mail address for the recipient \(assignedAmbassador\)/);
    } finally {
      await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: amb.id }, data: { email: amb.email } });
    }
  });
});

describe('durability', () => {
  /** n rows on one installed case, due in `inMs`, each with its own dedupe key. */
  const manyRows = async (n: number, inMs: number, tag: string) => {
    const c = await f.case(amb, { installedAt: monthsAgo(0), installationCommune: 'Saint-Pierre' });
    await f.setState('api::case.case', c.documentId, 'installed');
    const due = new Date(Date.now() + inMs);
    const created = [];
    for (let i = 0; i < n; i += 1) {
      created.push(
        await app.strapi.db.query('plugin::reminders.reminder').create({
          data: { rule: 'case.follow_up.m3', template: 'case.follow_up.m3', subjectUid: 'api::case.case', subjectDocumentId: c.documentId, subjectState: 'installed', recipient: 'assignedAmbassador', copyTo: [], dueAt: due, status: 'scheduled', attempts: 0, dedupeKey: `${tag}-${c.documentId}-${i}` },
        })
      );
    }
    return created;
  };
  const delivered = (ids: number[]) => {
    const wanted = new Set(ids.map((id) => `reminder-${id}@ancrage`));
    const seen = smtp.messages.map((m) => /Message-ID: <([^>]+)>/i.exec(m.raw)?.[1]).filter((x): x is string => !!x && wanted.has(x));
    return { total: seen.length, distinct: new Set(seen).size };
  };

  it('Redis flushed while 100 reminders are pending: the reconcile re-creates the jobs, all 100 delivered, none twice', async () => {
    // due in a few seconds, so that they are still pending when Redis loses them, even on a busy machine
    const rows = await manyRows(100, 8000, 'flush');
    const q = app.strapi.plugin('reminders').service('queue');
    expect(await q.enqueueMany(rows)).toBe(100);
    // lose every job: delete the file's keys in Redis
    const prefix = process.env.REDIS_PREFIX!;
    const keys = await redis.keys(`${prefix}:reminders:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    expect(await queue().getJob(`reminder-${rows[0].id}`)).toBeUndefined();
    const pending = await app.strapi.db.query('plugin::reminders.reminder').count({ where: { id: { $in: rows.map((r) => r.id) }, status: 'scheduled' } });
    expect(pending).toBe(100);
    expect(await scheduler().reconcile()).toBeGreaterThanOrEqual(100);
    const ids = rows.map((r) => r.id);
    await waitFor(async () => delivered(ids), (d) => d.distinct === 100, 60000);
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered(ids)).toEqual({ total: 100, distinct: 100 });
    const after = await reminders({ id: { $in: ids } });
    expect(after.every((r) => r.status === 'sent')).toBe(true);
  });

  it('two workers on one queue: each of 500 due reminders delivered exactly once', async () => {
    const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const second = new Worker('reminders', (job) => app.strapi.plugin('reminders').service('sender').process(job), {
      connection,
      prefix: process.env.REDIS_PREFIX!,
      concurrency: 10,
    });
    try {
      const rows = await manyRows(500, 0, 'two-workers');
      const q = app.strapi.plugin('reminders').service('queue');
      await Promise.all(rows.map((r) => q.enqueue(r)));
      const ids = rows.map((r) => r.id);
      await waitFor(async () => delivered(ids), (d) => d.distinct === 500, 60000);
      await new Promise((r) => setTimeout(r, 500));
      expect(delivered(ids)).toEqual({ total: 500, distinct: 500 });
      const after = await reminders({ id: { $in: ids } });
      expect(after.filter((r) => r.status === 'sent')).toHaveLength(500);
    } finally {
      await second.close();
      await connection.quit();
    }
  });
});

describe('GET /api/reminders', () => {
  it('the coordinator filters by document; an ambassador sees only their own cases; the public nothing', async () => {
    const mine = await f.case(amb);
    const other = await f.ambassador('active');
    const theirs = await f.case(other);
    for (const c of [mine, theirs]) await f.setState('api::case.case', c.documentId, 'matching');
    await scheduler().createForState('api::case.case', mine.documentId, 'matching', new Date(Date.now() + 86400000));
    await scheduler().createForState('api::case.case', theirs.documentId, 'matching', new Date(Date.now() + 86400000));

    const coord = await app.http().get(`/api/reminders?filters[subjectDocumentId]=${theirs.documentId}`).set(coordinator);
    expect(coord.status).toBe(200);
    expect(coord.body.data.map((r: any) => r.rule)).toEqual(['case.matching.warning', 'case.matching.overdue']);
    expect(coord.body.data[0]).toEqual(
      expect.objectContaining({ subjectUid: 'api::case.case', subjectDocumentId: theirs.documentId, recipient: 'coordinator', status: 'scheduled', attempts: 0 })
    );
    expect(JSON.stringify(coord.body)).not.toMatch(/@example/);

    const own = await app.http().get(`/api/reminders?filters[subjectDocumentId]=${theirs.documentId}`).set(bearer(amb.jwt));
    expect(own.body.data).toEqual([]);
    const ownCase = await app.http().get(`/api/reminders?filters[subjectDocumentId]=${mine.documentId}`).set(bearer(amb.jwt));
    expect(ownCase.body.data.map((r: any) => r.rule)).toEqual(['case.matching.warning', 'case.matching.overdue']);
    const ownAll = await app.http().get('/api/reminders?pageSize=200&status=scheduled').set(bearer(amb.jwt));
    expect(ownAll.body.meta.pagination.total).toBeGreaterThan(0);
    expect(new Set(ownAll.body.data.map((r: any) => r.subjectDocumentId))).not.toContain(theirs.documentId);

    expect((await app.http().get('/api/reminders')).status).toBe(403);
    const bad = await app.http().get('/api/reminders?status=lost').set(coordinator);
    expect(bad.status).toBe(400);
  });
});

describe('recurring reminders', () => {
  it('registers the three job schedulers in the CPTS timezone, idempotently', async () => {
    const q = app.strapi.plugin('reminders').service('queue');
    await q.upsertSchedulers('Indian/Reunion');
    await q.upsertSchedulers('Indian/Reunion');
    const schedulers = await queue().getJobSchedulers();
    const byId = Object.fromEntries(schedulers.map((s: any) => [s.key ?? s.id, s]));
    expect(Object.keys(byId).sort()).toEqual(['reminders-monthly-time-declaration', 'reminders-reconcile', 'reminders-weekly-digest']);
    expect(byId['reminders-monthly-time-declaration']).toEqual(expect.objectContaining({ pattern: '0 9 1 * *', tz: 'Indian/Reunion' }));
    expect(byId['reminders-weekly-digest']).toEqual(expect.objectContaining({ pattern: '0 8 * * 1', tz: 'Indian/Reunion' }));
    expect(byId['reminders-reconcile']).toEqual(expect.objectContaining({ pattern: '*/5 * * * *' }));
  });

  it('the 1st of the month: one reminder per active ambassador, once per month', async () => {
    const first = await scheduler().createMonthlyTimeReminders(new Date());
    const again = await scheduler().createMonthlyTimeReminders(new Date(Date.now() + 1000));
    expect(again.map((r: any) => r.id).sort()).toEqual(first.map((r: any) => r.id).sort());
    const active = await app.strapi.db.query('api::ambassador.ambassador').count({ where: { state: 'active' } });
    expect(first).toHaveLength(active);
    await waitFor(() => reminders({ id: first[0].id }), (rs) => rs[0].status === 'sent');
    expect(smtp.messages.some((m) => /Déclarez votre temps/.test(subjectOf(m.raw)))).toBe(true);
  });

  it('Monday: the coordination gets one digest with the overdue matchings and the time sheets to validate', async () => {
    const late = await f.case(amb, { newcomerFirstName: 'Noé', newcomerLastName: 'Retard' });
    await f.setState('api::case.case', late.documentId, 'matching');
    await app.strapi.db.query('plugin::reminders.reminder').create({
      data: { rule: 'case.matching.overdue', template: 'case.matching.overdue', subjectUid: 'api::case.case', subjectDocumentId: late.documentId, subjectState: 'matching', recipient: 'coordinator', copyTo: [], dueAt: new Date(Date.now() - 3 * 86400000), status: 'sent', attempts: 1, dedupeKey: `digest-late-${late.documentId}` },
    });
    const td = await f.timeDeclaration(amb, { hours: 6 });
    await f.setState('api::time-declaration.time-declaration', td.documentId, 'submitted');
    const row = await scheduler().createWeeklyDigest(new Date());
    expect((await scheduler().createWeeklyDigest(new Date())).id).toBe(row.id);
    await waitFor(() => reminders({ id: row.id }), (rs) => rs[0].status === 'sent');
    const mail = smtp.messages.find((m) => m.raw.includes(`reminder-${row.id}@ancrage`))!;
    expect(mail.to).toEqual(['coordination@example.test']);
    expect(subjectOf(mail.raw)).toBe('CPTS Sud Test : le point de la semaine');
    const body = bodyOf(mail.raw);
    expect(body).toMatch(/Retard — 13 jours/);
    expect(body).toMatch(/6 h/);
  });
});


/**
 * The satisfaction questionnaire end to end, with real Redis (BullMQ) and a real SMTP capture:
 * one e-mail per case whichever trigger comes first, the 14-day reminder, the signed link's
 * failure modes (nothing stored), single use under concurrency, the rate limit.
 */
import IORedis from 'ioredis';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { startSmtpServer } from '../helpers/smtp';
import { questionnaireLinkOf, subjectOf } from '../helpers/mail';
import { satisfactionSecret, signToken } from '../../src/api/satisfaction/services/token';

let app: TestApp;
let f: ReturnType<typeof make>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let coordinator: Record<string, string>;
let amb: TestUser;
let redis: IORedis;

const CASE = 'api::case.case';
const RESPONSE = 'api::satisfaction-response.satisfaction-response';

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
const service = () => app.strapi.service('api::satisfaction.satisfaction' as any) as any;
const move = (documentId: string, to: string) => app.http().post(`/api/cases/${documentId}/transitions`).set(coordinator).send({ to });
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const responsesOf = (documentId: string) => app.strapi.db.query(RESPONSE).count({ where: { case: { documentId } } });
const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};
const today = () => new Date().toISOString().slice(0, 10);
const settle = () => new Promise((r) => setTimeout(r, 600));
/** A valid answer set for the default questions. */
const ANSWERS = { welcome: 5, guidance: 4, network: 3, administrative: 4, recommend: true };

/** An installed case with the 12-month follow-up done, so that it may be closed. */
const installedCase = async (data: Record<string, unknown> = {}) => {
  const c = await f.case(amb, {
    installedAt: monthsAgo(7),
    installationCommune: 'Le Tampon',
    followUps: [{ milestone: 'm12', doneAt: today() }, { milestone: 'm3', doneAt: today() }, { milestone: 'm6', doneAt: today() }],
    ...data,
  });
  await f.setState(CASE, c.documentId, 'visits');
  return c;
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await bootStrapi({
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    MAIL_FROM: 'Ancrage <relances@example.test>',
    REMINDERS_BACKOFF_MS: '20',
  });
  f = make(app);
  redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  amb = await f.ambassador('active');
  const settings = await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst();
  await app.strapi.documents('api::cpts-setting.cpts-setting').update({
    documentId: settings!.documentId,
    data: { name: 'CPTS Sud Test' } as any,
  });
});

afterAll(async () => {
  await app.destroy();
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
  service().resetRateLimit();
});

describe('default questions', () => {
  it('the CPTS settings hold the five default questions after the first boot', async () => {
    const s = (await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst({ populate: ['satisfactionQuestions'] } as any)) as any;
    expect(s.satisfactionQuestions.map((q: any) => [q.key, q.kind, q.required])).toEqual([
      ['welcome', 'scale_1_5', true],
      ['guidance', 'scale_1_5', true],
      ['network', 'scale_1_5', true],
      ['administrative', 'scale_1_5', true],
      ['recommend', 'yes_no', true],
    ]);
  });
});

describe('the e-mail goes out once per case', () => {
  it('installed with an installation date 7 months ago: sent at once; closing afterwards sends nothing more', async () => {
    const c = await installedCase({ newcomerFirstName: 'Léonie', newcomerEmail: 'leonie@example.org' });
    expect((await move(c.documentId, 'installed')).status).toBe(200);
    await scheduler().idle();
    await waitFor(() => reminders({ subjectDocumentId: c.documentId, rule: 'case.satisfaction' }), (rs) => rs.length === 1 && rs[0].status === 'sent');
    const mails = mailsTo('leonie@example.org');
    expect(mails).toHaveLength(1);
    expect(subjectOf(mails[0].raw)).toBe('CPTS Sud Test : votre avis sur votre accompagnement');
    const { url, token } = questionnaireLinkOf(mails[0].raw);
    expect(url.startsWith('http://localhost:1337/questionnaire/#')).toBe(true);
    expect((await app.http().get(`/api/satisfaction/${token}`)).status).toBe(200);

    expect((await move(c.documentId, 'closed')).status).toBe(200);
    await scheduler().idle();
    const rows = await waitFor(
      () => reminders({ subjectDocumentId: c.documentId, rule: 'case.satisfaction' }),
      (rs) => rs.length === 2 && rs[1].status !== 'scheduled'
    );
    expect(rows[1]).toEqual(expect.objectContaining({ dedupeKey: `case.satisfaction|${c.documentId}|once`, status: 'skipped', lastError: 'the satisfaction questionnaire was already sent for this case' }));
    await settle();
    expect(mailsTo('leonie@example.org')).toHaveLength(1);
  });

  it('closed (installed recently): one e-mail at once; the 6-month timer is cancelled with the state', async () => {
    const c = await installedCase({ installedAt: monthsAgo(1), newcomerEmail: 'closed@example.org' });
    await move(c.documentId, 'installed');
    await scheduler().idle();
    expect((await move(c.documentId, 'closed')).status).toBe(200);
    await scheduler().idle();
    const rows = await waitFor(() => reminders({ subjectDocumentId: c.documentId, rule: 'case.satisfaction' }), (rs) => rs.some((r) => r.status === 'sent'));
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'sent']);
    await settle();
    expect(mailsTo('closed@example.org')).toHaveLength(1);
  });

  it('abandoned after an interview: one e-mail; abandoned without an interview: none', async () => {
    const after = await f.case(amb, { newcomerEmail: 'after-interview@example.org', abandonReason: 'Installé ailleurs' });
    // the history records an entry into `interview` (as a real transition would have written it)
    await app.strapi.db.query('plugin::workflow.transition').create({
      data: { workflow: 'case', subjectUid: CASE, subjectDocumentId: after.documentId, from: 'first_contact', to: 'interview', at: new Date(), actorKind: 'system' },
    });
    await f.setState(CASE, after.documentId, 'matching');
    const before = await f.case(amb, { newcomerEmail: 'no-interview@example.org', abandonReason: 'Pas de réponse' });
    await f.setState(CASE, before.documentId, 'first_contact');

    expect((await move(after.documentId, 'abandoned')).status).toBe(200);
    expect((await move(before.documentId, 'abandoned')).status).toBe(200);
    await scheduler().idle();
    await waitFor(() => reminders({ subjectDocumentId: after.documentId, rule: 'case.satisfaction' }), (rs) => rs.length === 1 && rs[0].status === 'sent');
    await settle();
    expect(mailsTo('after-interview@example.org')).toHaveLength(1);
    expect(await reminders({ subjectDocumentId: before.documentId, rule: { $startsWith: 'case.satisfaction' } })).toEqual([]);
    expect(mailsTo('no-interview@example.org')).toHaveLength(0);
  });

  it('one reminder 14 days after the first e-mail if unanswered; skipped once answered', async () => {
    const make2 = async (email: string) => {
      const c = await installedCase({ newcomerEmail: email, newcomerFirstName: 'Rémi' });
      await move(c.documentId, 'installed');
      await scheduler().idle();
      const [first] = await waitFor(() => reminders({ subjectDocumentId: c.documentId, rule: 'case.satisfaction' }), (rs) => rs[0]?.status === 'sent');
      const [reminder] = await reminders({ subjectDocumentId: c.documentId, rule: 'case.satisfaction.reminder' });
      expect(reminder.status).toBe('scheduled');
      expect(new Date(reminder.dueAt).getTime() - new Date(first.sentAt).getTime()).toBe(14 * 86400000);
      return { c, reminder };
    };
    const unanswered = await make2('unanswered@example.org');
    const answered = await make2('answered@example.org');
    await f.satisfactionResponse(answered.c.documentId);
    smtp.messages.length = 0;
    // the 14 days have passed
    const queue = app.strapi.plugin('reminders').service('queue');
    for (const r of [unanswered.reminder, answered.reminder]) {
      await app.strapi.db.query('plugin::reminders.reminder').update({ where: { id: r.id }, data: { dueAt: new Date(Date.now() - 1000) } });
      await queue.remove(r.id);
      await queue.enqueue({ id: r.id, dueAt: new Date() });
    }
    await waitFor(() => reminders({ id: { $in: [unanswered.reminder.id, answered.reminder.id] } }), (rs) => rs.every((r) => r.status !== 'scheduled'));
    const [u, a] = await reminders({ id: { $in: [unanswered.reminder.id, answered.reminder.id] } });
    expect(u.status).toBe('sent');
    expect(a).toEqual(expect.objectContaining({ status: 'skipped', lastError: 'the newcomer already answered the satisfaction questionnaire' }));
    const mails = mailsTo('unanswered@example.org');
    expect(mails).toHaveLength(1);
    expect(subjectOf(mails[0].raw)).toBe('CPTS Sud Test : il est encore temps de donner votre avis');
    expect((await app.http().get(`/api/satisfaction/${questionnaireLinkOf(mails[0].raw).token}`)).status).toBe(200);
    expect(mailsTo('answered@example.org')).toHaveLength(0);
    // no third mail: the reminder does not create another reminder
    expect(await reminders({ subjectDocumentId: unanswered.c.documentId, rule: { $startsWith: 'case.satisfaction' } })).toHaveLength(2);
  });
});

describe('the questionnaire endpoints', () => {
  it('GET answers the CPTS name, the first name and the questions', async () => {
    const c = await f.case(amb, { newcomerFirstName: 'Maëlle' });
    const res = await app.http().get(`/api/satisfaction/${signToken(c.documentId, satisfactionSecret())}`);
    expect(res.status).toBe(200);
    expect(res.body.data.cpts).toBe('CPTS Sud Test');
    expect(res.body.data.firstName).toBe('Maëlle');
    expect(res.body.data.questions).toHaveLength(5);
    expect(res.body.data.questions[0]).toEqual({ key: 'welcome', label: expect.stringMatching(/accueil/), kind: 'scale_1_5', required: true });
    expect(JSON.stringify(res.body)).not.toMatch(/@example/);
  });

  it('every failure mode answers its status and stores nothing', async () => {
    const c = await f.case(amb);
    const token = signToken(c.documentId, satisfactionSecret());
    const [body, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ c: c.documentId, e: 9999999999, n: 'x' })).toString('base64url')}.${sig}`;
    const expired = signToken(c.documentId, satisfactionSecret(), { now: new Date(Date.now() - 61 * 86400000) });
    const otherKey = signToken(c.documentId, 'not-the-server-secret');
    const unknownCase = signToken('no-such-case-documentid', satisfactionSecret());
    const valid = { score: 4, answers: ANSWERS, comment: 'Merci' };
    const cases: Array<[string, string, unknown, number, RegExp?]> = [
      ['forged payload', forged, valid, 400],
      ['another key', otherKey, valid, 400],
      ['truncated signature', `${body}.${sig.slice(0, 20)}`, valid, 400],
      ['malformed', 'not-a-token', valid, 400],
      ['unknown case', unknownCase, valid, 400],
      ['expired', expired, valid, 410],
      ['score out of range', token, { ...valid, score: 6 }, 400, /^score/],
      ['score missing', token, { answers: ANSWERS }, 400, /^score/],
      ['unknown answer', token, { ...valid, answers: { ...ANSWERS, colour: 'bleu' } }, 400, /answers/],
      ['required answer missing', token, { ...valid, answers: { ...ANSWERS, welcome: undefined } }, 400, /^answers\.welcome/],
      ['wrong answer kind', token, { ...valid, answers: { ...ANSWERS, recommend: 'oui' } }, 400, /^answers\.recommend/],
      ['scale answer out of range', token, { ...valid, answers: { ...ANSWERS, network: 0 } }, 400, /^answers\.network/],
      ['unknown top-level key', token, { ...valid, extra: 1 }, 400],
      ['comment too long', token, { ...valid, comment: 'x'.repeat(5001) }, 400, /^comment/],
    ];
    for (const [what, t, payload, status, message] of cases) {
      const res = await app.http().post(`/api/satisfaction/${t}`).send(payload as object);
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body.data).toBeNull();
      expect(res.body.error.status).toBe(status);
      if (message) expect(res.body.error.message).toMatch(message);
      if (['forged payload', 'malformed', 'expired'].includes(what)) expect((await app.http().get(`/api/satisfaction/${t}`)).status).toBe(status);
    }
    expect(await responsesOf(c.documentId)).toBe(0);
  });

  it('a valid submission stores one response linked to the case; the link is then used (409)', async () => {
    const c = await f.case(amb);
    const token = signToken(c.documentId, satisfactionSecret());
    const before = Date.now();
    const res = await app.http().post(`/api/satisfaction/${token}`).send({ score: 5, answers: ANSWERS, comment: 'Très bon accueil' });
    expect(res.status).toBe(201);
    const stored = await app.strapi.db.query(RESPONSE).findOne({ where: { case: { documentId: c.documentId } }, populate: ['case'] });
    expect(stored).toEqual(expect.objectContaining({ score: 5, answers: ANSWERS, comment: 'Très bon accueil' }));
    expect(stored.case.documentId).toBe(c.documentId);
    expect(new Date(stored.submittedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const again = await app.http().post(`/api/satisfaction/${token}`).send({ score: 1, answers: ANSWERS });
    expect(again.status).toBe(409);
    expect((await app.http().get(`/api/satisfaction/${token}`)).status).toBe(409);
    // another link of the same case is used too
    expect((await app.http().post(`/api/satisfaction/${signToken(c.documentId, satisfactionSecret())}`).send({ score: 2, answers: ANSWERS })).status).toBe(409);
    expect(await responsesOf(c.documentId)).toBe(1);
  });

  it('single use holds under concurrency (unique key on the case)', async () => {
    const c = await f.case(amb);
    const tokens = Array.from({ length: 6 }, () => signToken(c.documentId, satisfactionSecret()));
    const results = await Promise.all(tokens.map((t, i) => app.http().post(`/api/satisfaction/${t}`).send({ score: 1 + (i % 5), answers: ANSWERS })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await responsesOf(c.documentId)).toBe(1);
  });

  it('is rate-limited per IP: 429 after 30 requests in 10 minutes', async () => {
    for (let i = 0; i < 30; i += 1) expect((await app.http().get('/api/satisfaction/malformed')).status).toBe(400);
    const res = await app.http().get('/api/satisfaction/malformed');
    expect(res.status).toBe(429);
    expect(res.body.error.name).toBe('RateLimitError');
    const c = await f.case(amb);
    expect((await app.http().post(`/api/satisfaction/${signToken(c.documentId, satisfactionSecret())}`).send({ score: 5, answers: ANSWERS })).status).toBe(429);
    expect(await responsesOf(c.documentId)).toBe(0);
  });
});

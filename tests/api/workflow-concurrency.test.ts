/**
 * Concurrent transitions of one document: exactly one wins and the others get 409, also when
 * the transition goes back to the same state (a mandate renewal) and when the callers do not
 * say which state they acted on; sequential transitions, self-loops included, keep working.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createUser, type TestUser } from '../helpers/actors';
import { expectError, make } from '../helpers/fixtures';
import { burst } from '../helpers/burst';

let app: TestApp;
let f: ReturnType<typeof make>;
let coordinator: Record<string, string>;
let amb: TestUser;

const AMBASSADOR = 'api::ambassador.ambassador';
const shift = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  amb = await f.ambassador('active');
});

afterAll(async () => {
  await app.strapi.plugin('reminders').service('scheduler').idle();
  await app.destroy();
});

const renew = (documentId: string, body: Record<string, unknown> = { to: 'active', expectedState: 'active' }) =>
  app.http().post(`/api/ambassadors/${documentId}/transitions`).set(coordinator).send(body);
const moveCase = (documentId: string, body: Record<string, unknown>) =>
  app.http().post(`/api/cases/${documentId}/transitions`).set(coordinator).send(body);
const historyOf = (documentId: string) =>
  app.strapi.db.query('plugin::workflow.transition').findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } }) as Promise<any[]>;
const mandateEnd = async (documentId: string) =>
  String(((await app.strapi.db.query(AMBASSADOR).findOne({ where: { documentId } })) as any).mandateEnd).slice(0, 10);

/** An active ambassador whose mandate started 11 months ago and ends next month. */
const activeMandate = async () => {
  const a = await f.ambassador('active');
  const start = shift(today(), -11);
  await app.strapi.documents(AMBASSADOR).update({ documentId: a.ambassadorDocumentId!, data: { mandateStart: start, mandateEnd: shift(start, 12) } as any });
  return { documentId: a.ambassadorDocumentId!, end: shift(start, 12) };
};

describe('a mandate renewed five times at once', () => {
  it('is renewed once: one 200, four 409, the end moved one year, one set of reminder rows', async () => {
    const { documentId, end } = await activeMandate();
    const results = await burst(
      app,
      Array.from({ length: 5 }, () => ({
        method: 'POST',
        path: `/api/ambassadors/${documentId}/transitions`,
        headers: coordinator,
        body: { to: 'active', expectedState: 'active' },
      }))
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    for (const loser of results.filter((r) => r.status === 409)) {
      expectError(loser.body, 409, 'ConflictError');
      expect(loser.body.error.message).toBe('Another transition changed this document first');
    }
    expect(await mandateEnd(documentId)).toBe(shift(end, 12));
    expect((await historyOf(documentId)).map((h) => `${h.from}→${h.to}`)).toEqual(['active→active']);

    await app.strapi.plugin('reminders').service('scheduler').idle();
    const rows = (await app.strapi.db.query('plugin::reminders.reminder').findMany({ where: { subjectDocumentId: documentId } })) as any[];
    expect(rows.filter((r) => r.rule === 'ambassador.renewal')).toHaveLength(1);
    expect(rows.filter((r) => r.rule === 'ambassador.mid_term_review')).toHaveLength(1);
  });

  it('renewed again and again, one request after the other: each renewal counts', async () => {
    const { documentId, end } = await activeMandate();
    expect((await renew(documentId)).status).toBe(200);
    expect((await renew(documentId, { to: 'active' })).status).toBe(200);
    const third = await renew(documentId);
    expect(third.status).toBe(200);
    expect(third.body.data.mandateEnd).toBe(shift(end, 36));
    expect(await historyOf(documentId)).toHaveLength(3);
    // each row was left when the next one was written
    const rows = await historyOf(documentId);
    expect(rows.slice(0, 2).every((r, i) => new Date(r.leftAt).getTime() === new Date(rows[i + 1].at).getTime())).toBe(true);
    expect(rows[2].leftAt).toBeNull();
  });
});

describe('20 concurrent transitions of a case without expectedState', () => {
  it('one wins, the nineteen others get 409 (not 400)', async () => {
    // sent by clients of their own, all at once (see helpers/burst.ts)
    const c = await f.case(amb);
    const results = await burst(
      app,
      Array.from({ length: 20 }, () => ({ method: 'POST', path: `/api/cases/${c.documentId}/transitions`, headers: coordinator, body: { to: 'first_contact' } }))
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const loser of results.filter((r) => r.status === 409)) expectError(loser.body, 409, 'ConflictError');
    expect(await historyOf(c.documentId)).toHaveLength(1);
  });

  it('a request for the state the document is already in answers 409 "already in state"', async () => {
    const c = await f.case(amb);
    expect((await moveCase(c.documentId, { to: 'first_contact' })).status).toBe(200);
    const again = await moveCase(c.documentId, { to: 'first_contact' });
    expectError(again.body, 409, 'ConflictError');
    expect(again.body.error.message).toBe('The document is already in state "first_contact"');
    expect(again.body.error.details).toMatchObject({ state: 'first_contact' });
    // a transition that does not exist from the current state is still a 400
    const unknown = await moveCase(c.documentId, { to: 'closed' });
    expectError(unknown.body, 400, 'ValidationError');
  });

  it('sequential transitions of a case keep working, each after the previous answer', async () => {
    const c = await f.case(amb, { actions: [{ kind: 'call', date: today(), summary: 'Premier appel', minutes: 15 }] });
    expect((await moveCase(c.documentId, { to: 'first_contact' })).status).toBe(200);
    expect((await moveCase(c.documentId, { to: 'interview' })).status).toBe(200);
    expect((await historyOf(c.documentId)).map((h) => h.to)).toEqual(['first_contact', 'interview']);
  });
});

describe('transitions taken by code, without a request', () => {
  it('concurrent calls of the service: one wins, the others are ConflictErrors', async () => {
    const { documentId, end } = await activeMandate();
    const service = app.strapi.plugin('workflow').service('transitions');
    const system = app.strapi.plugin('workflow').service('actors').system();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => service.transition(AMBASSADOR, documentId, { to: 'active', expectedState: 'active' }, system))
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected.map((o) => o.reason.name)).toEqual(['ConflictError', 'ConflictError', 'ConflictError']);
    expect(await mandateEnd(documentId)).toBe(shift(end, 12));
  });
});

/**
 * The columns the indicator queries read instead of joins, kept by the app on every write path:
 * the time a history row's state was left (`leftAt`, set by the next transition) and a case's
 * first recorded date of each follow-up milestone (set whenever its follow-ups are written).
 * Also the one-time fill of rows written before the columns existed.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAmbassador, createUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';

let app: TestApp;
let coordinator: ReturnType<typeof bearer>;

const TRANSITION = 'plugin::workflow.transition';
const CASE = 'api::case.case';

const historyOf = (documentId: string) =>
  app.strapi.db.query(TRANSITION as any).findMany({ where: { subjectDocumentId: documentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }) as Promise<Array<Record<string, any>>>;
const followUpDates = async (documentId: string) => {
  const row = (await app.strapi.db.query(CASE as any).findOne({ where: { documentId } })) as Record<string, unknown>;
  return { m3: row.followUpM3DoneAt ?? null, m6: row.followUpM6DoneAt ?? null, m12: row.followUpM12DoneAt ?? null };
};
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

beforeAll(async () => {
  app = await bootStrapi();
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
});

afterAll(async () => {
  await app?.destroy();
});

describe('leftAt on the workflow history', () => {
  test('each transition closes the row of the state it leaves, at its own time', async () => {
    const amb = await createAmbassador(app, 'trained');
    const id = amb.ambassadorDocumentId!;
    for (const to of ['active', 'notice', 'ended']) {
      const res = await app.http().post(`/api/ambassadors/${id}/transitions`).set(coordinator).send({ to });
      expect(res.status).toBe(200);
    }
    const rows = await historyOf(id);
    expect(rows.map((r) => r.to)).toEqual(['active', 'notice', 'ended']);
    expect(iso(rows[0]!.leftAt)).toBe(iso(rows[1]!.at));
    expect(iso(rows[1]!.leftAt)).toBe(iso(rows[2]!.at));
    expect(rows[2]!.leftAt).toBeNull();
  });

  test('a refused transition leaves the open row open', async () => {
    const f = make(app);
    const c = await f.case(null);
    await f.setState(CASE, c.documentId, 'visits');
    expect((await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'matching' })).status).toBe(200);
    // abandoning needs a reason: 400, nothing written
    const refused = await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'abandoned' });
    expect(refused.status).toBe(400);
    const rows = await historyOf(c.documentId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.leftAt).toBeNull();
  });

  test('a case that left matching at once counts as on time in the indicators', async () => {
    const f = make(app);
    const c = await f.case(null, { abandonReason: 'Projet reporté' });
    await f.setState(CASE, c.documentId, 'visits');
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Indian/Reunion', year: 'numeric' }).format(new Date());
    const before = (await app.http().get(`/api/indicators?year=${year}`).set(coordinator)).body.data.indicators.find((i: any) => i.key === 'matching_on_time_rate');
    expect((await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'matching' })).status).toBe(200);
    expect((await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to: 'abandoned' })).status).toBe(200);
    const after = (await app.http().get(`/api/indicators?year=${year}`).set(coordinator)).body.data.indicators.find((i: any) => i.key === 'matching_on_time_rate');
    expect(after.details.onTime).toBe(before.details.onTime + 1);
    expect(after.details.late).toBe(before.details.late);
  });

  test('rows written before the column existed are filled once from the row that follows', async () => {
    const amb = await createAmbassador(app, 'trained');
    const id = amb.ambassadorDocumentId!;
    for (const to of ['active', 'notice']) {
      expect((await app.http().post(`/api/ambassadors/${id}/transitions`).set(coordinator).send({ to })).status).toBe(200);
    }
    await app.strapi.db.query(TRANSITION as any).updateMany({ where: { subjectDocumentId: id }, data: { leftAt: null } });
    const service = app.strapi.plugin('workflow').service('transitions');
    const store = app.strapi.store({ type: 'plugin', name: 'workflow' });
    // already done on this database: nothing happens
    await service.backfillLeftAt();
    expect((await historyOf(id))[0]!.leftAt).toBeNull();
    await store.set({ key: 'left-at-backfilled', value: false });
    await service.backfillLeftAt();
    const rows = await historyOf(id);
    expect(iso(rows[0]!.leftAt)).toBe(iso(rows[1]!.at));
    expect(rows[1]!.leftAt).toBeNull();
    expect(await store.get({ key: 'left-at-backfilled' })).toBe(true);
  });
});

describe("a case's follow-up dates", () => {
  test('follow the follow-ups written through the API: the first date of each milestone', async () => {
    const c = await make(app).case(null);
    expect(await followUpDates(c.documentId)).toEqual({ m3: null, m6: null, m12: null });
    const put = (followUps: unknown[]) => app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { followUps } });
    const res = await put([
      { milestone: 'm3', doneAt: '2025-07-20' },
      { milestone: 'm3', doneAt: '2025-07-10' },
      { milestone: 'm6', doneAt: '2025-10-01' },
      { milestone: 'm12', doneAt: null, notes: 'à faire' },
    ]);
    expect(res.status).toBe(200);
    // never part of what the API answers
    expect(res.body.data).not.toHaveProperty('followUpM3DoneAt');
    expect(await followUpDates(c.documentId)).toEqual({ m3: '2025-07-10', m6: '2025-10-01', m12: null });
    expect((await put([{ milestone: 'm12', doneAt: '2026-04-02' }])).status).toBe(200);
    expect(await followUpDates(c.documentId)).toEqual({ m3: null, m6: null, m12: '2026-04-02' });
    expect((await put([])).status).toBe(200);
    expect(await followUpDates(c.documentId)).toEqual({ m3: null, m6: null, m12: null });
  });

  test('the assigned ambassador records a follow-up: the date follows', async () => {
    const amb = await createAmbassador(app, 'active');
    const c = await make(app).case(amb);
    const res = await app
      .http()
      .put(`/api/cases/${c.documentId}`)
      .set(bearer(amb.jwt))
      .send({ data: { followUps: [{ milestone: 'm6', doneAt: '2026-03-15', notes: 'Bien installée' }] } });
    expect(res.status).toBe(200);
    expect(await followUpDates(c.documentId)).toEqual({ m3: null, m6: '2026-03-15', m12: null });
  });

  test('cannot be written by a client; other edits leave them as they are', async () => {
    const c = await make(app).case(null, { followUps: [{ milestone: 'm3', doneAt: '2025-05-05' }] });
    expect(await followUpDates(c.documentId)).toEqual({ m3: '2025-05-05', m6: null, m12: null });
    const forged = await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { followUpM3DoneAt: '2020-01-01' } });
    expect(forged.status).toBe(400);
    expect(forged.body.data).toBeNull();
    expect(forged.body.error).toEqual(
      expect.objectContaining({ status: 400, name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['followUpM3DoneAt'] })] } })
    );
    expect((await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { notes: 'appel' } })).status).toBe(200);
    expect(await followUpDates(c.documentId)).toEqual({ m3: '2025-05-05', m6: null, m12: null });
  });

  test('cases written before the columns existed are filled once', async () => {
    const c = await make(app).case(null, { followUps: [{ milestone: 'm6', doneAt: '2025-09-09' }] });
    await app.strapi.db.query(CASE as any).updateMany({ where: { documentId: c.documentId }, data: { followUpM6DoneAt: null } });
    const facts = app.strapi.plugin('indicators').service('facts');
    await facts.install(); // already filled on this database: nothing recomputed
    expect((await followUpDates(c.documentId)).m6).toBeNull();
    await app.strapi.store({ type: 'plugin', name: 'indicators' }).set({ key: 'facts-version', value: 0 });
    await facts.install();
    expect((await followUpDates(c.documentId)).m6).toBe('2025-09-09');
  });
});

describe('ambassador mirrors kept by the database', () => {
  const column = async (uid: string, documentId: string, attr: string) =>
    ((await app.strapi.db.query(uid as any).findOne({ where: { documentId } })) as Record<string, unknown> | null)?.[attr] ?? null;
  const idOf = async (ambassadorDocumentId: string) =>
    ((await app.strapi.db.query('api::ambassador.ambassador' as any).findOne({ where: { documentId: ambassadorDocumentId } })) as { id: number }).id;

  test("a case's ambassador follows assignment, reassignment from either side, and unassignment; its responses follow the case", async () => {
    const alice = await createAmbassador(app, 'active');
    const bruno = await createAmbassador(app, 'active');
    const f = make(app);
    const c = await f.case(alice);
    const response = await f.satisfactionResponse(c.documentId);
    const RESPONSE = 'api::satisfaction-response.satisfaction-response';
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBe(await idOf(alice.ambassadorDocumentId!));
    expect(await column(RESPONSE, response.documentId, 'caseAmbassadorId')).toBe(await idOf(alice.ambassadorDocumentId!));

    // reassigned through the API
    const put = await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { ambassador: bruno.ambassadorDocumentId } });
    expect(put.status).toBe(200);
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBe(await idOf(bruno.ambassadorDocumentId!));
    expect(await column(RESPONSE, response.documentId, 'caseAmbassadorId')).toBe(await idOf(bruno.ambassadorDocumentId!));

    // from the ambassador's side of the relation (as the admin panel can)
    await app.strapi.documents('api::ambassador.ambassador').update({ documentId: alice.ambassadorDocumentId!, data: { cases: { connect: [c.documentId] } } as any });
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBe(await idOf(alice.ambassadorDocumentId!));

    // unassigned
    expect((await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { ambassador: null } })).status).toBe(200);
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBeNull();
    expect(await column(RESPONSE, response.documentId, 'caseAmbassadorId')).toBeNull();
  });

  test('deleting an ambassador clears the mirrors of their cases and time declarations', async () => {
    const amb = await createAmbassador(app, 'active');
    const f = make(app);
    const c = await f.case(amb);
    const td = await f.timeDeclaration(amb);
    const id = await idOf(amb.ambassadorDocumentId!);
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBe(id);
    expect(await column('api::time-declaration.time-declaration', td.documentId, 'assignedAmbassadorId')).toBe(id);
    await app.strapi.documents('api::ambassador.ambassador').delete({ documentId: amb.ambassadorDocumentId! } as any);
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBeNull();
    expect(await column('api::time-declaration.time-declaration', td.documentId, 'assignedAmbassadorId')).toBeNull();
  });

  test('the per-ambassador figures follow a reassignment', async () => {
    const alice = await createAmbassador(app, 'active');
    const bruno = await createAmbassador(app, 'active');
    const c = await make(app).case(alice, { firstContactAt: '2024-03-10T08:00:00.000Z' });
    const figures = async (who: string) =>
      (await app.http().get('/api/indicators?year=2024').set(coordinator)).body.data.byAmbassador.find((a: { documentId: string }) => a.documentId === who) ?? null;
    expect(await figures(alice.ambassadorDocumentId!)).toEqual(expect.objectContaining({ contacts: 1 }));
    expect(await figures(bruno.ambassadorDocumentId!)).toBeNull();
    expect((await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { ambassador: bruno.ambassadorDocumentId } })).status).toBe(200);
    expect(await figures(alice.ambassadorDocumentId!)).toBeNull();
    expect(await figures(bruno.ambassadorDocumentId!)).toEqual(expect.objectContaining({ contacts: 1 }));
  });

  test('the triggers come back at every boot and the columns refill once per version', async () => {
    const alice = await createAmbassador(app, 'active');
    const bruno = await createAmbassador(app, 'active');
    const c = await make(app).case(alice);
    const facts = app.strapi.plugin('indicators').service('facts');
    const reassign = async (to: string) =>
      expect((await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { ambassador: to } })).status).toBe(200);

    // a trigger lost (as SQLite loses them when a schema change rebuilds the table): the mirror goes stale
    const knex = app.strapi.db.connection;
    if (app.strapi.db.dialect.client === 'postgres') await knex.raw('drop trigger ind_mirror_case_ambassador on cases_ambassador_lnk');
    else await knex.raw('drop trigger ind_mirror_case_ambassador_ins');
    await reassign(bruno.ambassadorDocumentId!);
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).not.toBe(await idOf(bruno.ambassadorDocumentId!));

    // what the boot does: the triggers are back, the later writes follow again
    await facts.install();
    await reassign(alice.ambassadorDocumentId!);
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBe(await idOf(alice.ambassadorDocumentId!));

    // the refill runs once per version: a stale value stays until the version is bumped
    await app.strapi.db.query(CASE as any).updateMany({ where: { documentId: c.documentId }, data: { assignedAmbassadorId: null } });
    await facts.install();
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBeNull();
    await app.strapi.store({ type: 'plugin', name: 'indicators' }).set({ key: 'facts-version', value: 0 });
    await facts.install();
    expect(await column(CASE, c.documentId, 'assignedAmbassadorId')).toBe(await idOf(alice.ambassadorDocumentId!));
  });
});

/**
 * What the workflow owns and how it changes: `state` refused on every write path, the
 * ambassador and time-declaration workflows, definition versions and stranding edits, and
 * the admin routes the panel uses.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAdmin, createUser, type TestUser } from '../helpers/actors';
import { expectError, make } from '../helpers/fixtures';

let app: TestApp;
let f: ReturnType<typeof make>;
let coordinator: Record<string, string>;
let superAdmin: Record<string, string>;
let coordination: Record<string, string>;
let communication: Record<string, string>;
let amb: TestUser;
let other: TestUser;

const year = new Date().getFullYear();
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  superAdmin = bearer((await createAdmin(app, 'strapi-super-admin')).token);
  coordination = bearer((await createAdmin(app, 'ancrage-coordination')).token);
  communication = bearer((await createAdmin(app, 'ancrage-communication')).token);
  amb = await f.ambassador('active');
  other = await f.ambassador('active');
});

afterAll(async () => {
  await app.destroy();
});

const stateOf = async (uid: string, documentId: string) =>
  ((await app.strapi.db.query(uid as any).findOne({ where: { documentId } })) as any).state;

describe('a direct write of state is refused on every path', () => {
  it('content API update → 400', async () => {
    const c = await f.case(amb);
    const res = await app.http().put(`/api/cases/${c.documentId}`).set(coordinator).send({ data: { state: 'closed' } });
    expectError(res.body, 400, 'ValidationError');
    expect(await stateOf('api::case.case', c.documentId)).toBe('received');
  });

  it('admin panel (Content Manager) update → 400; the unchanged state it always sends is fine', async () => {
    const c = await f.case(amb);
    const url = `/content-manager/collection-types/api::case.case/${c.documentId}`;
    const changed = await app.http().put(url).set(coordination).send({ state: 'installed', notes: 'x' });
    expectError(changed.body, 400, 'ValidationError');
    expect(changed.body.error.details.errors[0].path).toEqual(['state']);
    expect(await stateOf('api::case.case', c.documentId)).toBe('received');
    const unchanged = await app.http().put(url).set(coordination).send({ state: 'received', notes: 'appel fait' });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.data.notes).toBe('appel fait');
  });

  it('admin panel create with another state → 400; create starts in the initial state', async () => {
    const url = '/content-manager/collection-types/api::case.case';
    const bad = await app.http().post(url).set(coordination).send({ newcomerFirstName: 'A', newcomerLastName: 'B', profession: 'nurse', state: 'closed' });
    expectError(bad.body, 400, 'ValidationError');
    const ok = await app.http().post(url).set(coordination).send({ newcomerFirstName: 'A', newcomerLastName: 'B', profession: 'nurse' });
    expect(ok.status).toBe(201);
    expect(ok.body.data.state).toBe('received');
  });

  it('Document Service update from code → ValidationError', async () => {
    const c = await f.case(amb);
    await expect(
      app.strapi.documents('api::case.case').update({ documentId: c.documentId, data: { state: 'closed' } as any })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(
      app.strapi.documents('api::case.case').update({ documentId: c.documentId, data: { workflowVersion: 99 } as any })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await stateOf('api::case.case', c.documentId)).toBe('received');
  });

  it('every workflow type starts in its initial state', async () => {
    const t = await f.timeDeclaration(amb);
    expect(await stateOf('api::time-declaration.time-declaration', t.documentId)).toBe('draft');
    const a = await app.strapi.documents('api::ambassador.ambassador').create({ data: { displayName: 'Nouvelle' } as any });
    expect((a as any).state).toBe('candidate');
  });
});

describe('the ambassador mandate', () => {
  const moveAmb = (documentId: string, to: string, headers = coordinator) =>
    app.http().post(`/api/ambassadors/${documentId}/transitions`).set(headers).send({ to });

  it('candidate → validated needs a member with a current-year fee', async () => {
    const pro = await f.professional({ isMember: true, lastFeeYear: year - 1 });
    const a = await app.strapi.documents('api::ambassador.ambassador').create({
      data: { displayName: 'Cand', professional: pro.documentId } as any,
    });
    const blocked = await moveAmb(a.documentId, 'validated');
    expectError(blocked.body, 400, 'ValidationError');
    expect(blocked.body.error.details.failures.map((x: any) => x.guard)).toEqual(['memberWithCurrentFee']);
    await app.strapi.documents('api::professional.professional').update({ documentId: pro.documentId, data: { lastFeeYear: year } as any });
    expect((await moveAmb(a.documentId, 'validated')).status).toBe(200);

    // trained needs the integration session and the kit
    expect((await moveAmb(a.documentId, 'trained')).status).toBe(400);
    await app.strapi.documents('api::ambassador.ambassador').update({
      documentId: a.documentId,
      data: { integrationSessionAt: today(), kitHandedOver: true } as any,
    });
    expect((await moveAmb(a.documentId, 'trained')).status).toBe(200);

    // active sets the mandate: start today, end a year later
    const active = await moveAmb(a.documentId, 'active');
    expect(active.status).toBe(200);
    expect(active.body.data.mandateStart).toBe(today());
    const end = new Date(`${today()}T00:00:00Z`);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    expect(active.body.data.mandateEnd).toBe(end.toISOString().slice(0, 10).replace(/-02-29$/, '-02-28'));

    // renewal: active → active adds a year to the end
    const renewed = await moveAmb(a.documentId, 'active');
    expect(renewed.status).toBe(200);
    expect(Number(renewed.body.data.mandateEnd.slice(0, 4))).toBe(Number(active.body.data.mandateEnd.slice(0, 4)) + 1);
    expect(renewed.body.data.mandateStart).toBe(today());
  });

  it('the ambassador may give notice on their own record only; notice sets its date', async () => {
    const self = await moveAmb(amb.ambassadorDocumentId!, 'notice', bearer(amb.jwt));
    expect(self.status).toBe(200);
    expect(self.body.data.noticeGivenAt).toBe(today());
    const others = await moveAmb(other.ambassadorDocumentId!, 'notice', bearer(amb.jwt));
    expectError(others.body, 404, 'NotFoundError');
  });
});

describe('time declarations', () => {
  const moveTd = (documentId: string, body: Record<string, unknown>, headers: Record<string, string>) =>
    app.http().post(`/api/time-declarations/${documentId}/transitions`).set(headers).send(body);

  it('draft → submitted by the declarant, needs hours or travel', async () => {
    const empty = await f.timeDeclaration(amb, { hours: 0, travelKm: 0, travelCost: 0 });
    const blocked = await moveTd(empty.documentId, { to: 'submitted' }, bearer(amb.jwt));
    expect(blocked.body.error.details.failures.map((x: any) => x.guard)).toEqual(['anyPositive']);
    const td = await f.timeDeclaration(amb, { hours: 3 });
    expect((await moveTd(td.documentId, { to: 'submitted' }, bearer(other.jwt))).status).toBe(404);
    expect((await moveTd(td.documentId, { to: 'submitted' }, coordinator)).status).toBe(403);
    expect((await moveTd(td.documentId, { to: 'submitted' }, bearer(amb.jwt))).status).toBe(200);
  });

  it('rejected needs a comment; the declarant reopens it as a draft; validated is final', async () => {
    const td = await f.timeDeclaration(amb, { hours: 3 });
    await moveTd(td.documentId, { to: 'submitted' }, bearer(amb.jwt));
    expect((await moveTd(td.documentId, { to: 'validated' }, bearer(amb.jwt))).status).toBe(403);
    const noComment = await moveTd(td.documentId, { to: 'rejected' }, coordinator);
    expect(noComment.body.error.details.failures.map((x: any) => x.guard)).toEqual(['commentProvided']);
    expect((await moveTd(td.documentId, { to: 'rejected', comment: 'Justificatif manquant' }, coordinator)).status).toBe(200);
    expect((await moveTd(td.documentId, { to: 'draft' }, bearer(amb.jwt))).status).toBe(200);
    await moveTd(td.documentId, { to: 'submitted' }, bearer(amb.jwt));
    expect((await moveTd(td.documentId, { to: 'validated' }, coordinator)).status).toBe(200);
    const wf = await app.http().get(`/api/time-declarations/${td.documentId}/workflow`).set(coordinator);
    expect(wf.body.data.available).toEqual([]);
    expect(wf.body.data.history.map((h: any) => h.to)).toEqual(['submitted', 'rejected', 'draft', 'submitted', 'validated']);
    expect(wf.body.data.history[1].comment).toBe('Justificatif manquant');
  });
});

describe('definitions are versioned data', () => {
  const get = async () =>
    (await app.http().get('/workflow/definitions').set(superAdmin)).body.data.find((d: any) => d.name === 'case');

  it('an edit saves a new version, and documents record the version they ran on', async () => {
    const current = await get();
    const edited = JSON.parse(JSON.stringify(current.definition));
    edited.states.matching.label = 'Recherche de lieux';
    const res = await app.http().put('/workflow/definitions/case').set(coordination).send({ definition: edited });
    expect(res.status).toBe(200);
    expect(res.body.data.version).toBe(current.version + 1);
    const after = await get();
    expect(after.states.find((s: any) => s.key === 'matching').label).toBe('Recherche de lieux');
    expect(after.versions.map((v: any) => v.version)).toEqual([current.version + 1, current.version]);

    const c = await f.case(other); // `amb` gave notice above: its mandate is no longer active
    expect((await app.strapi.db.query('api::case.case').findOne({ where: { documentId: c.documentId } })).workflowVersion).toBe(
      current.version + 1
    );
    const moved = await app.http().post(`/workflow/documents/api::case.case/${c.documentId}/transitions`).set(coordination).send({ to: 'first_contact' });
    expect(moved.status).toBe(200);
    const history = await app.http().get(`/workflow/documents/api::case.case/${c.documentId}`).set(coordination);
    expect(history.body.data.history[0]).toEqual(expect.objectContaining({ to: 'first_contact', definitionVersion: current.version + 1 }));
  });

  it('an invalid definition is refused with every problem and its path, nothing saved', async () => {
    const current = await get();
    const broken = JSON.parse(JSON.stringify(current.definition));
    broken.initial = 'nowhere';
    broken.transitions.push({ from: 'received', to: 'mars', label: 'x', roles: ['coordinator'] });
    const check = await app.http().post('/workflow/definitions/validate').set(coordination).send({ definition: broken });
    expect(check.body.data.ok).toBe(false);
    expect(check.body.data.problems.length).toBeGreaterThanOrEqual(2);
    const res = await app.http().put('/workflow/definitions/case').set(coordination).send({ definition: broken });
    expectError(res.body, 400, 'ValidationError');
    expect(res.body.error.details.errors.map((e: any) => e.path[0])).toEqual(expect.arrayContaining(['initial', 'transitions']));
    expect((await get()).version).toBe(current.version);
  });

  it('an edit that would strand documents is refused with the list of affected documents', async () => {
    const c = await f.case(amb);
    await f.setState('api::case.case', c.documentId, 'on_hold');
    const current = await get();
    const edited = JSON.parse(JSON.stringify(current.definition));
    delete edited.states.on_hold;
    edited.transitions = edited.transitions
      .map((t: any) => ({ ...t, from: (Array.isArray(t.from) ? t.from : [t.from]).filter((s: string) => s !== 'on_hold') }))
      .filter((t: any) => t.to !== 'on_hold' && t.from.length > 0);
    const res = await app.http().put('/workflow/definitions/case').set(coordination).send({ definition: edited });
    expectError(res.body, 400, 'ValidationError');
    expect(res.body.error.details.affected).toEqual(expect.arrayContaining([{ documentId: c.documentId, state: 'on_hold' }]));
    expect((await get()).version).toBe(current.version);
  });

  it('only the coordination changes definitions', async () => {
    const current = await get();
    const res = await app.http().put('/workflow/definitions/case').set(communication).send({ definition: current.definition });
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual(expect.objectContaining({ status: 403, name: 'ForbiddenError' }));
    expect((await get()).versions).toEqual(current.versions);
  });
});

describe('admin routes', () => {
  it('communication cannot read or move a case', async () => {
    const c = await f.case(amb);
    expect((await app.http().get(`/workflow/documents/api::case.case/${c.documentId}`).set(communication)).status).toBe(403);
    expect(
      (await app.http().post(`/workflow/documents/api::case.case/${c.documentId}/transitions`).set(communication).send({ to: 'first_contact' })).status
    ).toBe(403);
    expect((await app.http().get('/workflow/board/api::case.case').set(communication)).status).toBe(403);
  });

  it('the board lists cases with their state, days in state and an overdue flag', async () => {
    const c = await f.case(amb);
    // entered `received` three days ago: the 2-day "unhandled" timer is past due
    await app.strapi.db.query('api::case.case').updateMany({
      where: { documentId: c.documentId },
      data: { createdAt: new Date(Date.now() - 3 * 86400000) },
    });
    const res = await app.http().get('/workflow/board/api::case.case').set(coordination);
    expect(res.status).toBe(200);
    const card = res.body.data.cards.find((x: any) => x.documentId === c.documentId);
    expect(card).toEqual(expect.objectContaining({ state: 'received', daysInState: 3, overdue: true }));
    expect(card.doc.ambassador.displayName).toEqual(expect.any(String));
  });
});

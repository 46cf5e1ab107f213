/**
 * What a write may change of a workflow document, whatever the path (content API, Content
 * Manager, Document Service from code): no clone of a workflow document, no write of the columns
 * the application keeps, no edit that undoes a fact the current state was entered on, and a
 * final state read-only except for the coordination's corrections.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAdmin, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { expectError, make } from '../helpers/fixtures';

let app: TestApp;
let f: ReturnType<typeof make>;
let coordinator: Record<string, string>;
let coordination: Record<string, string>;
let superAdmin: Record<string, string>;
let token: Record<string, string>;
let amb: TestUser;
let other: TestUser;

const CASE = 'api::case.case';
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const today = () => day(0);

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  coordination = bearer((await createAdmin(app, 'ancrage-coordination')).token);
  superAdmin = bearer((await createAdmin(app, 'strapi-super-admin')).token);
  token = bearer(await createApiToken(app));
  amb = await f.ambassador('active');
  other = await f.ambassador('active');
});

afterAll(async () => {
  await app.strapi.plugin('reminders').service('scheduler').idle();
  await app.destroy();
});

const cm = (documentId: string) => `/content-manager/collection-types/${CASE}/${documentId}`;
const put = (headers: Record<string, string>, documentId: string, data: Record<string, unknown>) =>
  app.http().put(`/api/cases/${documentId}`).set(headers).send({ data });
const stored = async (documentId: string) => (await app.strapi.db.query(CASE).findOne({ where: { documentId } })) as any;
const dateOf = (v: unknown) => (v == null ? null : String(v instanceof Date ? v.toISOString() : v).slice(0, 10));

/** A case taken into `state` by transitions (so that it has the history that explains it). */
const caseIn = async (state: 'first_contact' | 'installed' | 'closed' | 'abandoned' | 'on_hold', data: Record<string, unknown> = {}) => {
  const c = await f.case(amb, {
    actions: [{ kind: 'call', date: today(), summary: 'Premier appel', minutes: 15 }],
    installedAt: day(-30),
    installationCommune: 'Saint-Pierre',
    abandonReason: 'Projet reporté',
    resumeOn: day(60),
    followUps: [{ milestone: 'm12', doneAt: day(-1), notes: 'Bien installée' }],
    ...data,
  });
  const path: Record<string, string[]> = {
    first_contact: ['first_contact'],
    installed: ['first_contact', 'interview', 'installed'],
    closed: ['first_contact', 'interview', 'installed', 'closed'],
    abandoned: ['abandoned'],
    on_hold: ['first_contact', 'on_hold'],
  };
  for (const to of path[state]) {
    const res = await app.http().post(`/api/cases/${c.documentId}/transitions`).set(coordinator).send({ to });
    if (res.status !== 200) throw new Error(`${to}: ${res.status} ${JSON.stringify(res.body.error)}`);
  }
  return c;
};

describe('clone', () => {
  it('the Content Manager cannot clone a case: 400 in French, nothing created', async () => {
    const c = await caseIn('closed');
    const before = await app.strapi.db.query(CASE).count();
    const res = await app.http().post(`/content-manager/collection-types/${CASE}/clone/${c.documentId}`).set(coordination).send({});
    expectError(res.body, 400, 'ValidationError');
    expect(res.body.error.message).toBe(
      '« Accompagnement » ne peut pas être dupliqué : son état, ses dates et son historique viennent des étapes du circuit. Créez une nouvelle fiche.'
    );
    expect(await app.strapi.db.query(CASE).count()).toBe(before);
  });

  it('nor can code, for any workflow-enabled type', async () => {
    const c = await f.case(amb);
    await expect(app.strapi.documents(CASE).clone({ documentId: c.documentId } as any)).rejects.toMatchObject({ name: 'ValidationError' });
    const td = await f.timeDeclaration(amb);
    await expect(
      app.strapi.documents('api::time-declaration.time-declaration').clone({ documentId: td.documentId } as any)
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('the columns the application keeps', () => {
  const expectKept = (res: any, field: string) => {
    expectError(res.body, 400, 'ValidationError');
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: [field] })]);
  };

  it('are refused through the Content Manager, the stored value unchanged', async () => {
    const c = await f.case(amb, { followUps: [{ milestone: 'm3', doneAt: '2026-01-10' }] });
    for (const [field, value] of [
      ['followUpM3DoneAt', '2020-01-01'],
      ['followUpM6DoneAt', '2020-01-01'],
      ['followUpM12DoneAt', '2020-01-01'],
      ['assignedAmbassadorId', 999999],
    ] as const) {
      expectKept(await app.http().put(cm(c.documentId)).set(coordination).send({ [field]: value, notes: 'x' }), field);
    }
    const row = await stored(c.documentId);
    expect(dateOf(row.followUpM3DoneAt)).toBe('2026-01-10');
    expect(row.followUpM6DoneAt).toBeNull();
    expect(row.notes).toBeNull();
    const ambassadorId = (await app.strapi.db.query('api::ambassador.ambassador').findOne({ where: { documentId: amb.ambassadorDocumentId } })).id;
    expect(row.assignedAmbassadorId).toBe(ambassadorId);
  });

  it('an unchanged value sent back by the admin form is dropped; the columns still follow their source', async () => {
    const c = await f.case(amb, { followUps: [{ milestone: 'm3', doneAt: '2026-01-10' }] });
    const row = await stored(c.documentId);
    const res = await app
      .http()
      .put(cm(c.documentId))
      .set(coordination)
      .send({
        followUpM3DoneAt: dateOf(row.followUpM3DoneAt),
        followUpM6DoneAt: null,
        assignedAmbassadorId: row.assignedAmbassadorId,
        followUps: [{ milestone: 'm3', doneAt: '2026-01-05' }],
      });
    expect(res.status).toBe(200);
    expect(dateOf((await stored(c.documentId)).followUpM3DoneAt)).toBe('2026-01-05');
  });

  it('are refused through the content API, for tokens too', async () => {
    const c = await f.case(amb);
    expectKept(await put(token, c.documentId, { followUpM12DoneAt: '2020-01-01' }), 'followUpM12DoneAt');
    expectKept(await put(coordinator, c.documentId, { assignedAmbassadorId: 1 }), 'assignedAmbassadorId');
  });

  it('are refused through the Document Service, on every type that has them; the history rows\' leftAt too', async () => {
    const c = await f.case(amb);
    const docs = (uid: string) => app.strapi.documents(uid as any);
    await expect(docs(CASE).update({ documentId: c.documentId, data: { followUpM6DoneAt: '2020-01-01' } as any })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['followUpM6DoneAt'] })] },
    });
    await expect(
      docs(CASE).create({ data: { newcomerFirstName: 'A', newcomerLastName: 'B', profession: 'nurse', assignedAmbassadorId: 3 } as any })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const td = await f.timeDeclaration(amb);
    await expect(
      docs('api::time-declaration.time-declaration').update({ documentId: td.documentId, data: { assignedAmbassadorId: 999999 } as any })
    ).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['assignedAmbassadorId'] })] } });
    const response = await f.satisfactionResponse(c.documentId);
    await expect(
      docs('api::satisfaction-response.satisfaction-response').update({ documentId: response.documentId, data: { caseAmbassadorId: 999999 } as any })
    ).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['caseAmbassadorId'] })] } });

    const moved = await caseIn('first_contact');
    const [row] = (await app.strapi.db.query('plugin::workflow.transition').findMany({ where: { subjectDocumentId: moved.documentId } })) as any[];
    await expect(
      docs('plugin::workflow.transition').update({ documentId: row.documentId, data: { leftAt: new Date().toISOString() } as any })
    ).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['leftAt'] })] } });
    expect((await app.strapi.db.query('plugin::workflow.transition').findOne({ where: { id: row.id } })).leftAt).toBeNull();
    // the workflow writes it below the Document Service, as before
    await caseInNext(moved.documentId, 'abandoned');
    expect((await app.strapi.db.query('plugin::workflow.transition').findOne({ where: { id: row.id } })).leftAt).not.toBeNull();
  });
});

const caseInNext = async (documentId: string, to: string) => {
  const res = await app.http().post(`/api/cases/${documentId}/transitions`).set(coordinator).send({ to });
  expect(res.status).toBe(200);
};

describe('an edit may not undo what the current state was entered on', () => {
  const expectBroken = (res: any, fields: string[], guards: string[]) => {
    expectError(res.body, 400, 'ValidationError');
    expect(res.body.error.details.errors.map((e: any) => e.path[0])).toEqual(fields);
    expect(res.body.error.details.failures.map((x: any) => x.guard)).toEqual(guards);
  };

  it('installed: the installation date cannot be emptied or put in the future, by any path', async () => {
    const c = await caseIn('installed');
    const installedAt = dateOf((await stored(c.documentId)).installedAt);
    expectBroken(await put(coordinator, c.documentId, { installedAt: null }), ['installedAt', 'installedAt'], [
      'required',
      'dateNotInFuture',
    ]);
    const future = await put(coordinator, c.documentId, { installedAt: '2099-01-01', notes: 'jamais' });
    expectBroken(future, ['installedAt'], ['dateNotInFuture']);
    expect(future.body.error.message).toBe("La date « Date d'installation » (01/01/2099) ne peut pas être dans le futur.");
    expectBroken(await app.http().put(cm(c.documentId)).set(coordination).send({ installedAt: null }), ['installedAt', 'installedAt'], [
      'required',
      'dateNotInFuture',
    ]);
    expectBroken(await put(coordinator, c.documentId, { installationCommune: '' }), ['installationCommune'], ['required']);
    await expect(app.strapi.documents(CASE).update({ documentId: c.documentId, data: { installedAt: '2099-01-01' } as any })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    // nothing of a refused update is stored
    const row = await stored(c.documentId);
    expect(dateOf(row.installedAt)).toBe(installedAt);
    expect(row.notes).toBeNull();
  });

  it('installed: correcting the date to another past date, or editing anything else, is fine', async () => {
    const c = await caseIn('installed');
    const corrected = await put(coordinator, c.documentId, { installedAt: day(-40) });
    expect(corrected.status).toBe(200);
    expect(corrected.body.data.installedAt).toBe(day(-40));
    expect((await app.http().put(cm(c.documentId)).set(coordination).send({ installedAt: day(-35), notes: 'corrigé' })).status).toBe(200);
    expect((await put(coordinator, c.documentId, { majorDifficulty: true, majorDifficultyNote: 'Logement' })).status).toBe(200);
  });

  it('abandoned: the reason cannot be emptied, only changed', async () => {
    const c = await caseIn('abandoned');
    expectBroken(await put(coordinator, c.documentId, { abandonReason: '  ' }), ['abandonReason'], ['required']);
    expectBroken(await app.http().put(cm(c.documentId)).set(coordination).send({ abandonReason: null }), ['abandonReason'], ['required']);
    expect((await put(coordinator, c.documentId, { abandonReason: 'A choisi un autre territoire' })).status).toBe(200);
    expect((await stored(c.documentId)).abandonReason).toBe('A choisi un autre territoire');
  });

  it('on hold: the resume date cannot be emptied or moved to the past; a date already past blocks nothing', async () => {
    const c = await caseIn('on_hold');
    expectBroken(await put(coordinator, c.documentId, { resumeOn: null }), ['resumeOn'], ['dateOrder']);
    expectBroken(await put(coordinator, c.documentId, { resumeOn: day(-1) }), ['resumeOn'], ['dateOrder']);
    expect((await put(coordinator, c.documentId, { resumeOn: day(90) })).status).toBe(200);

    // the resume date has passed since: unrelated edits, and emptying it, are not refused
    await app.strapi.db.query(CASE).updateMany({ where: { documentId: c.documentId }, data: { resumeOn: day(-3) } });
    expect((await put(coordinator, c.documentId, { notes: 'relancer' })).status).toBe(200);
    expect((await put(coordinator, c.documentId, { resumeOn: null })).status).toBe(200);
  });

  it('first contact: the ambassador cannot be removed, nor replaced by one whose mandate is not active', async () => {
    const c = await caseIn('first_contact');
    expectBroken(await put(coordinator, c.documentId, { ambassador: null }), ['ambassador', 'ambassador'], ['required', 'relatedState']);
    const ended = await f.ambassador('ended');
    expectBroken(await put(coordinator, c.documentId, { ambassador: ended.ambassadorDocumentId }), ['ambassador'], ['relatedState']);
    expect((await put(coordinator, c.documentId, { ambassador: other.ambassadorDocumentId })).status).toBe(200);
  });

  it('closed: a coordinator cannot remove the 12-month follow-up, but may correct the rest', async () => {
    const c = await caseIn('closed');
    expectBroken(await put(coordinator, c.documentId, { followUps: [] }), ['followUps'], ['followUpRecorded']);
    expectBroken(
      await app.http().put(cm(c.documentId)).set(coordination).send({ followUps: [{ milestone: 'm12', doneAt: null }] }),
      ['followUps'],
      ['followUpRecorded']
    );
    const fixed = await put(coordinator, c.documentId, {
      followUps: [
        { milestone: 'm6', doneAt: day(-100) },
        { milestone: 'm12', doneAt: day(-2), notes: 'Date corrigée' },
      ],
    });
    expect(fixed.status).toBe(200);
    expect(dateOf((await stored(c.documentId)).followUpM12DoneAt)).toBe(day(-2));
  });
});

describe('a final state is read-only except for the coordination', () => {
  const expectReadOnly = (res: any, fields: string[]) => {
    expectError(res.body, 403, 'ForbiddenError');
    expect(res.body.error.message).toBe("Cette fiche est à l'état final « Clôturé » : seule la coordination peut encore la corriger.");
    expect(res.body.error.details.errors.map((e: any) => e.path[0])).toEqual(fields);
  };

  it('the assigned ambassador can no longer edit a closed case (follow-ups, e-mail, actions)', async () => {
    const c = await caseIn('closed');
    expectReadOnly(await put(bearer(amb.jwt), c.documentId, { followUps: [] }), ['followUps']);
    expectReadOnly(await put(bearer(amb.jwt), c.documentId, { newcomerEmail: 'autre@example.org', newcomerPhone: '0692111111' }), [
      'newcomerEmail',
      'newcomerPhone',
    ]);
    const action = await app
      .http()
      .post(`/api/cases/${c.documentId}/actions`)
      .set(bearer(amb.jwt))
      .send({ data: { kind: 'call', date: today(), summary: 'Appel', minutes: 5 } });
    expectReadOnly(action, ['actions']);
    const row = await stored(c.documentId);
    expect(row.newcomerEmail).not.toBe('autre@example.org');
    // while the case was not closed, the same edits were the ambassador's to make
    const open = await caseIn('installed');
    expect((await put(bearer(amb.jwt), open.documentId, { newcomerEmail: 'autre@example.org' })).status).toBe(200);
  });

  it('coordinators, the Coordination admin role, Super Admin, full-access tokens and code may correct it', async () => {
    const c = await caseIn('closed');
    expect((await put(coordinator, c.documentId, { newcomerEmail: 'corrige1@example.org' })).status).toBe(200);
    expect((await app.http().put(cm(c.documentId)).set(coordination).send({ newcomerEmail: 'corrige2@example.org' })).status).toBe(200);
    expect((await app.http().put(cm(c.documentId)).set(superAdmin).send({ newcomerEmail: 'corrige3@example.org' })).status).toBe(200);
    expect((await put(token, c.documentId, { newcomerEmail: 'corrige4@example.org' })).status).toBe(200);
    await app.strapi.documents(CASE).update({ documentId: c.documentId, data: { newcomerEmail: 'corrige5@example.org' } as any });
    expect((await stored(c.documentId)).newcomerEmail).toBe('corrige5@example.org');
  });
});

/**
 * Every transition of the three default definitions, from each of its source states, tried by
 * each actor on a fresh document whose data satisfies the guards: the roles of the definition
 * decide between 200 and 403, another ambassador never sees the document (404), an API token
 * (system) may take them all.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { DEFAULT_DEFINITIONS, type TransitionDef } from '../../src/plugins/workflow/server/src/engine';

let app: TestApp;
let f: ReturnType<typeof make>;
const headers: Record<string, Record<string, string>> = {};
let owner: TestUser;

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
const year = new Date().getFullYear();

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  owner = await f.ambassador('active');
  const other = await f.ambassador('active');
  headers.coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  headers.owner = bearer(owner.jwt);
  headers.other = bearer(other.jwt);
  headers.token = bearer(await createApiToken(app));
});

afterAll(async () => {
  await app.destroy();
});

/** A document of the workflow, in state `from`, with data that passes every default guard. */
const SUBJECTS: Record<string, { route: string; uid: string; make: (from: string) => Promise<string> }> = {
  case: {
    route: 'cases',
    uid: 'api::case.case',
    make: async (from) => {
      const site = await f.structure();
      const c = await f.case(owner, {
        needs: { housing: true },
        timeline: 'short',
        practiceMode: 'group',
        employment: 'liberal',
        actions: [{ kind: 'call', date: today(), summary: 'Appel', minutes: 20 }],
        proposedSites: [site.documentId],
        installedAt: today(),
        installationCommune: 'Saint-Pierre',
        followUps: [{ milestone: 'm12', doneAt: today() }],
        abandonReason: 'Projet abandonné',
        resumeOn: inDays(60),
      });
      await f.setState('api::case.case', c.documentId, from);
      return c.documentId;
    },
  },
  ambassador: {
    route: 'ambassadors',
    uid: 'api::ambassador.ambassador',
    make: async (from) => {
      // the owner's own record plays "assignedAmbassador": give each attempt a fresh owner
      const amb = await f.ambassador(from);
      const record = await app.strapi.db
        .query('api::ambassador.ambassador')
        .findOne({ where: { documentId: amb.ambassadorDocumentId }, populate: ['professional'] });
      await app.strapi.db
        .query('api::professional.professional')
        .updateMany({ where: { documentId: record.professional.documentId }, data: { isMember: true, lastFeeYear: year } });
      await app.strapi.db
        .query('api::ambassador.ambassador')
        .updateMany({ where: { documentId: amb.ambassadorDocumentId }, data: { integrationSessionAt: today(), kitHandedOver: true } });
      headers.owner = bearer(amb.jwt);
      return amb.ambassadorDocumentId!;
    },
  },
  'time-declaration': {
    route: 'time-declarations',
    uid: 'api::time-declaration.time-declaration',
    make: async (from) => {
      headers.owner = bearer(owner.jwt);
      const td = await f.timeDeclaration(owner, { hours: 2 });
      await f.setState('api::time-declaration.time-declaration', td.documentId, from);
      return td.documentId;
    },
  },
};

const expected = (t: TransitionDef, actor: string) => {
  if (actor === 'token') return 200;
  if (actor === 'other') return 404;
  if (actor === 'coordinator') return t.roles.includes('coordinator') ? 200 : 403;
  return t.roles.includes('assignedAmbassador') || t.roles.includes('ambassador') ? 200 : 403;
};

const cases: Array<[string, string, string, string, number]> = [];
for (const def of DEFAULT_DEFINITIONS) {
  for (const t of def.transitions) {
    for (const from of Array.isArray(t.from) ? t.from : [t.from]) {
      for (const actor of ['coordinator', 'owner', 'other', 'token']) cases.push([def.name, from, t.to, actor, expected(t, actor)]);
    }
  }
}

describe('every default transition × every actor', () => {
  it('covers every transition of the three definitions', () => {
    expect(new Set(cases.map(([w]) => w))).toEqual(new Set(['case', 'ambassador', 'time-declaration']));
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('%s: %s → %s by %s answers %i', async (workflow, from, to, actor, status) => {
    const subject = SUBJECTS[workflow];
    const documentId = await subject.make(from);
    const res = await app
      .http()
      .post(`/api/${subject.route}/${documentId}/transitions`)
      .set(headers[actor])
      .send({ to, expectedState: from, comment: 'Motif de la décision' });
    expect({ status: res.status, error: res.body.error ?? null }).toEqual(expect.objectContaining({ status }));
    const stored = await app.strapi.db.query(subject.uid as any).findOne({ where: { documentId } });
    expect(stored.state).toBe(status === 200 ? to : from);
  });
});

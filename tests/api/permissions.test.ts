/**
 * The permission matrix: every content-API actor × every content type × find / findOne /
 * create / update / delete, on their own and on others' documents where ownership applies.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';

type Actor = 'public' | 'authenticated' | 'ambassador' | 'coordinator' | 'fullToken' | 'readToken';
type Op = 'find' | 'findOne' | 'create' | 'update' | 'delete';
type Owner = 'own' | 'other';

let app: TestApp;
let f: ReturnType<typeof make>;
let ambA: TestUser;
let ambB: TestUser;
const auth: Partial<Record<Actor, Record<string, string>>> = {};

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  ambA = await f.ambassador();
  ambB = await f.ambassador();
  auth.public = {};
  auth.authenticated = bearer((await createUser(app, 'authenticated')).jwt);
  auth.ambassador = bearer(ambA.jwt);
  auth.coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  auth.fullToken = bearer(await createApiToken(app, 'full-access'));
  auth.readToken = bearer(await createApiToken(app, 'read-only'));
});

afterAll(async () => {
  await app.destroy();
});

const call = (actor: Actor, method: 'get' | 'post' | 'put' | 'delete', url: string, body?: unknown) => {
  const req = app.http()[method](url).set(auth[actor]!);
  return body === undefined ? req : req.send(body);
};

/**
 * A content type as the matrix sees it: how to make a document owned by A ("own", from the
 * ambassador's point of view) or by someone else, and what to send on create / update.
 */
type Subject = {
  path: string;
  make: (owner: Owner) => Promise<{ documentId: string }>;
  createBody: () => Promise<Record<string, unknown>>;
  updateBody: Record<string, unknown>;
};

const SUBJECTS: Record<string, Subject> = {
  case: {
    path: '/api/cases',
    make: (o) => f.case(o === 'own' ? ambA : ambB),
    createBody: async () => ({ newcomerFirstName: 'Ana', newcomerLastName: 'Test', profession: 'midwife' }),
    updateBody: { notes: 'appel fait' },
  },
  ambassador: {
    path: '/api/ambassadors',
    make: async (o) => ({ documentId: (o === 'own' ? ambA : await f.ambassador()).ambassadorDocumentId! }),
    createBody: async () => ({ displayName: 'Nouvel ambassadeur', capacity: 2 }),
    updateBody: { capacity: 4 },
  },
  professional: {
    path: '/api/professionals',
    make: () => f.professional({ directoryConsent: true }),
    createBody: async () => ({ firstName: 'Léa', lastName: 'Martin', profession: 'dentist' }),
    updateBody: { commune: 'Le Tampon' },
  },
  structure: {
    path: '/api/structures',
    make: () => f.structure(),
    createBody: async () => ({ name: 'MSP du Centre', kind: 'msp' }),
    updateBody: { commune: 'Saint-Pierre' },
  },
  guide: {
    path: '/api/guides',
    make: () => f.guide('published'),
    createBody: async () => ({ title: 'Guide', edition: '2027' }),
    updateBody: { summary: 'Mise à jour' },
  },
  toolkitItem: {
    path: '/api/toolkit-items',
    make: () => f.toolkitItem('published', 'public'),
    createBody: async () => ({ title: 'Carte', category: 'welcome_kit', audience: 'public' }),
    updateBody: { order: 3 },
  },
  timeDeclaration: {
    path: '/api/time-declarations',
    make: (o) => f.timeDeclaration(o === 'own' ? ambA : ambB),
    createBody: async () => ({ month: '2026-09-01', hours: 1.5, activity: 'accompaniment', ambassador: ambB.ambassadorDocumentId }),
    updateBody: { hours: 3 },
  },
  satisfactionResponse: {
    path: '/api/satisfaction-responses',
    make: async (o) => f.satisfactionResponse((await f.case(o === 'own' ? ambA : ambB)).documentId),
    createBody: async () => ({ score: 4 }),
    updateBody: { score: 3 },
  },
};

/**
 * Expected status per actor, subject and operation. `own`/`other` split where the answer
 * depends on ownership; ambassadors create time declarations without naming the declarant.
 */
const ALLOW_ALL = { find: 200, findOne: 200, create: 201, update: 200, delete: 204 };
const READ_ONLY = { find: 200, findOne: 200, create: 403, update: 403, delete: 403 };
const NONE = { find: 403, findOne: 403, create: 403, update: 403, delete: 403 };
const NO_ROUTE_WRITES = { create: 405, update: 405, delete: 405 };

type Expect = Partial<Record<Op, number | Record<Owner, number>>>;
const MATRIX: Record<Actor, Record<string, Expect>> = {
  public: {
    case: NONE,
    ambassador: NONE,
    professional: READ_ONLY,
    structure: READ_ONLY,
    guide: READ_ONLY,
    toolkitItem: READ_ONLY,
    timeDeclaration: NONE,
    satisfactionResponse: { find: 403, findOne: 403, ...NO_ROUTE_WRITES },
  },
  authenticated: {
    case: NONE,
    ambassador: NONE,
    professional: NONE,
    structure: NONE,
    guide: NONE,
    toolkitItem: NONE,
    timeDeclaration: NONE,
    satisfactionResponse: { find: 403, findOne: 403, ...NO_ROUTE_WRITES },
  },
  ambassador: {
    case: { find: 200, findOne: { own: 200, other: 404 }, create: 403, update: { own: 200, other: 404 }, delete: 403 },
    ambassador: { find: 200, findOne: { own: 200, other: 404 }, create: 403, update: 403, delete: 403 },
    professional: READ_ONLY,
    structure: READ_ONLY,
    guide: READ_ONLY,
    toolkitItem: READ_ONLY,
    timeDeclaration: {
      find: 200,
      findOne: { own: 200, other: 404 },
      create: 201,
      update: { own: 200, other: 404 },
      delete: { own: 204, other: 404 },
    },
    satisfactionResponse: { find: 403, findOne: 403, ...NO_ROUTE_WRITES },
  },
  coordinator: {
    case: ALLOW_ALL,
    ambassador: ALLOW_ALL,
    professional: ALLOW_ALL,
    structure: ALLOW_ALL,
    guide: READ_ONLY,
    toolkitItem: READ_ONLY,
    timeDeclaration: ALLOW_ALL,
    satisfactionResponse: { find: 200, findOne: 200, ...NO_ROUTE_WRITES },
  },
  fullToken: {
    case: ALLOW_ALL,
    ambassador: ALLOW_ALL,
    professional: ALLOW_ALL,
    structure: ALLOW_ALL,
    guide: ALLOW_ALL,
    toolkitItem: ALLOW_ALL,
    timeDeclaration: ALLOW_ALL,
    satisfactionResponse: { find: 200, findOne: 200, ...NO_ROUTE_WRITES },
  },
  readToken: {
    case: READ_ONLY,
    ambassador: READ_ONLY,
    professional: READ_ONLY,
    structure: READ_ONLY,
    guide: READ_ONLY,
    toolkitItem: READ_ONLY,
    timeDeclaration: READ_ONLY,
    satisfactionResponse: { find: 200, findOne: 200, ...NO_ROUTE_WRITES },
  },
};

const cells: Array<[Actor, string, Op, Owner, number]> = [];
for (const [actor, subjects] of Object.entries(MATRIX) as Array<[Actor, Record<string, Expect>]>) {
  for (const [subject, ops] of Object.entries(subjects)) {
    for (const [op, expected] of Object.entries(ops) as Array<[Op, number | Record<Owner, number>]>) {
      if (typeof expected === 'number') cells.push([actor, subject, op, 'other', expected]);
      else for (const owner of ['own', 'other'] as Owner[]) cells.push([actor, subject, op, owner, expected[owner]]);
    }
  }
}

describe('content API permission matrix', () => {
  it.each(cells)('%s → %s.%s (%s document) answers %i', async (actor, subject, op, owner, expected) => {
    const s = SUBJECTS[subject];
    const target = op === 'find' || op === 'create' ? null : await s.make(owner);
    let res;
    if (op === 'find') res = await call(actor, 'get', s.path);
    else if (op === 'findOne') res = await call(actor, 'get', `${s.path}/${target!.documentId}`);
    else if (op === 'create') {
      const body = await s.createBody();
      // an ambassador declares for themself: the declarant is not theirs to choose
      if (actor === 'ambassador' && subject === 'timeDeclaration') delete body.ambassador;
      res = await call(actor, 'post', s.path, { data: body });
    } else if (op === 'update') res = await call(actor, 'put', `${s.path}/${target!.documentId}`, { data: s.updateBody });
    else res = await call(actor, 'delete', `${s.path}/${target!.documentId}`);

    expect({ status: res.status, body: res.status >= 400 ? res.body : undefined }).toEqual(
      expect.objectContaining({ status: expected })
    );
    if (expected >= 400 && expected !== 405) {
      expect(res.body.data).toBeNull();
      expect(res.body.error.status).toBe(expected);
    }

    // A refused write changed nothing.
    if (expected >= 400 && op === 'update') {
      const after = await app.strapi.documents(`api::${kebab(subject)}.${kebab(subject)}` as any).findOne({
        documentId: target!.documentId,
      });
      for (const [k, v] of Object.entries(s.updateBody)) expect((after as any)[k]).not.toEqual(v);
    }
    if (expected >= 400 && op === 'delete') {
      const after = await app.strapi.documents(`api::${kebab(subject)}.${kebab(subject)}` as any).findOne({
        documentId: target!.documentId,
      });
      expect(after).not.toBeNull();
    }
  });
});

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('CPTS settings (single type)', () => {
  it.each([
    ['public', 403, 403],
    ['authenticated', 403, 403],
    ['ambassador', 403, 403],
    ['coordinator', 200, 200],
    ['fullToken', 200, 200],
    ['readToken', 200, 403],
  ] as Array<[Actor, number, number]>)('%s reads with %i and updates with %i', async (actor, read, write) => {
    expect((await call(actor, 'get', '/api/cpts-setting')).status).toBe(read);
    const res = await call(actor, 'put', '/api/cpts-setting', { data: { matchingWindowDays: 10 } });
    expect(res.status).toBe(write);
  });

  it('is created at first boot with the default timezone and targets', async () => {
    const res = await call('coordinator', 'get', '/api/cpts-setting?populate=targets');
    expect(res.body.data.timezone).toBe('Indian/Reunion');
    expect(res.body.data.matchingWindowDays).toBe(10);
    expect(res.body.data.followUpWindowDays).toBe(14);
    const targets = Object.fromEntries(res.body.data.targets.map((t: any) => [t.indicator, [t.op, Number(t.value)]]));
    expect(targets).toEqual({
      contacts_handled: ['gt', 5],
      satisfaction_average: ['gt', 4],
      active_ambassadors: ['gte', 3],
      matching_on_time_rate: ['gte', 0.9],
      follow_ups_on_time_rate: ['gte', 0.9],
    });
  });
});

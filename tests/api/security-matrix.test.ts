/**
 * Who reaches personal data, on every path into it: the content API, the Content Manager, the
 * plugins' admin routes and the media library. One table, ROUTES: each entry is a route and the
 * status every actor gets; `{ own, other }` splits by whose document it is (an ambassador's own
 * versus another ambassador's). Adding a route is adding an entry.
 *
 * Every refused answer is checked for leaks (none of the other ambassador's case, record,
 * declaration, answers, receipt or account appears in it) and every refused write for side
 * effects (the rows it aimed at are re-read from the database). Allowed writes act on documents
 * made for that row alone, with values that keep the data valid.
 *
 * `pending(status, reason)` marks a cell that fails today for a reason being fixed elsewhere: the
 * row runs with `it.failing`, so the suite turns red when the fix lands and the mark must go.
 */
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import { APP_ROOT, bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAdmin, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';

type Actor =
  | 'public'
  | 'amb'
  | 'trained'
  | 'coordinator'
  | 'fullToken'
  | 'readToken'
  | 'coordination'
  | 'communication'
  | 'editor'
  | 'author'
  | 'custom'
  | 'superAdmin';
type Target = 'own' | 'other';
type Owner = 'A' | 'T' | 'B';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Status = number | { status: number; pending: string };
type Cell = Status | Partial<Record<Target, Status>>;
const pending = (status: number, reason: string) => ({ status, pending: reason });


// documents of every kind, as the Document Service or the query engine return them
type Fx = Record<string, any>;
type Route = {
  /** `METHOD /path`, `{id}` standing for the document of `kind` */
  route: string;
  /** what sets this entry apart from another one on the same route */
  note?: string;
  kind?: Kind;
  expect: Partial<Record<Actor, Cell>>;
  body?: (fx: Fx, as: Actor) => unknown;
  /** multipart fields instead of a JSON body */
  form?: (fx: Fx) => Record<string, string>;
  /** also check 2xx answers of these actors for leaks (their own lists) */
  leakCheck?: Actor[];
  /** what a refused write must leave as it was; defaults to the row of `{id}` */
  unchangedCheck?: (fx: Fx) => Promise<unknown>;
  /** more strings that must not appear in checked answers */
  markers?: () => string[];
};
type Row = {
  path: string;
  method: Method;
  as: Actor;
  target: Target | null;
  expect: number;
  pending?: string;
  kind?: Kind;
  route: Route;
};

let app: TestApp;
let f: ReturnType<typeof make>;
const headers: Partial<Record<Actor, Record<string, string>>> = {};
const users: Partial<Record<Owner, TestUser>> = {};
const shared = new Map<string, Fx>();
const fresh = new Map<Row, Fx>();
const markers: string[] = [];
const uploadedFiles: string[] = [];
let definition: unknown;
let authenticatedRoleId: number;
const unique = () => crypto.randomBytes(4).toString('hex');
let month = 0;
/** a month no other declaration of the test uses (one declaration a month and ambassador) */
const nextMonth = () => {
  month += 1;
  return `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
};
const db = (uid: string) => app.strapi.db.query(uid as any);
const rowsOf = (uid: string, where: Record<string, unknown>) => db(uid).findMany({ where, orderBy: { id: 'asc' } });
const countOf = (uid: string) => () => db(uid).count({});

/** A file uploaded through the content API by an ambassador, as the web space does. */
const uploadReceipt = async (owner: Owner, name: string) => {
  const res = await app
    .http()
    .post('/api/upload')
    .set(bearer(users[owner]!.jwt))
    .attach('files', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), { filename: name, contentType: 'application/pdf' });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
  const file = res.body[0];
  uploadedFiles.push(path.join(APP_ROOT, 'public', file.url));
  return file as { id: number; name: string };
};

/**
 * How to make each kind of document, for an owner: A is the active ambassador acting, T the
 * trained one, B another ambassador whose data must never leak.
 */
const KINDS = {
  case: {
    uid: 'api::case.case',
    key: 'documentId',
    make: (owner: Owner) => f.case(users[owner]!, { notes: 'Premier appel' }),
  },
  /** a case an assigned ambassador may put on hold (first contact, resume date ahead) */
  holdableCase: {
    uid: 'api::case.case',
    key: 'documentId',
    make: async (owner: Owner) => {
      const c = await f.case(users[owner]!, { resumeOn: '2099-01-15' });
      await f.setState('api::case.case', c.documentId, 'first_contact');
      return c;
    },
  },
  ambassador: {
    uid: 'api::ambassador.ambassador',
    key: 'documentId',
    // a row's own record needs no account behind it
    make: async (owner: Owner, forRow: boolean) =>
      forRow
        ? app.strapi.documents('api::ambassador.ambassador').create({ data: { displayName: `Ambassadrice ${unique()}` } as any })
        : { documentId: users[owner]!.ambassadorDocumentId },
  },
  declaration: {
    uid: 'api::time-declaration.time-declaration',
    key: 'documentId',
    make: (owner: Owner) => f.timeDeclaration(users[owner]!, { month: nextMonth(), description: 'Rencontre' }),
  },
  response: {
    uid: 'api::satisfaction-response.satisfaction-response',
    key: 'documentId',
    make: async (owner: Owner) => f.satisfactionResponse((await f.case(users[owner]!)).documentId),
  },
  user: {
    uid: 'plugin::users-permissions.user',
    key: 'documentId',
    make: async (owner: Owner, forRow: boolean) =>
      forRow
        ? db('plugin::users-permissions.user').create({
            data: { username: `u-${unique()}`, email: `u-${unique()}@example.test`, provider: 'local', confirmed: true, role: authenticatedRoleId },
          })
        : db('plugin::users-permissions.user').findOne({ where: { id: users[owner]!.id } }),
  },
  structure: {
    uid: 'api::structure.structure',
    key: 'documentId',
    make: async (owner: Owner) => {
      const s = await f.structure();
      await f.case(users[owner]!, { installationStructure: s.documentId, proposedSites: [s.documentId] });
      return s;
    },
  },
  professional: {
    uid: 'api::professional.professional',
    key: 'documentId',
    make: async (owner: Owner) =>
      (await db('api::ambassador.ambassador').findOne({ where: { documentId: users[owner]!.ambassadorDocumentId }, populate: ['professional'] }))
        .professional,
  },
  failedReminder: {
    uid: 'plugin::reminders.reminder',
    key: 'id',
    make: async (owner: Owner) => reminder(owner, 'failed'),
  },
  scheduledReminder: {
    uid: 'plugin::reminders.reminder',
    key: 'id',
    make: async (owner: Owner) => reminder(owner, 'scheduled'),
  },
  receipt: {
    uid: 'plugin::upload.file',
    key: 'id',
    make: async (owner: Owner) => {
      const file = await uploadReceipt(owner, `recu-${owner}-${unique()}.pdf`);
      const declaration = await f.timeDeclaration(users[owner]!, { month: nextMonth() });
      await app.strapi.documents('api::time-declaration.time-declaration').update({ documentId: declaration.documentId, data: { receipts: [file.id] } as any });
      return file;
    },
  },
} satisfies Record<string, { uid: string; key: 'documentId' | 'id'; make: (owner: Owner, forRow: boolean) => Promise<any> }>;
type Kind = keyof typeof KINDS;

const reminder = async (owner: Owner, status: 'failed' | 'scheduled') => {
  const subject = await f.case(users[owner]!);
  return db('plugin::reminders.reminder').create({
    data: {
      rule: 'case.matching.overdue',
      template: 'case.matching.overdue',
      subjectUid: 'api::case.case',
      subjectDocumentId: subject.documentId,
      recipient: 'coordination',
      dueAt: new Date(Date.now() + 86400000),
      status,
      attempts: status === 'failed' ? 3 : 0,
      lastError: status === 'failed' ? '550 rejected' : null,
      dedupeKey: `matrix|${unique()}`,
    },
  });
};

/* ------------------------------------------------------------------------------------------- */
/* The table                                                                                    */
/* ------------------------------------------------------------------------------------------- */

// front-office users and tokens on the content API
const FRONT_NONE = { public: 403, amb: 403, trained: 403 } as const;
// admins without access to personal data, and no session at all
const ADMIN_NONE = { public: 401, communication: 403, editor: 403, author: 403, custom: 403 } as const;

const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
const RELATIONS: Partial<Record<Actor, Cell>> = {
  ...ADMIN_NONE,
  coordination: 200,
  ...Object.fromEntries((['communication', 'editor', 'author', 'custom'] as const).map((a) => [a, 403])),
};
type CmKind = {
  kind: Kind;
  create: (fx: Fx) => Record<string, unknown>;
  update: Record<string, unknown>;
  /** fields a copy must not share with its source */
  clone?: () => Record<string, unknown>;
  readOnly?: boolean;
};
const CM_KINDS: CmKind[] = [
  { kind: 'case', create: () => ({ newcomerFirstName: 'Ana', newcomerLastName: 'Créée', profession: 'midwife' }), update: { notes: 'Note de la coordination' } },
  { kind: 'ambassador', create: () => ({ displayName: 'Nouvelle ambassadrice' }), update: { capacity: 3 } },
  {
    kind: 'declaration',
    create: (fx) => ({ ambassador: fx.B.ambassadorDocumentId, month: nextMonth(), hours: 2, activity: 'meeting' }),
    update: { hours: 4 },
  },
  {
    kind: 'response',
    create: () => ({ score: 4, submittedAt: new Date().toISOString(), answers: {} }),
    update: { comment: 'Réponse modifiée' },
    readOnly: true,
  },
  {
    kind: 'user',
    create: (fx) => ({
      username: `u-${unique()}`,
      email: `u-${unique()}@example.test`,
      password: 'Secret-pass-123',
      confirmed: true,
      blocked: false,
      role: fx.authenticatedRoleId,
    }),
    update: { blocked: false },
    clone: () => ({ username: `u-${unique()}`, email: `u-${unique()}@example.test` }),
  },
];

const WORKFLOW_UIDS = ['api::case.case', 'api::ambassador.ambassador', 'api::time-declaration.time-declaration'];

const cmRoutes = (): Route[] =>
  CM_KINDS.flatMap(({ kind, create, update, clone, readOnly }) => {
    const uid = KINDS[kind].uid;
    // a workflow document cannot be cloned (its state, dates and history come from transitions)
    const cloneStatus = WORKFLOW_UIDS.includes(uid) ? 400 : 200;
    // satisfaction responses are read-only in the Content Manager, Super Admin included
    const write = (status: number): Partial<Record<Actor, Cell>> =>
      readOnly ? { ...ADMIN_NONE, coordination: 403, superAdmin: 403 } : { ...ADMIN_NONE, coordination: status };
    return [
      { route: `GET ${cm(uid)}`, kind, expect: { ...ADMIN_NONE, coordination: 200 } },
      { route: `GET ${cm(uid)}/{id}`, kind, expect: { ...ADMIN_NONE, coordination: 200 } },
      { route: `POST ${cm(uid)}`, body: create, expect: write(201), unchangedCheck: countOf(uid) },
      { route: `PUT ${cm(uid)}/{id}`, kind, body: () => update, expect: write(200) },
      { route: `DELETE ${cm(uid)}/{id}`, kind, expect: write(200) },
      { route: `POST ${cm(uid)}/clone/{id}`, kind, body: () => clone?.() ?? {}, expect: write(cloneStatus), unchangedCheck: countOf(uid) },
      { route: `POST ${cm(uid)}/actions/bulkDelete`, kind, body: (fx) => ({ documentIds: [fx.documentId] }), expect: write(200) },
    ];
  });

const ROUTES: Route[] = [
  /* content API: cases */
  {
    route: 'GET /api/cases',
    expect: { ...FRONT_NONE, amb: 200, trained: 200, coordinator: 200, fullToken: 200, readToken: 200 },
    leakCheck: ['amb', 'trained'],
  },
  {
    route: 'GET /api/cases/{id}',
    kind: 'case',
    expect: { public: 403, amb: { own: 200, other: 404 }, trained: { other: 404 }, coordinator: 200, fullToken: 200, readToken: 200 },
  },
  {
    route: 'PUT /api/cases/{id}',
    kind: 'case',
    body: () => ({ data: { notes: 'Rappel prévu jeudi' } }),
    expect: { public: 403, amb: { own: 200, other: 404 }, trained: { other: 404 }, coordinator: 200, fullToken: 200, readToken: 403 },
  },
  {
    route: 'DELETE /api/cases/{id}',
    kind: 'case',
    expect: { public: 403, amb: { own: 403, other: 403 }, trained: { other: 403 }, coordinator: 204, fullToken: 204, readToken: 403 },
  },
  {
    route: 'POST /api/cases/{id}/actions',
    kind: 'case',
    body: () => ({ data: { kind: 'call', date: '2026-10-02', summary: 'Appel de suivi', minutes: 10 } }),
    expect: { public: 403, amb: { own: 201, other: 404 }, trained: { other: 404 }, coordinator: 201, fullToken: 201, readToken: 403 },
  },
  {
    route: 'GET /api/cases/{id}/workflow',
    kind: 'case',
    expect: {
      public: 403,
      amb: { own: 200, other: 404 },
      trained: { other: 404 },
      coordinator: 200,
      fullToken: 200,
      readToken: 200,
    },
  },
  {
    route: 'POST /api/cases/{id}/transitions',
    kind: 'holdableCase',
    body: () => ({ to: 'on_hold' }),
    expect: { public: 403, amb: { own: 200, other: 404 }, trained: { other: 404 }, coordinator: 200, fullToken: 200, readToken: 403 },
  },

  /* content API: ambassadors */
  {
    route: 'GET /api/ambassadors',
    expect: { ...FRONT_NONE, amb: 200, trained: 200, coordinator: 200, fullToken: 200, readToken: 200 },
    leakCheck: ['amb', 'trained'],
  },
  {
    route: 'GET /api/ambassadors/{id}',
    kind: 'ambassador',
    expect: { public: 403, amb: { own: 200, other: 404 }, trained: { own: 200, other: 404 }, coordinator: 200, fullToken: 200, readToken: 200 },
  },
  {
    route: 'PUT /api/ambassadors/{id}',
    kind: 'ambassador',
    body: () => ({ data: { capacity: 3 } }),
    expect: { public: 403, amb: { own: 403, other: 403 }, coordinator: 200, fullToken: 200, readToken: 403 },
  },

  /* content API: time declarations */
  {
    route: 'GET /api/time-declarations',
    expect: { ...FRONT_NONE, amb: 200, trained: 200, coordinator: 200, fullToken: 200, readToken: 200 },
    leakCheck: ['amb', 'trained'],
  },
  {
    route: 'GET /api/time-declarations/{id}',
    kind: 'declaration',
    expect: { public: 403, amb: { own: 200, other: 404 }, trained: { own: 200, other: 404 }, coordinator: 200, fullToken: 200, readToken: 200 },
  },
  {
    route: 'POST /api/time-declarations',
    // an ambassador declares for themself; the others name the declarant
    body: (fx, as) => ({
      data: { month: nextMonth(), hours: 1.5, activity: 'accompaniment', ...(as === 'amb' || as === 'trained' ? {} : { ambassador: fx.B.ambassadorDocumentId }) },
    }),
    expect: { public: 403, amb: 201, trained: 201, coordinator: 201, fullToken: 201, readToken: 403 },
    unchangedCheck: countOf('api::time-declaration.time-declaration'),
  },
  {
    route: 'PUT /api/time-declarations/{id}',
    kind: 'declaration',
    body: () => ({ data: { hours: 2.5 } }),
    expect: { public: 403, amb: { own: 200, other: 404 }, trained: { other: 404 }, coordinator: 200, fullToken: 200, readToken: 403 },
  },
  {
    route: 'PUT /api/time-declarations/{id}',
    note: 'linking their own receipt',
    kind: 'declaration',
    body: (fx) => ({ data: { receipts: [fx.receiptOf('A').id] } }),
    expect: { amb: { own: 200 } },
  },
  {
    route: 'PUT /api/time-declarations/{id}',
    note: "linking someone else's receipt by its id",
    kind: 'declaration',
    body: (fx) => ({ data: { receipts: [fx.receiptOf('B').id] } }),
    expect: { amb: { own: 403 }, trained: { own: 403 } },
  },
  {
    route: 'POST /api/time-declarations',
    note: "with someone else's receipt",
    body: (fx) => ({ data: { month: nextMonth(), hours: 1, activity: 'meeting', receipts: { connect: [{ id: fx.receiptOf('B').id }] } } }),
    expect: { amb: 403, trained: 403 },
    unchangedCheck: countOf('api::time-declaration.time-declaration'),
  },
  {
    route: 'DELETE /api/time-declarations/{id}',
    kind: 'declaration',
    expect: { public: 403, amb: { own: 204, other: 404 }, trained: { other: 404 }, coordinator: 204, fullToken: 204, readToken: 403 },
  },

  /* content API: satisfaction responses, reminders, indicators, settings, accounts, files */
  { route: 'GET /api/satisfaction-responses', expect: { ...FRONT_NONE, coordinator: 200, fullToken: 200, readToken: 200 } },
  { route: 'GET /api/satisfaction-responses/{id}', kind: 'response', expect: { ...FRONT_NONE, coordinator: 200, fullToken: 200, readToken: 200 } },
  {
    route: 'GET /api/reminders',
    expect: { ...FRONT_NONE, amb: 200, trained: 200, coordinator: 200, fullToken: 200, readToken: 200 },
    leakCheck: ['amb', 'trained'],
    // the other ambassador's reminders name their case
    markers: () => [shared.get('failedReminder:B')!.subjectDocumentId, shared.get('scheduledReminder:B')!.subjectDocumentId],
  },
  { route: 'GET /api/indicators?year=2026', expect: { ...FRONT_NONE, coordinator: 200, fullToken: 200, readToken: 200 } },
  {
    route: 'GET /api/indicators/export?year=2026&format=csv',
    expect: { ...FRONT_NONE, coordinator: 200, fullToken: 200, readToken: 200 },
  },
  { route: 'GET /api/cpts-setting', expect: { ...FRONT_NONE, coordinator: 200, fullToken: 200, readToken: 200 } },
  {
    route: 'PUT /api/cpts-setting',
    body: () => ({ data: { name: 'CPTS du Sud' } }),
    expect: { ...FRONT_NONE, coordinator: 200, fullToken: 200, readToken: 403 },
    unchangedCheck: () => rowsOf('api::cpts-setting.cpts-setting', {}),
  },
  // front-office accounts and the raw media library are for tokens (integrations) only
  { route: 'GET /api/users', expect: { ...FRONT_NONE, coordinator: 403, fullToken: 200, readToken: 200 } },
  { route: 'GET /api/upload/files', expect: { ...FRONT_NONE, coordinator: 403, fullToken: 200, readToken: 200 } },
  { route: 'GET /api/upload/files/{id}', kind: 'receipt', expect: { ...FRONT_NONE, coordinator: 403, fullToken: 200, readToken: 200 } },
  {
    route: 'POST /api/upload?id={id}',
    kind: 'receipt',
    form: () => ({ fileInfo: JSON.stringify({ alternativeText: 'Justificatif de déplacement' }) }),
    expect: { public: 403, amb: { own: 403, other: 403 }, coordinator: 200, fullToken: 200, readToken: 403 },
  },

  /* Content Manager */
  ...cmRoutes(),
  { route: 'GET /content-manager/single-types/api::cpts-setting.cpts-setting', expect: { ...ADMIN_NONE, coordination: 200 } },
  {
    route: 'PUT /content-manager/single-types/api::cpts-setting.cpts-setting',
    body: () => ({ name: 'CPTS du Sud', timezone: 'Indian/Reunion', matchingWindowDays: 10, followUpWindowDays: 14 }),
    expect: { ...ADMIN_NONE, coordination: 200 },
    unchangedCheck: () => rowsOf('api::cpts-setting.cpts-setting', {}),
  },
  ...['installedCases', 'proposedForCases'].map(
    (field): Route => ({
      route: `GET /content-manager/relations/api::structure.structure/{id}/${field}`,
      kind: 'structure',
      expect: RELATIONS,
    })
  ),
  {
    route: 'GET /content-manager/relations/api::structure.structure/installedCases',
    expect: RELATIONS,
  },
  {
    route: 'GET /content-manager/relations/api::professional.professional/{id}/ambassador',
    kind: 'professional',
    expect: RELATIONS,
  },

  /* plugins' admin routes */
  { route: 'GET /workflow/board/api::case.case', expect: { ...ADMIN_NONE, coordination: 200 } },
  { route: 'GET /workflow/documents/api::case.case/{id}', kind: 'case', expect: { ...ADMIN_NONE, coordination: 200 } },
  {
    route: 'POST /workflow/documents/api::case.case/{id}/transitions',
    kind: 'holdableCase',
    body: () => ({ to: 'on_hold' }),
    expect: { ...ADMIN_NONE, coordination: 200 },
  },
  // the definitions are read with `plugin::workflow.read` and saved with `plugin::workflow.manage` (the coordination)
  { route: 'GET /workflow/definitions', expect: { ...ADMIN_NONE, coordination: 200 } },
  {
    route: 'PUT /workflow/definitions/case',
    body: () => ({ definition }),
    expect: { ...ADMIN_NONE, coordination: 200 },
    unchangedCheck: () => rowsOf('plugin::workflow.definition', {}),
  },
  { route: 'GET /reminders/list', expect: { ...ADMIN_NONE, coordination: 200 } },
  { route: 'POST /reminders/{id}/retry', kind: 'failedReminder', expect: { ...ADMIN_NONE, coordination: 200 } },
  { route: 'POST /reminders/{id}/cancel', kind: 'scheduledReminder', expect: { ...ADMIN_NONE, coordination: 200 } },
  { route: 'GET /indicators/report?year=2026', expect: { ...ADMIN_NONE, coordination: 200, custom: 200 } },
  {
    route: 'GET /indicators/report/export?year=2026&format=csv',
    expect: { ...ADMIN_NONE, coordination: 200, custom: 200 },
  },

  /* media library: a time declaration's receipt is personal data */
  { route: 'GET /upload/files', expect: { public: 401, coordination: 200, communication: 200, editor: 200, author: 200, custom: 403 }, leakCheck: ['communication', 'editor', 'author'] },
  { route: 'GET /upload/files/{id}', kind: 'receipt', expect: { public: 401, coordination: 200, communication: 404, editor: 404, author: 404, custom: 403 } },
  {
    route: 'POST /upload?id={id}',
    kind: 'receipt',
    form: () => ({ fileInfo: JSON.stringify({ alternativeText: 'Justificatif' }) }),
    expect: { public: 401, coordination: 200, communication: 404, editor: 404, author: 404, custom: 404 },
  },
  { route: 'DELETE /upload/files/{id}', kind: 'receipt', expect: { public: 401, coordination: 200, communication: 404, editor: 404, author: 404, custom: 403 } },
  {
    route: 'POST /upload/actions/bulk-delete',
    kind: 'receipt',
    body: (fx) => ({ fileIds: [fx.id], folderIds: [] }),
    expect: { public: 401, coordination: 200, communication: 404, editor: 404, author: 404, custom: 403 },
  },
  {
    route: 'POST /upload/actions/bulk-move',
    kind: 'receipt',
    body: (fx) => ({ fileIds: [fx.id], folderIds: [], destinationFolderId: null }),
    expect: { public: 401, coordination: 200, communication: 404, editor: 404, author: 404, custom: 403 },
  },
];

/* ------------------------------------------------------------------------------------------- */
/* Rows, fixtures and checks                                                                    */
/* ------------------------------------------------------------------------------------------- */

const ROWS: Row[] = ROUTES.flatMap((route) => {
  const [method, url] = route.route.split(' ') as [Method, string];
  return (Object.entries(route.expect) as Array<[Actor, Cell]>).flatMap(([as, cell]) => {
    const cells: Array<[Target | null, Status]> =
      typeof cell === 'number' || 'status' in cell ? [[null, cell as Status]] : (Object.entries(cell) as Array<[Target, Status]>);
    return cells.map(([target, status]) => ({
      path: url,
      method,
      as,
      target,
      expect: typeof status === 'number' ? status : status.status,
      pending: typeof status === 'number' ? undefined : status.pending,
      kind: route.kind,
      route,
    }));
  });
});

const ownerOf = (row: Row): Owner => (row.target === 'own' ? (row.as === 'trained' ? 'T' : 'A') : 'B');
const isAllowedWrite = (row: Row) => row.method !== 'GET' && row.expect < 300;
const fixtureOf = (row: Row): Fx => {
  const common = { A: users.A, T: users.T, B: users.B, authenticatedRoleId, receiptOf: (owner: Owner) => shared.get(`receipt:${owner}`)! };
  if (!row.kind) return common;
  return { ...common, ...(fresh.get(row) ?? shared.get(`${row.kind}:${ownerOf(row)}`)!) };
};

const send = (row: Row, fx: Fx) => {
  const url = row.path.replace('{id}', row.kind ? encodeURIComponent(String(fx[KINDS[row.kind].key])) : '');
  const verb = row.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let req = app.http()[verb](url).set(headers[row.as]!);
  if (row.route.form) for (const [k, v] of Object.entries(row.route.form(fx))) req = req.field(k, v);
  else if (row.route.body) req = req.send(row.route.body(fx, row.as) as object);
  return req;
};

const unchangedOf = (row: Row, fx: Fx) => {
  if (row.route.unchangedCheck) return row.route.unchangedCheck(fx);
  if (!row.kind) return undefined;
  const { uid, key } = KINDS[row.kind];
  return rowsOf(uid, { [key]: fx[key] });
};

const label = (row: Row) =>
  `${row.as} ${row.method} ${row.path}${row.route.note ? `, ${row.route.note}` : ''}${row.target ? ` (${row.target})` : ''} → ${row.expect}` +
  (row.pending ? ` [pending: ${row.pending}]` : '');

beforeAll(async () => {
  app = await bootStrapi();
  f = make(app);
  // independent accounts side by side: most of their cost is password hashing
  [users.A, users.T, users.B] = await Promise.all([f.ambassador('active'), f.ambassador('trained'), f.ambassador('active')]);
  headers.public = {};
  headers.amb = bearer(users.A.jwt);
  headers.trained = bearer(users.T.jwt);
  const admins: Array<[Actor, string]> = [
    ['coordination', 'ancrage-coordination'],
    ['communication', 'ancrage-communication'],
    ['editor', 'strapi-editor'],
    ['author', 'strapi-author'],
    ['superAdmin', 'strapi-super-admin'],
  ];
  await Promise.all([
    createUser(app, 'coordinator').then((u) => (headers.coordinator = bearer(u.jwt))),
    createApiToken(app, 'full-access').then((t) => (headers.fullToken = bearer(t))),
    createApiToken(app, 'read-only').then((t) => (headers.readToken = bearer(t))),
    ...admins.map(([actor, code]) => createAdmin(app, code).then((a) => (headers[actor] = bearer(a.token)))),
  ]);

  // a role made in the panel: aggregate figures and the guide, nothing personal
  const role = await app.http().post('/admin/roles').set(headers.superAdmin!).send({ name: `Lecture ${unique()}`, description: 'Indicateurs et guide' });
  expect(role.status).toBe(201);
  const granted = await app
    .http()
    .put(`/admin/roles/${role.body.data.id}/permissions`)
    .set(headers.superAdmin!)
    .send({
      permissions: [
        { action: 'plugin::indicators.read', subject: null, properties: {}, conditions: [] },
        { action: 'plugin::content-manager.explorer.read', subject: 'api::guide.guide', properties: { fields: ['title', 'edition', 'summary'] }, conditions: [] },
      ],
    });
  expect(granted.status).toBe(200);
  headers.custom = bearer((await createAdmin(app, role.body.data.code)).token);

  // B's data, whose traces no refused answer may carry
  const tag = unique();
  const caseB = await f.case(users.B, {
    newcomerFirstName: `Prénomfuite${tag}`,
    newcomerLastName: `Nomfuite${tag}`,
    newcomerEmail: `fuite-${tag}@example.org`,
    newcomerPhone: `0692${String(parseInt(tag, 16) % 1000000).padStart(6, '0')}`,
  });
  await app.strapi.documents('api::ambassador.ambassador').update({ documentId: users.B.ambassadorDocumentId!, data: { displayName: `Ambassadeurfuite${tag}` } as any });
  const responseB = await f.satisfactionResponse(caseB.documentId);
  await db('api::satisfaction-response.satisfaction-response').update({ where: { id: responseB.id }, data: { comment: `Commentairefuite${tag}` } });
  const settings = await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst({ populate: ['coordinatorEmails'] } as any);
  await app.strapi.documents('api::cpts-setting.cpts-setting').update({
    documentId: (settings as any).documentId,
    data: { coordinatorEmails: [{ email: `coordination-${tag}@example.org`, name: 'Coordination' }] } as any,
  });
  const declarationB = await f.timeDeclaration(users.B, { month: nextMonth(), description: `Déclarationfuite${tag}` });
  const receiptB = await uploadReceipt('B', `recufuite-${tag}.pdf`);
  await app.strapi.documents('api::time-declaration.time-declaration').update({ documentId: declarationB.documentId, data: { receipts: [receiptB.id] } as any });
  // uploaded, not linked yet: still someone's receipt
  await uploadReceipt('B', `recuorphelinfuite-${tag}.pdf`);
  markers.push(
    `Prénomfuite${tag}`,
    `Nomfuite${tag}`,
    `fuite-${tag}@example.org`,
    caseB.newcomerPhone,
    `Ambassadeurfuite${tag}`,
    `Commentairefuite${tag}`,
    `coordination-${tag}@example.org`,
    `Déclarationfuite${tag}`,
    `recufuite-${tag}`,
    `recuorphelinfuite-${tag}`,
    users.B.email
  );

  shared.set('case:A', await KINDS.case.make('A'));
  shared.set('case:B', caseB);
  shared.set('declaration:B', declarationB);
  shared.set('response:B', responseB);
  shared.set('receipt:B', receiptB);
  shared.set('receipt:A', await KINDS.receipt.make('A'));
  authenticatedRoleId = (await db('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })).id;
  definition = (await app.strapi.plugin('workflow').service('definitions').getActive('case')).definition;

  // one shared document per kind and owner, and one of its own for each row allowed to write
  for (const row of ROWS) {
    const key = `${row.kind}:${ownerOf(row)}`;
    if (row.kind && !shared.has(key)) shared.set(key, await KINDS[row.kind].make(ownerOf(row), false));
  }
  await Promise.all(
    ROWS.filter((row) => row.kind && isAllowedWrite(row)).map(async (row) => fresh.set(row, await KINDS[row.kind!].make(ownerOf(row), true)))
  );
  // boot and fixtures take a few seconds; a loaded machine multiplies that
}, 300000);

afterAll(async () => {
  for (const file of uploadedFiles) fs.rmSync(file, { force: true });
  await app.destroy();
});

const check = async (row: Row) => {
  const fx = fixtureOf(row);
  const refusedWrite = row.method !== 'GET' && row.expect >= 400;
  const before = refusedWrite ? await unchangedOf(row, fx) : undefined;
  const res = await send(row, fx);
  if (res.status !== row.expect) throw new Error(`${label(row)}: got ${res.status} ${String(res.text).slice(0, 400)}`);

  if (row.expect >= 400 || row.route.leakCheck?.includes(row.as)) {
    const text = String(res.text ?? JSON.stringify(res.body));
    for (const marker of [...markers, ...(row.route.markers?.() ?? [])]) {
      if (text.includes(marker)) throw new Error(`${label(row)}: the answer carries ${marker}`);
    }
  }
  if (row.expect >= 400 && res.headers['content-type']?.includes('json')) {
    expect(res.body).toEqual(expect.objectContaining({ data: null, error: expect.objectContaining({ status: row.expect }) }));
  }
  if (refusedWrite && before !== undefined) expect(await unchangedOf(row, fx)).toEqual(before);
};

describe('security matrix', () => {
  for (const row of ROWS) {
    (row.pending ? it.failing : it)(label(row), () => check(row));
  }
});

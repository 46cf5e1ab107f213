/**
 * Property-based fuzzing of every custom route and every query parameter, as each kind of
 * caller: whatever arrives (wrong types, huge strings, NUL and right-to-left overrides, qs
 * nesting, prototype keys, extreme dates and numbers, malformed bodies),
 * - nothing answers 5xx;
 * - every 4xx is Strapi's envelope with `details.errors[{ path, message }]`;
 * - a request answered 4xx (and any GET) changes nothing in the database;
 * - no request takes more than 2 s, and /api/health keeps answering 200 within 2 s meanwhile.
 *
 * `FUZZ_RUNS` (runs per property, default 60) and `FUZZ_SEED` (replays a failure) bound and
 * reproduce a run: `FUZZ_RUNS=2000 npm test -- tests/reliability/fuzz.test.ts`; `FUZZ_SHRINK=1`
 * shrinks a counterexample (more requests) instead of stopping at the first failure.
 */
import http from 'http';
import fc from 'fast-check';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestUser } from '../helpers/actors';
import { make } from '../helpers/fixtures';
import { envelopeProblem } from '../helpers/envelope';
import { startWatchdog } from '../helpers/watchdog';
import { satisfactionSecret, signToken } from '../../src/api/satisfaction/services/token';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 60);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const SLOW_MS = 2000;

type Caller = 'coordinator' | 'ambassador' | 'token' | 'admin' | 'anonymous';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type FuzzRequest = {
  caller: Caller;
  method: Method;
  path: string;
  /** The raw query string, qs syntax, already percent-encoded. */
  query: string;
  /** A JSON body, or raw bytes with their content type. */
  body?: { json: unknown } | { raw: string; contentType: string };
};

/**
 * Inputs with a known defect whose fix lands separately: the generators leave out what these
 * match, and nothing else. Remove an entry when its fix is merged.
 */
const KNOWN_OPEN: Array<{ defect: string; matches: (r: FuzzRequest) => boolean }> = [];
const knownOpen = (r: FuzzRequest) => KNOWN_OPEN.some((k) => k.matches(r));

// ---------------------------------------------------------------------------------------------
// generators

const EXTREME_DATES = [
  '0000-01-01', '0001-01-01', '9999-12-31', '+02026-01-01', '275760-09-13', '-000001-01-01', '2026-02-30', '2026-13-01',
  '2026-11-02T25:61:00Z', '1969-12-31T23:59:59.999Z', '2026-11-02T10:00:00+14:00', '2026', '0000', '0001', '9999', '99999',
  '1999-12-31', '2101-01-01',
];
const EXTREME_NUMBERS = [
  'NaN', 'Infinity', '-Infinity', '-0', '0', '-1', '1e308', '-1e308', '1e-400', '9007199254740993', '123456789012345678901234567890',
  '0x1F', '1_000', '1.5', ' 7 ', '2147483648', '-2147483649',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];
const ODD_TEXT = [
  '\u0000', 'a\u0000b', '\u202Eexe.txt', '\u2066x\u2069', '🦄', '👩‍👩‍👧‍👦', 'e\u0301', '\uFEFF', '\uD800', '\uDFFF', '𝕏𝕐', '\r\n', '\t', '\u0085',
  "'; drop table cases; --", '%', '&', '=', '[', ']', '$eq', '$where', '*', '.', '..', '/', '\\', 'null', 'undefined', 'true', 'false',
  '[]', '{}', ' ', '',
];
/** Percent-encodings that are themselves broken or decode to oddities; sent as they are. */
const RAW_FRAGMENTS = ['%zz', '%', '%E0%A4%A', '%00', '%C0%AF', '%FF%FE', '%u202E', '%2525', '%5B%5D'];

const arbNumberLike = fc.oneof(fc.constantFrom(...EXTREME_NUMBERS), fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String));
const arbDateLike = fc.oneof(
  fc.constantFrom(...EXTREME_DATES),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
);
/** Any text: odd values, dates, numbers, random (grapheme, binary), and sometimes long. */
const arbText = (maxLong: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT, ...PROTO_KEYS) },
    { weight: 2, arbitrary: arbDateLike },
    { weight: 2, arbitrary: arbNumberLike },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: Math.ceil(maxLong / 4), max: maxLong }).map((n) => 'é'.repeat(n)) }
  );

/** Percent-encodes everything but unreserved ASCII (so that the request line stays valid). */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

type QueryValue = { text: string } | { raw: string };
type QueryEntry = { key: string[]; value: QueryValue };

/** Node answers 431 itself beyond 16 KiB of request line and headers, before the app sees anything. */
const MAX_QUERY = 12_000;

/** `a[b][c]=v` entries, qs syntax (a key segment '' is `a[]`), as many as fit in MAX_QUERY. */
const serialize = (entries: QueryEntry[]) => {
  const parts: string[] = [];
  for (const { key, value } of entries) {
    const [head, ...rest] = key;
    const part = `${enc(head ?? '')}${rest.map((s) => `[${enc(s)}]`).join('')}=${'raw' in value ? value.raw : enc(value.text)}`;
    if (parts.join('&').length + part.length + 1 > MAX_QUERY) break;
    parts.push(part);
  }
  return parts.join('&');
};

const arbQueryValue: fc.Arbitrary<QueryValue> = fc.oneof(
  { weight: 12, arbitrary: arbText(300).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: MAX_QUERY }).map((n) => ({ text: 'x'.repeat(n) })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_FRAGMENTS).map((raw) => ({ raw })) }
);

const OPERATORS = ['$eq', '$eqi', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$contains', '$containsi', '$startsWith', '$null', '$notNull', '$between', '$or', '$and', '$not'];

type TypeInfo = { plural: string; uid: string; scalars: string[]; relations: string[]; documentIds: string[] };

/** Strapi's core query parameters, in shapes that reach deep and in random ones. */
const arbCoreQuery = (t: TypeInfo) => {
  const attr = fc.constantFrom(...t.scalars, ...t.relations, 'id', 'documentId', 'createdAt', 'state');
  const segment = fc.oneof(attr, fc.constantFrom(...OPERATORS, ...PROTO_KEYS, 'populate', 'fields', 'filters', 'sort', 'on', 'count', '*', '0', '1', '', '99999999'), arbText(50));
  const value = fc.oneof(attr.map((text) => ({ text })), arbQueryValue);
  const entry: fc.Arbitrary<QueryEntry> = fc.oneof(
    fc.tuple(attr, fc.constantFrom(...OPERATORS), fc.option(fc.constantFrom('0', '1', '__proto__'), { nil: undefined }), value).map(([a, op, i, v]) => ({ key: ['filters', a, op, ...(i ? [i] : [])], value: v })),
    fc.tuple(fc.constantFrom(...t.relations, ...PROTO_KEYS), attr, fc.constantFrom(...OPERATORS), value).map(([r, a, op, v]) => ({ key: ['filters', r, a, op], value: v })),
    fc.tuple(attr, fc.constantFrom('asc', 'desc', 'ASC', 'up', '', '__proto__')).map(([a, d]) => ({ key: ['sort'], value: { text: `${a}:${d}` } })),
    fc.tuple(fc.constantFrom('0', '1', ''), value).map(([i, v]) => ({ key: ['sort', i], value: v })),
    fc.oneof(fc.constantFrom('*', ...t.relations), arbText(40)).map((text) => ({ key: ['populate'], value: { text } })),
    fc.tuple(fc.constantFrom(...t.relations, '*', '__proto__'), fc.constantFrom('populate', 'fields', 'filters', 'sort', 'count', 'on'), fc.array(segment, { maxLength: 3 }), value).map(([r, p, more, v]) => ({ key: ['populate', r, p, ...more], value: v })),
    fc.tuple(fc.constantFrom('0', '1', '', '__proto__'), value).map(([i, v]) => ({ key: ['fields', i], value: v })),
    fc.tuple(fc.constantFrom('page', 'pageSize', 'start', 'limit', 'withCount', '__proto__'), fc.oneof(arbNumberLike.map((text) => ({ text })), arbQueryValue)).map(([p, v]) => ({ key: ['pagination', p], value: v })),
    fc.tuple(fc.constantFrom('status', 'locale', 'fields', 'populate', 'sort', 'filters', 'pagination'), fc.array(segment, { maxLength: 6 }), value).map(([p, more, v]) => ({ key: [p, ...more], value: v })),
    fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), arbText(30)), fc.array(segment, { maxLength: 3 }), value).map(([p, more, v]) => ({ key: [p, ...more], value: v }))
  );
  return fc.array(entry, { maxLength: 6 }).map(serialize);
};

/** A route's own parameters (valid and not) and strangers. */
const arbParams = (params: Record<string, fc.Arbitrary<string>>) => {
  const names = Object.keys(params);
  const known = fc.constantFrom(...names).chain((k) => fc.oneof(params[k]!.map((text) => ({ key: [k], value: { text } as QueryValue })), arbQueryValue.map((value) => ({ key: [k], value }))));
  const nested = fc.tuple(fc.constantFrom(...names, ...PROTO_KEYS), fc.array(fc.oneof(fc.constantFrom(...names, ...PROTO_KEYS, '', '0'), arbText(20)), { minLength: 1, maxLength: 4 }), arbQueryValue).map(
    ([k, more, value]) => ({ key: [k, ...more], value })
  );
  const stranger = fc.tuple(arbText(30), arbQueryValue).map(([k, value]) => ({ key: [k], value }));
  return fc.array(fc.oneof({ weight: 6, arbitrary: known }, { weight: 2, arbitrary: nested }, { weight: 1, arbitrary: stranger }), { maxLength: 4 }).map(serialize);
};

const arbYear = fc.oneof(fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')), fc.constantFrom('2025', '2026', '1999', '2101', '0000', '0001', '9999', '99999', '25'));
const arbPeriodDate = fc.oneof(arbDateLike, arbYear.map((y) => `${y}-01-01`), arbYear.map((y) => `${y}-12-31`));
const PERIOD = { year: arbYear, from: arbPeriodDate, to: arbPeriodDate };
/** A well-formed period with odd years: what the indicators compute on. */
const arbPeriodQuery = fc.oneof(
  arbYear.map((y) => `year=${y}`),
  fc.tuple(arbYear, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 370 })).map(([y, m, days]) => {
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    const to = new Date(Date.parse(`2001-${String(m).padStart(2, '0')}-01T00:00:00Z`) + days * 86_400_000).toISOString().slice(4, 10);
    return `from=${from}&to=${y}${to}`;
  })
);

/** JSON leaves and trees with prototype keys, odd text, huge strings and extreme numbers. */
const arbJsonLeaf = fc.oneof(
  arbText(200_000),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 5e-324),
  fc.boolean(),
  fc.constant(null)
);
const arbJson = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arbJsonLeaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })), tie('tree')), { maxLength: 4 }).map((kv) => Object.fromEntries(kv))
  ),
})).tree;

/** A record with some of `keys` (and strangers), each with a value of `value`. */
const arbRecord = (keys: string[], value: (key: string) => fc.Arbitrary<unknown>) =>
  fc
    .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, 'id', 'documentId', 'state', 'createdAt') }).chain((k) => value(k).map((v) => [k, v] as const)), { maxLength: 5 })
    .map((kv) => Object.fromEntries(kv));

const MALFORMED_BODIES: Array<{ raw: string; contentType: string }> = [
  { raw: '{', contentType: 'application/json' },
  { raw: '{"data":{"a":1}}garbage', contentType: 'application/json' },
  { raw: '"\\ud800"', contentType: 'application/json' },
  { raw: 'null', contentType: 'application/json' },
  { raw: `{"data":${'['.repeat(20000)}${']'.repeat(20000)}}`, contentType: 'application/json' },
  { raw: `{"data":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, contentType: 'application/json' },
  { raw: '{}', contentType: 'application/json; charset=utf-16' },
  { raw: 'data[__proto__][polluted]=1&data[a][b][c][d][e][f][g][h]=1&data[kind]=call', contentType: 'application/x-www-form-urlencoded' },
  { raw: `${'a[]=1&'.repeat(2000)}x=1`, contentType: 'application/x-www-form-urlencoded' },
  { raw: 'plain text', contentType: 'text/plain' },
  { raw: 'zz', contentType: 'multipart/form-data' },
  { raw: '--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"kind":', contentType: 'multipart/form-data; boundary=b' },
  { raw: '<a/>', contentType: 'application/xml' },
];
const arbBody = (json: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 8, arbitrary: json.map((j) => ({ json: j })) }, { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_BODIES) });

// ---------------------------------------------------------------------------------------------
// the app, the callers, the checks

let app: TestApp;
let port: number;
let headers: Record<Caller, Record<string, string>>;
let fixtures: { types: TypeInfo[]; cases: string[]; declarations: string[]; ambassadors: string[]; reminderIds: string[]; tokens: string[]; states: string[] };
let fingerprint: () => Promise<string>;
let watchdog: ReturnType<typeof startWatchdog>;
const poll: { stop?: () => Promise<void>; results: Array<{ status: number; ms: number }> } = { results: [] };
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; body: any; ms: number };

/** Exact bytes on the wire (no client-side re-encoding of the path, query or body). */
const send = (req: FuzzRequest): Promise<Answer> => {
  const started = Date.now();
  let payload: Buffer | undefined;
  const h: Record<string, string> = { ...headers[req.caller] };
  if (req.body && 'json' in req.body) {
    payload = Buffer.from(JSON.stringify(req.body.json) ?? 'null');
    h['Content-Type'] = 'application/json';
  } else if (req.body) {
    payload = Buffer.from(req.body.raw);
    h['Content-Type'] = req.body.contentType;
  }
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.path + (req.query ? `?${req.query}` : ''), headers: h, agent, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body, ms: Date.now() - started });
        });
      }
    );
    r.on('timeout', () => r.destroy(new Error(`no answer after 30 s`)));
    r.on('error', reject);
    r.end(payload);
  });
};

const describeRequest = (req: FuzzRequest) => {
  const body = req.body === undefined ? '' : 'json' in req.body ? ` body=${JSON.stringify(req.body.json)}` : ` body(${req.body.contentType})=${JSON.stringify(req.body.raw)}`;
  const text = `${req.caller} ${req.method} ${req.path}${req.query ? `?${req.query}` : ''}${body}`;
  return text.length > 3000 ? `${text.slice(0, 3000)}… (${text.length} chars)` : text;
};

/** The properties every request must have; throws with the request and the answer. */
const check = async (req: FuzzRequest) => {
  watchdog.setNote(`seed=${SEED} ${describeRequest(req)}`);
  const before = await fingerprint();
  const res = await send(req);
  watchdog.setNote('');
  const after = await fingerprint();
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status}`);
  if (res.status >= 400 && res.status < 500) {
    const problem = envelopeProblem({ status: res.status, body: res.body, headers: res.headers as Record<string, string> });
    if (problem) problems.push(`a ${res.status} outside the envelope: ${problem}`);
  }
  if (res.ms > SLOW_MS) problems.push(`took ${res.ms} ms`);
  if ((res.status >= 400 || req.method === 'GET') && before !== after) problems.push(`changed the database (answered ${res.status})`);
  if (problems.length > 0) {
    throw new Error(`${problems.join('; ')}\n  request:  ${describeRequest(req)}\n  response: ${res.status} ${res.text.slice(0, 1000)}\n  (FUZZ_SEED=${SEED})`);
  }
};

const property = (arb: fc.Arbitrary<FuzzRequest>) =>
  fc.assert(
    fc.asyncProperty(arb.filter((r) => !knownOpen(r)), check),
    { numRuns: RUNS, seed: SEED, verbose: fc.VerbosityLevel.Verbose, endOnFailure: process.env.FUZZ_SHRINK !== '1' }
  );

/** Row counts, highest ids and last updates of the application's tables, as one string. */
const makeFingerprint = async (strapi: TestApp['strapi']) => {
  const knex = strapi.db.connection;
  const tables = new Set<string>();
  for (const [uid, meta] of strapi.db.metadata as unknown as Map<string, any>) {
    if (!/^(api::|plugin::workflow\.|plugin::reminders\.|case\.|guide\.|settings\.)/.test(uid)) continue;
    tables.add(meta.tableName);
    for (const a of Object.values(meta.attributes ?? {}) as any[]) if (a?.joinTable?.name) tables.add(a.joinTable.name);
  }
  const parts: string[] = [];
  const bindings: string[] = [];
  for (const table of [...tables].sort()) {
    if (!(await knex.schema.hasTable(table))) continue;
    const hasId = await knex.schema.hasColumn(table, 'id');
    const hasUpdated = await knex.schema.hasColumn(table, 'updated_at');
    parts.push(`select ? as t, count(*) as n, ${hasId ? 'max(??)' : 'null'} as m, ${hasUpdated ? 'max(??)' : 'null'} as u from ??`);
    bindings.push(table, ...(hasId ? ['id'] : []), ...(hasUpdated ? ['updated_at'] : []), table);
  }
  const sql = parts.join(' union all ');
  return async () => {
    const result = await knex.raw(sql, bindings);
    const rows = (Array.isArray(result) ? result : result.rows) as Array<Record<string, unknown>>;
    return rows.map((r) => `${r.t}:${r.n}:${r.m}:${r.u instanceof Date ? r.u.toISOString() : r.u}`).join('|');
  };
};

beforeAll(async () => {
  app = await bootStrapi({ REMINDERS_WORKER: 'off', SATISFACTION_RATE_LIMIT: '1000000000' });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;

  const f = make(app);
  const coordinator = await createUser(app, 'coordinator');
  const amb: TestUser = await f.ambassador();
  const token = await createApiToken(app);
  const admin = await createAdmin(app, 'ancrage-coordination');
  headers = {
    coordinator: { Authorization: `Bearer ${coordinator.jwt}` },
    ambassador: { Authorization: `Bearer ${amb.jwt}` },
    token: { Authorization: `Bearer ${token}` },
    admin: { Authorization: `Bearer ${admin.token}` },
    anonymous: {},
  };

  const structure = await f.structure();
  const professional = await f.professional({ structure: structure.documentId, directoryConsent: true });
  const mine = await f.case(amb, {
    actions: [{ kind: 'call', date: '2026-10-01', summary: 'appel' }],
    followUps: [{ milestone: 'm3', doneAt: '2026-10-05' }],
    proposedSites: [structure.documentId],
  });
  const other = await f.case(null);
  await f.setState('api::case.case', other.documentId, 'installed');
  const declaration = await f.timeDeclaration(amb);
  await f.satisfactionResponse(other.documentId);
  const reminderIds = ((await app.strapi.db.query('plugin::reminders.reminder' as any).findMany({ select: ['id'] })) as Array<{ id: number }>).map((r) => String(r.id));

  const typeInfo = (plural: string, uid: string, documentIds: string[]): TypeInfo => {
    const attributes = (app.strapi.getModel(uid as any) as any).attributes as Record<string, { type: string; private?: boolean }>;
    const names = Object.keys(attributes);
    return {
      plural,
      uid,
      scalars: names.filter((n) => !['relation', 'component', 'dynamiczone', 'media'].includes(attributes[n]!.type)),
      relations: names.filter((n) => ['relation', 'component', 'dynamiczone', 'media'].includes(attributes[n]!.type)),
      documentIds,
    };
  };
  const definitions = (await app.strapi.plugin('workflow').service('definitions').list()) as Array<{ definition: { states: Record<string, unknown> } }>;
  fixtures = {
    types: [
      typeInfo('cases', 'api::case.case', [mine.documentId, other.documentId]),
      typeInfo('professionals', 'api::professional.professional', [professional.documentId]),
      typeInfo('structures', 'api::structure.structure', [structure.documentId]),
      typeInfo('time-declarations', 'api::time-declaration.time-declaration', [declaration.documentId]),
    ],
    cases: [mine.documentId, other.documentId],
    declarations: [declaration.documentId],
    ambassadors: [amb.ambassadorDocumentId!],
    reminderIds,
    tokens: [signToken(other.documentId, satisfactionSecret()), signToken(mine.documentId, satisfactionSecret(), { days: -1 })],
    states: [...new Set(definitions.flatMap((d) => Object.keys(d.definition.states)))],
  };
  fingerprint = await makeFingerprint(app.strapi);
  watchdog = startWatchdog();

  // the health poller runs beside every fuzzed request
  let running = true;
  const loop = (async () => {
    while (running) {
      const res = await send({ caller: 'anonymous', method: 'GET', path: '/api/health', query: '' }).catch(() => ({ status: 0, ms: Infinity }));
      poll.results.push({ status: res.status, ms: res.ms });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  poll.stop = async () => {
    running = false;
    await loop;
  };
  // eslint-disable-next-line no-console
  console.log(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}; left out as known open: ${KNOWN_OPEN.map((k) => k.defect).join(' / ')}`);
}, 300_000);

afterAll(async () => {
  await watchdog?.stop();
  await poll.stop?.();
  agent.destroy();
  await app.destroy();
});

// ---------------------------------------------------------------------------------------------
// the properties

/** A path segment: a real id most of the time, else anything (encoded). */
const arbId = (real: () => string[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(null).map(() => real()).chain((ids) => fc.constantFrom(...ids)) }, { weight: 2, arbitrary: arbText(300).map(enc) });
const callerOf = (...callers: Caller[]) => fc.constantFrom(...callers);
const API_CALLERS: Caller[] = ['coordinator', 'ambassador', 'token', 'anonymous'];

describe('fuzz (properties over random requests)', () => {
  const TIMEOUT = 120_000 + RUNS * 3_000;

  it("core routes: every query parameter on /api/cases, /api/professionals, /api/structures, /api/time-declarations (list and one)", async () => {
    const arb = fc
      .tuple(fc.constantFrom(...fixtures.types), fc.boolean(), callerOf(...API_CALLERS))
      .chain(([t, one, caller]) =>
        fc.record({
          caller: fc.constant(caller),
          method: fc.constant<Method>('GET'),
          path: one ? arbId(() => t.documentIds).map((id) => `/api/${t.plural}/${id}`) : fc.constant(`/api/${t.plural}`),
          query: arbCoreQuery(t),
        })
      );
    await property(arb);
  }, TIMEOUT);

  it('indicators, reminders, workflows, health: every parameter, every caller', async () => {
    const arb = fc.oneof(
      fc.record({ caller: callerOf(...API_CALLERS), method: fc.constant<Method>('GET'), path: fc.constant('/api/indicators'), query: fc.oneof(arbParams(PERIOD), arbPeriodQuery) }),
      fc.record({
        caller: callerOf(...API_CALLERS),
        method: fc.constant<Method>('GET'),
        path: fc.constant('/api/indicators/export'),
        query: arbParams({ ...PERIOD, format: fc.constantFrom('csv', 'xlsx', 'CSV'), separator: fc.constantFrom(',', ';', '\t', ';;') }),
      }),
      fc.record({
        caller: callerOf(...API_CALLERS),
        method: fc.constant<Method>('GET'),
        path: fc.constant('/api/reminders'),
        query: arbParams({
          'filters[subjectDocumentId]': fc.constantFrom(...fixtures.cases),
          'filters[status]': fc.constantFrom('scheduled', 'sent', 'failed'),
          'filters[subjectUid]': fc.constantFrom('api::case.case'),
          status: fc.constantFrom('scheduled', 'sent'),
          rule: fc.constantFrom('case.received'),
          from: arbDateLike,
          to: arbDateLike,
          page: arbNumberLike,
          pageSize: arbNumberLike,
        }),
      }),
      fc.record({ caller: callerOf(...API_CALLERS), method: fc.constant<Method>('GET'), path: fc.constantFrom('/api/workflows', '/api/health'), query: arbParams({ populate: fc.constant('*') }) })
    );
    await property(arb);
  }, TIMEOUT);

  it('workflow routes, the action log and the questionnaire: ids, bodies, every caller', async () => {
    const plural = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('cases', 'ambassadors', 'time-declarations') }, { weight: 1, arbitrary: arbText(40).map(enc) });
    const idFor = (p: string) => arbId(() => (p === 'ambassadors' ? fixtures.ambassadors : p === 'time-declarations' ? fixtures.declarations : fixtures.cases));
    const transitionBody = arbBody(
      fc.oneof(
        arbRecord(['to', 'comment', 'expectedState'], (k) => (k === 'to' || k === 'expectedState' ? fc.oneof(fc.constantFrom(...fixtures.states), arbJsonLeaf) : arbJsonLeaf)),
        arbJson
      )
    );
    const actionBody = arbBody(
      fc.oneof(
        arbRecord(['kind', 'date', 'summary', 'minutes'], (k) =>
          k === 'kind' ? fc.oneof(fc.constantFrom('call', 'visit'), arbJsonLeaf) : k === 'date' ? fc.oneof(arbDateLike, arbJsonLeaf) : arbJsonLeaf
        ).map((data) => ({ data })),
        arbJson
      )
    );
    const satisfactionBody = arbBody(
      fc.oneof(
        arbRecord(['score', 'answers', 'comment'], (k) => (k === 'answers' ? fc.oneof(arbJson, fc.dictionary(fc.constantFrom('recommend', 'welcome', ...PROTO_KEYS), arbJsonLeaf)) : arbJsonLeaf)),
        arbJson
      )
    );
    const token = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...fixtures.tokens) }, { weight: 2, arbitrary: arbText(500).map(enc) });
    const arb = fc.oneof(
      fc.record({ caller: callerOf(...API_CALLERS), method: fc.constant<Method>('GET'), path: plural.chain((p) => idFor(p).map((id) => `/api/${p}/${id}/workflow`)), query: arbParams({ populate: fc.constant('*') }) }),
      fc.record({
        caller: callerOf(...API_CALLERS),
        method: fc.constant<Method>('POST'),
        path: plural.chain((p) => idFor(p).map((id) => `/api/${p}/${id}/transitions`)),
        query: fc.constant(''),
        body: transitionBody,
      }),
      fc.record({ caller: callerOf(...API_CALLERS), method: fc.constant<Method>('POST'), path: arbId(() => fixtures.cases).map((id) => `/api/cases/${id}/actions`), query: fc.constant(''), body: actionBody }),
      fc.record({ caller: fc.constant<Caller>('anonymous'), method: fc.constant<Method>('GET'), path: token.map((t) => `/api/satisfaction/${t}`), query: arbParams({ x: fc.constant('1') }) }),
      fc.record({ caller: fc.constant<Caller>('anonymous'), method: fc.constant<Method>('POST'), path: token.map((t) => `/api/satisfaction/${t}`), query: fc.constant(''), body: satisfactionBody })
    );
    await property(arb);
  }, TIMEOUT);

  it("plugins' admin routes (workflow, reminders, indicators) as an admin of the Coordination role", async () => {
    const uid = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('api::case.case', 'api::ambassador.ambassador', 'api::time-declaration.time-declaration') }, { weight: 1, arbitrary: arbText(60).map(enc) });
    const documentId = arbId(() => [...fixtures.cases, ...fixtures.ambassadors, ...fixtures.declarations]);
    const reminderId = fc.oneof(fc.constantFrom(...(fixtures.reminderIds.length ? fixtures.reminderIds : ['1'])), arbNumberLike.map(enc), arbText(40).map(enc));
    const caller = fc.oneof({ weight: 6, arbitrary: fc.constant<Caller>('admin') }, { weight: 1, arbitrary: callerOf('coordinator', 'token', 'anonymous') });
    const definitionBody = arbBody(fc.oneof(arbJson.map((definition) => ({ definition })), arbJson));
    const transitionBody = arbBody(arbRecord(['to', 'comment', 'expectedState'], (k) => (k === 'to' ? fc.oneof(fc.constantFrom(...fixtures.states), arbJsonLeaf) : arbJsonLeaf)));
    const listQuery = arbParams({ status: fc.constantFrom('scheduled', 'failed'), 'filters[rule]': fc.constant('case.received'), from: arbDateLike, to: arbDateLike, page: arbNumberLike, pageSize: arbNumberLike });
    const arb = fc.oneof(
      fc.record({ caller, method: fc.constant<Method>('GET'), path: fc.constant('/workflow/definitions'), query: fc.constant('') }),
      fc.record({ caller, method: fc.constant<Method>('POST'), path: fc.constant('/workflow/definitions/validate'), query: fc.constant(''), body: definitionBody }),
      fc.record({ caller, method: fc.constant<Method>('PUT'), path: fc.oneof(fc.constantFrom('case', 'ambassador'), arbText(40).map(enc)).map((n) => `/workflow/definitions/${n}`), query: fc.constant(''), body: definitionBody }),
      fc.record({ caller, method: fc.constant<Method>('GET'), path: fc.tuple(uid, documentId).map(([u, d]) => `/workflow/documents/${u}/${d}`), query: fc.constant('') }),
      fc.record({ caller, method: fc.constant<Method>('POST'), path: fc.tuple(uid, documentId).map(([u, d]) => `/workflow/documents/${u}/${d}/transitions`), query: fc.constant(''), body: transitionBody }),
      fc.record({ caller, method: fc.constant<Method>('GET'), path: uid.map((u) => `/workflow/board/${u}`), query: fc.constant('') }),
      fc.record({ caller, method: fc.constant<Method>('GET'), path: fc.constant('/reminders/list'), query: listQuery }),
      fc.record({ caller, method: fc.constant<Method>('POST'), path: fc.tuple(reminderId, fc.constantFrom('retry', 'cancel')).map(([id, a]) => `/reminders/${id}/${a}`), query: fc.constant('') }),
      fc.record({ caller, method: fc.constant<Method>('GET'), path: fc.constant('/indicators/report'), query: fc.oneof(arbParams(PERIOD), arbPeriodQuery) }),
      fc.record({
        caller,
        method: fc.constant<Method>('GET'),
        path: fc.constant('/indicators/report/export'),
        query: arbParams({ ...PERIOD, format: fc.constantFrom('csv', 'pdf'), separator: fc.constantFrom(',', ';', '|') }),
      })
    );
    await property(arb);
  }, TIMEOUT);

  it('writes through the content API and the Content Manager: odd values in every attribute', async () => {
    const dataFor = (t: TypeInfo) => {
      const attributes = (app.strapi.getModel(t.uid as any) as any).attributes as Record<string, { type: string }>;
      return arbRecord([...t.scalars, ...t.relations], (k) => {
        const type = attributes[k]?.type;
        if (type === 'date' || type === 'datetime') return fc.oneof(arbDateLike, arbJsonLeaf);
        if (type === 'component' || type === 'dynamiczone') return fc.oneof(arbJson, fc.array(arbRecord(['kind', 'date', 'summary', 'milestone', 'doneAt', 'notes', '__component'], () => arbJsonLeaf), { maxLength: 3 }));
        return arbJsonLeaf;
      });
    };
    const cm = (t: TypeInfo) => `/content-manager/collection-types/${t.uid}`;
    const arb = fc.constantFrom(...fixtures.types).chain((t) =>
      fc.oneof(
        fc.record({ caller: callerOf(...API_CALLERS), method: fc.constant<Method>('POST'), path: fc.constant(`/api/${t.plural}`), query: fc.constant(''), body: arbBody(dataFor(t).map((data) => ({ data }))) }),
        fc.record({ caller: callerOf(...API_CALLERS), method: fc.constant<Method>('PUT'), path: arbId(() => t.documentIds).map((id) => `/api/${t.plural}/${id}`), query: fc.constant(''), body: arbBody(dataFor(t).map((data) => ({ data }))) }),
        fc.record({ caller: fc.constant<Caller>('admin'), method: fc.constant<Method>('POST'), path: fc.constant(cm(t)), query: fc.constant(''), body: arbBody(dataFor(t)) }),
        fc.record({ caller: fc.constant<Caller>('admin'), method: fc.constant<Method>('PUT'), path: arbId(() => t.documentIds).map((id) => `${cm(t)}/${id}`), query: fc.constant(''), body: arbBody(dataFor(t)) })
      )
    );
    await property(arb);
  }, TIMEOUT);

  it('/api/health kept answering 200 within 2 s all along', () => {
    expect(poll.results.length).toBeGreaterThan(0);
    const bad = poll.results.filter((r) => r.status !== 200 || r.ms > SLOW_MS);
    expect(bad).toEqual([]);
  });
});

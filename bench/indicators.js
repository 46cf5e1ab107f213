#!/usr/bin/env node
/**
 * bench/indicators: GET /api/indicators (SQL aggregates) vs a naive implementation (Document
 * Service findMany of the period + JavaScript aggregation), in the same run, on the same data.
 *
 *   node bench/indicators.js [calls=20] [cases=200000] [ambassadors=4000]
 *
 * Creates a PostgreSQL database of its own on TEST_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres), generates the cases, ambassadors, transitions,
 * follow-ups, responses, questionnaires sent and time declarations with bulk knex inserts (the
 * columns the app keeps itself are written as the app would: history rows' `leftAt`, cases'
 * follow-up dates; the ambassador mirrors are filled by the database triggers), checks that both
 * implementations give the same figures (the naive one reads only the source data: components,
 * relations, history), prints median and p95 of each and the ratio, and drops the database.
 * Target: ≥ 20× faster than naive and p95 ≤ 100 ms. BENCH_KEEP_DB=1 keeps the database.
 */
'use strict';
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { Client } = require('pg');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist-test');
const CALLS = Number(process.argv[2] || 20);
const N_CASES = Number(process.argv[3] || 200000);
const N_AMB = Number(process.argv[4] || 4000);
const YEAR = 2025;
const TZ = 'Indian/Reunion';
const DAY = 86400000;

const secret = () => crypto.randomBytes(24).toString('base64');
const id = crypto.randomBytes(3).toString('hex');
const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_KEEP_DB=1 keeps the generated database between runs (ancrage_bench_ind_keep) to iterate on queries
const KEEP = process.env.BENCH_KEEP_DB === '1';
const dbName = KEEP ? 'ancrage_bench_ind_keep' : `ancrage_bench_ind_${id}`;
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
Object.assign(process.env, {
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
  AUTH_RATELIMIT: 'false',
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  REDIS_PREFIX: `ancrage-bench:${id}`,
  REMINDERS_WORKER: 'off',
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: dbUrl.toString(),
  DATABASE_SCHEMA: 'public',
  CPTS_TIMEZONE: TZ,
});

const admin = async (sql) => {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2, p95: q(0.95) };
};
const ms = (x) => `${x.toFixed(1)} ms`;

// deterministic pseudo-random numbers
let seed = 42;
const rnd = () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));

const PROFESSIONS = ['general_practitioner', 'specialist_physician', 'nurse', 'physiotherapist', 'pharmacist', 'midwife', 'speech_therapist', 'orthoptist', 'dentist', 'psychologist', 'dietitian', 'podiatrist', 'occupational_therapist', 'other'];

(async () => {
  console.log('Compiling the app into dist-test/ ...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', 'dist-test'], { cwd: ROOT, stdio: 'inherit' });
  const d = require(path.join(DIST, 'src/plugins/workflow/server/src/engine/durations.js'));
  if (KEEP) await admin(`CREATE DATABASE "${dbName}"`).catch(() => {});
  else await admin(`CREATE DATABASE "${dbName}"`);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: DIST, serveAdminPanel: false, autoReload: false }).load();
  await strapi.server.listen();
  // the naive calls last seconds: keep the client's connection open across them
  strapi.server.httpServer.keepAliveTimeout = 600000;
  const { port } = strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${port}`;
  try {
    const knex = strapi.db.connection;
    const meta = (uid) => strapi.db.metadata.get(uid);
    const col = (uid, a) => meta(uid).attributes[a].columnName;
    const jt = (uid, a) => meta(uid).attributes[a].joinTable;
    const now = new Date();
    const today = d.localDate(now, TZ);
    const docId = () => crypto.randomBytes(12).toString('hex').slice(0, 24);
    const insert = async (table, rows) => {
      for (let i = 0; i < rows.length; i += 2000) await knex.batchInsert(table, rows.slice(i, i + 2000), 2000);
      // statistics before the next table's foreign-key checks are planned: without them the
      // planner may scan a whole covering index to find one id
      await knex.raw('analyze ??', [table]);
    };
    const stamp = { created_at: now, updated_at: now, published_at: now };

    // ---- generate -------------------------------------------------------------------------
    const AMB = 'api::ambassador.ambassador';
    const CASE = 'api::case.case';
    const T = 'plugin::workflow.transition';
    const R = 'plugin::reminders.reminder';
    const TD = 'api::time-declaration.time-declaration';
    const fresh = Number((await knex(meta('api::case.case').tableName).count({ n: '*' }))[0].n) === 0;
    if (fresh) {
    const t0 = Date.now();
    const ambStates = ['active', 'active', 'active', 'trained', 'notice', 'ended', 'candidate'];
    const ambassadors = [];
    const transitions = [];
    for (let i = 1; i <= N_AMB; i += 1) {
      const documentId = docId();
      const state = pick(ambStates);
      ambassadors.push({ id: i, [col(AMB, 'documentId')]: documentId, [col(AMB, 'displayName')]: `Ambassadeur ${String(i).padStart(5, '0')}`, [col(AMB, 'state')]: state, ...stamp });
      if (rnd() < 0.7) {
        const at1 = new Date(Date.UTC(2023, 0, 1) + rnd() * 3 * 365 * DAY);
        const first = { workflow: 'ambassador', subjectUid: AMB, subjectDocumentId: documentId, from: 'trained', to: 'active', at: at1 };
        transitions.push(first);
        if (state !== 'active' && rnd() < 0.8) {
          const at2 = new Date(Math.min(now.getTime() - DAY, at1.getTime() + rnd() * 600 * DAY));
          first.leftAt = at2; // as the next transition leaves it
          transitions.push({ workflow: 'ambassador', subjectUid: AMB, subjectDocumentId: documentId, from: 'active', to: state, at: at2 });
        }
      }
    }
    await insert(meta(AMB).tableName, ambassadors);

    const cases = [];
    const caseAmb = [];
    const followUps = [];
    const cmps = [];
    const responses = [];
    const respCase = [];
    const reminders = [];
    const span = Date.UTC(2026, 10, 1) - Date.UTC(2023, 0, 1);
    const fcol = jt(CASE, 'followUps');
    for (let i = 1; i <= N_CASES; i += 1) {
      const documentId = docId();
      const fc = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * span / 60000) * 60000);
      let installedAt = null;
      if (rnd() < 0.4) {
        const inst = d.localDate(new Date(fc.getTime() + int(20, 200) * DAY), TZ);
        if (inst <= today) installedAt = inst;
      }
      const row = {
        id: i,
        [col(CASE, 'documentId')]: documentId,
        [col(CASE, 'newcomerFirstName')]: 'Nouvel',
        [col(CASE, 'newcomerLastName')]: `Installé ${i}`,
        [col(CASE, 'profession')]: pick(PROFESSIONS),
        [col(CASE, 'state')]: installedAt ? 'installed' : 'visits',
        [col(CASE, 'firstContactAt')]: fc,
        [col(CASE, 'installedAt')]: installedAt,
        ...stamp,
      };
      cases.push(row);
      if (rnd() < 0.95) caseAmb.push({ [jt(CASE, 'ambassador').joinColumn.name]: i, [jt(CASE, 'ambassador').inverseJoinColumn.name]: int(1, N_AMB) });
      if (rnd() < 0.7) {
        const entry = new Date(fc.getTime() + int(5, 30) * DAY + int(0, 86399) * 1000);
        if (entry < now) {
          const entered = { workflow: 'case', subjectUid: CASE, subjectDocumentId: documentId, from: 'interview', to: 'matching', at: entry };
          transitions.push(entered);
          const exit = new Date(entry.getTime() + int(1, 16) * DAY + int(0, 86399) * 1000);
          if (rnd() < 0.9 && exit < now) {
            entered.leftAt = exit;
            transitions.push({ workflow: 'case', subjectUid: CASE, subjectDocumentId: documentId, from: 'matching', to: 'visits', at: exit });
          }
        }
      }
      if (installedAt) {
        let order = 1;
        for (const [milestone, n] of [['m3', 3], ['m6', 6], ['m12', 12]]) {
          const due = d.addDurationToDate(installedAt, `P${n}M`);
          if (due > today || rnd() < 0.15) continue;
          const doneAt = d.addDurationToDate(due, `P${int(0, 30)}D`);
          if (doneAt > today) continue;
          const fid = followUps.length + 1;
          followUps.push({ id: fid, [col('case.follow-up', 'milestone')]: milestone, [col('case.follow-up', 'doneAt')]: doneAt });
          // the case's first recorded date of the milestone, as the app keeps it
          row[col(CASE, `followUp${milestone.toUpperCase()}DoneAt`)] = doneAt;
          cmps.push({ [fcol.joinColumn.name]: i, [fcol.inverseJoinColumn.name]: fid, [(fcol.morphColumn && fcol.morphColumn.typeColumn && fcol.morphColumn.typeColumn.name) || 'component_type']: 'case.follow-up', field: 'followUps', [fcol.orderColumnName || 'order']: order });
          order += 1;
        }
        const submitted = new Date(Date.parse(`${installedAt}T06:00:00Z`) + int(170, 200) * DAY);
        if (submitted < now) {
          reminders.push({ rule: 'case.satisfaction', template: 'case.satisfaction', subjectUid: CASE, subjectDocumentId: documentId, recipient: 'newcomer', dueAt: new Date(submitted.getTime() - 5 * DAY), status: 'sent', sentAt: new Date(submitted.getTime() - 5 * DAY), dedupeKey: `bench|${i}` });
          if (rnd() < 0.5) {
            const rid = responses.length + 1;
            responses.push({ id: rid, [col('api::satisfaction-response.satisfaction-response', 'documentId')]: docId(), score: int(1, 5), [col('api::satisfaction-response.satisfaction-response', 'submittedAt')]: submitted, ...stamp });
            const rj = jt('api::satisfaction-response.satisfaction-response', 'case');
            respCase.push({ [rj.joinColumn.name]: rid, [rj.inverseJoinColumn.name]: i });
          }
        }
      }
    }
    await insert(meta(CASE).tableName, cases);
    await insert(jt(CASE, 'ambassador').name, caseAmb);
    await insert(meta('case.follow-up').tableName, followUps);
    await insert(fcol.name, cmps);
    await insert(meta('api::satisfaction-response.satisfaction-response').tableName, responses);
    await insert(jt('api::satisfaction-response.satisfaction-response', 'case').name, respCase);
    await insert(
      meta(T).tableName,
      transitions.map((t, k) => ({
        id: k + 1,
        [col(T, 'documentId')]: docId(),
        [col(T, 'workflow')]: t.workflow,
        [col(T, 'subjectUid')]: t.subjectUid,
        [col(T, 'subjectDocumentId')]: t.subjectDocumentId,
        [col(T, 'from')]: t.from,
        [col(T, 'to')]: t.to,
        [col(T, 'at')]: t.at,
        [col(T, 'leftAt')]: t.leftAt || null,
        [col(T, 'actorKind')]: 'system',
        ...stamp,
      }))
    );
    await insert(
      meta(R).tableName,
      reminders.map((r, k) => ({
        id: k + 1,
        [col(R, 'documentId')]: docId(),
        ...Object.fromEntries(Object.entries(r).map(([a, v]) => [col(R, a), v])),
        ...stamp,
      }))
    );
    const decls = [];
    const declAmb = [];
    for (let a = 1; a <= N_AMB; a += 1) {
      for (const year of [2025, 2026]) {
        for (let m = 1; m <= 12; m += 1) {
          if (rnd() < 0.5) continue;
          const k = decls.length + 1;
          decls.push({
            id: k,
            [col(TD, 'documentId')]: docId(),
            [col(TD, 'month')]: `${year}-${String(m).padStart(2, '0')}-01`,
            [col(TD, 'hours')]: int(1, 40) / 2,
            [col(TD, 'travelKm')]: int(0, 200) / 2,
            [col(TD, 'travelCost')]: int(0, 400) / 4,
            [col(TD, 'activity')]: 'accompaniment',
            [col(TD, 'state')]: rnd() < 0.8 ? 'validated' : 'submitted',
            ...stamp,
          });
          const dj = jt(TD, 'ambassador');
          declAmb.push({ [dj.joinColumn.name]: k, [dj.inverseJoinColumn.name]: a });
        }
      }
    }
    await insert(meta(TD).tableName, decls);
    await insert(jt(TD, 'ambassador').name, declAmb);
    for (const uid of [AMB, CASE, 'case.follow-up', 'api::satisfaction-response.satisfaction-response', T, R, TD]) {
      const table = meta(uid).tableName;
      await knex.raw(`select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from ??))`, [table, table]);
    }
    // the steady state autovacuum reaches on a live database (visibility map, statistics)
    await knex.raw('vacuum analyze');
    console.log(
      `Generated in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${cases.length} cases, ${ambassadors.length} ambassadors, ${transitions.length} transitions, ` +
        `${followUps.length} follow-ups, ${responses.length} responses, ${reminders.length} questionnaires sent, ${decls.length} time declarations`
    );
    } else console.log('Reusing the kept benchmark database (BENCH_KEEP_DB=1).');

    // ---- the naive implementation: Document Service findMany + JavaScript ------------------------
    const naive = async () => {
      const s = await strapi.documents('api::cpts-setting.cpts-setting').findFirst({ populate: ['targets'] });
      const targets = new Map((s.targets || []).map((t) => [t.indicator, { op: t.op, value: Number(t.value) }]));
      const from = `${YEAR}-01-01`;
      const to = `${YEAR}-12-31`;
      const start = d.zonedTimeToUtc(from, '00:00', TZ);
      const end = d.zonedTimeToUtc(`${YEAR + 1}-01-01`, '00:00', TZ);
      const instant = now < end ? now : end;
      const inPeriod = (x) => x && new Date(x) >= start && new Date(x) < end;
      const inDates = (x) => x && x >= from && x <= to;
      const round = (x, n) => (x === null ? null : Math.round(x * 10 ** n) / 10 ** n);
      const ratio = (a, b) => (b > 0 ? round(a / b, 4) : null);
      const docs = (uid) => strapi.documents(uid);

      const periodCases = await docs(CASE).findMany({
        filters: { $or: [{ firstContactAt: { $gte: start, $lt: end } }, { installedAt: { $gte: from, $lte: to } }] },
        fields: ['profession', 'firstContactAt', 'installedAt'],
        populate: { ambassador: { fields: ['displayName'] } },
      });
      const contacts = periodCases.filter((c) => inPeriod(c.firstContactAt));
      const installs = periodCases.filter((c) => inDates(c.installedAt));
      const offset = Date.parse(`${d.localDate(start, TZ)}T00:00:00Z`) - start.getTime();
      const dayNo = (date) => Date.parse(`${date}T00:00:00Z`) / DAY;
      const days = installs.filter((c) => c.firstContactAt).map((c) => dayNo(c.installedAt) - Math.floor((new Date(c.firstContactAt).getTime() + offset) / DAY)).sort((a, b) => a - b);
      const median = days.length ? (days[Math.floor((days.length - 1) / 2)] + days[Math.ceil((days.length - 1) / 2)]) / 2 : null;

      const resp = await docs('api::satisfaction-response.satisfaction-response').findMany({
        filters: { submittedAt: { $gte: start, $lt: end } },
        fields: ['score'],
        populate: { case: { fields: ['id'], populate: { ambassador: { fields: ['displayName'] } } } },
      });
      const sent = await docs(R).findMany({ filters: { rule: 'case.satisfaction', status: 'sent', sentAt: { $gte: start, $lt: end } }, fields: ['id'] });

      const ambs = await docs(AMB).findMany({ fields: ['displayName', 'state'] });
      const ambHist = await docs(T).findMany({ filters: { subjectUid: AMB }, fields: ['subjectDocumentId', 'from', 'to', 'at'], sort: ['at:asc'] });
      const histOf = new Map();
      for (const t of ambHist) (histOf.get(t.subjectDocumentId) || histOf.set(t.subjectDocumentId, []).get(t.subjectDocumentId)).push(t);
      const active = ambs.filter((a) => {
        const h = histOf.get(a.documentId) || [];
        const before = h.filter((t) => new Date(t.at) <= instant);
        const after = h.filter((t) => new Date(t.at) > instant);
        const st = before.length ? before[before.length - 1].to : after.length && after[0].from != null ? after[0].from : a.state;
        return st === 'active';
      }).length;

      const W = Number(s.matchingWindowDays) * DAY;
      const entries = await docs(T).findMany({ filters: { subjectUid: CASE, to: 'matching', at: { $gte: start, $lt: end } }, fields: ['subjectDocumentId', 'at'] });
      const exits = await docs(T).findMany({
        filters: { subjectUid: CASE, from: 'matching', subjectDocumentId: { $in: [...new Set(entries.map((e) => e.subjectDocumentId))] } },
        fields: ['subjectDocumentId', 'at'],
      });
      const exitsOf = new Map();
      for (const x of exits) (exitsOf.get(x.subjectDocumentId) || exitsOf.set(x.subjectDocumentId, []).get(x.subjectDocumentId)).push(new Date(x.at).getTime());
      let mOn = 0;
      let mLate = 0;
      for (const e of entries) {
        const at = new Date(e.at).getTime();
        const after = (exitsOf.get(e.subjectDocumentId) || []).filter((x) => x > at);
        const exit = after.length ? Math.min(...after) : null;
        if (exit !== null && exit - at <= W) mOn += 1;
        else if ((exit !== null && exit - at > W) || (exit === null && now.getTime() - at > W)) mLate += 1;
      }

      const FW = Number(s.followUpWindowDays);
      const fuCases = await docs(CASE).findMany({
        filters: { installedAt: { $gte: `${YEAR - 2}-12-01`, $lte: to } },
        fields: ['installedAt'],
        populate: { followUps: true },
      });
      let fOn = 0;
      let fLate = 0;
      for (const c of fuCases) {
        for (const [milestone, n] of [['m3', 3], ['m6', 6], ['m12', 12]]) {
          const due = d.addDurationToDate(c.installedAt, `P${n}M`);
          if (!inDates(due)) continue;
          const deadline = d.addDurationToDate(due, `P${FW}D`);
          const done = (c.followUps || []).filter((f) => f.milestone === milestone && f.doneAt).map((f) => f.doneAt).sort()[0];
          if (done && done <= deadline) fOn += 1;
          else if ((done && done > deadline) || (!done && deadline < today)) fLate += 1;
        }
      }

      const declsV = await docs(TD).findMany({
        filters: { state: 'validated', month: { $gte: from, $lte: to } },
        fields: ['hours', 'travelKm', 'travelCost'],
        populate: { ambassador: { fields: ['displayName'] } },
      });
      const sum = (xs, f) => xs.reduce((acc, x) => acc + Number(x[f] || 0), 0);

      const by = new Map();
      const ent = (a) => {
        if (!by.has(a.documentId)) by.set(a.documentId, { documentId: a.documentId, displayName: a.displayName, contacts: 0, installations: 0, scores: [], hoursValidated: 0 });
        return by.get(a.documentId);
      };
      for (const c of periodCases) if (c.ambassador) { const e = ent(c.ambassador); if (inPeriod(c.firstContactAt)) e.contacts += 1; if (inDates(c.installedAt)) e.installations += 1; }
      for (const r of resp) if (r.case && r.case.ambassador) ent(r.case.ambassador).scores.push(r.score);
      for (const t of declsV) if (t.ambassador) ent(t.ambassador).hoursValidated += Number(t.hours);
      const byAmbassador = [...by.values()]
        .map((e) => ({ documentId: e.documentId, displayName: e.displayName, contacts: e.contacts, installations: e.installations, satisfactionAverage: e.scores.length ? round(e.scores.reduce((a, b) => a + b, 0) / e.scores.length, 2) : null, hoursValidated: round(e.hoursValidated, 2) }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr') || a.documentId.localeCompare(b.documentId));
      const profs = new Map();
      const prof = (p) => profs.get(p) || profs.set(p, { profession: p, contacts: 0, installations: 0 }).get(p);
      for (const c of contacts) prof(c.profession).contacts += 1;
      for (const c of installs) prof(c.profession).installations += 1;
      const byProfession = [...profs.values()].sort((a, b) => b.contacts - a.contacts || b.installations - a.installations || a.profession.localeCompare(b.profession));
      const monthly = Array.from({ length: 12 }, (_, m) => {
        const month = `${YEAR}-${String(m + 1).padStart(2, '0')}`;
        return {
          month,
          contacts: contacts.filter((c) => d.localDate(new Date(c.firstContactAt), TZ).slice(0, 7) === month).length,
          installations: installs.filter((c) => c.installedAt.slice(0, 7) === month).length,
        };
      });
      const converted = contacts.filter((c) => c.installedAt).length;
      const values = {
        contacts_handled: contacts.length,
        installations: installs.length,
        conversion_rate: ratio(converted, contacts.length),
        satisfaction_average: resp.length ? round(resp.reduce((a, r) => a + r.score, 0) / resp.length, 2) : null,
        satisfaction_responses: resp.length,
        active_ambassadors: active,
        matching_on_time_rate: ratio(mOn, mOn + mLate),
        follow_ups_on_time_rate: ratio(fOn, fOn + fLate),
        median_days_to_installation: median === null ? null : round(median, 1),
        hours_validated: round(sum(declsV, 'hours'), 2),
        toolkit_downloads: 0,
      };
      return {
        values,
        details: { sent: sent.length, travelKm: round(sum(declsV, 'travelKm'), 2), travelCost: round(sum(declsV, 'travelCost'), 2), mOn, mLate, fOn, fLate },
        targets,
        byAmbassador,
        byProfession,
        monthly,
      };
    };

    // ---- the endpoint, over HTTP with an API token ---------------------------------------------
    const token = await strapi.service('admin::api-token').create({ name: 'bench', description: 'bench', type: 'full-access', lifespan: null });
    const endpoint = async () => {
      const res = await fetch(`${base}/api/indicators?year=${YEAR}`, { headers: { Authorization: `Bearer ${token.accessKey}` } });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`GET /api/indicators answered ${res.status}: ${JSON.stringify(body)}`);
      return body.data;
    };

    const a = await endpoint();
    const b = await naive();
    const fromEndpoint = {
      values: Object.fromEntries(a.indicators.map((i) => [i.key, i.value])),
      details: {
        sent: a.indicators.find((i) => i.key === 'satisfaction_responses').details.sent,
        travelKm: a.indicators.find((i) => i.key === 'hours_validated').details.travelKm,
        travelCost: a.indicators.find((i) => i.key === 'hours_validated').details.travelCost,
        mOn: a.indicators.find((i) => i.key === 'matching_on_time_rate').details.onTime,
        mLate: a.indicators.find((i) => i.key === 'matching_on_time_rate').details.late,
        fOn: a.indicators.find((i) => i.key === 'follow_ups_on_time_rate').details.onTime,
        fLate: a.indicators.find((i) => i.key === 'follow_ups_on_time_rate').details.late,
      },
      byAmbassador: a.byAmbassador,
      byProfession: a.byProfession,
      monthly: a.monthly,
    };
    const fromNaive = { values: b.values, details: b.details, byAmbassador: b.byAmbassador, byProfession: b.byProfession, monthly: b.monthly };
    const same = JSON.stringify(fromEndpoint) === JSON.stringify(fromNaive);
    console.log(`\nFigures for ${YEAR} (endpoint):`);
    for (const i of a.indicators) console.log(`  ${i.key.padEnd(28)} ${String(i.value).padStart(10)}  ${i.status}`);
    console.log(`  byAmbassador: ${a.byAmbassador.length} rows, byProfession: ${a.byProfession.length} rows`);
    if (!same) {
      for (const k of Object.keys(fromEndpoint)) {
        if (JSON.stringify(fromEndpoint[k]) !== JSON.stringify(fromNaive[k])) {
          console.log(`  DIFFERENT ${k}:\n    endpoint ${JSON.stringify(fromEndpoint[k]).slice(0, 600)}\n    naive    ${JSON.stringify(fromNaive[k]).slice(0, 600)}`);
        }
      }
      throw new Error('the endpoint and the naive implementation disagree');
    }
    console.log('  the naive implementation gives the same figures (indicators, details, byAmbassador, byProfession, monthly)');

    const time = async (fn) => {
      const t = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    for (let i = 0; i < 3; i += 1) await time(endpoint);
    const fast = [];
    const slow = [];
    for (let i = 0; i < CALLS; i += 1) {
      fast.push(await time(endpoint));
      slow.push(await time(naive));
    }
    const f = stats(fast);
    const s = stats(slow);
    console.log(`\nbench/indicators — PostgreSQL, ${N_CASES} cases, ${N_AMB} ambassadors, year ${YEAR}, ${CALLS} calls each, alternating`);
    console.log(`  naive     Document Service findMany + JavaScript     median ${ms(s.median)}  p95 ${ms(s.p95)}`);
    console.log(`  endpoint  GET /api/indicators (SQL aggregates, HTTP) median ${ms(f.median)}  p95 ${ms(f.p95)}`);
    const ratio = s.median / f.median;
    console.log(`  ratio (median naive / median endpoint): ${ratio.toFixed(1)}×  (target ≥ 20×: ${ratio >= 20 ? 'met' : 'NOT met'})`);
    console.log(`  endpoint p95 ${ms(f.p95)}  (target ≤ 100 ms: ${f.p95 <= 100 ? 'met' : 'NOT met'})`);
  } finally {
    await strapi.destroy();
    if (!KEEP) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
})().catch(async (e) => {
  console.error(e);
  try {
    if (!KEEP) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  } catch {}
  process.exit(1);
});

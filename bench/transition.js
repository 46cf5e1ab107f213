#!/usr/bin/env node
/**
 * bench/transition: a workflow transition through the content API vs a plain Strapi update of
 * the same document through the content API, in the same run, on the same database.
 *
 *   node bench/transition.js [iterations=200]      (DATABASE_CLIENT/DATABASE_URL to use PostgreSQL)
 *
 * Both go over real HTTP to a real Strapi as the coordinator. The transition toggles a case
 * between `matching` and `visits` (guards evaluated, conditional update, history row, event);
 * the baseline is `PUT /api/cases/:id` changing `notes`. Requests alternate so that both see the
 * same machine load. Target: transition median ≤ 1.5 × update median.
 */
'use strict';
const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist-test');
const N = Number(process.argv[2] || 200);
const WARMUP = 20;

const secret = () => crypto.randomBytes(24).toString('base64');
const id = crypto.randomBytes(3).toString('hex');
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
});
if (!process.env.DATABASE_CLIENT || process.env.DATABASE_CLIENT === 'sqlite') {
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = `.tmp/bench-transition-${id}.db`;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const ms = (x) => `${x.toFixed(2)} ms`;

(async () => {
  console.log('Compiling the app into dist-test/ ...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', 'dist-test'], { cwd: ROOT, stdio: 'inherit' });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: DIST, serveAdminPanel: false, autoReload: false }).load();
  await strapi.server.listen();
  const { port } = strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${port}`;
  try {
    // a coordinator, an active ambassador, a case in `matching` with a proposed site
    const roles = strapi.db.query('plugin::users-permissions.role');
    const coordRole = await roles.findOne({ where: { type: 'coordinator' } });
    const users = strapi.plugin('users-permissions').service('user');
    await users.add({ username: 'bench-coord', email: 'bench-coord@example.test', password: 'Bench-pass-123', provider: 'local', confirmed: true, role: coordRole.id });
    const login = await fetch(`${base}/api/auth/local`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: 'bench-coord@example.test', password: 'Bench-pass-123' }),
    }).then((r) => r.json());
    const headers = { Authorization: `Bearer ${login.jwt}`, 'Content-Type': 'application/json' };
    const ambassador = await strapi.documents('api::ambassador.ambassador').create({ data: { displayName: 'Bench' } });
    await strapi.db.query('api::ambassador.ambassador').updateMany({ where: { documentId: ambassador.documentId }, data: { state: 'active' } });
    const site = await strapi.documents('api::structure.structure').create({ data: { name: 'MSP Bench', kind: 'msp' } });
    const c = await strapi.documents('api::case.case').create({
      data: {
        newcomerFirstName: 'Bench', newcomerLastName: 'Case', profession: 'nurse', ambassador: ambassador.documentId,
        needs: { housing: true }, timeline: 'short', practiceMode: 'group', employment: 'liberal', proposedSites: [site.documentId],
        actions: [{ kind: 'call', date: '2026-11-01', summary: 'x', minutes: 10 }],
      },
    });
    await strapi.db.query('api::case.case').updateMany({ where: { documentId: c.documentId }, data: { state: 'matching' } });

    let state = 'matching';
    const transition = async () => {
      const to = state === 'matching' ? 'visits' : 'matching';
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${base}/api/cases/${c.documentId}/transitions`, { method: 'POST', headers, body: JSON.stringify({ to, expectedState: state }) });
      await res.arrayBuffer();
      const t = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 200) throw new Error(`transition answered ${res.status}`);
      state = to;
      return t;
    };
    let k = 0;
    const update = async () => {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${base}/api/cases/${c.documentId}`, { method: 'PUT', headers, body: JSON.stringify({ data: { notes: `note ${(k += 1)}` } }) });
      await res.arrayBuffer();
      const t = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 200) throw new Error(`update answered ${res.status}`);
      return t;
    };

    for (let i = 0; i < WARMUP; i += 1) { await transition(); await update(); }
    const tr = [];
    const up = [];
    for (let i = 0; i < N; i += 1) {
      tr.push(await transition());
      up.push(await update());
    }
    const a = stats(tr);
    const b = stats(up);
    const client = strapi.db.dialect.client;
    console.log(`\nbench/transition — ${N} iterations each after ${WARMUP} warm-up, ${client}, same document, alternating`);
    console.log(`  baseline  PUT /api/cases/:id (plain update)      median ${ms(b.median)}  p95 ${ms(b.p95)}  mean ${ms(b.mean)}`);
    console.log(`  workflow  POST /api/cases/:id/transitions         median ${ms(a.median)}  p95 ${ms(a.p95)}  mean ${ms(a.mean)}`);
    const ratio = a.median / b.median;
    console.log(`  ratio (median transition / median update): ${ratio.toFixed(2)}×  (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
    console.log(`  ratio (p95): ${(a.p95 / b.p95).toFixed(2)}×`);
  } finally {
    await strapi.destroy();
    if (process.env.DATABASE_FILENAME) for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(ROOT, process.env.DATABASE_FILENAME + s), { force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

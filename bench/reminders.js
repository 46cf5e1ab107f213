#!/usr/bin/env node
/**
 * bench/reminders: 10,000 reminders falling due together, delivered by the reminder workers
 * (BullMQ on Redis, rows in the database, nodemailer) to a local SMTP sink; baseline in the same
 * run: nodemailer alone sending 10,000 messages to the same sink with the same pool.
 *
 *   node bench/reminders.js [count=10000]        (REDIS_URL defaults to redis://127.0.0.1:6379;
 *                                                 DATABASE_CLIENT/DATABASE_URL for PostgreSQL)
 * Target: ≤ 60 s for the 10,000, and exactly 10,000 distinct messages received.
 */
'use strict';
const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { SMTPServer } = require('smtp-server');
const nodemailer = require('nodemailer');

const ROOT = path.join(__dirname, '..');
const N = Number(process.argv[2] || 10000);
const id = crypto.randomBytes(3).toString('hex');
const secret = () => crypto.randomBytes(24).toString('base64');

const startSink = async () => {
  const ids = [];
  let last = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (c) => { if (head.length < 4096) head += c.toString('utf8'); });
      stream.on('end', () => {
        const m = /Message-ID: <([^>]+)>/i.exec(head);
        ids.push(m ? m[1] : `none-${ids.length}`);
        last = Date.now();
        callback();
      });
    },
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, ids, port: server.server.address().port, lastAt: () => last };
};

const waitUntil = async (fn, timeoutMs) => {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
};

(async () => {
  const sink = await startSink();
  Object.assign(process.env, {
    NODE_ENV: 'test', LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(), JWT_SECRET: secret(), ENCRYPTION_KEY: secret(),
    REDIS_PREFIX: `ancrage-bench:${id}`, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_SECURE: 'false',
    MAIL_FROM: 'Ancrage <bench@example.test>', REMINDERS_CONCURRENCY: process.env.REMINDERS_CONCURRENCY || '50',
  });
  if (!process.env.DATABASE_CLIENT || process.env.DATABASE_CLIENT === 'sqlite') {
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = `.tmp/bench-reminders-${id}.db`;
  }

  // Baseline: nodemailer alone, same sink, same pool size.
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, pool: true, maxConnections: 5, maxMessages: Infinity });
  let t0 = Date.now();
  await Promise.all(Array.from({ length: N }, (_, i) => transport.sendMail({ from: 'bench@example.test', to: 'amb@example.test', subject: `Baseline ${i}`, text: 'Bonjour', messageId: `<baseline-${i}@bench>` })));
  const baselineMs = Date.now() - t0;
  transport.close();
  const baselineDistinct = new Set(sink.ids.filter((x) => x.startsWith('baseline-'))).size;
  sink.ids.length = 0;

  console.log('Compiling the app into dist-test/ ...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', 'dist-test'], { cwd: ROOT, stdio: 'inherit' });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist-test'), serveAdminPanel: false, autoReload: false }).load();
  try {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'ambassador' } });
    const user = await strapi.plugin('users-permissions').service('user').add({ username: 'bench-amb', email: 'amb@example.test', password: 'Bench-pass-123', provider: 'local', confirmed: true, role: role.id });
    const amb = await strapi.documents('api::ambassador.ambassador').create({ data: { displayName: 'Bench', user: user.id } });
    const c = await strapi.documents('api::case.case').create({ data: { newcomerFirstName: 'Bench', newcomerLastName: 'Case', profession: 'nurse', ambassador: amb.documentId, installedAt: '2026-01-10', installationCommune: 'Saint-Pierre' } });
    await strapi.db.query('api::case.case').updateMany({ where: { documentId: c.documentId }, data: { state: 'installed' } });

    // 10,000 rows due now, inserted in bulk (the bench is about delivery, not creation)
    const now = new Date();
    const knex = strapi.db.connection;
    const table = strapi.db.metadata.get('plugin::reminders.reminder').tableName;
    const rows = Array.from({ length: N }, (_, i) => ({
      document_id: `bench${id}${i}`, rule: 'case.follow_up.m3', template: 'case.follow_up.m3', subject_uid: 'api::case.case',
      subject_document_id: c.documentId, subject_state: 'installed', recipient: 'assignedAmbassador', copy_to: JSON.stringify([]),
      due_at: now, status: 'scheduled', attempts: 0, dedupe_key: `bench|${id}|${i}`, created_at: now, updated_at: now, published_at: now,
    }));
    for (let i = 0; i < rows.length; i += 500) await knex(table).insert(rows.slice(i, i + 500));
    const inserted = await knex(table).select('id', 'due_at as dueAt').where('dedupe_key', 'like', `bench|${id}|%`);

    t0 = Date.now();
    await strapi.plugin('reminders').service('queue').enqueueMany(inserted);
    const enqueuedMs = Date.now() - t0;
    const done = await waitUntil(() => sink.ids.length >= N, 120000);
    const totalMs = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 1000)); // anything sent twice would arrive now
    const distinct = new Set(sink.ids).size;
    const sent = await knex(table).count({ n: '*' }).where({ status: 'sent' }).andWhere('dedupe_key', 'like', `bench|${id}|%`);

    console.log(`\nbench/reminders — ${N} reminders due together, ${strapi.db.dialect.client}, concurrency ${process.env.REMINDERS_CONCURRENCY}, SMTP pool 5`);
    console.log(`  baseline  nodemailer alone → sink: ${N} messages in ${(baselineMs / 1000).toFixed(1)} s (${Math.round(N / (baselineMs / 1000))}/s), ${baselineDistinct} distinct`);
    console.log(`  reminders rows → BullMQ → worker → nodemailer → sink: ${sink.ids.length} messages in ${(totalMs / 1000).toFixed(1)} s (${Math.round(sink.ids.length / (totalMs / 1000))}/s; enqueue ${enqueuedMs} ms)${done ? '' : ' — TIMED OUT'}`);
    console.log(`  distinct messages: ${distinct} (expected ${N}); rows marked sent: ${Number(sent[0].n)}`);
    console.log(`  overhead vs baseline: ${(totalMs / baselineMs).toFixed(1)}×; target ≤ 60 s: ${totalMs <= 60000 && distinct === N && sink.ids.length === N ? 'met' : 'NOT met'}`);
  } finally {
    await strapi.destroy();
    await new Promise((r) => sink.server.close(r));
    if (process.env.DATABASE_FILENAME) for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(ROOT, process.env.DATABASE_FILENAME + s), { force: true });
    const IORedis = require('ioredis');
    const redis = new IORedis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `ancrage-bench:${id}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

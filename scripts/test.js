#!/usr/bin/env node
// `npm test`: installs dependencies if missing, provides a throwaway Redis unless REDIS_URL is
// set, checks PostgreSQL when TEST_DB=postgres, then runs jest with the given arguments
// (`npm test -- tests/api/health.test.ts` runs one file).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);

const fail = (message) => {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const canConnect = (port, host = '127.0.0.1') =>
  new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

const which = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).stdout.trim();

async function startRedis() {
  const bin = which('redis-server');
  if (!bin) {
    fail(
      'The tests need Redis: install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: ' +
        '`brew install redis`) or point REDIS_URL at a running server.'
    );
  }
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i += 1) {
    if (await canConnect(port)) return { url: `redis://127.0.0.1:${port}`, child };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  fail(`redis-server (${bin}) did not start on port ${port}.`);
}

async function checkPostgres() {
  const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!(await canConnect(Number(url.port || 5432), url.hostname))) {
    fail(
      `TEST_DB=postgres but no PostgreSQL answers at ${url.hostname}:${url.port || 5432}: start it ` +
        '(Debian: `sudo apt-get install postgresql`) or set TEST_DATABASE_URL to a server whose user may CREATE DATABASE.'
    );
  }
}

(async () => {
  if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'jest'))) {
    console.log('Installing dependencies...');
    require('./install-deps').installDeps();
  }
  const env = { ...process.env };
  let redis = null;
  if (!env.REDIS_URL) {
    redis = await startRedis();
    env.REDIS_URL = redis.url;
    console.log(`Throwaway Redis on ${redis.url} (no persistence).`);
  }
  if (env.TEST_DB === 'postgres') await checkPostgres();
  console.log(`Database for API tests: ${env.TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite'}`);

  // jest also writes its results as JSON, so that one plain summary line can close the run.
  const resultsFile = path.join(root, '.tmp', `jest-results-${process.pid}.json`);
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const jestArgs = args.some((a) => a.startsWith('--outputFile')) ? args : [...args, '--json', `--outputFile=${resultsFile}`];
  const jest = spawn(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  const stop = () => redis && redis.child.kill();
  process.on('SIGINT', () => jest.kill('SIGINT'));
  process.on('SIGTERM', () => jest.kill('SIGTERM'));
  jest.on('exit', (code, signal) => {
    stop();
    if (fs.existsSync(resultsFile)) {
      const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      fs.rmSync(resultsFile, { force: true });
      const db = env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
      console.log(`\n${db}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
})();

// Builds the admin panel into dist-test/build for the browser tests, with Strapi's own Vite
// build, without `strapi build` (which compiles into and cleans dist/, under a developer's
// running app). Skipped when the build is newer than every admin source file.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist-test');
const NODE = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'dist', 'src', 'node');

const newest = (dir) => {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
};

async function buildAdmin({ force = false } = {}) {
  const index = path.join(DIST, 'build', 'index.html');
  const sources = Math.max(newest(path.join(ROOT, 'src', 'admin')), newest(path.join(ROOT, 'src', 'plugins')), fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs);
  if (!force && fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return { built: false };
  const { createStrapi } = require('@strapi/strapi');
  const { createBuildContext } = require(path.join(NODE, 'create-build-context.js'));
  const { writeStaticClientFiles } = require(path.join(NODE, 'staticFiles.js'));
  const { build } = require(path.join(NODE, 'vite', 'build.js'));
  const logger = { debug() {}, info() {}, log() {}, success() {}, warn: console.warn, error: console.error, warnings: 0, errors: 0, spinner: () => ({ start() { return this; }, succeed() {}, fail() {}, text: '' }) };
  const strapi = createStrapi({ appDir: ROOT, distDir: DIST, autoReload: true, serveAdminPanel: false });
  const ctx = await createBuildContext({ cwd: ROOT, logger, strapi, options: { minify: false, sourcemaps: false, stats: false } });
  await writeStaticClientFiles(ctx);
  await build(ctx);
  return { built: true };
}

module.exports = { buildAdmin };

/**
 * One build at a time: browser test files run in parallel workers and each asks for the build;
 * the second waits for the first (then finds the build fresh) instead of building alongside it.
 */
async function withLock(fn) {
  const lock = path.join(DIST, '.admin-build.lock');
  fs.mkdirSync(DIST, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // a build killed mid-way leaves its lock behind: no build lasts ten minutes
      if (Date.now() - fs.statSync(lock).mtimeMs > 600000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 600000) throw new Error('waited ten minutes for another admin build');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const t = Date.now();
  withLock(() => buildAdmin({ force: process.argv.includes('--force') })).then(
    (r) => { console.log(r.built ? `admin built into dist-test/build in ${Math.round((Date.now() - t) / 1000)} s` : 'admin build up to date'); process.exit(0); },
    (e) => { console.error(e); process.exit(1); }
  );
}

#!/usr/bin/env node
// `npm run app`: from a fresh clone to a running Ancrage on SQLite. Installs dependencies if
// they are missing, creates .env with fresh secrets on the first run, then starts Strapi in
// development mode (it compiles the TypeScript and serves the admin panel at /admin).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const root = path.join(__dirname, '..');

if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'strapi'))) {
  console.log('Installing dependencies (a few minutes the first time)...');
  require('./install-deps').installDeps();
}
ensureEnv(root);

const child = spawn(path.join(root, 'node_modules', '.bin', 'strapi'), ['develop', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

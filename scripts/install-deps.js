#!/usr/bin/env node
// Installs dependencies from the lockfile (`npm ci`). npm 11 writes lockfiles that omit other
// platforms' optional packages (npm/cli#4828, #8805) and then its own `npm ci` refuses them as
// "out of sync"; only in that case do we fall back to `npm install`, which honours the lockfile
// for everything else.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const flags = ['--no-audit', '--no-fund'];

function installDeps() {
  const ci = spawnSync(npm, ['ci', ...flags], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (ci.status === 0) return;
  process.stderr.write(ci.stderr || '');
  if (!/can only install packages when your package\.json and package-lock\.json/.test(ci.stderr || '')) {
    throw new Error(`npm ci failed (exit ${ci.status})`);
  }
  console.log('npm ci refused the lockfile for platform-specific optional packages (npm/cli#4828); running npm install.');
  const install = spawnSync(npm, ['install', ...flags], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`npm install failed (exit ${install.status})`);
}

module.exports = { installDeps };

if (require.main === module) {
  try {
    installDeps();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

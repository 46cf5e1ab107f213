#!/usr/bin/env node
// Installs exactly what the lockfile records (`npm ci`): never resolves a new version. The
// lockfile lists every platform's optional packages (regenerate it with
// `npm install --package-lock-only` after a dependency change), so `npm ci` accepts it on any
// machine.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function installDeps() {
  const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (ci.status !== 0) throw new Error(`npm ci failed (exit ${ci.status}): the lockfile and package.json disagree, or the registry is unreachable`);
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

#!/usr/bin/env node
// Creates .env from .env.example on the first run, with fresh random secrets. Never touches an
// existing .env. Plain Node (no dependency) so that it runs before `npm install`.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.join(__dirname, '..');
const SECRETS = ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const random = () => crypto.randomBytes(32).toString('base64');

function ensureEnv(dir = root, log = console.log) {
  const target = path.join(dir, '.env');
  if (fs.existsSync(target)) return false;
  const template = fs.readFileSync(path.join(dir, '.env.example'), 'utf8');
  const out = template
    .split('\n')
    .map((line) => {
      const m = /^([A-Z0-9_]+)=/.exec(line);
      if (!m) return line;
      if (m[1] === 'APP_KEYS') return `APP_KEYS=${[random(), random(), random(), random()].join(',')}`;
      if (SECRETS.includes(m[1])) return `${m[1]}=${random()}`;
      return line;
    })
    .join('\n');
  fs.writeFileSync(target, out, { mode: 0o600 });
  log(`Created .env with freshly generated secrets (APP_KEYS, ${SECRETS.join(', ')}). Keep it out of git.`);
  return true;
}

module.exports = { ensureEnv };

if (require.main === module) ensureEnv();

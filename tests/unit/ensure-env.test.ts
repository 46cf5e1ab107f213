import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync } from 'child_process';

const ROOT = path.join(__dirname, '..', '..');
const { ensureEnv } = require('../../scripts/ensure-env.js');

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const parse = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  );

describe('.env creation on first run', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ancrage-env-'));
    fs.copyFileSync(path.join(ROOT, '.env.example'), path.join(dir, '.env.example'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates .env from .env.example with fresh random secrets and says so', () => {
    const messages: string[] = [];
    expect(ensureEnv(dir, (m: string) => messages.push(m))).toBe(true);
    const env = parse(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    const example = parse(fs.readFileSync(path.join(dir, '.env.example'), 'utf8'));
    for (const name of SECRETS) {
      expect(env[name]).toBeDefined();
      expect(env[name]).not.toMatch(/tobemodified/i);
      expect(env[name].length).toBeGreaterThanOrEqual(40);
    }
    expect(env.APP_KEYS.split(',')).toHaveLength(4);
    // every other setting is carried over as in the example
    for (const [k, v] of Object.entries(example)) if (!SECRETS.includes(k)) expect(env[k]).toBe(v);
    expect(messages.join('\n')).toMatch(/Created \.env/);
    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
  });

  it('generates different secrets on each machine', () => {
    ensureEnv(dir, () => {});
    const first = parse(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    fs.rmSync(path.join(dir, '.env'));
    ensureEnv(dir, () => {});
    const second = parse(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    for (const name of SECRETS) expect(second[name]).not.toBe(first[name]);
  });

  it('never touches an existing .env', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'JWT_SECRET=mine\n');
    expect(ensureEnv(dir, () => {})).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toBe('JWT_SECRET=mine\n');
  });

  it('runs as a script before dependencies are installed (plain node)', () => {
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(path.join(ROOT, 'scripts', 'ensure-env.js'), path.join(dir, 'scripts', 'ensure-env.js'));
    const out = execFileSync(process.execPath, [path.join(dir, 'scripts', 'ensure-env.js')], { encoding: 'utf8' });
    expect(out).toMatch(/Created \.env with freshly generated secrets/);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(true);
  });
});

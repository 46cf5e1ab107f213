/**
 * `npm run seed`: fills an empty database with the fictional demo CPTS, refuses a non-empty one
 * unless --force, and --force replaces rather than duplicates.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { APP_ROOT, DIST_DIR, createTestDatabase, startStrapi } from '../helpers/strapi';

const seed = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(DIST_DIR, 'scripts', 'seed.js'), ...args], {
    cwd: APP_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 180000,
  });

describe('npm run seed', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  // The seed uploads its toolkit PDFs through the local provider into public/uploads.
  const uploads = path.join(APP_ROOT, 'public', 'uploads');
  const listUploads = () => (fs.existsSync(uploads) ? fs.readdirSync(uploads) : []);
  let uploadsBefore: string[];
  beforeAll(async () => {
    uploadsBefore = listUploads();
    database = await createTestDatabase(`seed_${crypto.randomBytes(3).toString('hex')}`);
  });
  afterAll(async () => {
    await database.drop();
    for (const f of listUploads()) if (!uploadsBefore.includes(f)) fs.rmSync(path.join(uploads, f), { force: true });
  });

  let firstOutput = '';
  it('fills an empty database and prints what it created', () => {
    const res = seed(database.env);
    firstOutput = res.stdout;
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/structures\s+25/);
    expect(res.stdout).toMatch(/professionals\s+60/);
    expect(res.stdout).toMatch(/ambassadors\s+4/);
    expect(res.stdout).toMatch(/cases\s+20/);
  });

  it('refuses to run again on the non-empty database', () => {
    const res = seed(database.env);
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toMatch(/--force/);
  });

  it('replaces the demo data with --force instead of duplicating it', () => {
    const res = seed(database.env, '--force');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/cases\s+20/);
  });

  it('leaves a consistent, entirely fictional CPTS', async () => {
    expect(firstOutput).not.toBe('');
    Object.assign(process.env, database.env);
    const strapi = await startStrapi();
    try {
      const count = (uid: string) => strapi.documents(uid as any).count({});
      expect(await count('api::structure.structure')).toBe(25);
      expect(await count('api::professional.professional')).toBe(60);
      expect(await count('api::ambassador.ambassador')).toBe(4);
      expect(await count('api::case.case')).toBe(20);
      const cases = await strapi.db.query('api::case.case').findMany({ select: ['documentId', 'state', 'newcomerEmail'] });
      // every case has the workflow history that led it to its state, never in the future
      for (const c of cases) {
        const history = await strapi.db
          .query('plugin::workflow.transition')
          .findMany({ where: { subjectDocumentId: c.documentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
        if (c.state === 'received') expect(history).toEqual([]);
        else expect(history[history.length - 1].to).toBe(c.state);
        for (const h of history) expect(new Date(h.at).getTime()).toBeLessThanOrEqual(Date.now());
      }
      const states = new Set(cases.map((c: any) => c.state));
      for (const s of ['received', 'first_contact', 'interview', 'matching', 'visits', 'installed', 'closed', 'abandoned', 'on_hold']) {
        expect(states).toContain(s);
      }
      const emails = [
        ...cases.map((c: any) => c.newcomerEmail),
        ...(await strapi.db.query('api::professional.professional').findMany({ select: ['email'] })).map((p: any) => p.email),
      ].filter(Boolean);
      for (const e of emails) expect(e).toMatch(/@([a-z0-9-]+\.)*example(\.org)?$/);
      const structures = await strapi.db.query('api::structure.structure').findMany({ select: ['latitude', 'longitude'] });
      for (const s of structures) {
        expect(s.latitude).toBeGreaterThan(-21.45);
        expect(s.latitude).toBeLessThan(-21.1);
        expect(s.longitude).toBeGreaterThan(55.35);
        expect(s.longitude).toBeLessThan(55.65);
      }
      const guides = await strapi.documents('api::guide.guide').findMany({ status: 'published', populate: ['sections'] } as any);
      expect(guides).toHaveLength(1);
      expect((guides[0] as any).sections.length).toBeGreaterThanOrEqual(10);
    } finally {
      await strapi.destroy();
    }
  });
});

import path from 'path';
import crypto from 'crypto';
import { createStrapi, type Core } from '@strapi/strapi';
import supertest from 'supertest';
import { createTestDatabase } from './database';

export const APP_ROOT = path.join(__dirname, '..', '..');
/** Where globalSetup compiled the app for the tests. */
export const DIST_DIR = path.join(APP_ROOT, 'dist-test');

export type TestApp = {
  strapi: Core.Strapi;
  /** A fresh supertest agent on the app's HTTP server. */
  http: () => supertest.Agent;
  /** Unique id of this test file's resources (database, Redis prefix). */
  id: string;
  destroy: () => Promise<void>;
};

/**
 * Boots a real Strapi from dist-test/ on a database of its own (a SQLite file, or a PostgreSQL
 * database when TEST_DB=postgres) and a Redis prefix of its own, then mounts the HTTP server.
 * One per test file, in beforeAll; destroy() in afterAll.
 */
export const bootStrapi = async (
  env: Record<string, string> = {},
  options: { serveAdminPanel?: boolean } = {}
): Promise<TestApp> => {
  const id = `t${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const database = await createTestDatabase(id);
  Object.assign(process.env, database.env, { REDIS_PREFIX: `ancrage-test:${id}` }, env);
  const strapi = await startStrapi(options);

  return {
    strapi,
    id,
    http: () => supertest.agent(strapi.server.httpServer),
    destroy: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
};

/** Boots Strapi with the current process.env (database and prefix already chosen). */
export const startStrapi = async ({ serveAdminPanel = false } = {}): Promise<Core.Strapi> => {
  const strapi = await createStrapi({
    appDir: APP_ROOT,
    distDir: DIST_DIR,
    serveAdminPanel,
    autoReload: false,
  } as any).load();
  strapi.server.mount();
  return strapi;
};

export { createTestDatabase };

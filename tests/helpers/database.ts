import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

const APP_ROOT = path.join(__dirname, '..', '..');

/** PostgreSQL server used when TEST_DB=postgres; each test file gets its own database on it. */
export const testPostgresUrl = () => process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const withAdminClient = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

export const dropTestDatabase = async (name: string) =>
  withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

export type TestDatabase = { env: Record<string, string>; drop: () => Promise<void> };

export const createTestDatabase = async (id: string): Promise<TestDatabase> => {
  if (process.env.TEST_DB === 'postgres') {
    const name = `ancrage_${id}`.toLowerCase();
    await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(testPostgresUrl());
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATABASE_SCHEMA: 'public' },
      drop: () => dropTestDatabase(name).then(() => undefined),
    };
  }
  const relative = path.join('.tmp', 'test', `${id}.db`);
  fs.mkdirSync(path.join(APP_ROOT, '.tmp', 'test'), { recursive: true });
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        fs.rmSync(path.join(APP_ROOT, relative + suffix), { force: true });
      }
    },
  };
};

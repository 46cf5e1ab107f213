import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { INDEX_MIGRATIONS } from './constants';
import { getService } from './utils';

/**
 * Strapi runs database/migrations before it creates the tables, so on a fresh database the
 * index migrations find nothing to index: run them again (they are idempotent) once the schema
 * exists.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  for (const name of INDEX_MIGRATIONS) {
    const file = path.join(strapi.dirs.app.root, 'database', 'migrations', name);
    if (!fs.existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require(file);
    await migration.up(strapi.db.connection);
  }
  await getService('facts', strapi).install();
};

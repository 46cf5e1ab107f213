import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { INDEX_MIGRATION } from './constants';

/**
 * Strapi runs database/migrations before it creates the tables, so on a fresh database the
 * index migration finds nothing to index: run it again (it is idempotent) once the schema exists.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const file = path.join(strapi.dirs.app.root, 'database', 'migrations', INDEX_MIGRATION);
  if (!fs.existsSync(file)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const migration = require(file);
  await migration.up(strapi.db.connection);
};

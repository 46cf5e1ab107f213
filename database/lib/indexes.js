'use strict';
/**
 * Creates indexes given as [table, name, columns] with CREATE INDEX IF NOT EXISTS (valid on SQLite
 * and PostgreSQL). A table or column that does not exist yet is skipped: Strapi runs migrations
 * before it creates the tables, so the indicators plugin runs its migrations again at bootstrap.
 * Outside database/migrations/, which Strapi would run as a migration.
 */
async function createIndexes(knex, indexes) {
  for (const [table, name, columns] of indexes) {
    if (!(await knex.schema.hasTable(table))) continue;
    let missing = false;
    for (const column of columns) if (!(await knex.schema.hasColumn(table, column))) missing = true;
    if (missing) continue;
    const cols = columns.map(() => '??').join(', ');
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${cols})`, [name, table, ...columns]);
  }
}

module.exports = { createIndexes };

import type { Core } from '@strapi/strapi';

export const FILE_UID = 'plugin::upload.file';

type Knex = any;

/** The upload plugin's join tables of files (links to documents, folder), from the metadata. */
const joinTables = (strapi: Core.Strapi) => {
  const attributes = (strapi.db.metadata.get(FILE_UID) as any).attributes;
  return { related: attributes.related.joinTable, folder: attributes.folder.joinTable };
};

/** A query on `table` in the caller's transaction if there is one (SQLite has one connection). */
const inTransaction = <T>(strapi: Core.Strapi, fn: (table: (name: string) => Knex) => Promise<T>): Promise<T> => {
  const schema = strapi.db.getSchemaName();
  return strapi.db.transaction(async ({ trx }: { trx: Knex }) => fn((name) => (schema ? trx.withSchema(schema).from(name) : trx.from(name)))) as Promise<T>;
};

/** Ids of the files linked to a document of one of `uids`. */
export const filesLinkedTo = (strapi: Core.Strapi, uids: readonly string[]): Promise<number[]> => {
  const { related } = joinTables(strapi);
  return inTransaction(strapi, async (table) =>
    ((await table(related.name).distinct(related.joinColumn.name).whereIn(related.morphColumn.typeColumn.name, uids)) as Array<Record<string, unknown>>).map(
      (r) => Number(r[related.joinColumn.name])
    )
  );
};

/** Ids of the files in a media-library folder. */
export const filesInFolder = (strapi: Core.Strapi, folderId: number): Promise<number[]> => {
  const { folder } = joinTables(strapi);
  return inTransaction(strapi, async (table) =>
    ((await table(folder.name).select(folder.joinColumn.name).where(folder.inverseJoinColumn.name, folderId)) as Array<Record<string, unknown>>).map((r) =>
      Number(r[folder.joinColumn.name])
    )
  );
};

/** Where each of `fileIds` is linked: `{ fileId, uid, id }` per link (none for a file linked nowhere). */
export const linksOfFiles = (strapi: Core.Strapi, fileIds: number[]): Promise<Array<{ fileId: number; uid: string; id: number }>> => {
  const { related } = joinTables(strapi);
  if (fileIds.length === 0) return Promise.resolve([]);
  return inTransaction(strapi, async (table) =>
    ((await table(related.name)
      .select(related.joinColumn.name, related.morphColumn.typeColumn.name, related.morphColumn.idColumn.name)
      .whereIn(related.joinColumn.name, fileIds)) as Array<Record<string, unknown>>).map((r) => ({
      fileId: Number(r[related.joinColumn.name]),
      uid: String(r[related.morphColumn.typeColumn.name]),
      id: Number(r[related.morphColumn.idColumn.name]),
    }))
  );
};

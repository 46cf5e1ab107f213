import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorOf, isPrivileged } from '../utils/access';
import { CM_READ, PERSONAL_SUBJECTS } from '../utils/personal-data';
import { UID } from '../utils/constants';
import { FILE_UID, filesInFolder, filesLinkedTo } from '../utils/files';

type Ability = { can: (action: string, subject: string) => boolean };
type Ctx = { state: { userAbility?: Ability; personalFileIds?: Promise<number[]> } & Record<string, unknown>; query?: Record<string, unknown> };
type QueryEvent = { params: { where?: Record<string, unknown> } };

/**
 * The files an admin may not see: those linked to a personal-data type they cannot read in the
 * Content Manager (a time declaration's receipts), and those uploaded through the content API,
 * which are ambassadors' receipts, possibly not yet linked, unless they may read time
 * declarations.
 */
const personalFileIds = async (strapi: Core.Strapi, ability: Ability): Promise<number[]> => {
  const hiddenTypes = PERSONAL_SUBJECTS.filter((uid) => strapi.contentTypes[uid as any] && !ability.can(CM_READ, uid));
  if (hiddenTypes.length === 0) return [];
  const ids = new Set(await filesLinkedTo(strapi, hiddenTypes));
  if (hiddenTypes.includes(UID.timeDeclaration)) {
    const apiFolder = (await strapi.store({ type: 'plugin', name: 'upload', key: 'api-folder' }).get({})) as { id?: number } | null;
    if (apiFolder?.id != null) for (const id of await filesInFolder(strapi, apiFolder.id)) ids.add(id);
  }
  return [...ids];
};

/** The personal files hidden from the admin behind this request, computed once per request. */
const hiddenFileIds = (strapi: Core.Strapi, ctx: Ctx | undefined): Promise<number[]> | null => {
  const ability = ctx?.state?.userAbility;
  if (!ctx || !ability) return null;
  ctx.state.personalFileIds ??= personalFileIds(strapi, ability);
  return ctx.state.personalFileIds;
};

/**
 * The media library answers every admin as if the files of personal data they may not read did
 * not exist: the file queries of an admin request leave them out (listings, and opening, editing,
 * replacing or deleting one answers 404), so that every route reading files through the query
 * engine applies it.
 */
export const hidePersonalFilesFromAdmins = (strapi: Core.Strapi) => {
  const restrict = async (event: QueryEvent) => {
    const ids = await hiddenFileIds(strapi, strapi.requestContext.get() as Ctx | undefined);
    if (!ids || ids.length === 0) return;
    const where = event.params.where;
    const hidden = { id: { $notIn: ids } };
    event.params.where = where && Object.keys(where).length > 0 ? { $and: [where, hidden] } : hidden;
  };
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    beforeFindOne: restrict,
    beforeFindMany: restrict,
    beforeCount: restrict,
  } as any);
};

/** The file ids an upload admin request acts on (path, `POST /upload?id=`, bulk bodies). */
const targetedFileIds = (ctx: any): number[] => {
  const body = ctx.request?.body ?? {};
  const ids: unknown[] = [ctx.params?.id, ctx.query?.id];
  if (Array.isArray(body.fileIds)) ids.push(...body.fileIds);
  if (Array.isArray(body.updates)) ids.push(...body.updates.map((u: { id?: unknown }) => u?.id));
  return ids.filter((id) => id !== undefined && id !== null && id !== '').map(Number);
};

type Route = { path: string; handler: string; config?: { middlewares?: unknown[] } };
const routesOf = (strapi: Core.Strapi, type: 'admin' | 'content-api') =>
  (((strapi.plugin('upload') as any)?.routes?.[type]?.routes ?? []) as Route[]);

type Middleware = ((ctx: any, next: () => Promise<unknown>) => Promise<unknown>) & { [OURS]?: string };
const OURS = Symbol.for('ancrage.media-library');

/**
 * The plugin's route objects are module-level, shared by every Strapi instance of the process
 * (tests boot several): our middleware replaces the one an earlier instance added.
 */
const addMiddleware = (route: Route, name: string, middleware: Middleware) => {
  middleware[OURS] = name;
  route.config = route.config ?? {};
  route.config.middlewares = [...(route.config.middlewares ?? []).filter((m) => (m as Middleware)?.[OURS] !== name), middleware];
};

/**
 * The upload plugin's admin routes that act on given files (bulk move runs its own queries,
 * below the query engine's lifecycles) answer 404 for a file the admin may not see. Folder
 * routes keep their own ids (`/folders/:id`).
 */
export const guardUploadAdminRoutes = (strapi: Core.Strapi) => {
  for (const route of routesOf(strapi, 'admin').filter((r) => !r.path.startsWith('/folders'))) {
    addMiddleware(route, 'hidden-files', async (ctx, next) => {
      const targeted = targetedFileIds(ctx);
      if (targeted.length > 0) {
        const hidden = (await hiddenFileIds(strapi, ctx)) ?? [];
        if (targeted.some((id) => hidden.includes(id))) throw new errors.NotFoundError('File not found');
      }
      return next();
    });
  }
};

/**
 * `POST /api/upload?id=` edits or replaces an existing file. Front-office users upload their
 * receipts as new files; changing a file that exists (someone else's receipt, the guide's
 * booklet) is for coordinators and API tokens.
 */
export const restrictContentApiFileChanges = (strapi: Core.Strapi) => {
  const upload = routesOf(strapi, 'content-api').find((r) => r.handler === 'content-api.upload');
  if (!upload) throw new Error('upload plugin: the content API upload route is missing');
  addMiddleware(upload, 'existing-files', async (ctx, next) => {
    if (ctx.query?.id !== undefined && !isPrivileged(await actorOf(ctx))) {
      throw new errors.ForbiddenError('Only the coordination may change an existing file');
    }
    return next();
  });
};

import { factories } from '@strapi/strapi';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { access, actorOf, forbiddenFields, type Actor, type Scope } from './access';
import { STATE_FIELD } from './constants';
import { assertDateFormats, normalizeValidationError } from '../validation/attributes';
import { applyOutputPolicy, assertQueryAllowed, fieldPolicyFor } from './field-policy';
import { queryInputProblem } from '../validation/query-errors';

export type ScopeOptions = {
  /** Attributes this actor may write; undefined = every attribute but `state`. */
  writable?: (actor: Actor) => readonly string[] | undefined;
  /** Forces ownership on create (e.g. a time declaration's ambassador). */
  prepareCreate?: (actor: Actor, data: Record<string, unknown>, strapi: Core.Strapi) => Promise<Record<string, unknown>>;
  /** Extra checks before a write on an existing document (e.g. only drafts may be edited). */
  beforeWrite?: (actor: Actor, existing: Record<string, unknown>, op: 'update' | 'delete') => void;
  /** Domain validation of the input (zod), after Strapi's own schema validation. */
  validate?: (data: Record<string, unknown>, op: 'create' | 'update') => void;
  /** Checks of the input against the database for this actor (e.g. which files they may link). */
  authorizeData?: (actor: Actor, data: Record<string, unknown>, strapi: Core.Strapi) => Promise<void>;
  /** Whether the type has a workflow-owned `state` attribute. */
  hasState?: boolean;
};

type Query = Record<string, unknown>;

/** A read that the client's query made impossible answers 400, not 500. */
const readWith = <T>(read: Promise<T>): Promise<T> =>
  read.catch((error: unknown) => {
    const problem = queryInputProblem(error);
    if (!problem) throw error;
    throw new errors.ValidationError(`Invalid query: ${problem}`, { errors: [{ path: [], message: problem, name: 'ValidationError' }] });
  });

/**
 * A core collection-type controller whose reads and writes are confined to what the caller may
 * see. Strapi's role permissions decide which routes a role reaches; the access plugin's scope of
 * the type (src/bootstrap/access.ts) decides which documents, the field policy which fields.
 */
export const createScopedController = (
  uid: StrapiUID.CollectionType,
  options: ScopeOptions,
  extra: (strapi: Core.Strapi) => Record<string, (ctx: any) => Promise<unknown>> = () => ({})
) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const resolveScope = async (ctx: any) => {
      const actor = await actorOf(ctx);
      const scope = await access(strapi).scope(uid, actor);
      return { actor, scope };
    };

    const fetchParams = (query: Query, scope: Scope) => {
      const params: Query = { ...query };
      if (scope?.publishedOnly) params.status = 'published';
      params.filters = access(strapi).and(params.filters, scope);
      return params;
    };

    /** The document if it is inside the actor's scope, else a 404. */
    const findScoped = async (documentId: string, scope: Scope, query: Query = {}) => {
      const service = strapi.service(uid as any) as any;
      const params = service.getFetchParams(fetchParams(query, scope));
      const entry = await strapi.documents(uid).findFirst({
        ...params,
        filters: access(strapi).and({ documentId }, { filters: params.filters as Record<string, unknown> }),
      } as any);
      if (!entry) throw new errors.NotFoundError('Not Found');
      return entry as Record<string, unknown>;
    };

    const checkWrite = (actor: Actor, data: Record<string, unknown>) => {
      if (options.hasState && STATE_FIELD in data) {
        throw new errors.ValidationError('state can only be changed by a workflow transition', {
          errors: [{ path: [STATE_FIELD], message: 'state can only be changed by a workflow transition', name: 'ValidationError' }],
        });
      }
      // columns the application maintains itself (private, not configurable): a clear 400, not a silent drop
      const attributes = (strapi.getModel(uid as any) as any)?.attributes ?? {};
      const maintained = Object.keys(data).filter((k) => attributes[k]?.private === true && attributes[k]?.configurable === false);
      if (maintained.length > 0) {
        throw new errors.ValidationError(`${maintained.join(', ')} is maintained by the application`, {
          errors: maintained.map((k) => ({ path: [k], message: 'maintained by the application, cannot be written', name: 'ValidationError' })),
        });
      }
      const writable = options.writable?.(actor);
      if (writable) {
        const refused = Object.keys(data).filter((k) => !writable.includes(k));
        if (refused.length > 0) throw forbiddenFields(refused, `You may not change ${refused.join(', ')}`);
      }
    };

    const bodyData = (ctx: any): Record<string, unknown> => {
      const data = ctx.request.body?.data;
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        throw new errors.ValidationError('Missing "data" payload in the request body');
      }
      return data;
    };

    return {
      /** Strapi's query checks, then the field policy at any depth (filters, sort, fields, populate). */
      async validateQuery(this: any, ctx: any) {
        // the scope's filters are ANDed to the caller's: they must be an object (or a list of them)
        const filters = ctx.query?.filters;
        if (filters !== undefined && (typeof filters !== 'object' || filters === null)) {
          throw new errors.ValidationError('filters must be an object', {
            errors: [{ path: ['filters'], message: 'must be an object, e.g. filters[field][$eq]=value', name: 'ValidationError' }],
          });
        }
        await super.validateQuery(ctx).catch((e: unknown) => Promise.reject(normalizeValidationError(e)));
        assertQueryAllowed(strapi, uid, ctx.query ?? {}, fieldPolicyFor(await actorOf(ctx)));
      },

      /** Strapi's output sanitization, then the field policy, for every action's response. */
      async sanitizeOutput(this: any, data: unknown, ctx: any) {
        const out = await super.sanitizeOutput(data, ctx);
        return applyOutputPolicy(strapi, uid, out, fieldPolicyFor(await actorOf(ctx)));
      },

      async find(this: any, ctx: any) {
        const { scope } = await resolveScope(ctx);
        await this.validateQuery(ctx);
        const query = await this.sanitizeQuery(ctx);
        const { results, pagination } = await readWith<any>((strapi.service(uid as any) as any).find(fetchParams(query, scope)));
        const out = await this.sanitizeOutput(results, ctx);
        return this.transformResponse(out, { pagination });
      },

      async findOne(this: any, ctx: any) {
        const { scope } = await resolveScope(ctx);
        await this.validateQuery(ctx);
        const query = await this.sanitizeQuery(ctx);
        const entry = await readWith(findScoped(ctx.params.id, scope, query));
        const out = await this.sanitizeOutput(entry, ctx);
        return this.transformResponse(out);
      },

      async create(this: any, ctx: any) {
        const { actor } = await resolveScope(ctx);
        let data = bodyData(ctx);
        checkWrite(actor, data);
        options.validate?.(data, 'create');
        assertDateFormats(strapi, uid, data);
        await options.authorizeData?.(actor, data, strapi);
        if (options.prepareCreate) data = await options.prepareCreate(actor, data, strapi);
        ctx.request.body.data = data;
        return super.create(ctx).catch((e: unknown) => Promise.reject(normalizeValidationError(e)));
      },

      async update(this: any, ctx: any) {
        const { actor, scope } = await resolveScope(ctx);
        const data = bodyData(ctx);
        const existing = await findScoped(ctx.params.id, scope);
        checkWrite(actor, data);
        options.beforeWrite?.(actor, existing, 'update');
        options.validate?.(data, 'update');
        assertDateFormats(strapi, uid, data);
        await options.authorizeData?.(actor, data, strapi);
        return super.update(ctx).catch((e: unknown) => Promise.reject(normalizeValidationError(e)));
      },

      async delete(this: any, ctx: any) {
        const { actor, scope } = await resolveScope(ctx);
        const existing = await findScoped(ctx.params.id, scope);
        options.beforeWrite?.(actor, existing, 'delete');
        return super.delete(ctx);
      },

      ...extra(strapi),
    };
  });

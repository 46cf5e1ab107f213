import { factories } from '@strapi/strapi';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getActor, forbiddenFields, type Actor } from './access';
import { STATE_FIELD } from './constants';

/**
 * What an actor may see of a collection type. `null` means unrestricted (coordinator, API token).
 * - `filters` are ANDed server-side to every read and checked before every write, so a document
 *   outside the scope answers 404 whatever the route;
 * - `fields`, when given, is the whole set of attributes the actor may read, filter or sort on;
 * - `publishedOnly` stops `?status=draft` from exposing unpublished content.
 */
export type Scope = {
  filters?: Record<string, unknown>;
  fields?: readonly string[];
  publishedOnly?: boolean;
};

export type ScopeOptions = {
  scope: (actor: Actor, strapi: Core.Strapi) => Promise<Scope | null>;
  /** Attributes this actor may write; undefined = every attribute but `state`. */
  writable?: (actor: Actor) => readonly string[] | undefined;
  /** Forces ownership on create (e.g. a time declaration's ambassador). */
  prepareCreate?: (actor: Actor, data: Record<string, unknown>, strapi: Core.Strapi) => Promise<Record<string, unknown>>;
  /** Extra checks before a write on an existing document (e.g. only drafts may be edited). */
  beforeWrite?: (actor: Actor, existing: Record<string, unknown>, op: 'update' | 'delete') => void;
  /** Domain validation of the input (zod), after Strapi's own schema validation. */
  validate?: (data: Record<string, unknown>, op: 'create' | 'update') => void;
  /** Whether the type has a workflow-owned `state` attribute. */
  hasState?: boolean;
};

const ALWAYS_VISIBLE = ['id', 'documentId'];
const OPERATORS = new Set(['$and', '$or', '$not']);

type Query = Record<string, unknown>;

const filterKeys = (filters: unknown, acc: Set<string> = new Set()): Set<string> => {
  if (Array.isArray(filters)) {
    filters.forEach((f) => filterKeys(f, acc));
  } else if (filters && typeof filters === 'object') {
    for (const [key, value] of Object.entries(filters)) {
      if (OPERATORS.has(key)) filterKeys(value, acc);
      else acc.add(key);
    }
  }
  return acc;
};

const sortKeys = (sort: unknown): string[] => {
  if (!sort) return [];
  if (typeof sort === 'string') return sort.split(',').map((s) => s.split(':')[0].trim());
  if (Array.isArray(sort)) return sort.flatMap(sortKeys);
  if (typeof sort === 'object') return Object.keys(sort);
  return [];
};

const listKeys = (value: unknown): string[] => {
  if (!value || value === '*') return [];
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object') return Object.keys(value);
  return [];
};

/** Rejects a query that filters, sorts, selects or populates a field the actor may not read. */
const assertQueryWithin = (query: Query, allowed: readonly string[]) => {
  const ok = new Set([...allowed, ...ALWAYS_VISIBLE]);
  const problems: Array<{ path: string[]; message: string; name: string }> = [];
  const check = (param: string, keys: Iterable<string>) => {
    for (const key of keys) {
      if (!ok.has(key)) problems.push({ path: [param, key], message: `Invalid key ${key}`, name: 'ValidationError' });
    }
  };
  check('filters', filterKeys(query.filters));
  check('sort', sortKeys(query.sort));
  check('fields', listKeys(query.fields));
  check('populate', listKeys(query.populate));
  if (problems.length > 0) {
    throw new errors.ValidationError(`Invalid key ${problems[0].path[1]}`, { errors: problems });
  }
};

const pick = (entry: unknown, fields: readonly string[]) => {
  if (!entry || typeof entry !== 'object') return entry;
  const keep = new Set([...fields, ...ALWAYS_VISIBLE]);
  return Object.fromEntries(Object.entries(entry).filter(([k]) => keep.has(k)));
};

const andFilters = (a: unknown, b: Record<string, unknown> | undefined) => {
  if (!b) return a;
  if (!a || (typeof a === 'object' && Object.keys(a as object).length === 0)) return b;
  return { $and: [a, b] };
};

/**
 * A core collection-type controller whose reads and writes are confined to what the caller may
 * see. Strapi's role permissions decide which routes a role reaches; this decides which
 * documents and fields.
 */
export const createScopedController = (
  uid: StrapiUID.CollectionType,
  options: ScopeOptions,
  extra: (strapi: Core.Strapi) => Record<string, (ctx: any) => Promise<unknown>> = () => ({})
) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const resolveScope = async (ctx: any) => {
      const actor = getActor(ctx);
      const scope = await options.scope(actor, strapi);
      if (scope?.fields) assertQueryWithin(ctx.query ?? {}, scope.fields);
      return { actor, scope };
    };

    const fetchParams = (query: Query, scope: Scope | null) => {
      const params: Query = { ...query };
      if (scope?.publishedOnly) params.status = 'published';
      params.filters = andFilters(params.filters, scope?.filters);
      return params;
    };

    /** The document if it is inside the actor's scope, else a 404. */
    const findScoped = async (documentId: string, scope: Scope | null, query: Query = {}) => {
      const service = strapi.service(uid as any) as any;
      const params = service.getFetchParams(fetchParams(query, scope));
      const entry = await strapi.documents(uid).findFirst({
        ...params,
        filters: andFilters({ documentId }, params.filters as Record<string, unknown>),
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
      async find(this: any, ctx: any) {
        const { scope } = await resolveScope(ctx);
        await this.validateQuery(ctx);
        const query = await this.sanitizeQuery(ctx);
        const { results, pagination } = await (strapi.service(uid as any) as any).find(fetchParams(query, scope));
        let out = await this.sanitizeOutput(results, ctx);
        if (scope?.fields) out = (out as unknown[]).map((e) => pick(e, scope.fields!));
        return this.transformResponse(out, { pagination });
      },

      async findOne(this: any, ctx: any) {
        const { scope } = await resolveScope(ctx);
        await this.validateQuery(ctx);
        const query = await this.sanitizeQuery(ctx);
        const entry = await findScoped(ctx.params.id, scope, query);
        let out = await this.sanitizeOutput(entry, ctx);
        if (scope?.fields) out = pick(out, scope.fields);
        return this.transformResponse(out);
      },

      async create(this: any, ctx: any) {
        const { actor } = await resolveScope(ctx);
        let data = bodyData(ctx);
        checkWrite(actor, data);
        options.validate?.(data, 'create');
        if (options.prepareCreate) data = await options.prepareCreate(actor, data, strapi);
        ctx.request.body.data = data;
        return super.create(ctx);
      },

      async update(this: any, ctx: any) {
        const { actor, scope } = await resolveScope(ctx);
        const data = bodyData(ctx);
        const existing = await findScoped(ctx.params.id, scope);
        checkWrite(actor, data);
        options.beforeWrite?.(actor, existing, 'update');
        options.validate?.(data, 'update');
        return super.update(ctx);
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

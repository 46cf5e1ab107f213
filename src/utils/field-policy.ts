import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isAmbassador, isPrivileged, type Actor } from './access';
import { UID } from './constants';

/**
 * Field-level visibility, which users-permissions lacks: for some content types an actor may
 * only see some attributes of some entries, wherever the entry appears in a response (at the
 * root or populated through a relation at any depth) and whatever the query filters, sorts,
 * selects or populates on. Without this, `GET /api/structures?populate=*` would hand the public
 * the e-mail and membership of every professional of a structure.
 */
export type TypePolicy = {
  /** Attributes the actor may read, filter, sort, select and populate. */
  fields: readonly string[];
  /** Entries the actor may see at all (checked on the raw entry, before fields are cut). */
  keep?: (entry: Record<string, unknown>) => boolean;
};
export type FieldPolicy = Partial<Record<string, TypePolicy>>;

/** What the public directory shows of a professional who consented to appear in it. */
export const PUBLIC_DIRECTORY_FIELDS = ['firstName', 'lastName', 'profession', 'specialty', 'commune', 'structure', 'phone'];
/** Ambassadors, themselves members, also get the e-mail to connect a newcomer with a colleague. */
export const MEMBER_DIRECTORY_FIELDS = [...PUBLIC_DIRECTORY_FIELDS, 'email'];

const consenting = (e: Record<string, unknown>) => e.directoryConsent === true;

export const fieldPolicyFor = (actor: Actor): FieldPolicy => {
  if (isPrivileged(actor)) return {};
  return {
    [UID.professional]: {
      fields: isAmbassador(actor) ? MEMBER_DIRECTORY_FIELDS : PUBLIC_DIRECTORY_FIELDS,
      keep: consenting,
    },
  };
};

const ALWAYS = new Set(['id', 'documentId']);
const LOGICAL = new Set(['$and', '$or', '$not']);

type Schema = { uid: string; attributes: Record<string, any> };
type Problem = { path: string[]; message: string; name: string };

const targetOf = (strapi: Core.Strapi, attribute: any): Schema | null => {
  if (!attribute) return null;
  if (attribute.type === 'relation' && attribute.target) return strapi.getModel(attribute.target) as any;
  if (attribute.type === 'component') return strapi.getModel(attribute.component) as any;
  if (attribute.type === 'media') return strapi.getModel('plugin::upload.file') as any;
  return null;
};

const allowed = (policy: FieldPolicy, schema: Schema, key: string) => {
  const p = policy[schema.uid];
  return !p || ALWAYS.has(key) || p.fields.includes(key);
};

const splitList = (v: unknown): string[] =>
  typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : Array.isArray(v) ? v.map(String) : [];

/**
 * Throws a 400 ValidationError when the query touches an attribute the policy hides, at any
 * depth of filters, sort, fields and populate.
 */
export const assertQueryAllowed = (strapi: Core.Strapi, uid: string, query: Record<string, unknown>, policy: FieldPolicy) => {
  if (Object.keys(policy).length === 0) return;
  const problems: Problem[] = [];
  const deny = (path: string[], key: string) =>
    problems.push({ path: [...path, key], message: `Invalid key ${key}`, name: 'ValidationError' });

  const filters = (value: unknown, schema: Schema, path: string[]) => {
    if (Array.isArray(value)) return value.forEach((v) => filters(v, schema, path));
    if (!value || typeof value !== 'object') return;
    for (const [key, sub] of Object.entries(value)) {
      if (LOGICAL.has(key)) filters(sub, schema, path);
      else if (key.startsWith('$')) continue;
      else {
        if (!allowed(policy, schema, key)) deny(path, key);
        const target = targetOf(strapi, schema.attributes[key]);
        if (target) filters(sub, target, [...path, key]);
      }
    }
  };

  const sort = (value: unknown, schema: Schema, path: string[]) => {
    if (typeof value === 'string') {
      for (const part of splitList(value)) {
        const keys = part.split(':')[0].split('.');
        let s: Schema | null = schema;
        for (const key of keys) {
          if (!s) break;
          if (!allowed(policy, s, key)) deny(path, key);
          s = targetOf(strapi, s.attributes[key]);
        }
      }
    } else if (Array.isArray(value)) value.forEach((v) => sort(v, schema, path));
    else if (value && typeof value === 'object') {
      for (const [key, sub] of Object.entries(value)) {
        if (!allowed(policy, schema, key)) deny(path, key);
        const target = targetOf(strapi, schema.attributes[key]);
        if (target) sort(sub, target, [...path, key]);
      }
    }
  };

  const fields = (value: unknown, schema: Schema, path: string[]) => {
    for (const key of splitList(value)) if (!allowed(policy, schema, key)) deny(path, key);
  };

  const populate = (value: unknown, schema: Schema, path: string[]) => {
    if (value === '*' || value === true || value === 'true' || value == null) return;
    if (typeof value === 'string' || Array.isArray(value)) {
      for (const item of splitList(value)) {
        let s: Schema | null = schema;
        for (const key of item.split('.')) {
          if (!s) break;
          if (!allowed(policy, s, key)) deny(path, key);
          s = targetOf(strapi, s.attributes[key]);
        }
      }
      return;
    }
    if (typeof value !== 'object') return;
    for (const [key, sub] of Object.entries(value)) {
      if (!allowed(policy, schema, key)) deny(path, key);
      const target = targetOf(strapi, schema.attributes[key]);
      if (target && sub && typeof sub === 'object') nested(sub as Record<string, unknown>, target, [...path, key]);
    }
  };

  const nested = (q: Record<string, unknown>, schema: Schema, path: string[]) => {
    if (q.filters) filters(q.filters, schema, [...path, 'filters']);
    if (q.sort) sort(q.sort, schema, [...path, 'sort']);
    if (q.fields) fields(q.fields, schema, [...path, 'fields']);
    if (q.populate) populate(q.populate, schema, [...path, 'populate']);
  };

  const root = strapi.getModel(uid as any) as any as Schema;
  nested(query, root, []);
  if (problems.length > 0) {
    throw new errors.ValidationError(`Invalid key ${problems[0].path[problems[0].path.length - 1]}`, {
      errors: problems,
    });
  }
};

/** Drops the entries and attributes the policy hides, at the root and in every populated relation. */
export const applyOutputPolicy = <T>(strapi: Core.Strapi, uid: string, data: T, policy: FieldPolicy): T => {
  if (Object.keys(policy).length === 0 || data == null) return data;

  const entry = (value: Record<string, unknown>, schema: Schema): Record<string, unknown> => {
    const p = policy[schema.uid];
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (p?.fields && !ALWAYS.has(key) && !p.fields.includes(key)) continue;
      const attribute = schema.attributes[key];
      if (attribute?.type === 'dynamiczone' && Array.isArray(v)) {
        out[key] = v.map((item: any) =>
          item?.__component ? entry(item, strapi.getModel(item.__component) as any) : item
        );
        continue;
      }
      const target = targetOf(strapi, attribute);
      out[key] = target ? node(v, target) : v;
    }
    return out;
  };

  // At the root, which entries an actor sees is the controller's scope filter (a query, so that
  // pagination counts stay right); `keep` guards populated relations.
  const node = (value: unknown, schema: Schema, root = false): unknown => {
    const p = root ? { ...policy[schema.uid], keep: undefined } : policy[schema.uid];
    if (Array.isArray(value)) {
      return value
        .filter((item) => !p?.keep || (item && p.keep(item)))
        .map((item) => (item && typeof item === 'object' ? entry(item, schema) : item));
    }
    if (value && typeof value === 'object') {
      if (p?.keep && !p.keep(value as Record<string, unknown>)) return null;
      return entry(value as Record<string, unknown>, schema);
    }
    return value;
  };

  return node(data, strapi.getModel(uid as any) as any, true) as T;
};

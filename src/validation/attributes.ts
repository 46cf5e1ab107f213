import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isoDate, isoDateTime } from './index';

type Issue = { path: string[]; message: string; name: string };
type Schema = { attributes: Record<string, any> };

const FORMATS: Record<string, { check: (v: string) => boolean; message: string }> = {
  date: { check: (v) => isoDate.safeParse(v).success, message: 'must be a valid date formatted YYYY-MM-DD' },
  datetime: {
    check: (v) => isoDateTime.safeParse(v).success || isoDate.safeParse(v).success,
    message: 'must be a valid ISO-8601 date-time (e.g. 2026-11-23T09:00:00Z)',
  },
};

/**
 * Strapi rejects a malformed date with a message that names no field; this walks the input
 * against the content type (components and dynamic zones included) and reports every malformed
 * date or date-time with its path, before anything is written.
 */
export const assertDateFormats = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) => {
  const issues: Issue[] = [];
  const walk = (value: Record<string, unknown>, schema: Schema, path: string[]) => {
    for (const [key, v] of Object.entries(value)) {
      const attribute = schema.attributes[key];
      if (!attribute || v == null) continue;
      const format = FORMATS[attribute.type];
      if (format) {
        if (typeof v !== 'string' || !format.check(v)) {
          issues.push({ path: [...path, key], message: format.message, name: 'ValidationError' });
        }
      } else if (attribute.type === 'component' && typeof v === 'object') {
        const component = strapi.getModel(attribute.component) as unknown as Schema;
        const items = Array.isArray(v) ? v : [v];
        items.forEach((item, i) => {
          if (item && typeof item === 'object') {
            walk(item as Record<string, unknown>, component, Array.isArray(v) ? [...path, key, String(i)] : [...path, key]);
          }
        });
      } else if (attribute.type === 'dynamiczone' && Array.isArray(v)) {
        v.forEach((item: any, i) => {
          const component = item?.__component && (strapi.getModel(item.__component) as unknown as Schema);
          if (component) walk(item, component, [...path, key, String(i)]);
        });
      }
    }
  };
  walk(data, strapi.getModel(uid as any) as unknown as Schema, []);
  if (issues.length > 0) {
    throw new errors.ValidationError(`${issues[0].path.join('.')}: ${issues[0].message}`, { errors: issues });
  }
};

/**
 * Strapi reports an unknown key as `details: { key, path, source }`; clients get one shape,
 * `details.errors[{ path, message }]`, whatever raised the error.
 */
export const normalizeValidationError = (error: unknown): unknown => {
  if (!(error instanceof errors.ValidationError)) return error;
  const details = (error.details ?? {}) as Record<string, any>;
  if (Array.isArray(details.errors)) return error;
  if (typeof details.key === 'string') {
    const path = [...(details.path ? String(details.path).split('.') : []), details.key];
    return new errors.ValidationError(error.message, {
      errors: [{ path, message: error.message, name: 'ValidationError' }],
    });
  }
  return new errors.ValidationError(error.message, { errors: [{ path: [], message: error.message, name: 'ValidationError' }] });
};

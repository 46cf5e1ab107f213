import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { withErrorEntries } from './envelope';
import { findHygieneIssues, type ModelSchema } from './hygiene';

/**
 * Refuses input whose dates are malformed or out of range, or whose free text holds control or
 * bidirectional formatting characters, with a 400 that names every offending path, before
 * anything is written. `strict` (the content API) also holds dates to the API's formats.
 */
export const assertInputHygiene = (
  strapi: Core.Strapi,
  uid: string,
  data: unknown,
  { strict = false }: { strict?: boolean } = {}
) => {
  const model = strapi.getModel(uid as any) as unknown as ModelSchema | undefined;
  if (!model) return;
  const resolve = (component: string) => strapi.getModel(component as any) as unknown as ModelSchema | undefined;
  const issues = findHygieneIssues(data, model, resolve, { strict });
  if (issues.length > 0) {
    throw new errors.ValidationError(`${issues[0].path.join('.')}: ${issues[0].message}`, { errors: issues });
  }
};

/**
 * Strapi's content API reports malformed dates without naming the field; this walks the input
 * against the content type and reports them (and the rest of the input hygiene) with their path.
 */
export const assertDateFormats = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) =>
  assertInputHygiene(strapi, uid, data, { strict: true });

/**
 * Strapi reports an unknown key as `details: { key, path, source }`; clients get one shape,
 * `details.errors[{ path, message }]`, whatever raised the error.
 */
export const normalizeValidationError = (error: unknown): unknown => {
  if (!(error instanceof errors.ValidationError)) return error;
  const details = (error.details ?? {}) as Record<string, unknown>;
  if (Array.isArray(details.errors)) return error;
  const { errors: entries } = withErrorEntries(details, error.message);
  return new errors.ValidationError(error.message, {
    errors: entries.map((e) => ({ path: e.path, message: e.message, name: 'ValidationError' })),
  });
};

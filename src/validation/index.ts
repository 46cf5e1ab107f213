import { z } from 'zod';
import { errors } from '@strapi/utils';

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date formatted YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'is not a valid calendar date');

/** An ISO-8601 date-time with an offset or Z. */
export const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });

/**
 * Parses `data` with a zod schema and turns failures into Strapi's ValidationError envelope:
 * `{ status: 400, name: 'ValidationError', message, details: { errors: [{ path, message }] } }`.
 * The message names the first failing field so that a client logging only `message` still knows.
 */
export const validate = <T extends z.ZodTypeAny>(schema: T, data: unknown): z.infer<T> => {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
  }));
  const first = issues[0];
  const where = first.path.length ? `${first.path.join('.')}: ` : '';
  throw new errors.ValidationError(`${where}${first.message}`, { errors: issues });
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
/** Deeper than any form of the application (a dynamic zone's component in a document is ~6). */
export const MAX_BODY_DEPTH = 32;

/** Nesting depth of a parsed body, counted without recursion (the body may be very deep). */
const depthOf = (root: unknown): number => {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) max = depth;
    if (max > MAX_BODY_DEPTH) return max;
    for (const child of Object.values(value as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return max;
};

const refuse = (message: string) => new errors.ValidationError(message, { errors: [{ path: [], message }] });

/**
 * What reaches the routes but what they answer 500 to, refused with 400 first:
 * - NUL (`%00`) in the path or the query: PostgreSQL refuses it in any text it is compared to,
 *   and no identifier or filter of the application holds one;
 * - a body nested deeper than MAX_BODY_DEPTH (the recursive sanitizers and validators overflow
 *   the stack);
 * - on the Content Manager's writes, a body that is not a JSON object (`text/plain` gives a
 *   string, `[1]` an array).
 * Registered after `strapi::body` (config/middlewares.ts).
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    if (/%00/i.test(ctx.url)) throw refuse('The path and the query must not contain NUL (%00)');
    const body: unknown = ctx.request.body;
    if (body !== undefined && WRITES.has(ctx.method)) {
      if (ctx.path.startsWith('/content-manager/') && (typeof body !== 'object' || body === null || Array.isArray(body))) {
        throw refuse('The request body must be a JSON object');
      }
      if (depthOf(body) > MAX_BODY_DEPTH) throw refuse(`The request body is nested deeper than ${MAX_BODY_DEPTH} levels`);
    }
    return next();
  };

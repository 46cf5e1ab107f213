import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { bodyParserFailure, isErrorEnvelope, toErrorEnvelope, withErrorEntries } from '../validation/envelope';

const isClientError = (status: unknown): status is number => typeof status === 'number' && status >= 400 && status < 500;

/** The status strapi::errors will answer for a thrown error (see its formatApplicationError/formatHttpError). */
const thrownStatus = (error: unknown): number | undefined => {
  if (error instanceof errors.ApplicationError) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown; expose?: unknown } | null;
  const status = e?.status ?? e?.statusCode;
  return typeof status === 'number' ? status : undefined;
};

/**
 * Every 4xx answers Strapi's envelope with `details.errors[{ path, message }]`, on the content
 * API, the admin routes and the plugins' admin routes alike.
 *
 * Registered right after `strapi::errors` (config/middlewares.ts), so that it sees errors as they
 * are thrown, before `strapi::errors` formats them:
 * - a body-parser error becomes a 400 ValidationError (413 stays 413, an unreadable
 *   Content-Encoding 415) instead of a bare SyntaxError, or a 500 for a corrupt gzip or multipart
 *   body that only the client got wrong;
 * - a thrown 4xx gets `details.errors` before `strapi::errors` formats it; 5xx are left to it;
 * - a 4xx answered without throwing (a plugin's `ctx.badRequest`, the router's 405, a controller
 *   that sets ctx.body itself) is rewritten into the envelope;
 * - a request no route answered gets its 404 here, as `strapi::errors` would, in the envelope.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    try {
      await next();
    } catch (error) {
      const parser = bodyParserFailure(error);
      if (parser) {
        const details = { errors: [{ path: [] as string[], message: parser.message }] };
        if (parser.status === 413) throw new errors.PayloadTooLargeError(parser.message, details);
        if (parser.status === 400) throw new errors.ValidationError(parser.message, details);
        ctx.status = parser.status;
        ctx.body = toErrorEnvelope(parser.status, { error: { message: parser.message, details } });
        return;
      }
      if (error instanceof errors.ApplicationError || isClientError(thrownStatus(error))) {
        const e = error as { details?: unknown; message: string };
        e.details = withErrorEntries(e.details, e.message);
      }
      throw error;
    }

    if (!ctx.response._explicitStatus) {
      throw new errors.NotFoundError('Not Found', { errors: [{ path: [], message: 'No route answers this method and path' }] });
    }
    if (!isClientError(ctx.status)) return;
    const body = ctx.body;
    // files, streams and HTML pages (the admin panel) keep their own body
    const textual = body === undefined || body === null || typeof body === 'string' || (typeof body === 'object' && body.constructor === Object);
    if (!textual || (typeof body === 'string' && ctx.response.is('html'))) return;
    if (isErrorEnvelope(ctx.status, body)) return;
    const status = ctx.status;
    ctx.body = toErrorEnvelope(status, body);
    ctx.type = 'application/json';
    // assigning a body may reset an implicit status: keep the one that was answered
    ctx.status = status;
  };

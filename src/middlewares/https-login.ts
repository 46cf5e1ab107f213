import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * In production users-permissions sets its refresh cookie Secure, and Koa refuses to send one on
 * a request it does not see as HTTPS: the login then fails after checking the password and
 * opening a session, as a 500. Such a request is refused first, with a 403 that says why.
 */
const COOKIE_ROUTES: Array<{ method: string; path: RegExp }> = [
  { method: 'POST', path: /^\/auth\/local\/?$/ },
  { method: 'POST', path: /^\/auth\/refresh\/?$/ },
  { method: 'POST', path: /^\/auth\/logout\/?$/ },
  { method: 'GET', path: /^\/auth\/[^/]+\/callback\/?$/ },
];

/** The message of the `cookies` package when a Secure cookie meets plain HTTP. */
const INSECURE_COOKIE = 'Cannot send secure cookie over unencrypted connection';

export const httpsRequired = () =>
  new errors.ForbiddenError('Login needs HTTPS: this server sets a Secure session cookie, which plain HTTP cannot carry', {
    reason: 'https_required',
  });

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;

  /** Would users-permissions set a Secure refresh cookie on this request? (its own rule) */
  const setsSecureCookie = (ctx: any) => {
    if (strapi.config.get('plugin::users-permissions.jwtManagement') !== 'refresh') return false;
    const sessions = (strapi.config.get('plugin::users-permissions.sessions') ?? {}) as { httpOnly?: boolean; cookie?: { secure?: boolean } };
    const cookie = sessions.httpOnly === true || ctx.get('x-strapi-refresh-cookie') === 'httpOnly';
    const secure = typeof sessions.cookie?.secure === 'boolean' ? sessions.cookie.secure : process.env.NODE_ENV === 'production';
    return cookie && secure;
  };

  return async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.request.secure && ctx.path.startsWith(`${prefix}/`)) {
      const path = ctx.path.slice(prefix.length);
      if (COOKIE_ROUTES.some((r) => r.method === ctx.method && r.path.test(path)) && setsSecureCookie(ctx)) throw httpsRequired();
    }
    try {
      await next();
    } catch (e) {
      // any other route that sets a Secure cookie over plain HTTP: a 403 that says why, not a 500
      if (e instanceof Error && e.message === INSECURE_COOKIE) throw httpsRequired();
      throw e;
    }
  };
};

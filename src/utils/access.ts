import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getAccess, type Actor } from '../plugins/access/server/src';
import { ROLES } from './constants';

export type { Actor, Scope } from '../plugins/access/server/src';

/**
 * The app's view of the access plugin (src/plugins/access): who the caller is and what they may
 * see are decided there, once, for every path. These helpers only name the app's roles.
 */
export const access = (s: Core.Strapi = strapi) => getAccess(s);

/** The caller of a request, as the access plugin resolves it (memoised on the request). */
export const actorOf = (ctx: unknown): Promise<Actor> => access().resolve(ctx);

/** Coordinators, Super Admin, the Coordination admin role and API tokens see every document. */
export const isPrivileged = (actor: Actor): boolean => access().isPrivileged(actor);

export const isAmbassador = (actor: Actor): boolean => actor.kind === 'user' && actor.roles.includes(ROLES.ambassador);

/**
 * A 403 that keeps its message and details. Strapi's authorize middleware turns any plain
 * ForbiddenError thrown downstream into a bare "Forbidden"; PolicyError is let through, so ours
 * extends it while presenting itself as a ForbiddenError in the envelope.
 */
export class DetailedForbiddenError extends errors.PolicyError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
    (this as { name: string }).name = 'ForbiddenError';
  }
}

/** A 403 in the Strapi error envelope that names the fields the caller may not write. */
export const forbiddenFields = (fields: string[], reason: string) =>
  new DetailedForbiddenError(reason, {
    errors: fields.map((field) => ({ path: [field], message: reason, name: 'ForbiddenError' })),
  });

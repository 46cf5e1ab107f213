import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLES } from './constants';

/** Who is calling the content API. */
export type Actor =
  | { kind: 'public' }
  | { kind: 'token'; tokenId: string | number | null }
  | { kind: 'user'; id: number; role: string; name: string };

type Ctx = {
  state: {
    user?: { id: number; username?: string; email?: string; role?: { type?: string } };
    auth?: { strategy?: { name?: string }; credentials?: { id?: string | number; type?: string } };
  };
};

export const getActor = (ctx: Ctx): Actor => {
  const strategy = ctx.state.auth?.strategy?.name;
  if (strategy === 'content-api-token' || strategy === 'api-token') {
    return { kind: 'token', tokenId: ctx.state.auth?.credentials?.id ?? null };
  }
  const user = ctx.state.user;
  if (user) {
    return {
      kind: 'user',
      id: user.id,
      role: user.role?.type ?? 'authenticated',
      name: user.username ?? String(user.id),
    };
  }
  return { kind: 'public' };
};

/**
 * Coordinators (users-permissions role) and API tokens see everything the route gives them.
 * Read-only tokens are already limited by Strapi to find/findOne.
 */
export const isPrivileged = (actor: Actor): boolean =>
  actor.kind === 'token' || (actor.kind === 'user' && actor.role === ROLES.coordinator);

export const isAmbassador = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> =>
  actor.kind === 'user' && actor.role === ROLES.ambassador;

/** The ambassador record linked to a users-permissions user, or null. */
export const findAmbassadorOfUser = async (
  strapi: Core.Strapi,
  userId: number
): Promise<{ id: number; documentId: string; state: string } | null> => {
  const found = await strapi.documents('api::ambassador.ambassador').findFirst({
    filters: { user: { id: userId } },
    fields: ['id', 'documentId', 'state'],
  });
  return (found as { id: number; documentId: string; state: string } | null) ?? null;
};

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

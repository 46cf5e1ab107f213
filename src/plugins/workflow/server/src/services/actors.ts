import type { Core } from '@strapi/strapi';
import { getAccess, type Actor as AccessActor } from '../../../../access/server/src';
import { ROLE_KEYS, type Actor, type RoleKey } from '../engine';

const isRoleKey = (r: string): r is RoleKey => (ROLE_KEYS as readonly string[]).includes(r);

/**
 * Who takes a transition, as the access plugin resolves the caller (admin users by their admin
 * roles, users-permissions users by their role type and own ambassador record, full-access API
 * tokens as `system`), in the engine's terms.
 */
export const toWorkflowActor = (a: AccessActor): Actor => ({
  kind: a.kind === 'public' ? 'user' : a.kind,
  id: a.id,
  displayName: a.displayName,
  roles: a.roles.filter(isRoleKey),
  superAdmin: a.superAdmin === true,
  ambassadorId: a.ambassadorId ?? null,
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async fromContentApi(ctx: any): Promise<Actor> {
    return toWorkflowActor(await getAccess(strapi).resolve(ctx));
  },

  /** Admin users need no database read: their roles come with the session. */
  fromAdmin(ctx: any): Actor {
    return toWorkflowActor(getAccess(strapi).identify(ctx));
  },

  /** The caller of the request being served; the system for code outside a request. */
  async current(): Promise<Actor> {
    return toWorkflowActor(await getAccess(strapi).current());
  },

  system(name = 'system'): Actor {
    return toWorkflowActor(getAccess(strapi).system(name));
  },
});

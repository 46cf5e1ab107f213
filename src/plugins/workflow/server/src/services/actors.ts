import type { Core } from '@strapi/strapi';
import type { WorkflowPluginConfig } from '../config';
import { rolesFromAdminRoleCodes, rolesFromUserRoleType, SYSTEM_ROLES, type Actor } from '../engine';

/**
 * Who takes a transition. Admin users map through their admin roles, users-permissions users
 * through their role type (with their ambassador record, for `assignedAmbassador`), API tokens
 * act as `system` (read-only ones with no role).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async fromContentApi(ctx: any): Promise<Actor> {
    const strategy = ctx.state.auth?.strategy?.name;
    if (strategy === 'content-api-token' || strategy === 'api-token') {
      const id = ctx.state.auth?.credentials?.id ?? null;
      // a read-only token may look but take no transition: its workflow view says so
      const roles = ctx.state.auth?.credentials?.type === 'read-only' ? [] : [...SYSTEM_ROLES];
      return { kind: 'token', id, displayName: `API token ${id ?? ''}`.trim(), roles };
    }
    const user = ctx.state.user;
    if (!user) return { kind: 'user', id: null, displayName: 'public', roles: [] };
    const roles = rolesFromUserRoleType(user.role?.type ?? '');
    let ambassadorId: string | null = null;
    const { uid, userField } = (strapi.config.get('plugin::workflow') as WorkflowPluginConfig).ownerType;
    if (uid && roles.includes('ambassador')) {
      const own = await strapi.db.query(uid as any).findOne({ where: { [userField]: { id: user.id } }, select: ['documentId'] });
      ambassadorId = (own as { documentId?: string } | null)?.documentId ?? null;
    }
    return { kind: 'user', id: user.id, displayName: user.username ?? String(user.id), roles, ambassadorId };
  },

  fromAdmin(ctx: any): Actor {
    const user = ctx.state.user;
    const codes: string[] = (user?.roles ?? []).map((r: { code: string }) => r.code);
    const { roles, superAdmin } = rolesFromAdminRoleCodes(codes);
    const name = [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || 'admin';
    return { kind: 'admin', id: user?.id ?? null, displayName: name, roles, superAdmin };
  },

  system(name = 'system'): Actor {
    return { kind: 'system', id: null, displayName: name, roles: [...SYSTEM_ROLES] };
  },
});

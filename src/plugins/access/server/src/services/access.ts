import type { Core } from '@strapi/strapi';
import type { AccessPluginConfig } from '../config';
import { ACTOR_STATE_KEY, NOTHING, PLUGIN_ID, SUPER_ADMIN_CODE, SYSTEM_ROLE } from '../constants';
import type { Actor, Scope, ScopeRule } from '../types';

const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

const unique = (keys: Array<string | undefined>) => [...new Set(keys.filter((k): k is string => Boolean(k)))];

/**
 * The actor of a request without database reads (no `ambassadorId`): enough to classify a
 * caller. Pure: the request's auth state and the plugin's configuration.
 */
export const identifyCaller = (ctx: any, config: AccessPluginConfig): Actor => {
  const auth = ctx?.state?.auth;
  const strategy: string | undefined = auth?.strategy?.name;
  if (strategy && TOKEN_STRATEGIES.has(strategy)) {
    const token = auth.credentials ?? {};
    const tokenType: string = token.type ?? 'read-only';
    return {
      kind: 'token',
      id: token.id ?? null,
      displayName: `API token ${token.id ?? ''}`.trim(),
      // only a full-access token acts as the system (transitions, writes); the others read
      roles: tokenType === 'full-access' ? [SYSTEM_ROLE] : [],
      tokenType,
    };
  }
  const user = ctx?.state?.user;
  if (strategy === 'admin' || (user && Array.isArray(user.roles))) {
    const codes: string[] = (user?.roles ?? []).map((r: { code: string }) => r.code);
    const { adminRoles } = config;
    const name = [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || 'admin';
    return {
      kind: 'admin',
      id: user?.id ?? null,
      displayName: name,
      roles: unique(codes.map((c) => adminRoles[c])),
      superAdmin: codes.includes(SUPER_ADMIN_CODE),
    };
  }
  if (user) {
    const roleType: string = user.role?.type ?? 'authenticated';
    const role = config.userRoles[roleType];
    return { kind: 'user', id: user.id, displayName: user.username ?? String(user.id), roles: unique([role]), roleType };
  }
  return { kind: 'public', id: null, displayName: 'public', roles: [] };
};

/**
 * The one place where a caller becomes an actor and an actor gets its scope on a content type.
 * Controllers, plugin services, admin routes and Document Service middlewares all ask here, so
 * that every path into the same data applies the same rule.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as AccessPluginConfig;
  const rules = new Map<string, ScopeRule>();

  /** The owner record (an ambassador's own) of a users-permissions user, or null. */
  const ownerOf = async (userId: number): Promise<string | null> => {
    const { uid, userField } = config().owner;
    if (!uid) return null;
    const own = (await strapi.db.query(uid as any).findOne({ where: { [userField]: { id: userId } }, select: ['documentId'] })) as { documentId?: string } | null;
    return own?.documentId ?? null;
  };

  const identify = (ctx: any): Actor => identifyCaller(ctx, config());

  const service = {
    identify,

    /** The full actor of a request (memoised on it): `identify` plus the user's owner record. */
    async resolve(ctx: any): Promise<Actor> {
      const memo = ctx?.state?.[ACTOR_STATE_KEY] as Actor | undefined;
      if (memo) return memo;
      const actor = identify(ctx);
      if (actor.kind === 'user' && actor.roles.includes(config().owner.role)) actor.ambassadorId = await ownerOf(Number(actor.id));
      if (ctx?.state) ctx.state[ACTOR_STATE_KEY] = actor;
      return actor;
    },

    /** The actor of the request being served, or the system when code runs outside a request. */
    async current(): Promise<Actor> {
      const ctx = strapi.requestContext.get() as any;
      // a request without credentials is the public, never the system
      if (!ctx) return service.system();
      return service.resolve(ctx);
    },

    system(name = 'system'): Actor {
      return { kind: 'system', id: null, displayName: name, roles: [SYSTEM_ROLE] };
    },

    /** Sees every document of every type: Super Admin, full-access tokens, application code, and the configured privileged roles. */
    isPrivileged(actor: Actor): boolean {
      if (actor.superAdmin || actor.kind === 'system') return true;
      if (actor.kind === 'token') return true; // read-only tokens are limited to reads by Strapi itself
      return actor.roles.some((r) => r === SYSTEM_ROLE || config().privileged.includes(r));
    },

    hasRole(actor: Actor, role: string): boolean {
      return actor.roles.includes(role);
    },

    /** The rule of a content type: `(actor) => Scope`, where `null` means everything. */
    registerScope(uid: string, rule: ScopeRule) {
      rules.set(uid, rule);
    },

    /**
     * What `actor` may see of `uid`. Privileged actors see everything; admin users see what
     * their admin permissions give them (checked by the route); others follow the type's rule,
     * and a type without a rule shows them nothing.
     */
    async scope(uid: string, actor: Actor): Promise<Scope> {
      if (service.isPrivileged(actor) || actor.kind === 'admin') return null;
      const rule = rules.get(uid);
      if (!rule) return NOTHING;
      return rule(actor);
    },

    /** `filters` ANDed with the scope's (the caller's filters never replace the scope). */
    and(filters: unknown, scope: Scope): unknown {
      const extra = scope?.filters;
      if (!extra) return filters;
      if (!filters || (typeof filters === 'object' && Object.keys(filters as object).length === 0)) return extra;
      return { $and: [filters, extra] };
    },
  };
  return service;
};

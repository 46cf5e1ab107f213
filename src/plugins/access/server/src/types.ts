/**
 * Who is calling, whatever the path (content API, admin panel, API token, application code).
 * `roles` are the application's role keys (the workflow definitions use the same ones); they are
 * derived from the admin role codes and users-permissions role types configured for the plugin.
 */
export type Actor = {
  kind: 'public' | 'user' | 'token' | 'admin' | 'system';
  id: string | number | null;
  displayName: string;
  roles: string[];
  superAdmin?: boolean;
  /** users-permissions role type (`kind: 'user'`). */
  roleType?: string;
  /** documentId of the owner record linked to a users-permissions user (an ambassador's own record). */
  ambassadorId?: string | null;
  /** API tokens: `full-access`, `read-only` or `custom`. */
  tokenType?: string;
};

/**
 * What an actor may see of a content type. `null`: everything. Otherwise `filters` are ANDed to
 * every read and checked before every write (a document outside them answers 404 whatever the
 * route), and `publishedOnly` keeps drafts out.
 */
export type Scope = { filters?: Record<string, unknown>; publishedOnly?: boolean } | null;

export type ScopeRule = (actor: Actor) => Scope | Promise<Scope>;

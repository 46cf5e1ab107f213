// Mapping of Strapi identities to workflow roles.

import type { RoleKey } from './types';

/** Admin role codes (the same as src/utils/constants.ts; the engine imports nothing from the app). */
export const WORKFLOW_ADMIN_ROLE_CODES = Object.freeze({
  superAdmin: 'strapi-super-admin',
  coordination: 'ancrage-coordination',
  communication: 'ancrage-communication',
});

const ADMIN_CODE_TO_ROLE: Record<string, RoleKey> = {
  [WORKFLOW_ADMIN_ROLE_CODES.coordination]: 'coordinator',
  [WORKFLOW_ADMIN_ROLE_CODES.communication]: 'communication',
};

/** Admin users: from the codes of their admin roles. Super Admin may take every transition. */
export const rolesFromAdminRoleCodes = (codes: string[]): { roles: RoleKey[]; superAdmin: boolean } => {
  const roles: RoleKey[] = [];
  for (const code of codes) {
    const role = ADMIN_CODE_TO_ROLE[code];
    if (role && !roles.includes(role)) roles.push(role);
  }
  return { roles, superAdmin: codes.includes(WORKFLOW_ADMIN_ROLE_CODES.superAdmin) };
};

/** Users-permissions users: from their role type. `assignedAmbassador` is decided per document
 * (actor.ambassadorId vs the document's owner), never granted here. */
export const rolesFromUserRoleType = (type: string): RoleKey[] => {
  if (type === 'coordinator') return ['coordinator'];
  if (type === 'ambassador') return ['ambassador'];
  return [];
};

/** API tokens (full access) and internal jobs. */
export const SYSTEM_ROLES: RoleKey[] = ['system'];

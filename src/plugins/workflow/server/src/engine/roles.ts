// Role keys that need no document to be decided.

import type { RoleKey } from './types';

/** Full-access API tokens and internal jobs. */
export const SYSTEM_ROLES: RoleKey[] = ['system'];

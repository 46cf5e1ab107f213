import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  isNeverGranted,
  PERSONAL_DATA_ROLE_CODES,
  refusedPermissions,
  withoutPersonalFields,
  type PermissionLike,
} from '../utils/personal-data';

type RoleService = {
  assignPermissions: (roleId: unknown, permissions?: PermissionLike[]) => Promise<unknown>;
  addPermissions: (roleId: unknown, permissions: PermissionLike[]) => Promise<unknown>;
  hooks: { willResetSuperAdminPermissions: { register: (fn: (p: PermissionLike[]) => PermissionLike[]) => void } };
};

const ORIGINAL = Symbol.for('ancrage.role-guard');

const MESSAGE_PERSONAL =
  'Seuls le Super Admin et la Coordination peuvent accéder aux données personnelles / ' +
  'Only Super Admin and Coordination may be granted access to personal data';
const MESSAGE_READ_ONLY =
  "Les réponses au questionnaire ne s'écrivent que par le questionnaire / " +
  'Satisfaction responses are written only through the questionnaire';

const refusal = (all: PermissionLike[], refused: PermissionLike[]) => {
  const subjects = [...new Set(refused.map((p) => p.subject ?? p.action))];
  const onlyReadOnly = refused.every(isNeverGranted);
  const message = `${onlyReadOnly ? MESSAGE_READ_ONLY : MESSAGE_PERSONAL}: ${subjects.join(', ')}`;
  return new errors.ValidationError(message, {
    subjects,
    errors: refused.map((p) => ({
      path: ['permissions', String(all.indexOf(p)), p.subject ? 'subject' : 'action'],
      message: `${p.action}${p.subject ? ` on ${p.subject}` : ''}: ${isNeverGranted(p) ? MESSAGE_READ_ONLY : MESSAGE_PERSONAL}`,
      name: 'ValidationError',
    })),
  });
};

/**
 * Every write of an admin role's permissions goes through the `admin::role` service
 * (`PUT /admin/roles/:id/permissions`, the panel's role editor and duplication, our own sync),
 * so the rule sits there: a role other than Super Admin and Coordination is refused any
 * permission on personal data (400 naming the subjects, nothing written), and its field
 * permissions lose the links to personal data. Satisfaction responses stay read-only for every
 * role, Super Admin's reset included. The service's two internal paths, Super Admin's reset and
 * the creation of the stock Editor and Author roles on an empty database, bypass the wrapper:
 * the reset goes through the hook below and the role sync strips the stock roles right after.
 */
export const guardAdminRolePermissions = (strapi: Core.Strapi) => {
  // The admin's services are module-level objects, shared by every Strapi instance of the
  // process (tests boot several): wrap the original methods, for this instance, exactly once.
  const roleService = strapi.service('admin::role') as unknown as RoleService & { [ORIGINAL]?: Pick<RoleService, 'assignPermissions' | 'addPermissions'> };
  const original = (roleService[ORIGINAL] ??= { assignPermissions: roleService.assignPermissions, addPermissions: roleService.addPermissions });

  const roleCode = async (roleId: unknown) =>
    ((await strapi.db.query('admin::role').findOne({ where: { id: roleId }, select: ['code'] })) as { code?: string } | null)?.code ?? null;

  const checked = async (roleId: unknown, permissions: PermissionLike[] = []) => {
    const code = await roleCode(roleId);
    const refused = refusedPermissions(code, permissions);
    if (refused.length > 0) throw refusal(permissions, refused);
    if (code != null && PERSONAL_DATA_ROLE_CODES.includes(code)) return permissions;
    return permissions.map((p) => withoutPersonalFields(strapi, p));
  };

  roleService.assignPermissions = async (roleId, permissions = []) => original.assignPermissions(roleId, await checked(roleId, permissions));
  roleService.addPermissions = async (roleId, permissions) => original.addPermissions(roleId, await checked(roleId, permissions));

  const hook = roleService.hooks.willResetSuperAdminPermissions as RoleService['hooks']['willResetSuperAdminPermissions'] & { [ORIGINAL]?: true };
  if (!hook[ORIGINAL]) {
    hook.register((permissions) => permissions.filter((p) => !isNeverGranted(p)));
    hook[ORIGINAL] = true;
  }
};

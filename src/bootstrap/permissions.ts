import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE_CODES, ROLES, UID } from '../utils/constants';
import {
  PERSONAL_DATA_ROLE_CODES,
  refusedPermissions,
  SUPER_ADMIN_CODE,
  withoutPersonalFields,
  type PermissionLike,
} from '../utils/personal-data';

/**
 * Roles are defined here, in code, and synchronised at every boot: re-running changes nothing,
 * and a permission ticked by hand in the admin panel on a managed role is reverted at the next
 * boot (change it here instead).
 */

const READ = ['find', 'findOne'];
const CRUD = ['find', 'findOne', 'create', 'update', 'delete'];
const api = (uid: string, actions: string[]) => actions.map((a) => `${uid}.${a}`);

/** Workflow routes (the plugin checks which documents and transitions each actor may use). */
const WORKFLOW = [
  // the definitions, and where a document stands (read), then a transition (write)
  'plugin::workflow.workflow.find',
  'plugin::workflow.workflow.findOne',
  'plugin::workflow.workflow.transition',
  // reminders of one's own cases (ambassadors) or all of them (coordinators)
  'plugin::reminders.reminders.find',
];

const AUTH_SELF = [
  'plugin::users-permissions.user.me',
  'plugin::users-permissions.auth.changePassword',
  'plugin::users-permissions.auth.logout',
  'plugin::users-permissions.auth.getSessions',
  'plugin::users-permissions.auth.revokeSession',
];

/** Content-API permissions per users-permissions role type. */
export const CONTENT_API_PERMISSIONS: Record<string, string[]> = {
  [ROLES.public]: [
    ...api(UID.guide, READ),
    ...api(UID.professional, READ),
    ...api(UID.structure, READ),
    ...api(UID.toolkitItem, READ),
    // login, refresh and password reset; no self-registration (accounts are created by the CPTS)
    'plugin::users-permissions.auth.callback',
    'plugin::users-permissions.auth.forgotPassword',
    'plugin::users-permissions.auth.resetPassword',
    'plugin::users-permissions.auth.refresh',
  ],
  [ROLES.authenticated]: [...AUTH_SELF],
  [ROLES.ambassador]: [
    ...api(UID.case, [...READ, 'update', 'addAction']),
    ...api(UID.ambassador, READ),
    ...api(UID.professional, READ),
    ...api(UID.structure, READ),
    ...api(UID.guide, READ),
    ...api(UID.toolkitItem, READ),
    ...api(UID.timeDeclaration, CRUD),
    // receipts of time declarations
    'plugin::upload.content-api.upload',
    ...WORKFLOW,
    ...AUTH_SELF,
  ],
  [ROLES.coordinator]: [
    ...api(UID.case, [...CRUD, 'addAction']),
    ...api(UID.ambassador, CRUD),
    ...api(UID.professional, CRUD),
    ...api(UID.structure, CRUD),
    ...api(UID.guide, READ),
    ...api(UID.toolkitItem, READ),
    ...api(UID.timeDeclaration, CRUD),
    ...api(UID.satisfactionResponse, READ),
    ...api(UID.cptsSetting, ['find', 'update']),
    'plugin::upload.content-api.upload',
    // programme figures against targets, and their CSV export
    'plugin::indicators.indicators.find',
    'plugin::indicators.export.find',
    ...WORKFLOW,
    ...AUTH_SELF,
  ],
};

/** Plugin actions that must not stay on a role even if Strapi grants them by default. */
const REVOKED_EVERYWHERE = [
  'plugin::users-permissions.auth.register',
  'plugin::users-permissions.auth.connect',
  'plugin::users-permissions.auth.emailConfirmation',
  'plugin::users-permissions.auth.sendEmailConfirmation',
];

const ROLE_INFO: Record<string, { name: string; description: string }> = {
  [ROLES.coordinator]: {
    name: 'Coordinator',
    description: "Coordination de la CPTS : accompagnements, ambassadeurs, feuilles de temps, indicateurs",
  },
  [ROLES.ambassador]: {
    name: 'Ambassador',
    description: 'Ambassadeur : ses accompagnements, la boîte à outils, ses déclarations de temps',
  },
};

/** Managed actions: every `api::` action, our revoked plugin actions, and anything we grant. */
const isManaged = (action: string, granted: Set<string>) =>
  action.startsWith('api::') || REVOKED_EVERYWHERE.includes(action) || granted.has(action);

export const syncUsersPermissionsRoles = async (strapi: Core.Strapi) => {
  const roleQuery = strapi.db.query('plugin::users-permissions.role');
  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');

  for (const [type, actions] of Object.entries(CONTENT_API_PERMISSIONS)) {
    let role = await roleQuery.findOne({ where: { type } });
    if (!role) {
      const info = ROLE_INFO[type];
      if (!info) throw new Error(`users-permissions role "${type}" is missing`);
      role = await roleQuery.create({ data: { type, ...info } });
    }
    const granted = new Set(actions);
    const existing: Array<{ id: number; action: string }> = await permissionQuery.findMany({
      where: { role: role.id },
    });
    const have = new Set(existing.map((p) => p.action));
    const extra = existing.filter((p) => isManaged(p.action, granted) && !granted.has(p.action));
    if (extra.length > 0) await permissionQuery.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    for (const action of granted) {
      if (!have.has(action)) await permissionQuery.create({ data: { action, role: role.id } });
    }
  }

  // Accounts are created by the CPTS, never by self-registration.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false || advanced.default_role !== ROLES.authenticated) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false, default_role: ROLES.authenticated } });
  }
};

/* ----------------------------------------------------------------------------------------- */
/* Admin panel roles                                                                          */
/* ----------------------------------------------------------------------------------------- */

const CM = 'plugin::content-manager.explorer';
const UPLOAD = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

type AdminRoleSpec = {
  code: string;
  name: string;
  description: string;
  /**
   * subject uid -> content-manager actions. A role outside src/utils/personal-data.ts's
   * PERSONAL_DATA_ROLE_CODES gets no personal-data subject (the role guard refuses it at boot)
   * and its field permissions lose the links to personal data (a structure's cases).
   */
  contentTypes: Record<string, Array<'create' | 'read' | 'update' | 'delete' | 'publish'>>;
  plugins: string[];
};

const ALL: Array<'create' | 'read' | 'update' | 'delete'> = ['create', 'read', 'update', 'delete'];

export const ADMIN_ROLES: AdminRoleSpec[] = [
  {
    code: ADMIN_ROLE_CODES.coordination,
    name: 'Coordination',
    description: 'Coordinatrice CPTS : accompagnements, ambassadeurs, feuilles de temps, annuaire, paramètres',
    contentTypes: {
      [UID.case]: ALL,
      [UID.ambassador]: ALL,
      [UID.timeDeclaration]: ALL,
      // written only through the questionnaire: read-only for every role
      [UID.satisfactionResponse]: ['read'],
      [UID.professional]: ALL,
      [UID.structure]: ALL,
      [UID.cptsSetting]: ['read', 'update'],
      [UID.guide]: ['read'],
      [UID.toolkitItem]: ['read'],
      'plugin::users-permissions.user': ALL,
    },
    // the plugins' menu links and admin routes (each route checks its action)
    plugins: [...UPLOAD, 'plugin::indicators.read', 'plugin::reminders.read', 'plugin::reminders.manage', 'plugin::workflow.read', 'plugin::workflow.manage'],
  },
  {
    code: ADMIN_ROLE_CODES.communication,
    name: 'Communication',
    description: 'Communication : guide du nouvel installé, annuaire, structures, boîte à outils (aucune donnée de suivi)',
    contentTypes: {
      [UID.guide]: [...ALL, 'publish'],
      [UID.toolkitItem]: [...ALL, 'publish'],
      [UID.professional]: ALL,
      [UID.structure]: ALL,
    },
    plugins: [...UPLOAD],
  },
];

/** The fields of a permission that say what it grants (what `assignPermissions` compares). */
const grantOf = (p: PermissionLike) => ({
  action: p.action,
  actionParameters: p.actionParameters ?? {},
  subject: p.subject ?? null,
  properties: p.properties ?? {},
  conditions: p.conditions ?? [],
});

/**
 * The managed roles get exactly their spec; every other admin role (the stock Editor and
 * Author, roles made in the panel) keeps its permissions except those on personal data, which
 * only Super Admin and Coordination may hold (src/utils/personal-data.ts).
 */
export const syncAdminRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role') as any;
  const permissionService = strapi.service('admin::permission') as any;
  const contentTypeService = strapi.service('admin::content-type') as any;
  const { actionProvider } = permissionService;
  const contentTypeActions = actionProvider.values().filter((a: any) => a.section === 'contentTypes');
  // Strapi computes the field lists (nested components included) for each subject.
  const allFieldPermissions: Array<{ action: string; subject: string; properties?: unknown }> =
    contentTypeService.getPermissionsWithNestedFields(contentTypeActions);

  for (const spec of ADMIN_ROLES) {
    let role = await roleService.findOne({ code: spec.code });
    if (!role) role = await roleService.create({ name: spec.name, code: spec.code, description: spec.description });
    const personal = PERSONAL_DATA_ROLE_CODES.includes(spec.code);
    const wanted: PermissionLike[] = allFieldPermissions
      .filter((p) => spec.contentTypes[p.subject]?.some((a) => p.action === `${CM}.${a}`))
      .map((p) => ({ ...p, conditions: [] }) as PermissionLike)
      .map((p) => (personal ? p : withoutPersonalFields(strapi, p)));
    wanted.push(...spec.plugins.map((action) => ({ action, subject: null, properties: {}, conditions: [] })));
    // refused here means the spec above is wrong: fail the boot rather than grant it
    await roleService.assignPermissions(role.id, wanted);
  }

  const managed = new Set([SUPER_ADMIN_CODE, ...ADMIN_ROLES.map((r) => r.code)]);
  const others = ((await roleService.find({})) as Array<{ id: number; code: string }>).filter((r) => !managed.has(r.code));
  for (const role of others) {
    const current: PermissionLike[] = await permissionService.findMany({ where: { role: { id: role.id } } });
    const refused = new Set(refusedPermissions(role.code, current));
    const kept = current.filter((p) => !refused.has(p)).map(grantOf);
    const trimmed = kept.map((p) => withoutPersonalFields(strapi, p));
    const fieldsTrimmed = trimmed.some((p, i) => p !== kept[i]);
    if (refused.size > 0 || fieldsTrimmed) {
      await roleService.assignPermissions(role.id, trimmed);
      strapi.log.info(`Admin role ${role.code}: access to personal data removed (${refused.size} permission(s), links hidden: ${fieldsTrimmed})`);
    }
  }
};

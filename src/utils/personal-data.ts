import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE_CODES, UID } from './constants';

/**
 * Which admin roles may reach personal data, decided once for every admin path (role sync at
 * boot, role edits through the admin API, the media library). The content API has its own
 * scopes (src/utils/access.ts); these are the admin panel's.
 */

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Admin roles that may hold permissions on personal data. */
export const PERSONAL_DATA_ROLE_CODES: readonly string[] = [SUPER_ADMIN_CODE, ADMIN_ROLE_CODES.coordination];

/**
 * Subjects holding personal data: newcomers, ambassadors, their hours and receipts, the
 * newcomers' answers, the coordination's addresses, front-office accounts, and the rows derived
 * from cases (reminders name their subject and recipient, history rows carry comments and names).
 */
export const PERSONAL_SUBJECTS: readonly string[] = [
  UID.case,
  UID.ambassador,
  UID.timeDeclaration,
  UID.satisfactionResponse,
  UID.cptsSetting,
  'plugin::users-permissions.user',
  'plugin::reminders.reminder',
  'plugin::workflow.transition',
];

/** Plugin actions over personal data whatever their subject (reminder rows are case data). */
export const PERSONAL_ACTION_PREFIXES: readonly string[] = ['plugin::reminders.'];

const CM = 'plugin::content-manager.explorer';
export const CM_READ = `${CM}.read`;

/**
 * Content-Manager actions no role holds, Super Admin included: satisfaction responses are
 * written only through the questionnaire endpoint, and read-only in the admin panel.
 */
export const NEVER_GRANTED: ReadonlyArray<{ action: string; subject: string }> = ['create', 'update', 'delete', 'publish'].map(
  (a) => ({ action: `${CM}.${a}`, subject: UID.satisfactionResponse })
);

export type PermissionLike = {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] | null; [key: string]: unknown } | null;
  [key: string]: unknown;
};

export const isPersonalPermission = (p: PermissionLike) =>
  (p.subject != null && PERSONAL_SUBJECTS.includes(p.subject)) || PERSONAL_ACTION_PREFIXES.some((prefix) => p.action.startsWith(prefix));

export const isNeverGranted = (p: PermissionLike) => NEVER_GRANTED.some((n) => n.action === p.action && n.subject === p.subject);

/** The permissions of `permissions` that a role of code `roleCode` may not hold. */
export const refusedPermissions = <P extends PermissionLike>(roleCode: string | null | undefined, permissions: P[]): P[] => {
  const mayHoldPersonal = roleCode != null && PERSONAL_DATA_ROLE_CODES.includes(roleCode);
  return permissions.filter((p) => isNeverGranted(p) || (!mayHoldPersonal && isPersonalPermission(p)));
};

/**
 * Whether the attribute at `path` (`name` or `component.name`, as field permissions write it)
 * of `uid` is, or goes through, a relation to a personal-data subject.
 */
const leadsToPersonalData = (strapi: Core.Strapi, uid: string, path: string): boolean => {
  let model = strapi.getModel(uid as any) as { attributes?: Record<string, any> } | undefined;
  for (const name of path.split('.')) {
    const attribute = model?.attributes?.[name];
    if (!attribute) return false;
    if (attribute.type === 'relation') return PERSONAL_SUBJECTS.includes(attribute.target);
    if (attribute.type !== 'component') return false;
    model = strapi.getModel(attribute.component) as typeof model;
  }
  return false;
};

/**
 * A permission on a non-personal type without its fields that lead to personal data (a
 * structure's cases, a professional's ambassador record), for roles that may not see them.
 */
export const withoutPersonalFields = <P extends PermissionLike>(strapi: Core.Strapi, p: P): P => {
  const fields = p.properties?.fields;
  if (!p.subject || !Array.isArray(fields)) return p;
  const kept = fields.filter((f) => !leadsToPersonalData(strapi, p.subject as string, f));
  return kept.length === fields.length ? p : { ...p, properties: { ...p.properties, fields: kept } };
};

import type { Core } from '@strapi/strapi';
import { NOTHING, type Actor, type Scope } from '../plugins/access/server/src';
import { access, isAmbassador } from '../utils/access';
import { UID } from '../utils/constants';

const REMINDER_UID = 'plugin::reminders.reminder';

/**
 * What each non-privileged actor may see of each type (privileged actors — coordinators, Super
 * Admin, API tokens — see everything; admin users are held by their admin permissions). A type
 * without a rule here shows them nothing: satisfaction responses, CPTS settings, users.
 */
export const ACCESS_RULES: Record<string, (actor: Actor, strapi: Core.Strapi) => Scope | Promise<Scope>> = {
  // an ambassador reaches only the cases assigned to them, their declarations and their own record
  [UID.case]: (actor) => (isAmbassador(actor) ? { filters: { ambassador: { user: { id: actor.id } } } } : NOTHING),
  [UID.timeDeclaration]: (actor) => (isAmbassador(actor) ? { filters: { ambassador: { user: { id: actor.id } } } } : NOTHING),
  [UID.ambassador]: (actor) => (isAmbassador(actor) ? { filters: { user: { id: actor.id } } } : NOTHING),
  // the directory: consenting entries only (the field policy cuts their attributes)
  [UID.professional]: () => ({ filters: { directoryConsent: true } }),
  [UID.structure]: () => null,
  // drafts stay with the staff
  [UID.guide]: () => ({ publishedOnly: true }),
  [UID.toolkitItem]: (actor) => (isAmbassador(actor) ? { publishedOnly: true } : { publishedOnly: true, filters: { audience: 'public' } }),
  // reminders of one's own cases, declarations and mandate
  [REMINDER_UID]: async (actor, strapi) => {
    if (!isAmbassador(actor) || !actor.ambassadorId) return NOTHING;
    const owned = async (uid: string) =>
      ((await strapi.db.query(uid as any).findMany({ where: { ambassador: { documentId: actor.ambassadorId } }, select: ['documentId'] })) as Array<{ documentId: string }>).map(
        (d) => d.documentId
      );
    return { filters: { subjectDocumentId: { $in: [actor.ambassadorId, ...(await owned(UID.case)), ...(await owned(UID.timeDeclaration))] } } };
  },
};

export const registerAccessRules = (strapi: Core.Strapi) => {
  const service = access(strapi);
  for (const [uid, rule] of Object.entries(ACCESS_RULES)) service.registerScope(uid, (actor) => rule(actor, strapi));
};

import type { Core } from '@strapi/strapi';

type Subject = Record<string, any> | null;

/**
 * Addresses are resolved when the mail is sent (never stored in the row or the job): the
 * coordination from the CPTS settings, an ambassador from their login, a newcomer from the case.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async coordinators(): Promise<string[]> {
    const settings = (await strapi.db
      .query('api::cpts-setting.cpts-setting' as any)
      .findOne({ populate: { coordinatorEmails: true } })) as { coordinatorEmails?: Array<{ email?: string }> } | null;
    return (settings?.coordinatorEmails ?? []).map((e) => e.email ?? '').filter(Boolean);
  },

  /** The users-permissions e-mail of the ambassador a subject belongs to. */
  async ambassadorOf(subjectUid: string | null, subject: Subject): Promise<string[]> {
    if (!subject) return [];
    let ambassadorDocumentId: string | null = null;
    if (subjectUid === 'api::ambassador.ambassador') ambassadorDocumentId = subject.documentId;
    else ambassadorDocumentId = subject.ambassador?.documentId ?? null;
    if (!ambassadorDocumentId) return [];
    const amb = (await strapi.db
      .query('api::ambassador.ambassador' as any)
      .findOne({ where: { documentId: ambassadorDocumentId }, populate: { user: { select: ['email'] } } })) as { user?: { email?: string } } | null;
    return amb?.user?.email ? [amb.user.email] : [];
  },

  async resolve(kind: string, subjectUid: string | null, subject: Subject): Promise<string[]> {
    if (kind === 'coordinator') return this.coordinators();
    if (kind === 'assignedAmbassador') return this.ambassadorOf(subjectUid, subject);
    if (kind === 'newcomer') return subject?.newcomerEmail ? [subject.newcomerEmail] : [];
    return [];
  },
});

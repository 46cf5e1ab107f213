import type { Core } from '@strapi/strapi';

type Subject = Record<string, any> | null;

/**
 * Addresses are resolved when the mail is sent (never stored in the row or the job): the
 * coordination from the CPTS settings, an ambassador from their login, a newcomer from the case.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The settings change rarely and every reminder reads them: a few seconds of cache.
  let cached: { at: number; value: { name: string; coordinators: string[] } } | null = null;

  return {
  /** CPTS name and coordination addresses, cached for 10 s. */
  async settings(): Promise<{ name: string; coordinators: string[] }> {
    if (cached && Date.now() - cached.at < 10_000) return cached.value;
    const settings = (await strapi.db
      .query('api::cpts-setting.cpts-setting' as any)
      .findOne({ select: ['name'], populate: { coordinatorEmails: true } })) as { name?: string; coordinatorEmails?: Array<{ email?: string }> } | null;
    const value = {
      name: settings?.name ?? 'CPTS',
      coordinators: (settings?.coordinatorEmails ?? []).map((e) => e.email ?? '').filter(Boolean),
    };
    cached = { at: Date.now(), value };
    return value;
  },

  async coordinators(): Promise<string[]> {
    return (await this.settings()).coordinators;
  },

  /** The users-permissions e-mail of the ambassador a subject belongs to. */
  async ambassadorOf(subjectUid: string | null, subject: Subject): Promise<string[]> {
    if (!subject) return [];
    // loaded with the subject by the sender when it can be
    if (subject.ambassador?.user?.email !== undefined) return subject.ambassador.user.email ? [subject.ambassador.user.email] : [];
    if (subject.user?.email !== undefined) return subject.user.email ? [subject.user.email] : [];
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
};
};

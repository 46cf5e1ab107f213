import crypto from 'crypto';
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { JOBS, REMINDER_UID } from '../constants';
import { getConfig, getService } from '../utils';
import { isPermanentMailError } from './mailer';
import { render, type DigestData } from '../templates';

/** Job payloads carry ids only, and are re-parsed in the processor. */
const sendPayload = z.object({ reminderId: z.number().int().positive() }).strict();

type Row = Record<string, any> & { id: number; status: string; rule: string; dueAt: string; attempts: number };

const FOLLOW_UP = /^case\.follow_up\.(m3|m6|m12)$/;

const SATISFACTION = 'case.satisfaction';
const SATISFACTION_REMINDER = 'case.satisfaction.reminder';
const SATISFACTION_RESPONSE_UID = 'api::satisfaction-response.satisfaction-response';
/** The questionnaire's one reminder, this long after the first e-mail went out. */
const SATISFACTION_REMINDER_AFTER_MS = 14 * 86400000;

/**
 * The worker side: re-read the row and its subject, skip what became obsolete, render, send,
 * and mark sent with a conditional update, so that a retry or a second worker never sends twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(REMINDER_UID as any);
  const scheduler = () => getService('scheduler', strapi);

  const finish = (id: number, data: Record<string, unknown>, from: Record<string, unknown> = {}) =>
    rows().updateMany({ where: { id, status: 'scheduled', ...from }, data: { claimToken: null, claimedAt: null, ...data } });

  const loadSubject = async (row: Row) => {
    if (!row.subjectUid || !row.subjectDocumentId) return null;
    const populate: Record<string, unknown> = {};
    const model = strapi.getModel(row.subjectUid) as any;
    if (model?.attributes?.ambassador) populate.ambassador = { select: ['documentId', 'displayName'], populate: { user: { select: ['email'] } } };
    if (model?.attributes?.user) populate.user = { select: ['email'] };
    if (model?.attributes?.followUps) populate.followUps = true;
    return (await strapi.db.query(row.subjectUid as any).findOne({ where: { documentId: row.subjectDocumentId }, populate })) as Record<string, any> | null;
  };

  /** Why the reminder is obsolete, or null when it must go out. */
  const obsolete = (row: Row, subject: Record<string, any> | null): string | null => {
    if (row.subjectUid && !subject) return 'the document was deleted';
    if (row.subjectState && subject?.state !== row.subjectState) return `the document left the state "${row.subjectState}"`;
    const followUp = FOLLOW_UP.exec(row.rule);
    if (followUp && (subject?.followUps ?? []).some((f: any) => f.milestone === followUp[1] && f.doneAt)) {
      return `the ${followUp[1]} follow-up is already recorded`;
    }
    return null;
  };

  /**
   * The questionnaire goes out once per case, whichever trigger comes first (installed +6
   * months, closed, abandoned after an interview), and its reminder only while unanswered.
   */
  const satisfactionObsolete = async (row: Row): Promise<string | null> => {
    if (row.rule !== SATISFACTION && row.rule !== SATISFACTION_REMINDER) return null;
    if (strapi.contentTypes[SATISFACTION_RESPONSE_UID as keyof typeof strapi.contentTypes]) {
      const answered = await strapi.db
        .query(SATISFACTION_RESPONSE_UID as any)
        .count({ where: { $or: [{ caseKey: row.subjectDocumentId }, { case: { documentId: row.subjectDocumentId } }] } });
      if (answered > 0) return 'the newcomer already answered the satisfaction questionnaire';
    }
    if (row.rule === SATISFACTION) {
      const other = await rows().count({
        where: { rule: SATISFACTION, subjectDocumentId: row.subjectDocumentId, id: { $ne: row.id }, $or: [{ status: 'sent' }, { status: 'scheduled', claimToken: { $notNull: true } }] },
      });
      if (other > 0) return 'the satisfaction questionnaire was already sent for this case';
    }
    return null;
  };

  const links = (row: Row) => {
    const base = getConfig(strapi).publicUrl.replace(/\/$/, '');
    const admin = row.subjectUid
      ? `${base}/admin/content-manager/collection-types/${row.subjectUid}/${row.subjectDocumentId}`
      : `${base}/admin`;
    const space = row.subjectUid === 'api::case.case' ? `${base}/espace/#/cases/${row.subjectDocumentId}` : `${base}/espace/`;
    return { admin, space, questionnaire: null as string | null };
  };

  const digestData = async (now: Date): Promise<DigestData> => {
    const base = getConfig(strapi).publicUrl.replace(/\/$/, '');
    const link = (id: string) => `${base}/admin/content-manager/collection-types/api::case.case/${id}`;
    const week = new Date(now.getTime() + 7 * 86400000);
    const overdue = (await rows().findMany({ where: { rule: 'case.matching.overdue', status: 'sent', subjectState: 'matching' }, select: ['subjectDocumentId', 'dueAt'] })) as Row[];
    const overdueMatchings = [];
    for (const r of overdue) {
      const c = await strapi.db.query('api::case.case' as any).findOne({ where: { documentId: r.subjectDocumentId, state: 'matching' } });
      if (c) overdueMatchings.push({ name: `${c.newcomerFirstName} ${c.newcomerLastName}`, days: 10 + Math.floor((now.getTime() - new Date(r.dueAt).getTime()) / 86400000), link: link(c.documentId) });
    }
    const due = (await rows().findMany({ where: { rule: { $startsWith: 'case.follow_up.' }, status: 'scheduled', dueAt: { $lte: week } } })) as Row[];
    const followUpsThisWeek = [];
    for (const r of due) {
      const c = await strapi.db.query('api::case.case' as any).findOne({ where: { documentId: r.subjectDocumentId } });
      if (c) followUpsThisWeek.push({ name: `${c.newcomerFirstName} ${c.newcomerLastName}`, milestone: r.rule.split('.').pop()!, due: new Date(r.dueAt).toISOString().slice(0, 10), link: link(c.documentId) });
    }
    const failed = (await rows().findMany({ where: { status: 'failed', updatedAt: { $gte: new Date(now.getTime() - 7 * 86400000) } }, select: ['rule', 'lastError'] })) as Row[];
    const sheets = (await strapi.db.query('api::time-declaration.time-declaration' as any).findMany({ where: { state: 'submitted' }, populate: { ambassador: { select: ['displayName'] } } })) as any[];
    return {
      overdueMatchings,
      followUpsThisWeek,
      failedReminders: failed.map((f) => ({ rule: f.rule, lastError: f.lastError ?? '' })),
      timeSheets: sheets.map((t) => ({ ambassador: t.ambassador?.displayName ?? '?', month: String(t.month), hours: Number(t.hours) })),
    };
  };

  /** Links that another plugin provides (the questionnaire's signed link), by rule. */
  const linkProviders = new Map<string, (row: Row) => Promise<string>>();

  return {
    obsolete,

    /** Registers the provider of a rule's personal link (e.g. the satisfaction questionnaire). */
    registerLinkProvider(rule: string, provider: (row: Row) => Promise<string>) {
      linkProviders.set(rule, provider);
    },

    /** The BullMQ processor of the reminders queue. */
    async process(job: Job) {
      switch (job.name) {
        case JOBS.send:
          return this.send(job);
        case JOBS.reconcile:
          return { requeued: await scheduler().reconcile() };
        case JOBS.monthlyTime:
          return { created: (await scheduler().createMonthlyTimeReminders()).length };
        case JOBS.weeklyDigest:
          await scheduler().createWeeklyDigest();
          return { created: 1 };
        default:
          throw new UnrecoverableError(`unknown job ${job.name}`);
      }
    },

    async send(job: Job) {
      const { reminderId } = sendPayload.parse(job.data);
      const row = (await rows().findOne({ where: { id: reminderId } })) as Row | null;
      if (!row || row.status !== 'scheduled') return { outcome: 'not scheduled' };
      // A row moved later (rescheduled) keeps its id: this job is the stale one.
      if (new Date(row.dueAt).getTime() > Date.now() + 5000) return { outcome: 'not due' };
      if (row.claimToken && row.claimedAt && Date.now() - new Date(row.claimedAt).getTime() < getConfig(strapi).claimLeaseMs) {
        return { outcome: 'claimed by another worker' };
      }

      const subject = await loadSubject(row);
      const reason = obsolete(row, subject) ?? (subject ? await satisfactionObsolete(row) : null);
      if (reason) {
        await finish(row.id, { status: 'skipped', lastError: reason });
        return { outcome: 'skipped', reason };
      }

      // A mail whose personal link nobody can provide yet is not sent with a dead link: it fails,
      // visibly and retriably, until the provider exists.
      const provider = linkProviders.get(row.rule);
      if ((row.rule === SATISFACTION || row.rule === SATISFACTION_REMINDER) && !provider) {
        const message = 'the satisfaction questionnaire is not available yet: retry once it is';
        await finish(row.id, { status: 'failed', lastError: message });
        throw new UnrecoverableError(message);
      }

      const recipients = getService('recipients', strapi);
      const to = await recipients.resolve(row.recipient, row.subjectUid, subject);
      if (to.length === 0) {
        const message = `no e-mail address for the recipient (${row.recipient})`;
        await finish(row.id, { status: 'failed', lastError: message, attempts: row.attempts + 1 });
        throw new UnrecoverableError(message);
      }
      const cc = (await Promise.all(((row.copyTo as string[]) ?? []).map((k) => recipients.resolve(k, row.subjectUid, subject)))).flat();

      // Claim: only one worker gets past this conditional update.
      const token = crypto.randomUUID();
      const { count } = (await rows().updateMany({
        where: { id: row.id, status: 'scheduled', claimToken: row.claimToken ?? null },
        data: { claimToken: token, claimedAt: new Date(), attempts: row.attempts + 1 },
      })) as { count: number };
      if (count === 0) return { outcome: 'claimed by another worker' };

      const mail = render({
        rule: row.template,
        recipient: row.recipient,
        cpts: (await recipients.settings()).name,
        subject,
        dueAt: new Date(row.dueAt),
        links: { ...links(row), questionnaire: provider ? await provider(row) : null },
        digest: row.rule === 'coordinator.weekly_digest' ? await digestData(new Date()) : undefined,
      });
      try {
        const sent = await getService('mailer', strapi).send({
          to,
          cc: cc.filter((a) => !to.includes(a)),
          ...mail,
          messageId: `<reminder-${row.id}@ancrage>`,
        });
        const sentAt = new Date();
        await finish(row.id, { status: 'sent', sentAt, messageId: sent.messageId, lastError: null }, { claimToken: token });
        if (row.rule === SATISFACTION) {
          await scheduler().scheduleOnce({
            rule: SATISFACTION_REMINDER,
            uid: row.subjectUid,
            documentId: row.subjectDocumentId,
            recipient: row.recipient,
            dueAt: new Date(sentAt.getTime() + SATISFACTION_REMINDER_AFTER_MS),
          });
        }
        return { outcome: 'sent' };
      } catch (error) {
        const message = `${(error as { responseCode?: number }).responseCode ?? ''} ${(error as Error).message}`.trim().slice(0, 1000);
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (isPermanentMailError(error) || last) {
          await finish(row.id, { status: 'failed', lastError: message }, { claimToken: token });
          throw new UnrecoverableError(message);
        }
        // transient: release the claim and let BullMQ retry with backoff
        await rows().updateMany({ where: { id: row.id, claimToken: token }, data: { claimToken: null, claimedAt: null, lastError: message } });
        throw error;
      }
    },
  };
};

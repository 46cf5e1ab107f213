import type { Core } from '@strapi/strapi';
import {
  addDurationToDate,
  addDurationToInstant,
  DateRangeError,
  localDate,
  parseDuration,
  readTemporal,
  timersOf,
  zonedTimeToUtc,
  type TimerDef,
} from '../../../../workflow/server/src/engine';
import { RECURRING_RULES, REMINDER_UID } from '../constants';
import { getConfig, getService } from '../utils';

type Row = { id: number; documentId: string; dueAt: string; status: string; rule: string; subjectState: string | null };

export type TransitionedEvent = { uid: string; documentId: string; from: string; to: string; at: string };

const isDayGranular = (after: string) => {
  const d = parseDuration(after);
  return d.hours === 0 && d.minutes === 0 && d.seconds === 0;
};

/**
 * When a timer falls due. Day-granular delays (P10D, P3M ...) fall due at the configured local
 * time (09:00) of the due day, counted on the CPTS's calendar, so DST and month lengths are
 * those of the territory; delays with a time part are exact. Null when the date the timer
 * counts from is missing (e.g. no installation date yet), or when it falls due past the calendar
 * (an installation dated 9999-12-01 has no 12-month follow-up).
 */
export const dueAtFor = (timer: TimerDef, doc: Record<string, unknown>, enteredAt: Date, timezone: string, dueTime: string): Date | null => {
  const ref = timer.from === 'enteredAt' ? { kind: 'instant' as const, instant: enteredAt } : readTemporal(doc[timer.from], timezone);
  if (!ref) return null;
  try {
    if (!isDayGranular(timer.after)) {
      const base = ref.kind === 'instant' ? ref.instant : zonedTimeToUtc(ref.date, dueTime, timezone);
      return addDurationToInstant(base, timer.after, timezone);
    }
    const day = ref.kind === 'instant' ? localDate(ref.instant, timezone) : ref.date;
    return zonedTimeToUtc(addDurationToDate(day, timer.after), dueTime, timezone);
  } catch (e) {
    if (e instanceof DateRangeError) return null;
    throw e;
  }
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(REMINDER_UID as any);
  const workflow = () => strapi.plugin('workflow');
  const timezone = () => workflow().service('subjects').timezone() as Promise<string>;
  const pending = new Set<Promise<unknown>>();

  /** Creates the row unless its dedupe key exists, then queues its job. */
  const schedule = async (data: Record<string, unknown>) => {
    const existing = (await rows().findOne({ where: { dedupeKey: data.dedupeKey } })) as Row | null;
    if (existing) return existing;
    let row: Row;
    try {
      row = (await rows().create({ data: { status: 'scheduled', attempts: 0, ...data } })) as Row;
    } catch (error) {
      // a concurrent create of the same reminder won the unique key
      const again = (await rows().findOne({ where: { dedupeKey: data.dedupeKey } })) as Row | null;
      if (again) return again;
      throw error;
    }
    await getService('queue', strapi).enqueue(row);
    return row;
  };

  return {
    dueAtFor,

    /** Runs `fn` in the background and remembers it, so that tests and shutdown can wait. */
    track<T>(promise: Promise<T>) {
      const p = promise.catch((e) => strapi.log.error(`[reminders] ${(e as Error).message}`));
      pending.add(p);
      p.finally(() => pending.delete(p));
      return p;
    },

    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },

    /** Cancels the reminders of the state left and creates those of the state entered. */
    async onTransitioned(event: TransitionedEvent) {
      await this.cancelPending(event.uid, event.documentId, event.from, 'the document left this state');
      await this.createForState(event.uid, event.documentId, event.to, new Date(event.at));
    },

    async createForState(uid: string, documentId: string, state: string, enteredAt: Date) {
      const stored = await workflow().service('definitions').getForContentType(uid);
      if (!stored) return [];
      const timers = timersOf(stored.definition, state);
      if (timers.length === 0) return [];
      const doc = (await strapi.db.query(uid as any).findOne({ where: { documentId } })) as Record<string, unknown> | null;
      if (!doc) return [];
      const tz = await timezone();
      const { dueTime } = getConfig(strapi);
      const created: Row[] = [];
      for (const timer of timers) {
        const dueAt = dueAtFor(timer, doc, enteredAt, tz, dueTime);
        if (!dueAt) continue;
        const [recipient, ...copyTo] = timer.to;
        created.push(
          await schedule({
            rule: timer.rule,
            template: timer.template,
            subjectUid: uid,
            subjectDocumentId: documentId,
            subjectState: state,
            recipient,
            copyTo,
            dueAt,
            dedupeKey: `${timer.rule}|${documentId}|${enteredAt.toISOString()}`,
          })
        );
      }
      return created;
    },

    /**
     * A reminder that is not a workflow timer, once per document and rule (dedupe key
     * `<rule>|<documentId>|once`), not tied to a state: e.g. the satisfaction questionnaire of a
     * case that was closed or abandoned, or its reminder 14 days later.
     */
    async scheduleOnce(input: { rule: string; template?: string; uid: string; documentId: string; recipient: string; copyTo?: string[]; dueAt: Date }) {
      return schedule({
        rule: input.rule,
        template: input.template ?? input.rule,
        subjectUid: input.uid,
        subjectDocumentId: input.documentId,
        subjectState: null,
        recipient: input.recipient,
        copyTo: input.copyTo ?? [],
        dueAt: input.dueAt,
        dedupeKey: `${input.rule}|${input.documentId}|once`,
      });
    },

    /** Cancels the scheduled reminders a document's state created. */
    async cancelPending(uid: string, documentId: string, state: string | null, reason: string) {
      const where = { subjectUid: uid, subjectDocumentId: documentId, status: 'scheduled', ...(state ? { subjectState: state } : {}) };
      const found = (await rows().findMany({ where, select: ['id'] })) as Row[];
      if (found.length === 0) return 0;
      await rows().updateMany({ where: { id: { $in: found.map((r) => r.id) }, status: 'scheduled' }, data: { status: 'cancelled', lastError: reason } });
      for (const r of found) await getService('queue', strapi).remove(r.id);
      return found.length;
    },

    /**
     * A date a timer counts from was edited (e.g. the installation date): the pending reminders
     * of the current state that count from it move with it.
     */
    async reschedule(uid: string, documentId: string, changed: string[]) {
      const stored = await workflow().service('definitions').getForContentType(uid);
      if (!stored) return 0;
      const doc = (await strapi.db.query(uid as any).findOne({ where: { documentId } })) as Record<string, unknown> | null;
      if (!doc) return 0;
      const timers = timersOf(stored.definition, String(doc.state)).filter((t) => changed.includes(t.from));
      if (timers.length === 0) return 0;
      const tz = await timezone();
      const { dueTime } = getConfig(strapi);
      let moved = 0;
      for (const timer of timers) {
        const found = (await rows().findMany({
          where: { subjectUid: uid, subjectDocumentId: documentId, subjectState: doc.state, rule: timer.rule, status: 'scheduled' },
        })) as Row[];
        for (const row of found) {
          const dueAt = dueAtFor(timer, doc, new Date(), tz, dueTime);
          if (!dueAt) continue;
          await getService('queue', strapi).remove(row.id);
          await rows().update({ where: { id: row.id }, data: { dueAt } });
          await getService('queue', strapi).enqueue({ id: row.id, dueAt });
          moved += 1;
        }
      }
      return moved;
    },

    /** 1st of the month: every active ambassador is reminded to declare their time. */
    async createMonthlyTimeReminders(now = new Date()) {
      const tz = await timezone();
      const month = localDate(now, tz).slice(0, 7);
      const active = (await strapi.db
        .query('api::ambassador.ambassador' as any)
        .findMany({ where: { state: 'active' }, select: ['documentId'] })) as Array<{ documentId: string }>;
      const created = [];
      for (const a of active) {
        created.push(
          await schedule({
            rule: RECURRING_RULES.monthlyTime,
            template: RECURRING_RULES.monthlyTime,
            subjectUid: 'api::ambassador.ambassador',
            subjectDocumentId: a.documentId,
            subjectState: null,
            recipient: 'assignedAmbassador',
            copyTo: [],
            dueAt: now,
            dedupeKey: `${RECURRING_RULES.monthlyTime}|${a.documentId}|${month}`,
          })
        );
      }
      return created;
    },

    /** Monday morning: one digest for the coordination. */
    async createWeeklyDigest(now = new Date()) {
      const tz = await timezone();
      return schedule({
        rule: RECURRING_RULES.weeklyDigest,
        template: RECURRING_RULES.weeklyDigest,
        subjectUid: null,
        subjectDocumentId: null,
        subjectState: null,
        recipient: 'coordinator',
        copyTo: [],
        dueAt: now,
        dedupeKey: `${RECURRING_RULES.weeklyDigest}|${localDate(now, tz)}`,
      });
    },

    /**
     * Re-creates the job of every row still scheduled whose job is missing (Redis flushed or
     * lost, or down when the row was created). Rows are the truth; jobs are derived from them.
     */
    async reconcile() {
      const queue = getService('queue', strapi);
      if (!(await queue.waitReady())) throw new Error('Redis is not reachable; reconcile deferred');
      let requeued = 0;
      let lastId = 0;
      for (;;) {
        const batch = (await rows().findMany({
          where: { status: 'scheduled', id: { $gt: lastId } },
          select: ['id', 'dueAt'],
          orderBy: { id: 'asc' },
          limit: 500,
        })) as Row[];
        if (batch.length === 0) break;
        const missing = [];
        for (const row of batch) if (!(await queue.hasJob(row.id))) missing.push(row);
        requeued += await queue.enqueueMany(missing);
        lastId = batch[batch.length - 1].id;
      }
      return requeued;
    },
  };
};

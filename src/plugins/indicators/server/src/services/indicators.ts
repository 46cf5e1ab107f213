import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addDurationToDate, isValidTimeZone, localDate, zonedTimeToUtc } from '../../../../workflow/server/src/engine/durations';
import { installedRangeFor, monthsOf, periodIssues } from '../period';
import { FOLLOW_UP_DATE_FIELDS } from './facts';
import { FALLBACK_TIMEZONE, INDICATORS, MILESTONES, SATISFACTION_RULE, UIDS, type IndicatorKey, type Op } from '../constants';

const DAY_MS = 86_400_000;
/** Sorts names as French readers expect (one collator: `localeCompare(x, 'fr')` builds one per call). */
const FRENCH = new Intl.Collator('fr');
type Row = Record<string, unknown> | undefined;
type Rows = Array<Record<string, unknown>>;

export type Period = { from: string; to: string };
export type Target = { op: Op; value: number };
export type Indicator = {
  key: IndicatorKey;
  label: string;
  value: number | null;
  unit: string;
  target: Target | null;
  status: 'met' | 'not_met' | 'informational';
  details?: Record<string, number | null>;
};
export type AmbassadorFigures = {
  documentId: string;
  displayName: string;
  contacts: number;
  installations: number;
  satisfactionAverage: number | null;
  hoursValidated: number;
};
export type Report = {
  period: Period;
  indicators: Indicator[];
  byAmbassador: AmbassadorFigures[];
  byProfession: Array<{ profession: string; contacts: number; installations: number }>;
  monthly: Array<{ month: string; contacts: number; installations: number }>;
};

const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const num = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));
const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 4) : null);

export const compare = (value: number | null, target: Target | null): Indicator['status'] => {
  if (!target) return 'informational';
  if (value === null || Number.isNaN(value)) return 'not_met';
  const ok = { gt: value > target.value, gte: value >= target.value, lt: value < target.value, lte: value <= target.value }[target.op];
  return ok ? 'met' : 'not_met';
};

/** Table and column names, read from Strapi's metadata (never guessed). */
const schemaOf = (strapi: Core.Strapi) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid as any) as any;
  const col = (uid: string, attr: string) => {
    const a = meta(uid).attributes[attr];
    if (!a?.columnName) throw new Error(`[indicators] ${uid}.${attr} has no column`);
    return a.columnName as string;
  };
  const c = UIDS.case;
  const t = UIDS.transition;
  return {
    cases: {
      table: meta(c).tableName as string,
      id: col(c, 'id'),
      firstContactAt: col(c, 'firstContactAt'),
      installedAt: col(c, 'installedAt'),
      profession: col(c, 'profession'),
      ambassador: col(c, 'assignedAmbassadorId'),
      followUpDone: Object.fromEntries(MILESTONES.map(({ milestone }) => [milestone, col(c, FOLLOW_UP_DATE_FIELDS[milestone])])) as Record<string, string>,
    },
    responses: {
      table: meta(UIDS.response).tableName as string,
      id: col(UIDS.response, 'id'),
      score: col(UIDS.response, 'score'),
      submittedAt: col(UIDS.response, 'submittedAt'),
      ambassador: col(UIDS.response, 'caseAmbassadorId'),
    },
    transitions: {
      table: meta(t).tableName as string,
      subjectUid: col(t, 'subjectUid'),
      subjectDocumentId: col(t, 'subjectDocumentId'),
      from: col(t, 'from'),
      to: col(t, 'to'),
      at: col(t, 'at'),
      leftAt: col(t, 'leftAt'),
    },
    reminders: {
      table: meta(UIDS.reminder).tableName as string,
      rule: col(UIDS.reminder, 'rule'),
      status: col(UIDS.reminder, 'status'),
      sentAt: col(UIDS.reminder, 'sentAt'),
    },
    declarations: {
      table: meta(UIDS.declaration).tableName as string,
      id: col(UIDS.declaration, 'id'),
      month: col(UIDS.declaration, 'month'),
      hours: col(UIDS.declaration, 'hours'),
      travelKm: col(UIDS.declaration, 'travelKm'),
      travelCost: col(UIDS.declaration, 'travelCost'),
      state: col(UIDS.declaration, 'state'),
      ambassador: col(UIDS.declaration, 'assignedAmbassadorId'),
    },
    ambassadors: {
      table: meta(UIDS.ambassador).tableName as string,
      id: col(UIDS.ambassador, 'id'),
      documentId: col(UIDS.ambassador, 'documentId'),
      displayName: col(UIDS.ambassador, 'displayName'),
      state: col(UIDS.ambassador, 'state'),
    },
  };
};

/**
 * The few expressions SQL dialects spell differently. SQLite stores datetimes as epoch
 * milliseconds and dates as 'YYYY-MM-DD' text; PostgreSQL as timestamptz and date.
 */
const dialectOf = (strapi: Core.Strapi) => {
  const pg = strapi.db.dialect.client === 'postgres';
  return {
    pg,
    /**
     * Whole days from a datetime's local date (at a fixed UTC offset) to a date. PostgreSQL
     * stays in date/timestamp arithmetic: `extract(epoch)` is numeric there, and slow.
     */
    daysFromLocalDate: (dateCol: string, datetimeCol: string, offsetMs: number) =>
      pg
        ? `(${dateCol} - (${datetimeCol} + interval '${offsetMs} milliseconds')::date)`
        : `(CAST(julianday(${dateCol}) - 2440587.5 AS INTEGER) - ((${datetimeCol} + ${offsetMs}) / ${DAY_MS}))`,
    /** `later - earlier <op> ms` for two datetime columns. */
    elapsed: (later: string, earlier: string, op: '<=' | '>', ms: number) =>
      pg ? `(${later} - ${earlier}) ${op} interval '${ms} milliseconds'` : `(${later} - ${earlier}) ${op} ${ms}`,
    /** date + n months, clamped to the end of the month (Jan 31 + 1 month = Feb 28), as a date. */
    addMonths: (col: string, n: number) =>
      pg
        ? `(${col} + interval '${n} months')::date`
        : `min(date(${col}, '+${n} months'), date(${col}, 'start of month', '+${n + 1} months', '-1 day'))`,
    addDays: (expr: string, n: number) => (pg ? `(${expr} + ${n})` : `date(${expr}, '+${n} days')`),
  };
};

/** UTC offset (ms) of a timezone at an instant. */
const offsetMs = (instant: Date, timezone: string) => {
  const local = zonedTimeToUtc(localDate(instant, timezone), '00:00', timezone).getTime();
  const wall = Date.parse(`${localDate(instant, timezone)}T00:00:00Z`);
  return wall - local;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = async () => {
    // the query engine, not the Document Service: one single type row and its targets, read on every request
    const s = (await strapi.db.query(UIDS.settings as any).findOne({ populate: { targets: true } } as any)) as any;
    const timezone = isValidTimeZone(s?.timezone) ? (s.timezone as string) : FALLBACK_TIMEZONE;
    const targets = new Map<string, Target>();
    for (const t of (s?.targets ?? []) as Array<{ indicator: string; op: Op; value: unknown }>) {
      targets.set(t.indicator, { op: t.op, value: Number(t.value) });
    }
    return {
      name: (s?.name as string | undefined) ?? null,
      timezone,
      targets,
      matchingWindowDays: Number(s?.matchingWindowDays ?? 10),
      followUpWindowDays: Number(s?.followUpWindowDays ?? 14),
    };
  };

  return {
    /** The CPTS settings the figures depend on (name, timezone, targets, windows). */
    settings,

    /** Every figure of the period [from 00:00, to + 1 day 00:00) local time; `cfg` when already read. */
    async compute(period: Period, now = new Date(), cfg?: Awaited<ReturnType<typeof settings>>): Promise<Report> {
      // the routes check the query; this holds for every other caller too
      const issues = periodIssues(period);
      if (issues.length > 0) throw new errors.ValidationError(`Invalid period: ${issues[0]!.path[0]}: ${issues[0]!.message}`, { errors: issues });
      cfg ??= await settings();
      const tz = cfg.timezone;
      const knex = strapi.db.connection;
      const d = dialectOf(strapi);
      const s = schemaOf(strapi);
      const q = (name: string) => knex.raw('??', [name]).toQuery();
      const start = zonedTimeToUtc(period.from, '00:00', tz);
      const end = zonedTimeToUtc(addDurationToDate(period.to, 'P1D'), '00:00', tz);
      const instant = now < end ? now : end;
      const today = localDate(now, tz);
      const nowMs = now.getTime();

      const C = s.cases;
      const fc = `c.${q(C.firstContactAt)}`;
      const ia = `c.${q(C.installedAt)}`;
      const months = monthsOf(period.from, period.to);
      const raw = (sql: string, bindings: unknown[] = []) => knex.raw(sql, bindings as any);

      /*
       * The month of a row as one CASE ladder over the period's month starts (rows are already
       * restricted to the period), so each row costs one expression and one group key instead
       * of a conditional sum per month.
       */
      const monthOf = (expr: string, starts: unknown[]) =>
        starts.length ? { sql: `case ${starts.map((_, i) => `when ${expr} < ? then ${i}`).join(' ')} else ${starts.length} end`, bindings: starts } : { sql: '0', bindings: [] };
      const contactMonth = monthOf(
        fc,
        months.slice(1).map((m) => zonedTimeToUtc(m.first, '00:00', tz))
      );
      const installMonth = monthOf(
        ia,
        months.slice(1).map((m) => m.first)
      );

      // -- contacts: totals, conversion, by profession, by month -------------------------------
      const contactRowsQ = knex({ c: C.table })
        .select(`c.${C.profession} as profession`, raw(`${contactMonth.sql} as month_index`, contactMonth.bindings))
        .select(raw('count(*) as contacts'), raw(`count(${ia}) as converted`))
        .where(`c.${C.firstContactAt}`, '>=', start)
        .andWhere(`c.${C.firstContactAt}`, '<', end)
        .groupBy('profession', 'month_index') as unknown as Promise<Rows>;

      // -- installations: by profession, by month; days from the first contact (for the median)
      const installRowsQ = knex({ c: C.table })
        .select(`c.${C.profession} as profession`, raw(`${installMonth.sql} as month_index`, installMonth.bindings))
        .select(raw('count(*) as installations'))
        .where(`c.${C.installedAt}`, '>=', period.from)
        .andWhere(`c.${C.installedAt}`, '<=', period.to)
        .groupBy('profession', 'month_index') as unknown as Promise<Rows>;

      // the median from a histogram of whole days: a few hundred rows whatever the volume
      const offset = offsetMs(start, tz);
      const daysExpr = d.daysFromLocalDate(ia, fc, offset);
      const daysRowsQ = knex({ c: C.table })
        .select(raw(`${daysExpr} as days`), raw('count(*) as n'))
        .where(`c.${C.installedAt}`, '>=', period.from)
        .andWhere(`c.${C.installedAt}`, '<=', period.to)
        .whereNotNull(`c.${C.firstContactAt}`)
        .groupBy('days') as unknown as Promise<Rows>;

      // -- satisfaction, total and per ambassador (responses without one: the null group) -------
      const R = s.responses;
      const satRowsQ = knex(R.table)
        .select(`${R.ambassador} as ambassador_id`, raw(`sum(??) as total, count(*) as n`, [R.score]))
        .where(R.submittedAt, '>=', start)
        .andWhere(R.submittedAt, '<', end)
        .groupBy(R.ambassador) as unknown as Promise<Rows>;
      const M = s.reminders;
      const sentRowQ = knex(M.table)
        .count({ sent: '*' })
        .where(M.rule, SATISFACTION_RULE)
        .andWhere(M.status, 'sent')
        .andWhere(M.sentAt, '>=', start)
        .andWhere(M.sentAt, '<', end)
        .first() as unknown as Promise<Row>;

      // -- active ambassadors at the end of the period (or now) -------------------------------
      // state at the instant: `to` of the last transition at or before it, else `from` of the
      // first one after it, else the current state; ranked once over the (small) mandate history
      const T = s.transitions;
      const A = s.ambassadors;
      const ranked = (cmp: '<=' | '>', dir: 'asc' | 'desc', col: string) =>
        knex({ t: T.table })
          .select(`t.${T.subjectDocumentId} as doc`, raw(`t.${q(col)} as st`), raw(`row_number() over (partition by t.${q(T.subjectDocumentId)} order by t.${q(T.at)} ${dir}, t.${q('id')} ${dir}) as rn`))
          .where(`t.${T.subjectUid}`, UIDS.ambassador)
          .andWhere(`t.${T.at}`, cmp, instant);
      const activeRowQ = knex({ a: A.table })
        .leftJoin(knex.from(ranked('<=', 'desc', T.to).as('b0')).where('rn', 1).as('b'), 'b.doc', `a.${A.documentId}`)
        .leftJoin(knex.from(ranked('>', 'asc', T.from).as('x0')).where('rn', 1).as('x'), 'x.doc', `a.${A.documentId}`)
        .count({ n: '*' })
        .whereRaw(`coalesce(b.st, x.st, a.${q(A.state)}) = ?`, ['active'])
        .first() as unknown as Promise<Row>;

      // -- matching within the window -----------------------------------------------------------
      // an entry's history row carries the time the case left the state: one index range
      const windowMs = cfg.matchingWindowDays * DAY_MS;
      const [entered, left] = [`t.${q(T.at)}`, `t.${q(T.leftAt)}`];
      const matchingRowQ = knex({ t: T.table })
        .select(
          raw(`sum(case when ${d.elapsed(left, entered, '<=', windowMs)} then 1 else 0 end) as on_time`),
          raw(`sum(case when ${d.elapsed(left, entered, '>', windowMs)} or (${left} is null and ${entered} < ?) then 1 else 0 end) as late`, [
            new Date(nowMs - windowMs),
          ]),
          raw('count(*) as entries')
        )
        .where(`t.${T.subjectUid}`, UIDS.case)
        .andWhere(`t.${T.to}`, 'matching')
        .andWhere(`t.${T.at}`, '>=', start)
        .andWhere(`t.${T.at}`, '<', end)
        .first() as unknown as Promise<Row>;

      // -- follow-ups due in the period ---------------------------------------------------------
      // due = installedAt + n months (clamped to the month's end), a non-decreasing function of
      // installedAt: "due in the period" is a range of installation dates, computed here; the
      // first recorded date of each milestone is a column of the case
      const W = cfg.followUpWindowDays;
      const ranges = MILESTONES.map((m) => ({ ...m, ...installedRangeFor(period, m.months) }));
      const sums = { onTime: [] as string[], late: [] as string[], due: [] as string[] };
      const binds = { onTime: [] as unknown[], late: [] as unknown[], due: [] as unknown[] };
      for (const { milestone, months: n, lo, hi } of ranges) {
        const deadline = d.addDays(d.addMonths(ia, n), W);
        const done = `c.${q(C.followUpDone[milestone]!)}`;
        const inRange = `${ia} >= ? and ${ia} <= ?`;
        sums.onTime.push(`case when ${inRange} and ${done} <= ${deadline} then 1 else 0 end`);
        binds.onTime.push(lo, hi);
        sums.late.push(`case when ${inRange} and (${done} > ${deadline} or (${done} is null and ${deadline} < ?)) then 1 else 0 end`);
        binds.late.push(lo, hi, today);
        sums.due.push(`case when ${inRange} then 1 else 0 end`);
        binds.due.push(lo, hi);
      }
      const followRowQ = knex({ c: C.table })
        .select(
          raw(`sum(${sums.onTime.join(' + ')}) as on_time`, binds.onTime),
          raw(`sum(${sums.late.join(' + ')}) as late`, binds.late),
          raw(`sum(${sums.due.join(' + ')}) as due`, binds.due)
        )
        .where(`c.${C.installedAt}`, '>=', ranges.map((r) => r.lo).sort()[0]!)
        .andWhere(`c.${C.installedAt}`, '<=', ranges.map((r) => r.hi).sort().reverse()[0]!)
        .first() as unknown as Promise<Row>;

      // -- hours validated, total and per ambassador in one pass ---------------------------------
      const D = s.declarations;
      const hoursRowsQ = knex(D.table)
        .select(`${D.ambassador} as ambassador_id`, raw(`sum(??) as hours, sum(??) as km, sum(??) as cost`, [D.hours, D.travelKm, D.travelCost]))
        .where(D.state, 'validated')
        .andWhere(D.month, '>=', period.from)
        .andWhere(D.month, '<=', period.to)
        .groupBy(D.ambassador) as unknown as Promise<Rows>;

      // -- contacts and installations per ambassador (the case's mirrored ambassador) --------------
      const byAmbassadorQ = (column: string, from: unknown, op: '<' | '<=', to: unknown, as: string) =>
        knex({ c: C.table })
          .select(`c.${C.ambassador} as ambassador_id`, raw(`count(*) as ??`, [as]))
          .where(`c.${column}`, '>=', from as any)
          .andWhere(`c.${column}`, op, to as any)
          .whereNotNull(`c.${C.ambassador}`)
          .groupBy(`c.${C.ambassador}`) as unknown as Promise<Rows>;
      const ambContactsQ = byAmbassadorQ(C.firstContactAt, start, '<', end, 'contacts');
      const ambInstallsQ = byAmbassadorQ(C.installedAt, period.from, '<=', period.to, 'installations');

      // independent queries: concurrent on PostgreSQL's pool (SQLite serialises them)
      const [contactRows, installRows, daysRows, satRows, sentRow, activeRow, matchingRow, followRow, hoursRows, ambContacts, ambInstalls, names] = await Promise.all([
        contactRowsQ,
        installRowsQ,
        daysRowsQ,
        satRowsQ,
        sentRowQ,
        activeRowQ,
        matchingRowQ,
        followRowQ,
        hoursRowsQ,
        ambContactsQ,
        ambInstallsQ,
        // every ambassador's name, in parallel with the figures rather than after them
        knex(A.table).select(`${A.id} as id`, `${A.documentId} as documentId`, `${A.displayName} as displayName`) as unknown as Promise<
          Array<{ id: number; documentId: string; displayName: string }>
        >,
      ]);

      const byId = new Map<number, { contacts: number; installations: number; satisfactionAverage: number | null; hoursValidated: number }>();
      const entry = (id: unknown) => {
        const k = Number(id);
        if (!byId.has(k)) byId.set(k, { contacts: 0, installations: 0, satisfactionAverage: null, hoursValidated: 0 });
        return byId.get(k)!;
      };
      const assigned = (r: Record<string, unknown>) => r.ambassador_id !== null && r.ambassador_id !== undefined;
      for (const r of ambContacts) entry(r.ambassador_id).contacts = num(r.contacts);
      for (const r of ambInstalls) entry(r.ambassador_id).installations = num(r.installations);
      for (const r of satRows.filter(assigned)) entry(r.ambassador_id).satisfactionAverage = round(num(r.total) / num(r.n), 2);
      for (const r of hoursRows.filter(assigned)) entry(r.ambassador_id).hoursValidated = round(num(r.hours), 2) as number;
      const byAmbassador: AmbassadorFigures[] = names
        .filter((a) => byId.has(Number(a.id)))
        .map((a) => ({ documentId: a.documentId, displayName: a.displayName, ...byId.get(Number(a.id))! }))
        .sort((a, b) => FRENCH.compare(a.displayName, b.displayName) || a.documentId.localeCompare(b.documentId));

      // -- assemble ---------------------------------------------------------------------------
      const sum = (rows: Rows, key: string) => rows.reduce((acc, r) => acc + num(r[key]), 0);
      const contacts = sum(contactRows, 'contacts');
      const converted = sum(contactRows, 'converted');
      const installations = sum(installRows, 'installations');
      const responses = sum(satRows, 'n');
      const scoreTotal = sum(satRows, 'total');
      const mOn = num(matchingRow?.on_time);
      const mLate = num(matchingRow?.late);
      const fOn = num(followRow?.on_time);
      const fLate = num(followRow?.late);
      const median = medianOfHistogram(daysRows.map((r) => ({ value: num(r.days), count: num(r.n) })));
      const values: Record<IndicatorKey, { value: number | null; details?: Record<string, number | null> }> = {
        contacts_handled: { value: contacts },
        installations: { value: installations },
        conversion_rate: { value: ratio(converted, contacts), details: { contacts, installed: converted } },
        satisfaction_average: { value: responses > 0 ? round(scoreTotal / responses, 2) : null },
        satisfaction_responses: { value: responses, details: { sent: num(sentRow?.sent) } },
        active_ambassadors: { value: num(activeRow?.n) },
        matching_on_time_rate: {
          value: ratio(mOn, mOn + mLate),
          details: { onTime: mOn, late: mLate, pending: num(matchingRow?.entries) - mOn - mLate },
        },
        follow_ups_on_time_rate: {
          value: ratio(fOn, fOn + fLate),
          details: { onTime: fOn, late: fLate, pending: num(followRow?.due) - fOn - fLate },
        },
        median_days_to_installation: {
          value: median === null ? null : round(median, 1),
          details: { installations: installations },
        },
        hours_validated: {
          value: round(sum(hoursRows, 'hours'), 2),
          details: { travelKm: round(sum(hoursRows, 'km'), 2), travelCost: round(sum(hoursRows, 'cost'), 2) },
        },
        toolkit_downloads: { value: 0 },
      };

      const indicators: Indicator[] = INDICATORS.map(({ key, label, unit }) => {
        const target = cfg.targets.get(key) ?? null;
        const v = values[key];
        return { key, label, value: v.value, unit, target, status: compare(v.value, target), ...(v.details ? { details: v.details } : {}) };
      });

      const professions = new Map<string, { profession: string; contacts: number; installations: number }>();
      const prof = (p: unknown) => {
        const k = String(p);
        if (!professions.has(k)) professions.set(k, { profession: k, contacts: 0, installations: 0 });
        return professions.get(k)!;
      };
      const monthly = months.map((m) => ({ month: m.month, contacts: 0, installations: 0 }));
      for (const r of contactRows) {
        prof(r.profession).contacts += num(r.contacts);
        monthly[num(r.month_index)]!.contacts += num(r.contacts);
      }
      for (const r of installRows) {
        prof(r.profession).installations += num(r.installations);
        monthly[num(r.month_index)]!.installations += num(r.installations);
      }
      const byProfession = [...professions.values()].sort((a, b) => b.contacts - a.contacts || b.installations - a.installations || a.profession.localeCompare(b.profession));

      return { period: { from: period.from, to: period.to }, indicators, byAmbassador, byProfession, monthly };
    },
  };
};

export { installedRangeFor, monthsOf };

/** Median of values given as (value, count) pairs; null when there are none. */
export const medianOfHistogram = (bins: Array<{ value: number; count: number }>): number | null => {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((acc, b) => acc + b.count, 0);
  if (total === 0) return null;
  // the values at 0-based ranks floor((n-1)/2) and ceil((n-1)/2)
  const at = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (rank < seen) return b.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
};

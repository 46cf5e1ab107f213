import type { Core } from '@strapi/strapi';
import {
  addDurationToDate,
  isValidTimeZone,
  localDate,
  zonedTimeToUtc,
} from '../../../../workflow/server/src/engine/durations';
import { FALLBACK_TIMEZONE, INDICATORS, MILESTONES, SATISFACTION_RULE, UIDS, type IndicatorKey, type Op } from '../constants';

const DAY_MS = 86_400_000;
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
const numOrNull = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));
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
  const link = (uid: string, attr: string) => {
    const jt = meta(uid).attributes[attr]?.joinTable;
    if (!jt) throw new Error(`[indicators] ${uid}.${attr} has no join table`);
    return { table: jt.name as string, self: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string, jt };
  };
  const c = UIDS.case;
  const t = UIDS.transition;
  const follow = link(c, 'followUps');
  return {
    cases: {
      table: meta(c).tableName as string,
      id: col(c, 'id'),
      firstContactAt: col(c, 'firstContactAt'),
      installedAt: col(c, 'installedAt'),
      profession: col(c, 'profession'),
      ambassador: link(c, 'ambassador'),
    },
    followUps: {
      link: follow.table,
      entity: follow.self,
      cmp: follow.other,
      field: Object.keys(follow.jt.on ?? { field: 'followUps' })[0] as string,
      fieldValue: (follow.jt.on ?? { field: 'followUps' }).field as string,
      typeColumn: (follow.jt.morphColumn?.typeColumn?.name ?? 'component_type') as string,
      table: meta(UIDS.followUp).tableName as string,
      id: col(UIDS.followUp, 'id'),
      milestone: col(UIDS.followUp, 'milestone'),
      doneAt: col(UIDS.followUp, 'doneAt'),
    },
    responses: {
      table: meta(UIDS.response).tableName as string,
      id: col(UIDS.response, 'id'),
      score: col(UIDS.response, 'score'),
      submittedAt: col(UIDS.response, 'submittedAt'),
      case: link(UIDS.response, 'case'),
    },
    transitions: {
      table: meta(t).tableName as string,
      subjectUid: col(t, 'subjectUid'),
      subjectDocumentId: col(t, 'subjectDocumentId'),
      from: col(t, 'from'),
      to: col(t, 'to'),
      at: col(t, 'at'),
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
      ambassador: link(UIDS.declaration, 'ambassador'),
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
    /** Epoch milliseconds of a datetime column (already quoted). */
    epochMs: (col: string) => (pg ? `(extract(epoch from ${col}) * 1000)` : `(${col})`),
    /** Days since 1970-01-01 of a date column. */
    dayNumber: (col: string) => (pg ? `(${col} - date '1970-01-01')` : `CAST(julianday(${col}) - 2440587.5 AS INTEGER)`),
    /** Local day number of a datetime column, at a fixed UTC offset (ms). */
    localDayNumber: (col: string, offsetMs: number) =>
      pg ? `floor((extract(epoch from ${col}) * 1000 + ${offsetMs}) / ${DAY_MS})` : `((${col} + ${offsetMs}) / ${DAY_MS})`,
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

const monthsOf = (from: string, to: string) => {
  const months: Array<{ month: string; first: string; next: string }> = [];
  let first = `${from.slice(0, 7)}-01`;
  while (first <= to) {
    const next = addDurationToDate(first, 'P1M');
    months.push({ month: first.slice(0, 7), first, next });
    first = next;
  }
  return months;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = async () => {
    const s = (await strapi.documents(UIDS.settings as any).findFirst({ populate: ['targets'] } as any)) as any;
    const timezone = isValidTimeZone(s?.timezone) ? (s.timezone as string) : FALLBACK_TIMEZONE;
    const targets = new Map<string, Target>();
    for (const t of (s?.targets ?? []) as Array<{ indicator: string; op: Op; value: unknown }>) {
      targets.set(t.indicator, { op: t.op, value: Number(t.value) });
    }
    return {
      timezone,
      targets,
      matchingWindowDays: Number(s?.matchingWindowDays ?? 10),
      followUpWindowDays: Number(s?.followUpWindowDays ?? 14),
    };
  };

  return {
    compare,

    async timezone() {
      return (await settings()).timezone;
    },

    /** Every figure of the period [from 00:00, to + 1 day 00:00) local time. */
    async compute(period: Period, now = new Date()): Promise<Report> {
      const cfg = await settings();
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

      // -- contacts: totals, conversion, by profession, by month ---------------------------------
      const contactMonthCols = months.map((m, i) => {
        const a = new Date(Math.max(start.getTime(), zonedTimeToUtc(m.first, '00:00', tz).getTime()));
        const b = new Date(Math.min(end.getTime(), zonedTimeToUtc(m.next, '00:00', tz).getTime()));
        return knex.raw(`sum(case when ${fc} >= ? and ${fc} < ? then 1 else 0 end) as ??`, [a, b, `m${i}`]);
      });
      const contactRowsQ = (knex({ c: C.table })
        .select(`c.${C.profession} as profession`)
        .select(knex.raw('count(*) as contacts'), knex.raw(`sum(case when ${ia} is not null then 1 else 0 end) as converted`), ...contactMonthCols)
        .where(`c.${C.firstContactAt}`, '>=', start)
        .andWhere(`c.${C.firstContactAt}`, '<', end)
        .groupBy(`c.${C.profession}`)) as unknown as Promise<Rows>;

      // -- installations: totals, by profession, by month, median days -------------------------
      const installMonthCols = months.map((m, i) => {
        const a = m.first < period.from ? period.from : m.first;
        const b = m.next;
        return knex.raw(`sum(case when ${ia} >= ? and ${ia} < ? then 1 else 0 end) as ??`, [a, b, `m${i}`]);
      });
      const installRowsQ = (knex({ c: C.table })
        .select(`c.${C.profession} as profession`)
        .select(knex.raw('count(*) as installations'), ...installMonthCols)
        .where(`c.${C.installedAt}`, '>=', period.from)
        .andWhere(`c.${C.installedAt}`, '<=', period.to)
        .groupBy(`c.${C.profession}`)) as unknown as Promise<Rows>;

      const offset = offsetMs(start, tz);
      const days = `(${d.dayNumber(ia)} - ${d.localDayNumber(fc, offset)})`;
      const medianRowQ = (knex
        .from(
          knex
            .from(
              knex({ c: C.table })
                .select(knex.raw(`${days} as d`))
                .where(`c.${C.installedAt}`, '>=', period.from)
                .andWhere(`c.${C.installedAt}`, '<=', period.to)
                .whereNotNull(`c.${C.firstContactAt}`)
                .as('s')
            )
            .select('d', knex.raw('row_number() over (order by d) as rn'), knex.raw('count(*) over () as cnt'))
            .as('w')
        )
        .select(knex.raw('avg(d) as median, count(*) as n'))
        .whereRaw('rn in ((cnt + 1) / 2, (cnt + 2) / 2)')
        .first()) as unknown as Promise<Row>;

      // -- satisfaction ----------------------------------------------------------------------
      const R = s.responses;
      const satRowQ = (knex(R.table)
        .select(knex.raw('avg(??) as average, count(*) as responses', [R.score]))
        .where(R.submittedAt, '>=', start)
        .andWhere(R.submittedAt, '<', end)
        .first()) as unknown as Promise<Row>;
      const M = s.reminders;
      const sentRowQ = (knex(M.table)
        .count({ sent: '*' })
        .where(M.rule, SATISFACTION_RULE)
        .andWhere(M.status, 'sent')
        .andWhere(M.sentAt, '>=', start)
        .andWhere(M.sentAt, '<', end)
        .first()) as unknown as Promise<Row>;

      // -- active ambassadors at the end of the period (or now) ----------------------------------
      const T = s.transitions;
      const A = s.ambassadors;
      const stateAt = `coalesce(
        (select t.${q(T.to)} from ${q(T.table)} t where t.${q(T.subjectUid)} = ? and t.${q(T.subjectDocumentId)} = a.${q(A.documentId)} and t.${q(T.at)} <= ? order by t.${q(T.at)} desc limit 1),
        (select t.${q(T.from)} from ${q(T.table)} t where t.${q(T.subjectUid)} = ? and t.${q(T.subjectDocumentId)} = a.${q(A.documentId)} and t.${q(T.at)} > ? order by t.${q(T.at)} asc limit 1),
        a.${q(A.state)})`;
      const activeRowQ = (knex({ a: A.table })
        .count({ n: '*' })
        .whereRaw(`${stateAt} = ?`, [UIDS.ambassador, instant, UIDS.ambassador, instant, 'active'])
        .first()) as unknown as Promise<Row>;

      // -- matching within the window -----------------------------------------------------------
      const windowMs = cfg.matchingWindowDays * DAY_MS;
      const entryMs = d.epochMs(`t.${q(T.at)}`);
      const exitMs = `(select min(${d.epochMs(`x.${q(T.at)}`)}) from ${q(T.table)} x where x.${q(T.subjectUid)} = t.${q(T.subjectUid)} and x.${q(T.subjectDocumentId)} = t.${q(T.subjectDocumentId)} and x.${q(T.from)} = 'matching' and x.${q(T.at)} > t.${q(T.at)})`;
      const matchingRowQ = (knex
        .from(
          knex({ t: T.table })
            .select(knex.raw(`${entryMs} as entry_ms, ${exitMs} as exit_ms`))
            .where(`t.${T.subjectUid}`, UIDS.case)
            .andWhere(`t.${T.to}`, 'matching')
            .andWhere(`t.${T.at}`, '>=', start)
            .andWhere(`t.${T.at}`, '<', end)
            .as('e')
        )
        .select(
          knex.raw(
            `sum(case when exit_ms is not null and exit_ms - entry_ms <= ${windowMs} then 1 else 0 end) as on_time,
             sum(case when (exit_ms is not null and exit_ms - entry_ms > ${windowMs}) or (exit_ms is null and ${nowMs} - entry_ms > ${windowMs}) then 1 else 0 end) as late,
             count(*) as entries`
          )
        )
        .first()) as unknown as Promise<Row>;

      // -- follow-ups due in the period ------------------------------------------------------------
      const F = s.followUps;
      const W = cfg.followUpWindowDays;
      const doneAt = `(select min(f.${q(F.doneAt)}) from ${q(F.link)} e join ${q(F.table)} f on f.${q(F.id)} = e.${q(F.cmp)}
        where e.${q(F.entity)} = u.case_id and e.${q(F.field)} = ? and e.${q(F.typeColumn)} = ? and f.${q(F.milestone)} = u.milestone)`;
      const due = MILESTONES.map(({ milestone, months: n }) => {
        const dueExpr = d.addMonths(ia, n);
        // an index-friendly range on installedAt first, then the exact due date
        return knex({ c: C.table })
          .select(`c.${C.id} as case_id`, knex.raw('? as milestone', [milestone]), knex.raw(`${dueExpr} as due`), knex.raw(`${d.addDays(dueExpr, W)} as deadline`))
          .whereNotNull(`c.${C.installedAt}`)
          .andWhere(`c.${C.installedAt}`, '>=', minusMonths(period.from, n + 1))
          .andWhere(`c.${C.installedAt}`, '<=', minusMonths(period.to, n - 1))
          .whereRaw(`${dueExpr} >= ? and ${dueExpr} <= ?`, [period.from, period.to]);
      });
      const followRowQ = (knex
        .from(
          knex
            .from(due[0]!.unionAll(due.slice(1), false).as('u'))
            .select('u.due', 'u.deadline', knex.raw(`${doneAt} as done_at`, [F.fieldValue, UIDS.followUp]))
            .as('dn')
        )
        .select(
          knex.raw(
            `sum(case when done_at is not null and done_at <= deadline then 1 else 0 end) as on_time,
             sum(case when (done_at is not null and done_at > deadline) or (done_at is null and deadline < ?) then 1 else 0 end) as late,
             count(*) as due`,
            [today]
          )
        )
        .first()) as unknown as Promise<Row>;

      // -- hours validated -----------------------------------------------------------------------
      const D = s.declarations;
      const hoursRowQ = (knex(D.table)
        .select(knex.raw('sum(??) as hours, sum(??) as km, sum(??) as cost', [D.hours, D.travelKm, D.travelCost]))
        .where(D.state, 'validated')
        .andWhere(D.month, '>=', period.from)
        .andWhere(D.month, '<=', period.to)
        .first()) as unknown as Promise<Row>;

      // -- by ambassador ---------------------------------------------------------------------
      const L = C.ambassador;
      const ambCasesQ = (knex({ c: C.table })
        .join({ l: L.table }, `l.${L.self}`, `c.${C.id}`)
        .select(`l.${L.other} as ambassador_id`)
        .select(
          knex.raw(`sum(case when ${fc} >= ? and ${fc} < ? then 1 else 0 end) as contacts`, [start, end]),
          knex.raw(`sum(case when ${ia} >= ? and ${ia} <= ? then 1 else 0 end) as installations`, [period.from, period.to])
        )
        .where((w) =>
          w
            .where((x) => x.where(`c.${C.firstContactAt}`, '>=', start).andWhere(`c.${C.firstContactAt}`, '<', end))
            .orWhere((x) => x.where(`c.${C.installedAt}`, '>=', period.from).andWhere(`c.${C.installedAt}`, '<=', period.to))
        )
        .groupBy(`l.${L.other}`)) as unknown as Promise<Rows>;
      const RL = R.case;
      const ambSatQ = (knex({ r: R.table })
        .join({ rl: RL.table }, `rl.${RL.self}`, `r.${R.id}`)
        .join({ l: L.table }, `l.${L.self}`, `rl.${RL.other}`)
        .select(`l.${L.other} as ambassador_id`, knex.raw(`avg(r.${q(R.score)}) as average`))
        .where(`r.${R.submittedAt}`, '>=', start)
        .andWhere(`r.${R.submittedAt}`, '<', end)
        .groupBy(`l.${L.other}`)) as unknown as Promise<Rows>;
      const DL = D.ambassador;
      const ambHoursQ = (knex({ td: D.table })
        .join({ l: DL.table }, `l.${DL.self}`, `td.${D.id}`)
        .select(`l.${DL.other} as ambassador_id`, knex.raw(`sum(td.${q(D.hours)}) as hours`))
        .where(`td.${D.state}`, 'validated')
        .andWhere(`td.${D.month}`, '>=', period.from)
        .andWhere(`td.${D.month}`, '<=', period.to)
        .groupBy(`l.${DL.other}`)) as unknown as Promise<Rows>;

      // independent queries: concurrent on PostgreSQL's pool (SQLite serialises them)
      const [contactRows, installRows, medianRow, satRow, sentRow, activeRow, matchingRow, followRow, hoursRow, ambCases, ambSat, ambHours] =
        await Promise.all([contactRowsQ, installRowsQ, medianRowQ, satRowQ, sentRowQ, activeRowQ, matchingRowQ, followRowQ, hoursRowQ, ambCasesQ, ambSatQ, ambHoursQ]);

      const byId = new Map<number, { contacts: number; installations: number; satisfactionAverage: number | null; hoursValidated: number }>();
      const entry = (id: unknown) => {
        const k = Number(id);
        if (!byId.has(k)) byId.set(k, { contacts: 0, installations: 0, satisfactionAverage: null, hoursValidated: 0 });
        return byId.get(k)!;
      };
      for (const r of ambCases) Object.assign(entry(r.ambassador_id), { contacts: num(r.contacts), installations: num(r.installations) });
      for (const r of ambSat) entry(r.ambassador_id).satisfactionAverage = round(numOrNull(r.average), 2);
      for (const r of ambHours) entry(r.ambassador_id).hoursValidated = round(num(r.hours), 2) as number;
      const names = byId.size
        ? ((await knex(A.table).select(`${A.id} as id`, `${A.documentId} as documentId`, `${A.displayName} as displayName`).whereIn(A.id, [...byId.keys()])) as Array<{
            id: number;
            documentId: string;
            displayName: string;
          }>)
        : [];
      const byAmbassador: AmbassadorFigures[] = names
        .map((a) => ({ documentId: a.documentId, displayName: a.displayName, ...byId.get(Number(a.id))! }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr') || a.documentId.localeCompare(b.documentId));

      // -- assemble ---------------------------------------------------------------------------
      const contacts = contactRows.reduce((acc, r) => acc + num(r.contacts), 0);
      const converted = contactRows.reduce((acc, r) => acc + num(r.converted), 0);
      const installations = installRows.reduce((acc, r) => acc + num(r.installations), 0);
      const responses = num(satRow?.responses);
      const mOn = num(matchingRow?.on_time);
      const mLate = num(matchingRow?.late);
      const fOn = num(followRow?.on_time);
      const fLate = num(followRow?.late);
      const values: Record<IndicatorKey, { value: number | null; details?: Record<string, number | null> }> = {
        contacts_handled: { value: contacts },
        installations: { value: installations },
        conversion_rate: { value: ratio(converted, contacts), details: { contacts, installed: converted } },
        satisfaction_average: { value: responses > 0 ? round(numOrNull(satRow?.average), 2) : null },
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
          value: num(medianRow?.n) > 0 ? round(numOrNull(medianRow?.median), 1) : null,
          details: { installations: installations },
        },
        hours_validated: {
          value: round(num(hoursRow?.hours), 2),
          details: { travelKm: round(num(hoursRow?.km), 2), travelCost: round(num(hoursRow?.cost), 2) },
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
      for (const r of contactRows) prof(r.profession).contacts = num(r.contacts);
      for (const r of installRows) prof(r.profession).installations = num(r.installations);
      const byProfession = [...professions.values()].sort((a, b) => b.contacts - a.contacts || b.installations - a.installations || a.profession.localeCompare(b.profession));

      const monthly = months.map((m, i) => ({
        month: m.month,
        contacts: contactRows.reduce((acc, r) => acc + num(r[`m${i}`]), 0),
        installations: installRows.reduce((acc, r) => acc + num(r[`m${i}`]), 0),
      }));

      return { period: { from: period.from, to: period.to }, indicators, byAmbassador, byProfession, monthly };
    },
  };
};

/** 'YYYY-MM-DD' minus n months (n may be 0 or negative). */
const minusMonths = (date: string, n: number) => {
  if (n === 0) return date;
  if (n < 0) return addDurationToDate(date, `P${-n}M`);
  const [y, m] = date.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) - n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-01`;
};

import { addDurationToDate, DateRangeError, daysBetween, isIsoDate, MAX_DATE, MIN_DATE } from '../../../workflow/server/src/engine/durations';
import { MAX_PERIOD_DAYS, PERIOD_BOUNDS, PERIOD_YEARS } from './constants';

export type PeriodIssue = { path: ['from' | 'to']; message: string };

export const PERIOD_MESSAGES = {
  year: `expected a year from ${PERIOD_YEARS.first} to ${PERIOD_YEARS.last}`,
  bounds: `must be a date from ${PERIOD_BOUNDS.from} to ${PERIOD_BOUNDS.to}`,
  order: 'must not be before from',
  length: `the period may not exceed ${MAX_PERIOD_DAYS} days`,
} as const;

export const isPeriodYear = (year: string) => /^\d{4}$/.test(year) && Number(year) >= PERIOD_YEARS.first && Number(year) <= PERIOD_YEARS.last;

export const isPeriodDate = (date: string) => isIsoDate(date) && date >= PERIOD_BOUNDS.from && date <= PERIOD_BOUNDS.to;

/**
 * What keeps a period from being computed, field by field (none: it may be). The routes' query
 * schemas and the service itself apply it, so no caller reaches the date arithmetic with a
 * period it was not written for.
 */
export const periodIssues = ({ from, to }: { from: string; to: string }): PeriodIssue[] => {
  const issues: PeriodIssue[] = [];
  if (!isPeriodDate(from)) issues.push({ path: ['from'], message: PERIOD_MESSAGES.bounds });
  if (!isPeriodDate(to)) issues.push({ path: ['to'], message: PERIOD_MESSAGES.bounds });
  if (issues.length > 0) return issues;
  if (to < from) return [{ path: ['to'], message: PERIOD_MESSAGES.order }];
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return [{ path: ['to'], message: PERIOD_MESSAGES.length }];
  return [];
};

/**
 * The calendar months [from, to] touches, in order ('YYYY-MM' and its first day); none when `to`
 * is before `from`. Counted, not stepped, so bounded by the period; throws on an invalid date.
 */
export const monthsOf = (from: string, to: string) => {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new Error(`Invalid period: "${from}" to "${to}"`);
  if (to < from) return [];
  const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const months: Array<{ month: string; first: string }> = [];
  for (let i = index(from); i <= index(to); i += 1) {
    const year = Math.floor(i / 12);
    const month = `${String(year).padStart(4, '0')}-${String(i - year * 12 + 1).padStart(2, '0')}`;
    months.push({ month, first: `${month}-01` });
  }
  return months;
};

/** More steps than installedRangeFor's searches ever need (4 days, plus 3 of month-end clamping). */
const STEPS = 16;

/**
 * The installation dates whose follow-up at `months` falls due in the period: [lo, hi], both
 * included (due = installedAt + months, clamped to the end of the month, which never decreases
 * as installedAt grows). A range with lo > hi selects nothing. Total over MIN_DATE..MAX_DATE:
 * every loop takes a few steps, and a due date past MAX_DATE counts as after any period.
 */
export const installedRangeFor = (period: { from: string; to: string }, months: number) => {
  if (!Number.isSafeInteger(months) || months < 0) throw new Error(`Invalid number of months: ${months}`);
  const { from, to } = period;
  if (!isIsoDate(from) || !isIsoDate(to)) throw new Error(`Invalid period: "${from}" to "${to}"`);
  const orNull = (f: () => string) => {
    try {
      return f();
    } catch (e) {
      if (e instanceof DateRangeError) return null;
      throw e;
    }
  };
  const due = (date: string) => orNull(() => addDurationToDate(date, `P${months}M`));
  const dueBefore = (date: string) => {
    const d = due(date);
    return d !== null && d < from;
  };
  const dueAfter = (date: string) => {
    const d = due(date);
    return d === null || d > to;
  };
  /** date + n days, held within MIN_DATE..MAX_DATE. */
  const day = (date: string, n: number) => orNull(() => addDurationToDate(date, n >= 0 ? `P${n}D` : `-P${-n}D`)) ?? (n < 0 ? MIN_DATE : MAX_DATE);
  const empty = { lo: MAX_DATE, hi: MIN_DATE };
  // The answer lies within 4 days of `from − months` (the day kept, clamped to the month's end):
  // start 4 days before it and move forward, never more than a few steps.
  const fromBack = orNull(() => addDurationToDate(from, `-P${months}M`));
  let lo = fromBack === null ? MIN_DATE : day(fromBack, -4);
  for (let step = 0; dueBefore(lo); step += 1) {
    if (step > STEPS) throw new Error(`[indicators] no first installation date for ${from} (+${months} months)`);
    lo = day(lo, 1);
  }
  // `to − months` before MIN_DATE: even MIN_DATE falls due after `to`
  const toBack = orNull(() => addDurationToDate(to, `-P${months}M`));
  if (toBack === null) return empty;
  let hi = day(toBack, 4);
  for (let step = 0; dueAfter(hi); step += 1) {
    if (hi === MIN_DATE) return empty;
    if (step > STEPS) throw new Error(`[indicators] no last installation date for ${to} (+${months} months)`);
    hi = day(hi, -1);
  }
  return { lo, hi };
};

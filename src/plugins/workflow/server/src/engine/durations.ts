// ISO-8601 durations and time-zone aware date arithmetic, with Intl.DateTimeFormat only.
//
// Two kinds of values are handled:
// - calendar dates 'YYYY-MM-DD' (Strapi `date` attributes): no time, no zone;
// - instants (`Date`, or ISO strings of Strapi `datetime` attributes), projected on the wall
//   clock of an IANA time zone when calendar arithmetic is needed.
//
// Every function is total: it returns or throws, in bounded time, for any input. Calendar dates
// are the four-digit years of ISO-8601, proleptic Gregorian, MIN_DATE..MAX_DATE. Errors:
// - malformed input (a date, time, duration or an Invalid Date): `Error('Invalid ...')`;
// - a calendar date outside MIN_DATE..MAX_DATE, given or computed (an instant's local date, a
//   date plus a duration), or an instant beyond what a Date holds: `DateRangeError` (a `RangeError`);
// - an unknown time zone: the `RangeError` of Intl.DateTimeFormat.

export type Duration = {
  /** 1, or -1 for a leading '-' ("-P30D" = 30 days before). */
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

const DURATION_RE =
  /^([-+])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO-8601 duration (`P1Y2M3W4DT5H6M7S`, `-P30D`, `PT1.5S`); throws on invalid input. */
export const parseDuration = (s: string): Duration => {
  if (typeof s !== 'string') throw new Error(`Invalid ISO-8601 duration: ${String(s)}`);
  const m = DURATION_RE.exec(s);
  // At least one component, and a 'T' must be followed by a time component.
  if (!m || m.slice(2).every((g) => g === undefined) || s.endsWith('T')) {
    throw new Error(`Invalid ISO-8601 duration: "${s}"`);
  }
  const int = (g: string | undefined) => (g === undefined ? 0 : Number(g));
  // 400 digits parse as Infinity: arithmetic on it would give an Invalid Date, not an error
  if (m.slice(2).some((g) => g !== undefined && !Number.isSafeInteger(Math.trunc(Number(g.replace(',', '.')))))) {
    throw new Error(`Invalid ISO-8601 duration (component too large): "${s}"`);
  }
  return {
    sign: m[1] === '-' ? -1 : 1,
    years: int(m[2]),
    months: int(m[3]),
    weeks: int(m[4]),
    days: int(m[5]),
    hours: int(m[6]),
    minutes: int(m[7]),
    seconds: m[8] === undefined ? 0 : Number(m[8].replace(',', '.')),
  };
};

export const isValidDuration = (s: unknown): boolean => {
  if (typeof s !== 'string') return false;
  try {
    parseDuration(s);
    return true;
  } catch {
    return false;
  }
};

// ---------------------------------------------------------------------------------------------
// Calendar dates

/** The calendar dates this module reads and writes (ISO-8601 four-digit years). */
export const MIN_DATE = '0001-01-01';
export const MAX_DATE = '9999-12-31';

/** A date or an instant's local date outside MIN_DATE..MAX_DATE. */
export class DateRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DateRangeError';
  }
}

const DAY_MS = 86_400_000;
/** The largest |time value| a Date holds (ECMA-262: 100,000,000 days either side of the epoch). */
const MAX_TIME = 8.64e15;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// arithmetic, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999
const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Days from 1970-01-01 to y-m-d (setUTCFullYear takes the years 0–99 as they are). */
const epochDay = (y: number, m: number, d: number): number => {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
};

const MIN_DAY = epochDay(1, 1, 1);
const MAX_DAY = epochDay(9999, 12, 31);

/** y-m-d of a day number; DateRangeError outside MIN_DATE..MAX_DATE (and for NaN or Infinity). */
const civilOf = (day: number): { y: number; m: number; d: number } => {
  if (!(day >= MIN_DAY && day <= MAX_DAY)) throw new DateRangeError(`Date out of range (${MIN_DATE} to ${MAX_DATE})`);
  const t = new Date(Math.round(day) * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** True for a real calendar date 'YYYY-MM-DD' from MIN_DATE to MAX_DATE (2026-02-29 is false). */
export const isIsoDate = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
};

const parseDate = (s: string): { y: number; m: number; d: number } => {
  if (!isIsoDate(s)) throw new Error(`Invalid date (expected YYYY-MM-DD, ${MIN_DATE} to ${MAX_DATE}): "${s}"`);
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};

const formatDate = (y: number, m: number, d: number): string => {
  if (!(y >= 1 && y <= 9999)) throw new DateRangeError(`Date out of range (${MIN_DATE} to ${MAX_DATE})`);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
};

/** Calendar part of a duration applied to y-m-d: years and months first (clamped to the end of
 * the month), then weeks and days. Any year in, MIN_DATE..MAX_DATE out (else DateRangeError). */
const addCalendar = (y: number, m: number, d: number, dur: Duration): { y: number; m: number; d: number } => {
  const monthIndex = y * 12 + (m - 1) + dur.sign * (dur.years * 12 + dur.months);
  const ny = Math.floor(monthIndex / 12);
  // both parts of a duration share its sign: days cannot bring back a year that months overshot
  if (!(ny >= 1 && ny <= 9999)) throw new DateRangeError(`Date out of range (${MIN_DATE} to ${MAX_DATE})`);
  const nm = monthIndex - ny * 12 + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return civilOf(epochDay(ny, nm, nd) + dur.sign * (dur.weeks * 7 + dur.days));
};

/**
 * 'YYYY-MM-DD' + duration → 'YYYY-MM-DD', calendar semantics: months and years clamp to the end
 * of the month (2026-01-31 + P1M = 2026-02-28; 2024-02-29 + P1Y = 2025-02-28). Time parts
 * (hours, minutes, seconds) are ignored.
 */
export const addDurationToDate = (date: string, duration: string | Duration): string => {
  const dur = typeof duration === 'string' ? parseDuration(duration) : duration;
  const { y, m, d } = parseDate(date);
  const r = addCalendar(y, m, d, dur);
  return formatDate(r.y, r.m, r.d);
};

/** Whole days from a to b (both 'YYYY-MM-DD'); negative when b is before a. */
export const daysBetween = (a: string, b: string): number => {
  const pa = parseDate(a);
  const pb = parseDate(b);
  return epochDay(pb.y, pb.m, pb.d) - epochDay(pa.y, pa.m, pa.d);
};

// ---------------------------------------------------------------------------------------------
// Time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timezone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timezone, f);
  }
  return f;
};

export const isValidTimeZone = (timezone: unknown): boolean => {
  if (typeof timezone !== 'string' || timezone === '') return false;
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
};

type WallClock = { y: number; m: number; d: number; h: number; mi: number; s: number; ms: number };

/** The wall clock of `timezone` at instant `t` (milliseconds since the epoch). */
const wallClock = (t: number, timezone: string): WallClock => {
  if (!(Math.abs(t) <= MAX_TIME)) throw new Error('Invalid date');
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timezone).formatToParts(new Date(t))) parts[p.type] = p.value;
  let y = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') y = 1 - y;
  return {
    y,
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour) % 24,
    mi: Number(parts.minute),
    s: Number(parts.second),
    ms: ((t % 1000) + 1000) % 1000,
  };
};

const wallAsUtc = (w: WallClock): number => {
  const t = new Date(0);
  t.setUTCFullYear(w.y, w.m - 1, w.d);
  t.setUTCHours(w.h, w.mi, w.s, w.ms);
  return t.getTime();
};

/** Offset of `timezone` at instant t, in milliseconds (local - UTC). */
const offsetAt = (t: number, timezone: string): number => wallAsUtc(wallClock(t, timezone)) - t;

/**
 * The instant at which the wall clock of `timezone` shows `w`. Ambiguous times (the repeated hour
 * when clocks go back) resolve to the earlier instant; non-existent times (the skipped hour when
 * clocks go forward) move forward by the length of the gap (02:30 → 03:30 in Europe/Paris), as
 * Temporal's 'compatible' disambiguation does.
 */
const wallToInstant = (w: WallClock, timezone: string): number => {
  const local = wallAsUtc(w);
  const before = offsetAt(local - DAY_MS, timezone);
  const after = offsetAt(local + DAY_MS, timezone);
  const candidates = [local - before, local - after].filter((t) => offsetAt(t, timezone) === local - t);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the wall time with the offset in force before the transition.
  return local - before;
};

/** The calendar date 'YYYY-MM-DD' of instant `date` in `timezone` (DateRangeError outside MIN_DATE..MAX_DATE). */
export const localDate = (date: Date, timezone: string): string => {
  const w = wallClock(date.getTime(), timezone);
  return formatDate(w.y, w.m, w.d);
};

/** The calendar year of instant `date` in `timezone`. */
export const localYear = (date: Date, timezone: string): number => wallClock(date.getTime(), timezone).y;

/** The local wall-clock time 'HH:mm' of instant `date` in `timezone`. */
export const localTime = (date: Date, timezone: string): string => {
  const w = wallClock(date.getTime(), timezone);
  return `${pad(w.h)}:${pad(w.mi)}`;
};

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant when the wall clock of `timezone` shows `time` ('HH:mm' or 'HH:mm:ss') on `date`
 * ('YYYY-MM-DD'). A time in a DST gap moves forward (Europe/Paris 2026-03-29 02:30 → 03:30 CEST).
 */
export const zonedTimeToUtc = (date: string, time: string, timezone: string): Date => {
  const { y, m, d } = parseDate(date);
  const tm = TIME_RE.exec(time);
  if (!tm || Number(tm[1]) > 23 || Number(tm[2]) > 59 || Number(tm[3] ?? 0) > 59) {
    throw new Error(`Invalid time (expected HH:mm): "${time}"`);
  }
  const ms = tm[4] === undefined ? 0 : Number(tm[4].padEnd(3, '0'));
  return new Date(wallToInstant({ y, m, d, h: Number(tm[1]), mi: Number(tm[2]), s: Number(tm[3] ?? 0), ms }, timezone));
};

/**
 * Instant + duration: years, months, weeks and days are added on the local calendar of
 * `timezone` (so +P1D across a DST change keeps the local clock time, months clamp to the end of
 * the month), then hours, minutes and seconds as elapsed time.
 */
export const addDurationToInstant = (date: Date, duration: string | Duration, timezone: string): Date => {
  const dur = typeof duration === 'string' ? parseDuration(duration) : duration;
  let t = date.getTime();
  if (Number.isNaN(t)) throw new Error('Invalid date');
  if (dur.years || dur.months || dur.weeks || dur.days) {
    const w = wallClock(t, timezone);
    const c = addCalendar(w.y, w.m, w.d, dur);
    t = wallToInstant({ ...w, y: c.y, m: c.m, d: c.d }, timezone);
  }
  t += dur.sign * Math.round((dur.hours * 3600 + dur.minutes * 60 + dur.seconds) * 1000);
  // hours, minutes and seconds are elapsed time: they can carry it past what a Date holds
  if (!(Math.abs(t) <= MAX_TIME)) throw new DateRangeError('Instant out of range');
  return new Date(t);
};

// ---------------------------------------------------------------------------------------------
// Values read from documents

const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

export type TemporalValue = { kind: 'date'; date: string } | { kind: 'instant'; instant: Date };

/**
 * Reads a document value as a calendar date ('YYYY-MM-DD') or an instant (a Date, or an ISO
 * date-time string; one without an offset is read as wall-clock time in `timezone`).
 * Returns null for a missing or unreadable value.
 */
export const readTemporal = (value: unknown, timezone: string): TemporalValue | null => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { kind: 'instant', instant: value };
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (isIsoDate(s)) return { kind: 'date', date: s };
  const m = DATETIME_RE.exec(s);
  if (!m || !isIsoDate(m[1])) return null;
  if (m[3] === undefined) {
    const hm = m[2].slice(0, 5);
    const sec = m[2].length > 5 ? m[2].slice(5) : '';
    try {
      return { kind: 'instant', instant: zonedTimeToUtc(m[1], hm + sec.slice(0, 7), timezone) };
    } catch {
      return null;
    }
  }
  const t = Date.parse(`${m[1]}T${m[2]}${m[3].toUpperCase() === 'Z' ? 'Z' : m[3]}`);
  return Number.isNaN(t) ? null : { kind: 'instant', instant: new Date(t) };
};

/** A document value as a calendar date in `timezone` (an instant is projected), or null. */
export const readLocalDate = (value: unknown, timezone: string): string | null => {
  const v = readTemporal(value, timezone);
  if (!v) return null;
  if (v.kind === 'date') return v.date;
  try {
    return localDate(v.instant, timezone);
  } catch (e) {
    // an instant whose local date has no four-digit year reads as no date
    if (e instanceof DateRangeError) return null;
    throw e;
  }
};

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' (French display). */
export const formatDateFr = (date: string): string => {
  const m = DATE_RE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
};

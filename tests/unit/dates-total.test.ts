/**
 * The date routines of the workflow engine and of the indicators are total: for any calendar
 * date 0001-01-01..9999-12-31 and any valid duration they answer in bounded time, with a value
 * that agrees with the other routines or a documented error (`DateRangeError` past the calendar's
 * ends, `Error('Invalid ...')` for malformed input). The year 0001 once sent the indicators into
 * an endless loop; every call here runs under a watchdog that interrupts a loop instead of
 * waiting for it.
 */
import vm from 'vm';
import fc from 'fast-check';
import {
  addDurationToDate,
  addDurationToInstant,
  DateRangeError,
  daysBetween,
  isIsoDate,
  localDate,
  localTime,
  MAX_DATE,
  MIN_DATE,
  parseDuration,
  readLocalDate,
  readTemporal,
  zonedTimeToUtc,
} from '../../src/plugins/workflow/server/src/engine/durations';
import { installedRangeFor, monthsOf } from '../../src/plugins/indicators/server/src/period';

const DAY_MS = 86_400_000;
const ZONES = ['UTC', 'Indian/Reunion', 'Europe/Paris', 'America/New_York'];

// --- a watchdog: vm's timeout stops any JavaScript, a loop in our own code included -------------
const sandbox = vm.createContext({ run: (): unknown => undefined });
const script = new vm.Script('run()');
/** fn's value; a TimeoutError instead of a hang when fn runs longer than `ms`. */
const within = <T>(fn: () => T, ms = 1000): T => {
  sandbox.run = fn;
  return script.runInContext(sandbox, { timeout: ms }) as T;
};
/** Every run of a property under one watchdog (one per call would cost more than the calls). */
const check = <Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns: number) =>
  within(() => fc.assert(property, { numRuns }), 60_000);

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
/** fn's value or the error it threw. */
const outcome = <T>(fn: () => T): Outcome<T> => {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
};

// --- an oracle independent of the code under test: Date's own ISO formatting ------------------
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const MIN_DAY = dayOf(MIN_DATE);
const MAX_DAY = dayOf(MAX_DATE);

const anyDate = fc.integer({ min: MIN_DAY, max: MAX_DAY }).map(dateOf);
/** Dates near the ends of the calendar and of the years 0–99, where Date.UTC used to cheat. */
const edgeDate = fc.oneof(
  fc.integer({ min: MIN_DAY, max: MIN_DAY + 800 }),
  fc.integer({ min: dayOf('0099-01-01'), max: dayOf('0100-12-31') }),
  fc.integer({ min: MAX_DAY - 800, max: MAX_DAY })
).map(dateOf);
const someDate = fc.oneof(anyDate, edgeDate);

const count = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 4_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER));
const anyDuration = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    parts: fc.record({ Y: count, M: count, W: count, D: count, H: count, Mi: count, S: count }, { requiredKeys: [] }),
  })
  .filter(({ parts }) => Object.keys(parts).length > 0)
  .map(({ sign, parts: p }) => {
    const date = `${p.Y !== undefined ? `${p.Y}Y` : ''}${p.M !== undefined ? `${p.M}M` : ''}${p.W !== undefined ? `${p.W}W` : ''}${p.D !== undefined ? `${p.D}D` : ''}`;
    const time = `${p.H !== undefined ? `${p.H}H` : ''}${p.Mi !== undefined ? `${p.Mi}M` : ''}${p.S !== undefined ? `${p.S}S` : ''}`;
    return `${sign}P${date}${time ? `T${time}` : ''}`;
  });

const isRangeError = (o: Outcome<unknown>) => !o.ok && o.error instanceof DateRangeError;

describe('addDurationToDate and daysBetween', () => {
  test('any date + any valid duration: a calendar date, or DateRangeError past the calendar', () => {
    check(
      fc.property(someDate, anyDuration, (date, duration) => {
        const o = outcome(() => addDurationToDate(date, duration));
        if (o.ok) expect(isIsoDate(o.value)).toBe(true);
        else expect(o.error).toBeInstanceOf(DateRangeError);
      }),
      1000
    );
  });

  test('P1D then -P1D gives the date back; PnD then -PnD too, and daysBetween counts n', () => {
    check(
      fc.property(someDate, fc.integer({ min: 0, max: 4_000_000 }), (date, n) => {
        const next = outcome(() => addDurationToDate(date, 'P1D'));
        if (next.ok) expect(addDurationToDate(next.value, '-P1D')).toBe(date);
        else expect(date).toBe(MAX_DATE);
        const later = outcome(() => addDurationToDate(date, `P${n}D`));
        expect(later.ok).toBe(dayOf(date) + n <= MAX_DAY);
        if (later.ok) {
          expect(later.value).toBe(dateOf(dayOf(date) + n));
          expect(addDurationToDate(later.value, `-P${n}D`)).toBe(date);
          expect(daysBetween(date, later.value)).toBe(n);
          expect(daysBetween(later.value, date) + n).toBe(0);
        }
      }),
      1000
    );
  });

  test('months move the month index and keep the day, clamped to the end of the month', () => {
    check(
      fc.property(someDate, fc.integer({ min: -130_000, max: 130_000 }), (date, n) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const index = y * 12 + m - 1 + n;
        const [ny, nm] = [Math.floor(index / 12), (((index % 12) + 12) % 12) + 1];
        const o = outcome(() => addDurationToDate(date, n >= 0 ? `P${n}M` : `-P${-n}M`));
        expect(o.ok).toBe(ny >= 1 && ny <= 9999);
        if (!o.ok) return expect(o.error).toBeInstanceOf(DateRangeError);
        const leap = ny % 4 === 0 && (ny % 100 !== 0 || ny % 400 === 0);
        const lastDay = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][nm - 1]!;
        expect(o.value).toBe(`${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`);
      }),
      1000
    );
  });

  test('the years 0001, 0099 and 9999', () => {
    expect(within(() => addDurationToDate('0099-12-31', 'P1D'))).toBe('0100-01-01');
    expect(within(() => addDurationToDate('0100-01-01', '-P1D'))).toBe('0099-12-31');
    expect(within(() => addDurationToDate('0099-01-31', 'P1M'))).toBe('0099-02-28');
    expect(within(() => addDurationToDate('0004-01-31', 'P1M'))).toBe('0004-02-29');
    expect(within(() => addDurationToDate('0001-03-01', '-P1D'))).toBe('0001-02-28');
    expect(within(() => daysBetween('0099-12-31', '0100-01-01'))).toBe(1);
    expect(within(() => daysBetween('0001-01-01', '9999-12-31'))).toBe(MAX_DAY - MIN_DAY);
    expect(() => within(() => addDurationToDate('0001-01-01', '-P1D'))).toThrow(DateRangeError);
    expect(() => within(() => addDurationToDate('9999-12-31', 'P1D'))).toThrow(DateRangeError);
    expect(() => within(() => addDurationToDate('9999-12-01', 'P1M'))).toThrow(DateRangeError);
    expect(() => within(() => addDurationToDate('2026-01-01', `P${Number.MAX_SAFE_INTEGER}Y`))).toThrow(DateRangeError);
  });

  test('malformed input is an Error naming what is wrong', () => {
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('10000-01-01')).toBe(false);
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0100-02-29')).toBe(false);
    expect(isIsoDate('0400-02-29')).toBe(true);
    expect(() => addDurationToDate('0000-12-31', 'P1D')).toThrow(/Invalid date/);
    expect(() => addDurationToDate('+02026-01-01', 'P1D')).toThrow(/Invalid date/);
    expect(() => parseDuration(`P${'9'.repeat(400)}D`)).toThrow(/Invalid ISO-8601 duration/);
    expect(() => parseDuration(`PT${'9'.repeat(400)}.5S`)).toThrow(/Invalid ISO-8601 duration/);
  });
});

describe('time zones', () => {
  const zone = fc.constantFrom(...ZONES);

  test('a local noon reads back as its date, in every zone, at both ends of the calendar', () => {
    check(
      fc.property(someDate, zone, (date, tz) => {
        const noon = zonedTimeToUtc(date, '12:00', tz);
        expect(Number.isNaN(noon.getTime())).toBe(false);
        expect(localDate(noon, tz)).toBe(date);
        expect(readLocalDate(`${date}T12:00`, tz)).toBe(date);
      }),
      1000
    );
  });

  test('days and months added to an instant land on the date addDurationToDate gives, or both refuse', () => {
    check(
      fc.property(someDate, zone, fc.integer({ min: 0, max: 4_000_000 }), fc.constantFrom('D', 'W', 'M', 'Y'), fc.boolean(), (date, tz, n, unit, back) => {
        const duration = `${back ? '-' : ''}P${unit === 'M' || unit === 'Y' ? n % 150_000 : n}${unit}`;
        const noon = zonedTimeToUtc(date, '12:00', tz);
        const byDate = outcome(() => addDurationToDate(date, duration));
        const byInstant = outcome(() => addDurationToInstant(noon, duration, tz));
        if (byDate.ok) {
          expect(byInstant.ok).toBe(true);
          if (byInstant.ok) expect(localDate(byInstant.value, tz)).toBe(byDate.value);
        } else {
          expect(byDate.error).toBeInstanceOf(DateRangeError);
          expect(isRangeError(byInstant)).toBe(true);
        }
      }),
      1000
    );
  });

  test('+P1D then -P1D gives the instant back away from clock changes (Reunion has none)', () => {
    check(
      fc.property(fc.integer({ min: MIN_DAY + 1, max: MAX_DAY - 2 }), fc.integer({ min: 0, max: DAY_MS - 1 }), (day, ms) => {
        const t = new Date(day * DAY_MS + ms);
        const there = addDurationToInstant(t, 'P1D', 'Indian/Reunion');
        expect(addDurationToInstant(there, '-P1D', 'Indian/Reunion').getTime()).toBe(t.getTime());
      }),
      1000
    );
  });

  test('any duration added to any instant: a valid Date, or DateRangeError', () => {
    check(
      fc.property(someDate, zone, anyDuration, (date, tz, duration) => {
        const o = outcome(() => addDurationToInstant(zonedTimeToUtc(date, '08:30', tz), duration, tz));
        if (o.ok) expect(Number.isNaN(o.value.getTime())).toBe(false);
        else expect(o.error).toBeInstanceOf(DateRangeError);
      }),
      1000
    );
  });

  test('document values past the calendar read as nothing rather than throwing', () => {
    check(
      fc.property(someDate, zone, fc.constantFrom('-14:00', '+14:00', 'Z'), (date, tz, offset) => {
        const o = outcome(() => readLocalDate(`${date}T23:30:00${offset}`, tz));
        expect(o.ok).toBe(true);
        if (o.ok) expect(o.value === null || isIsoDate(o.value)).toBe(true);
      }),
      1000
    );
    expect(readLocalDate('9999-12-31T23:30:00-14:00', 'Indian/Reunion')).toBeNull();
    expect(readLocalDate('0001-01-01T00:30:00+14:00', 'America/New_York')).toBeNull();
  });

  test('the years 0001, 0099 and 9999', () => {
    expect(within(() => localDate(zonedTimeToUtc('0001-01-01', '00:00', 'Indian/Reunion'), 'Indian/Reunion'))).toBe('0001-01-01');
    expect(within(() => localTime(zonedTimeToUtc('0099-06-15', '09:45', 'Europe/Paris'), 'Europe/Paris'))).toBe('09:45');
    expect(within(() => addDurationToInstant(zonedTimeToUtc('0099-12-31', '09:00', 'UTC'), 'P1D', 'UTC').toISOString())).toBe('0100-01-01T09:00:00.000Z');
    // 23:59 in Honolulu on the last day is already 10000-01-01 in UTC: an instant, but no date of ours
    const last = within(() => zonedTimeToUtc('9999-12-31', '23:59', 'Pacific/Honolulu'));
    expect(within(() => localDate(last, 'Pacific/Honolulu'))).toBe('9999-12-31');
    expect(() => within(() => localDate(last, 'UTC'))).toThrow(DateRangeError);
    expect(() => within(() => addDurationToInstant(new Date(8.64e15), 'PT1H', 'UTC'))).toThrow(DateRangeError);
    expect(() => within(() => localDate(new Date(NaN), 'UTC'))).toThrow(/Invalid date/);
    expect(within(() => readTemporal('0001-01-01T00:00:00Z', 'UTC'))).toEqual({ kind: 'instant', instant: new Date('0001-01-01T00:00:00Z') });
  });
});

describe('indicator periods', () => {
  const due = (date: string, months: number) => addDurationToDate(date, `P${months}M`);
  /** Every installation date whose follow-up falls due in [from, to], by trying each day. */
  const bruteForce = (from: string, to: string, months: number) => {
    const hits: string[] = [];
    const start = Math.max(MIN_DAY, dayOf(from) - 31 * (months + 1));
    for (let day = start; day <= dayOf(to); day += 1) {
      const d = dateOf(day);
      const o = outcome(() => due(d, months));
      if (o.ok && o.value >= from && o.value <= to) hits.push(d);
    }
    return hits;
  };

  test('installedRangeFor gives exactly the installation dates due in the period, at any date', () => {
    check(
      fc.property(someDate, fc.integer({ min: 0, max: 45 }), fc.constantFrom(0, 1, 2, 3, 6, 12), (from, length, months) => {
        const to = dateOf(Math.min(MAX_DAY, dayOf(from) + length));
        const { lo, hi } = installedRangeFor({ from, to }, months);
        const hits = bruteForce(from, to, months);
        if (hits.length === 0) expect(lo > hi).toBe(true);
        else expect({ lo, hi }).toEqual({ lo: hits[0], hi: hits[hits.length - 1] });
      }),
      400
    );
  });

  test('installedRangeFor over long periods and delays: bounded, and the dues of lo and hi inside the period', () => {
    check(
      fc.property(someDate, someDate, fc.integer({ min: 0, max: 130_000 }), (a, b, months) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const { lo, hi } = installedRangeFor({ from, to }, months);
        expect(isIsoDate(lo) && isIsoDate(hi)).toBe(true);
        if (lo > hi) return;
        for (const d of [lo, hi]) {
          const o = outcome(() => due(d, months));
          expect(o.ok && o.value >= from && o.value <= to).toBe(true);
        }
        // the day before lo falls due before the period, the day after hi after it (or past the calendar)
        if (lo > MIN_DATE) {
          const o = outcome(() => due(dateOf(dayOf(lo) - 1), months));
          expect(o.ok && o.value < from).toBe(true);
        }
        if (hi < MAX_DATE) {
          const o = outcome(() => due(dateOf(dayOf(hi) + 1), months));
          expect(!o.ok || o.value > to).toBe(true);
        }
      }),
      1000
    );
  });

  test('monthsOf lists every month the period touches, once and in order', () => {
    check(
      fc.property(someDate, fc.integer({ min: -40, max: 800 }), (from, length) => {
        const to = dateOf(Math.max(MIN_DAY, Math.min(MAX_DAY, dayOf(from) + length)));
        const months = monthsOf(from, to);
        if (to < from) return expect(months).toEqual([]);
        expect(months[0]!.month).toBe(from.slice(0, 7));
        expect(months[months.length - 1]!.month).toBe(to.slice(0, 7));
        months.slice(1).forEach((m, i) => expect(m.first).toBe(addDurationToDate(months[i]!.first, 'P1M')));
      }),
      500
    );
  });

  test('the years 0001, 0099 and 9999', () => {
    expect(within(() => installedRangeFor({ from: '0001-01-01', to: '0001-12-31' }, 3))).toEqual({ lo: '0001-01-01', hi: '0001-09-30' });
    expect(within(() => installedRangeFor({ from: '0001-01-01', to: '0001-03-31' }, 12))).toEqual({ lo: MAX_DATE, hi: MIN_DATE });
    expect(within(() => installedRangeFor({ from: '0099-01-01', to: '0099-12-31' }, 12))).toEqual({ lo: '0098-01-01', hi: '0098-12-31' });
    expect(within(() => installedRangeFor({ from: '0100-01-01', to: '0100-03-31' }, 3))).toEqual({ lo: '0099-10-01', hi: '0099-12-31' });
    expect(within(() => installedRangeFor({ from: '9999-01-01', to: '9999-12-31' }, 12))).toEqual({ lo: '9998-01-01', hi: '9998-12-31' });
    // nothing falls due on 31 December 9999 three months after anything (as for any 31 December)
    const last = within(() => installedRangeFor({ from: '9999-12-31', to: '9999-12-31' }, 3));
    expect(last.lo > last.hi).toBe(true);
    expect(within(() => monthsOf('0001-01-15', '0001-03-01')).map((m) => m.month)).toEqual(['0001-01', '0001-02', '0001-03']);
    expect(within(() => monthsOf('0099-12-01', '0100-01-31')).map((m) => m.first)).toEqual(['0099-12-01', '0100-01-01']);
    expect(within(() => monthsOf('9999-11-30', '9999-12-31')).map((m) => m.month)).toEqual(['9999-11', '9999-12']);
  });

  test('malformed periods and delays are an Error, not a wrong answer', () => {
    expect(() => installedRangeFor({ from: '0000-01-01', to: '0001-01-01' }, 3)).toThrow(/Invalid period/);
    expect(() => installedRangeFor({ from: '2025-01-01', to: '2025-12-31' }, -1)).toThrow(/Invalid number of months/);
    expect(() => installedRangeFor({ from: '2025-01-01', to: '2025-12-31' }, 1.5)).toThrow(/Invalid number of months/);
    expect(() => monthsOf('+02026-01-01', '2026-02-01')).toThrow(/Invalid period/);
  });
});

import {
  addDurationToDate,
  addDurationToInstant,
  daysBetween,
  formatDateFr,
  isIsoDate,
  isValidDuration,
  isValidTimeZone,
  localDate,
  localTime,
  localYear,
  parseDuration,
  readLocalDate,
  readTemporal,
  zonedTimeToUtc,
} from '../../../src/plugins/workflow/server/src/engine';

const PARIS = 'Europe/Paris';
const REUNION = 'Indian/Reunion';

describe('parseDuration', () => {
  it('reads every component', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      sign: 1,
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });
  it('reads a leading minus as a negative duration', () => {
    expect(parseDuration('-P30D')).toEqual({ sign: -1, years: 0, months: 0, weeks: 0, days: 30, hours: 0, minutes: 0, seconds: 0 });
  });
  it('reads time-only and fractional seconds', () => {
    expect(parseDuration('PT1.5S').seconds).toBe(1.5);
    expect(parseDuration('PT12H').hours).toBe(12);
    expect(parseDuration('P0D').days).toBe(0);
  });
  it.each(['', 'P', 'PT', 'P1DT', '1D', 'P1H', 'PT1D', 'P-1D', 'P1.5D', 'p1d', 'P1D2M', 'P1Y ', 'xP1D'])('refuses %p', (s) => {
    expect(() => parseDuration(s)).toThrow(/Invalid ISO-8601 duration/);
    expect(isValidDuration(s)).toBe(false);
  });
  it('isValidDuration accepts valid ones and refuses non-strings', () => {
    expect(isValidDuration('P3M')).toBe(true);
    expect(isValidDuration('-P1Y')).toBe(true);
    expect(isValidDuration(7)).toBe(false);
    expect(isValidDuration(null)).toBe(false);
  });
});

describe('addDurationToDate (calendar semantics)', () => {
  it.each([
    ['2026-01-31', 'P1M', '2026-02-28'],
    ['2024-01-31', 'P1M', '2024-02-29'],
    ['2024-02-29', 'P1Y', '2025-02-28'],
    ['2026-03-31', '-P1M', '2026-02-28'],
    ['2026-05-12', 'P1Y', '2027-05-12'],
    ['2026-05-12', 'P3M', '2026-08-12'],
    ['2026-11-30', 'P3M', '2027-02-28'],
    ['2026-05-12', 'P12M', '2027-05-12'],
    ['2027-05-12', '-P30D', '2027-04-12'],
    ['2026-03-01', '-P1D', '2026-02-28'],
    ['2026-12-25', 'P2W', '2027-01-08'],
    ['2026-01-31', 'P1M1D', '2026-03-01'],
    ['2026-05-12', 'P0D', '2026-05-12'],
    ['2026-05-12', 'PT23H', '2026-05-12'],
  ])('%s + %s = %s', (date, duration, expected) => {
    expect(addDurationToDate(date, duration)).toBe(expected);
  });
  it('refuses an invalid date or duration', () => {
    expect(() => addDurationToDate('2026-02-30', 'P1D')).toThrow(/Invalid date/);
    expect(() => addDurationToDate('2026-02-01', '1 day')).toThrow(/Invalid ISO-8601 duration/);
  });
});

describe('time zones', () => {
  it('localDate projects an instant on the local calendar', () => {
    // 22:30Z on 31 Dec is already 1 Jan in Reunion (UTC+4), still 31 Dec in Paris (UTC+1).
    const t = new Date('2026-12-31T22:30:00Z');
    expect(localDate(t, REUNION)).toBe('2027-01-01');
    expect(localDate(t, PARIS)).toBe('2026-12-31');
    expect(localYear(t, REUNION)).toBe(2027);
    expect(localYear(t, PARIS)).toBe(2026);
    expect(localTime(t, REUNION)).toBe('02:30');
  });

  it('zonedTimeToUtc: Reunion is UTC+4 all year', () => {
    expect(zonedTimeToUtc('2026-01-15', '08:00', REUNION).toISOString()).toBe('2026-01-15T04:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-15', '08:00', REUNION).toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });

  it('zonedTimeToUtc: Paris is UTC+1 in winter and UTC+2 in summer', () => {
    expect(zonedTimeToUtc('2026-01-15', '08:00', PARIS).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-15', '08:00:30', PARIS).toISOString()).toBe('2026-07-15T06:00:30.000Z');
  });

  it('zonedTimeToUtc moves a time in the spring-forward gap forward', () => {
    // 2026-03-29: 02:00 CET → 03:00 CEST; 02:30 does not exist and becomes 03:30 CEST.
    expect(zonedTimeToUtc('2026-03-29', '02:30', PARIS).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-29', '03:00', PARIS).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('zonedTimeToUtc picks the earlier instant for the repeated autumn hour', () => {
    // 2026-10-25: 03:00 CEST → 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
    expect(zonedTimeToUtc('2026-10-25', '02:30', PARIS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '03:30', PARIS).toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('zonedTimeToUtc refuses bad input', () => {
    expect(() => zonedTimeToUtc('2026-10-25', '24:00', PARIS)).toThrow(/Invalid time/);
    expect(() => zonedTimeToUtc('2026-13-01', '08:00', PARIS)).toThrow(/Invalid date/);
    expect(() => zonedTimeToUtc('2026-10-25', '08:00', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('isValidTimeZone', () => {
    expect(isValidTimeZone(REUNION)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('addDurationToInstant', () => {
  it('+P1D across the spring DST change keeps the local clock time (Paris)', () => {
    const start = zonedTimeToUtc('2026-03-28', '09:00', PARIS);
    expect(start.toISOString()).toBe('2026-03-28T08:00:00.000Z');
    const next = addDurationToInstant(start, 'P1D', PARIS);
    expect(next.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(localTime(next, PARIS)).toBe('09:00');
    // Elapsed time does not: PT24H lands at 10:00 local.
    expect(addDurationToInstant(start, 'PT24H', PARIS).toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });

  it('+P1D across the autumn DST change keeps the local clock time (Paris)', () => {
    const start = new Date('2026-10-24T07:00:00Z'); // 09:00 CEST
    expect(addDurationToInstant(start, 'P1D', PARIS).toISOString()).toBe('2026-10-25T08:00:00.000Z'); // 09:00 CET
  });

  it('Reunion has no DST: P1D is 24 hours', () => {
    const start = new Date('2026-03-28T05:00:00Z');
    expect(addDurationToInstant(start, 'P1D', REUNION).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(addDurationToInstant(start, 'P2DT3H', REUNION).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('months clamp on the local calendar', () => {
    // 31 Jan 23:00 in Reunion is 31 Jan 19:00Z; + P1M = 28 Feb 23:00 local = 28 Feb 19:00Z.
    expect(addDurationToInstant(new Date('2026-01-31T19:00:00Z'), 'P1M', REUNION).toISOString()).toBe('2026-02-28T19:00:00.000Z');
  });

  it('negative durations go back', () => {
    expect(addDurationToInstant(new Date('2026-05-12T04:00:00Z'), '-P30D', REUNION).toISOString()).toBe('2026-04-12T04:00:00.000Z');
    expect(addDurationToInstant(new Date('2026-05-12T04:00:00Z'), '-PT90M', REUNION).toISOString()).toBe('2026-05-12T02:30:00.000Z');
  });
});

describe('document values', () => {
  it('readTemporal tells dates from instants', () => {
    expect(readTemporal('2026-05-12', PARIS)).toEqual({ kind: 'date', date: '2026-05-12' });
    expect(readTemporal('2026-05-12T08:00:00.000Z', PARIS)).toEqual({ kind: 'instant', instant: new Date('2026-05-12T08:00:00Z') });
    expect(readTemporal('2026-05-12T08:00:00+04:00', PARIS)).toEqual({ kind: 'instant', instant: new Date('2026-05-12T04:00:00Z') });
    // No offset: wall-clock time of the zone.
    expect(readTemporal('2026-05-12T08:00', REUNION)).toEqual({ kind: 'instant', instant: new Date('2026-05-12T04:00:00Z') });
    expect(readTemporal(new Date('2026-05-12T08:00:00Z'), PARIS)).toEqual({ kind: 'instant', instant: new Date('2026-05-12T08:00:00Z') });
    expect(readTemporal('2026-02-30', PARIS)).toBeNull();
    expect(readTemporal('hier', PARIS)).toBeNull();
    expect(readTemporal(null, PARIS)).toBeNull();
    expect(readTemporal(20260512, PARIS)).toBeNull();
  });
  it('readLocalDate projects instants', () => {
    expect(readLocalDate('2026-05-12T22:00:00Z', REUNION)).toBe('2026-05-13');
    expect(readLocalDate('2026-05-12', REUNION)).toBe('2026-05-12');
  });
  it('small helpers', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(daysBetween('2026-02-20', '2026-03-02')).toBe(10);
    expect(daysBetween('2026-03-02', '2026-02-20')).toBe(-10);
    expect(formatDateFr('2026-05-12')).toBe('12/05/2026');
  });
});

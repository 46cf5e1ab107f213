import { z } from 'zod';
import { isoDate, isoDateTime, validate } from '../../src/validation';
import { actionInput } from '../../src/api/case/validation/case';
import { timeDeclarationInput } from '../../src/api/time-declaration/validation/time-declaration';

describe('date primitives', () => {
  it.each(['2026-01-31', '2024-02-29', '2026-12-01'])('accepts the calendar date %s', (d) => {
    expect(isoDate.safeParse(d).success).toBe(true);
  });
  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '26-01-01', '2026-1-1', '01/11/2026', ''])(
    'refuses %p',
    (d) => expect(isoDate.safeParse(d).success).toBe(false)
  );
  it('accepts date-times with an offset or Z only', () => {
    expect(isoDateTime.safeParse('2026-11-23T09:00:00+04:00').success).toBe(true);
    expect(isoDateTime.safeParse('2026-11-23T05:00:00.000Z').success).toBe(true);
    expect(isoDateTime.safeParse('2026-11-23 09:00').success).toBe(false);
  });
});

describe('validate()', () => {
  it('throws a Strapi ValidationError listing every issue with its path', () => {
    const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }) }).strict();
    try {
      validate(schema, { a: 'x', b: { c: 1 }, d: true });
      throw new Error('should have thrown');
    } catch (e: any) {
      expect(e.name).toBe('ValidationError');
      expect(e.details.errors.map((i: any) => i.path)).toEqual([['a'], ['b', 'c'], []]);
      expect(e.message).toMatch(/^a: /);
    }
  });
  it('returns the parsed value with defaults', () => {
    expect(validate(actionInput, { kind: 'call', date: '2026-11-02', summary: 'ok' })).toEqual({
      kind: 'call',
      date: '2026-11-02',
      summary: 'ok',
      minutes: 0,
    });
  });
});

describe('time declaration rules', () => {
  it('wants the first day of a month and non-negative amounts', () => {
    expect(timeDeclarationInput.safeParse({ month: '2026-10-01', hours: 3.5, travelKm: 0 }).success).toBe(true);
    expect(timeDeclarationInput.safeParse({ month: '2026-10-02' }).success).toBe(false);
    expect(timeDeclarationInput.safeParse({ hours: -0.5 }).success).toBe(false);
    expect(timeDeclarationInput.safeParse({ hours: 745 }).success).toBe(false);
    expect(timeDeclarationInput.safeParse({ state: 'validated' }).success).toBe(false);
  });
});

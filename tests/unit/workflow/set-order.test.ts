import { computeSet } from '../../../src/plugins/workflow/server/src/engine';

describe('computeSet does not depend on key order', () => {
  const ctx = { now: new Date('2026-11-23T06:00:00Z'), timezone: 'Indian/Reunion' };
  it('computes an `add` after the target it reads, whatever the order of the keys', () => {
    // as PostgreSQL's jsonb returns it: the shorter key first
    const exprs = {
      mandateEnd: { add: { field: 'mandateStart', duration: 'P1Y' }, ifEmpty: true },
      mandateStart: { today: true, ifEmpty: true },
    } as const;
    expect(computeSet(exprs as any, { mandateStart: null, mandateEnd: null }, ctx)).toEqual({
      mandateStart: '2026-11-23',
      mandateEnd: '2027-11-23',
    });
  });
});

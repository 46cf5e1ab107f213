import {
  AMBASSADOR_DEFINITION,
  CASE_DEFINITION,
  applyTransitionSet,
  computeSet,
  findTransition,
  type TransitionDef,
} from '../../../src/plugins/workflow/server/src/engine';
import { ctx, NOW } from './helpers';

describe('computeSet', () => {
  it('literal, now and today (in the workflow zone)', () => {
    const late = ctx({ now: new Date('2026-05-12T21:30:00Z') }); // 13 May 01:30 in Reunion
    expect(computeSet({ a: { value: 'x' }, b: { value: null }, c: { now: true }, d: { today: true } }, {}, late)).toEqual({
      a: 'x',
      b: null,
      c: '2026-05-12T21:30:00.000Z',
      d: '2026-05-13',
    });
    expect(computeSet({ d: { today: true } }, {}, { now: late.now, timezone: 'Europe/Paris' })).toEqual({ d: '2026-05-12' });
  });

  it('undefined or empty expressions write nothing', () => {
    expect(computeSet(undefined, { a: 1 }, ctx())).toEqual({});
    expect(computeSet({}, { a: 1 }, ctx())).toEqual({});
  });

  it('ifEmpty skips a field that already has a value', () => {
    const exprs = { firstContactAt: { now: true as const, ifEmpty: true } };
    expect(computeSet(exprs, { firstContactAt: '2026-01-02T03:04:05.000Z' }, ctx())).toEqual({});
    expect(computeSet(exprs, { firstContactAt: null }, ctx())).toEqual({ firstContactAt: NOW.toISOString() });
    expect(computeSet(exprs, { firstContactAt: '' }, ctx())).toEqual({ firstContactAt: NOW.toISOString() });
    expect(computeSet(exprs, {}, ctx())).toEqual({ firstContactAt: NOW.toISOString() });
    // Without ifEmpty, it overwrites.
    expect(computeSet({ firstContactAt: { now: true } }, { firstContactAt: '2026-01-02T03:04:05.000Z' }, ctx())).toEqual({
      firstContactAt: NOW.toISOString(),
    });
  });

  it('add reads the values computed earlier in the same call first, then the document', () => {
    const exprs = {
      mandateStart: { today: true as const, ifEmpty: true },
      mandateEnd: { add: { field: 'mandateStart', duration: 'P1Y' } },
    };
    expect(computeSet(exprs, {}, ctx())).toEqual({ mandateStart: '2026-05-12', mandateEnd: '2027-05-12' });
    expect(computeSet(exprs, { mandateStart: '2024-02-29' }, ctx())).toEqual({ mandateEnd: '2025-02-28' });
  });

  it('add leaves the field unchanged when the source is missing', () => {
    expect(computeSet({ end: { add: { field: 'start', duration: 'P1Y' } } }, { end: '2026-01-01' }, ctx())).toEqual({});
  });

  it('add projects a datetime on the local calendar, and goes back with a negative duration', () => {
    expect(computeSet({ due: { add: { field: 'at', duration: '-P30D' } } }, { at: '2026-05-31T22:00:00Z' }, ctx())).toEqual({
      due: '2026-05-02', // 2026-06-01 in Reunion − 30 days
    });
  });
});

describe('applyTransitionSet', () => {
  const activate = findTransition(AMBASSADOR_DEFINITION, 'trained', 'active')!;
  const renew = findTransition(AMBASSADOR_DEFINITION, 'active', 'active')!;

  it('trained → active: mandate starts today and ends a year later', () => {
    expect(applyTransitionSet(AMBASSADOR_DEFINITION, activate, { state: 'trained' }, ctx())).toEqual({
      mandateStart: '2026-05-12',
      mandateEnd: '2027-05-12',
    });
  });

  it('trained → active keeps a start date already chosen', () => {
    expect(applyTransitionSet(AMBASSADOR_DEFINITION, activate, { state: 'trained', mandateStart: '2026-06-01' }, ctx())).toEqual({
      mandateEnd: '2027-06-01',
    });
  });

  it('active → active renewal: the transition set wins, end += 1 year', () => {
    const doc = { state: 'active', mandateStart: '2026-05-12', mandateEnd: '2027-05-12' };
    expect(applyTransitionSet(AMBASSADOR_DEFINITION, renew, doc, ctx())).toEqual({ mandateEnd: '2028-05-12' });
    // A second renewal extends the end again, not start + 1 year + 1 year.
    const renewed = { state: 'active', mandateStart: '2025-05-12', mandateEnd: '2027-05-12' };
    expect(applyTransitionSet(AMBASSADOR_DEFINITION, renew, renewed, ctx())).toEqual({ mandateEnd: '2028-05-12' });
  });

  it('the transition set is computed over the document updated by onEnter, and wins', () => {
    const def = {
      ...CASE_DEFINITION,
      states: { ...CASE_DEFINITION.states, x: { label: 'X', onEnter: { set: { a: { value: '2026-01-31' }, b: { value: 'enter' } } } } },
    };
    const t: TransitionDef = {
      from: 'received',
      to: 'x',
      label: 'x',
      roles: ['system'],
      set: { b: { value: 'transition' }, c: { add: { field: 'a', duration: 'P1M' } }, a: { value: 'kept', ifEmpty: true } },
    };
    expect(applyTransitionSet(def, t, { state: 'received' }, ctx())).toEqual({ a: '2026-01-31', b: 'transition', c: '2026-02-28' });
  });

  it('entering first_contact records the first contact once; notice records its date', () => {
    const take = findTransition(CASE_DEFINITION, 'received', 'first_contact')!;
    expect(applyTransitionSet(CASE_DEFINITION, take, { state: 'received' }, ctx())).toEqual({ firstContactAt: '2026-05-12T06:00:00.000Z' });
    expect(applyTransitionSet(CASE_DEFINITION, take, { state: 'received', firstContactAt: '2026-01-01T00:00:00.000Z' }, ctx())).toEqual({});
    const notice = findTransition(AMBASSADOR_DEFINITION, 'active', 'notice')!;
    expect(applyTransitionSet(AMBASSADOR_DEFINITION, notice, { state: 'active', noticeGivenAt: '2025-01-01' }, ctx())).toEqual({
      noticeGivenAt: '2026-05-12',
    });
  });
});

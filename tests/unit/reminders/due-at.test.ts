import { dueAtFor } from '../../../src/plugins/reminders/server/src/services/scheduler';
import type { TimerDef } from '../../../src/plugins/workflow/server/src/engine';

const timer = (after: string, from = 'enteredAt'): TimerDef => ({ rule: 'r', after, from, to: ['coordinator'], template: 'r' });

describe('when a reminder falls due', () => {
  describe('Indian/Reunion (UTC+4, no DST)', () => {
    const tz = 'Indian/Reunion';
    it('10 days after entering, at 09:00 local on the due day', () => {
      // entered 2026-03-05 at 17:40 local (13:40Z)
      const due = dueAtFor(timer('P10D'), {}, new Date('2026-03-05T13:40:00Z'), tz, '09:00');
      expect(due?.toISOString()).toBe('2026-03-15T05:00:00.000Z');
    });
    it('uses the local day, not the UTC day, of the entry', () => {
      // 22:30 local on the 5th is 18:30Z on the 5th; 02:00 local on the 6th is 22:00Z on the 5th
      expect(dueAtFor(timer('P2D'), {}, new Date('2026-03-05T22:00:00Z'), tz, '09:00')?.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    });
    it('3, 6 and 12 calendar months after the installation date', () => {
      const doc = { installedAt: '2026-01-31' };
      expect(dueAtFor(timer('P3M', 'installedAt'), doc, new Date(), tz, '09:00')?.toISOString()).toBe('2026-04-30T05:00:00.000Z');
      expect(dueAtFor(timer('P6M', 'installedAt'), doc, new Date(), tz, '09:00')?.toISOString()).toBe('2026-07-31T05:00:00.000Z');
      expect(dueAtFor(timer('P12M', 'installedAt'), doc, new Date(), tz, '09:00')?.toISOString()).toBe('2027-01-31T05:00:00.000Z');
    });
    it('30 days before a date', () => {
      expect(dueAtFor(timer('-P30D', 'mandateEnd'), { mandateEnd: '2027-03-01' }, new Date(), tz, '09:00')?.toISOString()).toBe('2027-01-30T05:00:00.000Z');
    });
    it('nothing when the date it counts from is missing', () => {
      expect(dueAtFor(timer('P3M', 'installedAt'), { installedAt: null }, new Date(), tz, '09:00')).toBeNull();
    });
    it('nothing when it would fall due past 9999-12-31 (it used to throw)', () => {
      const doc = { installedAt: '9999-12-01' };
      expect(dueAtFor(timer('P12M', 'installedAt'), doc, new Date(), tz, '09:00')).toBeNull();
      expect(dueAtFor(timer('P20D', 'installedAt'), doc, new Date(), tz, '09:00')?.toISOString()).toBe('9999-12-21T05:00:00.000Z');
    });
  });

  describe('Europe/Paris (DST)', () => {
    const tz = 'Europe/Paris';
    it('09:00 local is 08:00Z in winter and 07:00Z in summer', () => {
      const doc = { installedAt: '2026-01-15' };
      expect(dueAtFor(timer('P3M', 'installedAt'), doc, new Date(), tz, '09:00')?.toISOString()).toBe('2026-04-15T07:00:00.000Z');
      expect(dueAtFor(timer('P12M', 'installedAt'), doc, new Date(), tz, '09:00')?.toISOString()).toBe('2027-01-15T08:00:00.000Z');
    });
    it('across the spring change: entered the day before, 7 days later at 09:00 local', () => {
      // 2026-03-28 10:00 local (09:00Z, CET); DST starts 2026-03-29
      expect(dueAtFor(timer('P7D'), {}, new Date('2026-03-28T09:00:00Z'), tz, '09:00')?.toISOString()).toBe('2026-04-04T07:00:00.000Z');
    });
    it('delays with a time part are exact', () => {
      expect(dueAtFor(timer('PT2H'), {}, new Date('2026-03-29T00:30:00Z'), tz, '09:00')?.toISOString()).toBe('2026-03-29T02:30:00.000Z');
    });
  });
});

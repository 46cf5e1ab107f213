/**
 * The pure rules behind two indicator queries: the installation dates whose follow-up falls due in
 * a period (month-end clamping included), and the median read from a histogram of whole days.
 */
import { installedRangeFor, medianOfHistogram } from '../../src/plugins/indicators/server/src/services/indicators';
import { addDurationToDate } from '../../src/plugins/workflow/server/src/engine/durations';

const dueOf = (installedAt: string, months: number) => addDurationToDate(installedAt, `P${months}M`);

describe('installedRangeFor', () => {
  test('a calendar year: installations from the day that falls due on 1 January to the one due on 31 December', () => {
    expect(installedRangeFor({ from: '2025-01-01', to: '2025-12-31' }, 3)).toEqual({ lo: '2024-10-01', hi: '2025-09-30' });
    expect(installedRangeFor({ from: '2025-01-01', to: '2025-12-31' }, 12)).toEqual({ lo: '2024-01-01', hi: '2024-12-31' });
  });

  test('month ends: 28, 29 and 30 November all fall due on 28 February (2025 is not a leap year)', () => {
    expect(installedRangeFor({ from: '2025-02-28', to: '2025-02-28' }, 3)).toEqual({ lo: '2024-11-28', hi: '2024-11-30' });
    // 31 August + 6 months = 28 February too
    expect(installedRangeFor({ from: '2025-02-28', to: '2025-02-28' }, 6)).toEqual({ lo: '2024-08-28', hi: '2024-08-31' });
  });

  test('a day nothing falls due on gives an empty range (lo after hi)', () => {
    // 31 December is 3 months after no day: 30 September + 3 months = 30 December, 1 October → 1 January
    expect(installedRangeFor({ from: '2025-12-31', to: '2025-12-31' }, 3)).toEqual({ lo: '2025-10-01', hi: '2025-09-30' });
  });

  test('equals the installation dates found by trying every day, for many periods', () => {
    const day = (d: string, n: number) => addDurationToDate(d, `P${n}D`);
    for (const months of [3, 6, 12]) {
      for (const [from, to] of [
        ['2024-02-29', '2024-03-31'],
        ['2025-01-31', '2025-03-01'],
        ['2024-12-15', '2025-01-15'],
        ['2023-11-30', '2024-02-29'],
      ] as const) {
        const hits: string[] = [];
        for (let d = addDurationToDate(from, `-P${months + 1}M`); d <= to; d = day(d, 1)) {
          const due = dueOf(d, months);
          if (due >= from && due <= to) hits.push(d);
        }
        expect(installedRangeFor({ from, to }, months)).toEqual({ lo: hits[0], hi: hits[hits.length - 1] });
      }
    }
  });
});

describe('medianOfHistogram', () => {
  test('null without values', () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ value: 12, count: 0 }])).toBeNull();
  });

  test('the middle value of an odd count, the mean of the two middle ones of an even count, whatever the bin order', () => {
    // 10, 10, 20, 30, 30 → 20
    expect(medianOfHistogram([{ value: 30, count: 2 }, { value: 10, count: 2 }, { value: 20, count: 1 }])).toBe(20);
    // 10, 20, 30, 40 → 25
    expect(medianOfHistogram([{ value: 40, count: 1 }, { value: 10, count: 1 }, { value: 30, count: 1 }, { value: 20, count: 1 }])).toBe(25);
    // 5 × 7 and 1 × 100 → 7
    expect(medianOfHistogram([{ value: 100, count: 1 }, { value: 7, count: 5 }])).toBe(7);
    // negative days (an installation dated before the first contact) sort as numbers
    expect(medianOfHistogram([{ value: -3, count: 1 }, { value: 2, count: 1 }])).toBe(-0.5);
  });
});

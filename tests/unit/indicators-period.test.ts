/**
 * The periods the indicators accept: years 2000–2100, dates within 2000-01-01..2100-12-31, at most
 * MAX_PERIOD_DAYS days; anything else is a 400 naming the field, decided before any date
 * arithmetic runs (the routes' query schemas and the service share one rule).
 */
import { errors } from '@strapi/utils';
import { MAX_PERIOD_DAYS } from '../../src/plugins/indicators/server/src/constants';
import { exportQuery, findQuery, parse } from '../../src/plugins/indicators/server/src/controllers/indicators';
import { periodIssues } from '../../src/plugins/indicators/server/src/period';

const refusal = (query: Record<string, unknown>, schema: typeof findQuery | typeof exportQuery = findQuery) => {
  try {
    parse(schema, query);
  } catch (e) {
    expect(e).toBeInstanceOf(errors.ValidationError);
    return (e as errors.ValidationError).details as { errors: Array<{ path: string[]; message: string }> };
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
};

describe('the period of an indicator query', () => {
  test.each([
    [{ year: '0001' }, 'year', /from 2000 to 2100/],
    [{ year: '0000' }, 'year', /from 2000 to 2100/],
    [{ year: '1999' }, 'year', /from 2000 to 2100/],
    [{ year: '2101' }, 'year', /from 2000 to 2100/],
    [{ year: '9999' }, 'year', /from 2000 to 2100/],
    [{ year: '+2026' }, 'year', /YYYY/],
    [{ from: '+02026-01-01', to: '2026-02-01' }, 'from', /YYYY-MM-DD/],
    [{ from: ' 02026-01-01', to: '2026-02-01' }, 'from', /YYYY-MM-DD/],
    [{ from: '0001-01-01', to: '0001-12-31' }, 'from', /2000-01-01 to 2100-12-31/],
    [{ from: '2026-01-01', to: '9999-12-31' }, 'to', /2000-01-01 to 2100-12-31/],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', /calendar date/],
    [{ from: '2020-01-01', to: '2025-01-01' }, 'to', new RegExp(`exceed ${MAX_PERIOD_DAYS} days`)],
    [{ from: '2026-03-01', to: '2026-02-01' }, 'to', /before from/],
  ])('%j is refused, naming %s', (query, field, message) => {
    const { errors: list } = refusal(query);
    expect(list[0]).toEqual({ path: [field], message: expect.stringMatching(message) });
    expect(refusal({ ...query, format: 'csv' }, exportQuery).errors[0]!.path).toEqual([field]);
  });

  test('five calendar years are the longest period, leap days included', () => {
    expect(parse(findQuery, { from: '2024-01-01', to: '2028-12-31' })).toEqual({ from: '2024-01-01', to: '2028-12-31' });
    expect(parse(findQuery, { year: '2000' })).toEqual({ year: '2000' });
    expect(parse(findQuery, { year: '2100' })).toEqual({ year: '2100' });
    expect(refusal({ from: '2024-01-01', to: '2029-01-01' }).errors[0]!.path).toEqual(['to']);
  });

  test('the service applies the same rule to any caller', () => {
    expect(periodIssues({ from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
    expect(periodIssues({ from: '0001-01-01', to: '9999-12-31' }).map((i) => i.path[0])).toEqual(['from', 'to']);
    expect(periodIssues({ from: 'hier', to: '2025-12-31' }).map((i) => i.path[0])).toEqual(['from']);
    expect(periodIssues({ from: '2020-01-01', to: '2030-12-31' })).toEqual([{ path: ['to'], message: expect.stringContaining('exceed') }]);
  });
});

import {
  ambassadorTotals,
  describeDetails,
  errorText,
  fileNameOf,
  filterAmbassadors,
  formatDay,
  formatMonthShort,
  formatPeriod,
  formatTarget,
  formatValue,
  niceScale,
  parseYear,
  professionLabel,
  sortAmbassadors,
  yearOptions,
  type AmbassadorFigures,
  type Indicator,
} from '../../src/plugins/indicators/admin/src/api';

/** French numbers carry no-break spaces; the assertions read better with plain ones. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('formatValue: each unit the way a French reader expects it', () => {
  it.each([
    [3, 'count', '3'],
    [4000, 'count', '4 000'],
    [0.6667, 'ratio', '66,7 %'],
    [1, 'ratio', '100 %'],
    [0, 'ratio', '0 %'],
    [4.5, 'score', '4,50 / 5'],
    [4, 'score', '4,00 / 5'],
    [90.5, 'days', '90,5 jours'],
    [1, 'days', '1 jour'],
    [0, 'days', '0 jour'],
    [17.5, 'hours', '17,5 h'],
    [1234.25, 'hours', '1 234,25 h'],
  ])('%p %s → %s', (value, unit, expected) => {
    expect(plain(formatValue(value, unit))).toBe(expected);
  });

  it('shows a missing value as a dash, whatever the unit', () => {
    for (const unit of ['count', 'ratio', 'score', 'days', 'hours']) expect(formatValue(null, unit)).toBe('—');
    expect(formatValue(Number.NaN, 'ratio')).toBe('—');
  });
});

describe('formatTarget', () => {
  it('writes the comparison with its sign and the value in the unit, never broken after the sign', () => {
    expect(formatTarget({ op: 'gte', value: 3 }, 'count')).toBe('≥\u00a03');
    expect(plain(formatTarget({ op: 'gt', value: 5 }, 'count'))).toBe('> 5');
    expect(plain(formatTarget({ op: 'gte', value: 0.9 }, 'ratio'))).toBe('≥ 90 %');
    expect(plain(formatTarget({ op: 'gt', value: 4 }, 'score'))).toBe('> 4 / 5');
    expect(plain(formatTarget({ op: 'lte', value: 30 }, 'days'))).toBe('≤ 30 jours');
    expect(plain(formatTarget({ op: 'lt', value: 2.5 }, 'count'))).toBe('< 2,5');
    expect(formatTarget(null, 'count')).toBe('');
  });
});

describe('describeDetails', () => {
  const ind = (key: string, details: Record<string, number | null>): Indicator => ({
    key,
    label: key,
    value: 0,
    unit: 'ratio',
    target: null,
    status: 'informational',
    details,
  });
  it('says what a rate was computed from', () => {
    expect(describeDetails(ind('conversion_rate', { contacts: 3, installed: 2 }))).toBe('2 installés sur 3 contacts');
    expect(describeDetails(ind('conversion_rate', { contacts: 1, installed: 1 }))).toBe('1 installé sur 1 contact');
    expect(describeDetails(ind('matching_on_time_rate', { onTime: 1, late: 1, pending: 0 }))).toBe('1 dans les délais, 1 en retard');
    expect(describeDetails(ind('follow_ups_on_time_rate', { onTime: 3, late: 4, pending: 2 }))).toBe('3 dans les délais, 4 en retard, 2 en cours');
    expect(plain(describeDetails(ind('hours_validated', { travelKm: 32.5, travelCost: 13.65 })))).toBe('déplacements : 32,5 km, 13,65 €');
  });
  it('says nothing when there is nothing to say', () => {
    expect(describeDetails(ind('conversion_rate', { contacts: 0, installed: 0 }))).toBeNull();
    expect(describeDetails(ind('matching_on_time_rate', { onTime: 0, late: 0, pending: 0 }))).toBeNull();
    expect(describeDetails(ind('hours_validated', { travelKm: 0, travelCost: 0 }))).toBeNull();
    expect(describeDetails(ind('contacts_handled', {}))).toBeNull();
  });
});

describe('dates and months in French', () => {
  it('names the first of the month "1er"', () => {
    expect(formatDay('2025-01-01')).toBe('1er janvier 2025');
    expect(formatDay('2025-12-31')).toBe('31 décembre 2025');
    expect(formatPeriod({ from: '2025-01-01', to: '2025-12-31' })).toBe('du 1er janvier 2025 au 31 décembre 2025');
  });
  it('abbreviates months for the axis', () => {
    expect(['2025-01', '2025-02', '2025-06', '2025-07', '2025-12'].map(formatMonthShort)).toEqual(['janv.', 'févr.', 'juin', 'juil.', 'déc.']);
  });
});

describe('year selection', () => {
  it('offers this year and five before it, and keeps an older year asked for', () => {
    expect(yearOptions(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(yearOptions(2026, 2015)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2015]);
  });
  it('reads a plausible year from the URL, the current one otherwise', () => {
    expect(parseYear('2024', 2026)).toBe(2024);
    expect(parseYear(null, 2026)).toBe(2026);
    expect(parseYear('24', 2026)).toBe(2026);
    expect(parseYear('3000', 2026)).toBe(2026);
    expect(parseYear('2025abc', 2026)).toBe(2026);
  });
});

describe('per-ambassador table', () => {
  const row = (displayName: string, contacts: number, satisfactionAverage: number | null, id = displayName): AmbassadorFigures => ({
    documentId: id,
    displayName,
    contacts,
    installations: 0,
    satisfactionAverage,
    hoursValidated: contacts * 1.5,
  });
  const rows = [row('Émilie', 2, 4), row('bruno', 5, null), row('Alice', 2, 5), row('Chloé', 0, 3)];

  it('sorts by name the French way (accents and case do not matter)', () => {
    expect(sortAmbassadors(rows, 'displayName', 'asc').map((r) => r.displayName)).toEqual(['Alice', 'bruno', 'Chloé', 'Émilie']);
    expect(sortAmbassadors(rows, 'displayName', 'desc').map((r) => r.displayName)).toEqual(['Émilie', 'Chloé', 'bruno', 'Alice']);
  });
  it('sorts by a figure, ties by name, missing averages last in both directions', () => {
    expect(sortAmbassadors(rows, 'contacts', 'desc').map((r) => r.displayName)).toEqual(['bruno', 'Alice', 'Émilie', 'Chloé']);
    expect(sortAmbassadors(rows, 'satisfactionAverage', 'desc').map((r) => r.displayName)).toEqual(['Alice', 'Émilie', 'Chloé', 'bruno']);
    expect(sortAmbassadors(rows, 'satisfactionAverage', 'asc').map((r) => r.displayName)).toEqual(['Chloé', 'Émilie', 'Alice', 'bruno']);
  });
  it('filters by name without accents nor case, and sums the figures', () => {
    expect(filterAmbassadors(rows, ' emi').map((r) => r.displayName)).toEqual(['Émilie']);
    expect(filterAmbassadors(rows, 'CHLOE').map((r) => r.displayName)).toEqual(['Chloé']);
    expect(filterAmbassadors(rows, '')).toHaveLength(4);
    expect(ambassadorTotals(rows)).toEqual({ contacts: 9, installations: 0, hoursValidated: 13.5 });
  });
  it('stays quick on 4,000 ambassadors', () => {
    const many = Array.from({ length: 4000 }, (_, i) => row(`Ambassadeur ${4000 - i}`, i % 17, i % 5 ? (i % 5) + 0.5 : null, `d${i}`));
    const t = Date.now();
    const sorted = sortAmbassadors(filterAmbassadors(many, 'ambassadeur 1'), 'contacts', 'desc');
    expect(Date.now() - t).toBeLessThan(200);
    expect(sorted.length).toBeGreaterThan(1000);
  });
});

describe('the rest', () => {
  it('names professions in French', () => {
    expect(professionLabel('general_practitioner')).toBe('Médecin généraliste');
    expect(professionLabel('nurse')).toBe('Infirmier(e)');
    expect(professionLabel('unknown_key')).toBe('unknown_key');
  });
  it('reads the file name of an attachment', () => {
    expect(fileNameOf('attachment; filename="indicateurs-2025.csv"', 'x.csv')).toBe('indicateurs-2025.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''bilan%20%C3%A9t%C3%A9.csv", 'x.csv')).toBe('bilan été.csv');
    expect(fileNameOf(null, 'indicateurs-2024.csv')).toBe('indicateurs-2024.csv');
  });
  it('rounds the chart axis to 1, 2 or 5 × 10ⁿ steps', () => {
    expect(niceScale(0)).toEqual({ top: 4, step: 1 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(23)).toEqual({ top: 25, step: 5 });
    expect(niceScale(480)).toEqual({ top: 500, step: 100 });
  });
  it('explains failures in French', () => {
    expect(errorText({ status: 403, name: 'ForbiddenError', message: 'Forbidden', details: [] })).toBe(
      'Les indicateurs sont réservés à la coordination de la CPTS.'
    );
    expect(errorText({ status: 400, name: 'ValidationError', message: 'x', details: ['year : expected a year YYYY'] })).toBe(
      'Période invalide (year : expected a year YYYY).'
    );
  });
});

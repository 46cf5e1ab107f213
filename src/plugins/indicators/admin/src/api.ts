/**
 * Types, French labels and formatting for the indicators plugin's admin routes (under
 * /indicators, admin JWT; `useFetchClient()` adds the token). Plain functions, no React: the
 * unit tests import them.
 */
import { PROFESSION_LABELS } from '../../../workflow/admin/src/api';
import { readApiError, type ApiErrorInfo } from '../../../reminders/admin/src/api';
import type { AmbassadorFigures, Indicator, Report as Figures } from '../../server/src/services/indicators';
import type { Op } from '../../server/src/constants';

export const PLUGIN_ID = 'indicators';
export const PAGE_PATH = `/plugins/${PLUGIN_ID}`;
export const REPORT_PATH = `${PAGE_PATH}/bilan`;

/** The admin action that shows the menu link (registered by the plugin's server). */
export const READ_PERMISSION = { action: `plugin::${PLUGIN_ID}.read`, subject: null };

// the shapes the server computes: one definition, imported as types only (erased from the bundle)
export type { AmbassadorFigures, Indicator, Op };
export type Status = Indicator['status'];
/** The admin route's report: the content API's, with the CPTS name for the bilan's title. */
export type Report = Figures & { cpts: { name: string | null } };

/** How many years back the selector offers (the programme's figures are yearly). */
export const YEARS_BACK = 5;

export const yearOptions = (current: number, selected?: number) => {
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => current - i);
  if (selected !== undefined && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
};

/** `?year=` of the URL, when it is a plausible year; the current year otherwise. */
export const parseYear = (value: string | null | undefined, current: number) => {
  const n = Number(value);
  return value && /^\d{4}$/.test(value) && n >= 2000 && n <= current + 1 ? n : current;
};

export const professionLabel = (key: string) => PROFESSION_LABELS[key] ?? key;

export const STATUS_LABELS: Record<Status, string> = {
  met: 'Atteint',
  not_met: 'Non atteint',
  informational: 'Indicatif',
};

/** Theme tokens per status: green, red, grey (the text label always goes with the colour). */
export const STATUS_COLORS: Record<Status, { background: string; text: string; border: string; accent: string }> = {
  met: { background: 'success100', text: 'success700', border: 'success200', accent: 'success500' },
  not_met: { background: 'danger100', text: 'danger700', border: 'danger200', accent: 'danger500' },
  informational: { background: 'neutral150', text: 'neutral700', border: 'neutral200', accent: 'neutral300' },
};

export const statusLabel = (s: string) => STATUS_LABELS[s as Status] ?? s;

export const OP_SYMBOLS: Record<Op, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤' };

const NO_VALUE = '—';
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Intl writes narrow no-break spaces; plain no-break spaces read the same and copy better. Units
 * are glued to their number with one, so that "13 994 h" never breaks before the "h".
 */
const nbsp = (s: string) => s.replace(/\u202f/g, '\u00a0');

export const formatNumber = (v: number) => nbsp(decimal.format(v));
export const formatCount = (v: number) => nbsp(integer.format(v));

/** "66,7 %", "4,50 / 5", "90,5 jours", "9,5 h", "3"; `null` is "—". */
export const formatValue = (value: number | null | undefined, unit: string): string => {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  switch (unit) {
    case 'ratio':
      return nbsp(percent.format(value));
    case 'score':
      return nbsp(`${twoDecimals.format(value)}\u00a0/\u00a05`);
    case 'days':
      return nbsp(`${oneDecimal.format(value)}\u00a0${Math.abs(value) < 2 ? 'jour' : 'jours'}`);
    case 'hours':
      return nbsp(`${decimal.format(value)}\u00a0h`);
    case 'count':
      return formatCount(value);
    default:
      return formatNumber(value);
  }
};

/** "> 5", "≥ 90 %", "> 4 / 5" (the target in the indicator's unit). */
export const formatTarget = (target: Indicator['target'], unit: string): string => {
  if (!target) return '';
  const value =
    unit === 'score' ? nbsp(`${decimal.format(target.value)}\u00a0/\u00a05`) : unit === 'count' ? formatNumber(target.value) : formatValue(target.value, unit);
  return `${OP_SYMBOLS[target.op] ?? target.op}\u00a0${value}`;
};

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n >= 2 ? many : one}`;

/** One line under the value: what it was computed from (`details`), in French. */
export const describeDetails = (indicator: Indicator): string | null => {
  const d = indicator.details ?? {};
  const n = (k: string) => Number(d[k] ?? 0);
  switch (indicator.key) {
    case 'conversion_rate':
      return n('contacts') > 0 ? `${plural(n('installed'), 'installé', 'installés')} sur ${plural(n('contacts'), 'contact', 'contacts')}` : null;
    case 'satisfaction_responses':
      return d.sent === undefined ? null : `${plural(n('sent'), 'questionnaire envoyé', 'questionnaires envoyés')} sur la période`;
    case 'matching_on_time_rate':
    case 'follow_ups_on_time_rate':
      if (n('onTime') + n('late') + n('pending') === 0) return null;
      return `${formatCount(n('onTime'))} dans les délais, ${formatCount(n('late'))} en retard${n('pending') > 0 ? `, ${formatCount(n('pending'))} en cours` : ''}`;
    case 'median_days_to_installation':
      return n('installations') > 0 ? `sur ${plural(n('installations'), 'installation', 'installations')}` : null;
    case 'hours_validated':
      return n('travelKm') > 0 || n('travelCost') > 0
        ? nbsp(`déplacements\u00a0: ${decimal.format(n('travelKm'))}\u00a0km, ${twoDecimals.format(n('travelCost'))}\u00a0€`)
        : null;
    default:
      return null;
  }
};

/** Why a value is missing, for the hint beside "—". */
export const NO_DATA_HINT = 'aucune donnée sur la période';

const monthShort = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });
const monthLong = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthDate = (month: string) => {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
};
/** "2025-03" → "mars" (axis labels). */
export const formatMonthShort = (month: string) => {
  const d = monthDate(month);
  return d ? monthShort.format(d) : month;
};
/** "2025-03" → "mars 2025". */
export const formatMonthLong = (month: string) => {
  const d = monthDate(month);
  return d ? monthLong.format(d) : month;
};

const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2025-01-01" → "1er janvier 2025". */
export const formatDay = (day: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const text = dayFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  return text.replace(/^1 /, '1er ');
};
export const formatPeriod = ({ from, to }: { from: string; to: string }) => `du ${formatDay(from)} au ${formatDay(to)}`;

/** Lower case, no accents: "Chloé" matches "chloe". */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export type SortKey = 'displayName' | 'contacts' | 'installations' | 'satisfactionAverage' | 'hoursValidated';
export type SortDir = 'asc' | 'desc';

/** Sorted copy; missing satisfaction averages always last; ties by name. */
export const sortAmbassadors = (rows: AmbassadorFigures[], key: SortKey, dir: SortDir) => {
  const byName = (a: AmbassadorFigures, b: AmbassadorFigures) =>
    a.displayName.localeCompare(b.displayName, 'fr') || a.documentId.localeCompare(b.documentId);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'displayName') return sign * byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || byName(a, b);
  });
};

export const filterAmbassadors = (rows: AmbassadorFigures[], search: string) => {
  const q = fold(search);
  return q ? rows.filter((r) => fold(r.displayName).includes(q)) : rows;
};

/** The two counts of the monthly and per-profession figures, with their labels in the bilan and the chart. */
export const COUNTED = [
  { key: 'contacts', label: 'Contacts traités' },
  { key: 'installations', label: 'Installations' },
] as const;

/** Total contacts and installations of rows that count both (months, professions, ambassadors). */
export const countTotals = (rows: ReadonlyArray<{ contacts: number; installations: number }>) =>
  rows.reduce((acc, r) => ({ contacts: acc.contacts + r.contacts, installations: acc.installations + r.installations }), { contacts: 0, installations: 0 });

/** Sums of the per-ambassador figures (the bilan's summary line). */
export const ambassadorTotals = (rows: AmbassadorFigures[]) => ({
  ...countTotals(rows),
  hoursValidated: Math.round(rows.reduce((acc, r) => acc + r.hoursValidated, 0) * 100) / 100,
});

/** "indicateurs-2025.csv" out of `attachment; filename="indicateurs-2025.csv"`. */
export const fileNameOf = (disposition: string | null | undefined, fallback: string) => {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // a malformed encoded name: try the plain one
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain ? plain[1]!.trim() : fallback;
};

// one reading of the fetch client's errors for every plugin page
export { readApiError, type ApiErrorInfo };

/** A French sentence for a failed request, by status (the server's messages are English). */
export const errorText = (info: ApiErrorInfo) => {
  if (info.status === 403) return 'Les indicateurs sont réservés à la coordination de la CPTS.';
  if (info.status === 401) return 'Votre session a expiré : reconnectez-vous.';
  if (info.status === 400) return `Période invalide${info.details.length ? ` (${info.details.join(' ; ')})` : ''}.`;
  return `Le serveur n'a pas pu calculer les indicateurs (${info.status ?? info.message}).`;
};

export const isAbort = (error: unknown) => readApiError(error).name === 'AbortError';

/** Y axis of a bar chart: a round top above `max` and a step of 1, 2 or 5 × 10ⁿ, at most 5 steps. */
export const niceScale = (max: number) => {
  if (!(max > 0)) return { top: 4, step: 1 };
  let magnitude = 1;
  for (;;) {
    for (const m of [1, 2, 5]) {
      const step = m * magnitude;
      if (max / step <= 5) return { top: Math.ceil(max / step) * step, step };
    }
    magnitude *= 10;
  }
};

export const UIDS = {
  case: 'api::case.case',
  ambassador: 'api::ambassador.ambassador',
  response: 'api::satisfaction-response.satisfaction-response',
  declaration: 'api::time-declaration.time-declaration',
  settings: 'api::cpts-setting.cpts-setting',
  transition: 'plugin::workflow.transition',
  reminder: 'plugin::reminders.reminder',
  followUp: 'case.follow-up',
} as const;

/** The reminder rule whose sent rows are the satisfaction questionnaires sent. */
export const SATISFACTION_RULE = 'case.satisfaction';

/** File names of the index migrations under database/migrations, in order (also run at bootstrap). */
export const INDEX_MIGRATIONS = ['2026.11.23T00.00.00.indicators-indexes.js', '2026.12.01T00.00.00.indicators-covering-indexes.js'];

export const FALLBACK_TIMEZONE = 'Indian/Reunion';

export const INDICATORS = [
  { key: 'contacts_handled', label: 'Contacts traités', unit: 'count' },
  { key: 'installations', label: 'Installations', unit: 'count' },
  { key: 'conversion_rate', label: 'Taux de conversion (installations effectives)', unit: 'ratio' },
  { key: 'satisfaction_average', label: 'Satisfaction moyenne des nouveaux installés', unit: 'score' },
  { key: 'satisfaction_responses', label: 'Réponses au questionnaire de satisfaction', unit: 'count' },
  { key: 'active_ambassadors', label: 'Ambassadeurs actifs', unit: 'count' },
  { key: 'matching_on_time_rate', label: 'Croisements des données dans les délais', unit: 'ratio' },
  { key: 'follow_ups_on_time_rate', label: 'Suivis réalisés dans les délais', unit: 'ratio' },
  { key: 'median_days_to_installation', label: "Délai médian du premier contact à l'installation", unit: 'days' },
  { key: 'hours_validated', label: 'Heures validées', unit: 'hours' },
  { key: 'toolkit_downloads', label: 'Téléchargements de la boîte à outils', unit: 'count' },
] as const;

export type IndicatorKey = (typeof INDICATORS)[number]['key'];
export const OPS = ['gt', 'gte', 'lt', 'lte'] as const;
export type Op = (typeof OPS)[number];

/** Follow-up milestones and their delay after the installation, in months. */
export const MILESTONES = [
  { milestone: 'm3', months: 3 },
  { milestone: 'm6', months: 6 },
  { milestone: 'm12', months: 12 },
] as const;

/**
 * The years a period may fall in: the programme's plausible years. Anything else is a typo or a
 * probe, and far years reach date arithmetic's edges (the year 0001 once hung the process).
 */
export const PERIOD_YEARS = { first: 2000, last: 2100 } as const;
export const PERIOD_BOUNDS = { from: `${PERIOD_YEARS.first}-01-01`, to: `${PERIOD_YEARS.last}-12-31` } as const;

/**
 * Longest period one request may cover, in days (both ends included): five calendar years, leap
 * days included, enough for a multi-year review. Each request costs a CASE branch per month.
 */
export const MAX_PERIOD_DAYS = 1827;

/**
 * The indicators as the API answers them, in order: what every answer repeats (label, unit,
 * default target) is written once here; each test gives the value, status and details it
 * expects, literally.
 */
const T = {
  contacts: { op: 'gt', value: 5 },
  satisfaction: { op: 'gt', value: 4 },
  active: { op: 'gte', value: 3 },
  rate: { op: 'gte', value: 0.9 },
};

const FIXED = [
  { key: 'contacts_handled', label: 'Contacts traités', unit: 'count', target: T.contacts },
  { key: 'installations', label: 'Installations', unit: 'count', target: null },
  { key: 'conversion_rate', label: 'Taux de conversion (installations effectives)', unit: 'ratio', target: null },
  { key: 'satisfaction_average', label: 'Satisfaction moyenne des nouveaux installés', unit: 'score', target: T.satisfaction },
  { key: 'satisfaction_responses', label: 'Réponses au questionnaire de satisfaction', unit: 'count', target: null },
  { key: 'active_ambassadors', label: 'Ambassadeurs actifs', unit: 'count', target: T.active },
  { key: 'matching_on_time_rate', label: 'Croisements des données dans les délais', unit: 'ratio', target: T.rate },
  { key: 'follow_ups_on_time_rate', label: 'Suivis réalisés dans les délais', unit: 'ratio', target: T.rate },
  { key: 'median_days_to_installation', label: "Délai médian du premier contact à l'installation", unit: 'days', target: null },
  { key: 'hours_validated', label: 'Heures validées', unit: 'hours', target: null },
  { key: 'toolkit_downloads', label: 'Téléchargements de la boîte à outils', unit: 'count', target: null },
] as const;

type Key = (typeof FIXED)[number]['key'];
type Expected = [value: number | null, status: 'met' | 'not_met' | 'informational', details?: Record<string, number | null>];

/** `expectedIndicators({ contacts_handled: [5, 'not_met'], conversion_rate: [0.6, 'informational', { contacts: 5, installed: 3 }], ... })` */
export const expectedIndicators = (values: Record<Key, Expected>) =>
  FIXED.map(({ key, label, unit, target }) => {
    const [value, status, details] = values[key];
    return { key, label, value, unit, target, status, ...(details ? { details } : {}) };
  });

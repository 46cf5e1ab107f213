/**
 * Types, French labels and small helpers for the reminders plugin's admin routes (all under
 * /reminders, admin JWT; `useFetchClient()` adds the token).
 */

export const PLUGIN_ID = 'reminders';
export const PAGE_PATH = `/plugins/${PLUGIN_ID}`;

/** The content types whose edit view shows the "Relances à venir" panel. */
export const PANEL_UIDS = ['api::case.case', 'api::ambassador.ambassador', 'api::time-declaration.time-declaration'] as const;

export const STATUSES = ['scheduled', 'sent', 'failed', 'cancelled', 'skipped'] as const;
export type ReminderStatus = (typeof STATUSES)[number];
export type RecipientKind = 'coordinator' | 'assignedAmbassador' | 'newcomer';

export type Reminder = {
  id: number;
  documentId: string;
  rule: string;
  subjectUid: string | null;
  subjectDocumentId: string | null;
  subjectState: string | null;
  recipient: RecipientKind | string;
  copyTo: string[];
  dueAt: string;
  status: ReminderStatus;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
};

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };
export type ReminderList = { data: Reminder[]; meta: { pagination: Pagination } };

/** Query of GET /reminders/list; empty values must be left out (the server rejects them). */
export type ListParams = {
  status?: string;
  rule?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
  filters?: { subjectDocumentId?: string; subjectUid?: string };
};

export const RULE_LABELS: Record<string, string> = {
  'case.received.unhandled': 'Contact non pris en charge (J+2)',
  'case.matching.warning': 'Croisement des données : J+7',
  'case.matching.overdue': 'Croisement des données : délai de 10 jours dépassé',
  'case.follow_up.m3': 'Suivi à 3 mois',
  'case.follow_up.m6': 'Suivi à 6 mois',
  'case.follow_up.m12': 'Suivi à 12 mois',
  'case.satisfaction': 'Questionnaire de satisfaction',
  'case.satisfaction.reminder': 'Relance du questionnaire de satisfaction',
  'case.on_hold.resume': 'Reprise après mise en attente',
  'ambassador.mid_term_review': 'Bilan de mi-mandat',
  'ambassador.renewal': 'Renouvellement du mandat',
  'ambassador.notice_end': 'Fin du préavis',
  'ambassador.monthly_time': 'Déclaration de temps mensuelle',
  'coordinator.weekly_digest': 'Point hebdomadaire',
};

export const STATUS_LABELS: Record<ReminderStatus, string> = {
  scheduled: 'Programmée',
  sent: 'Envoyée',
  failed: 'En échec',
  cancelled: 'Annulée',
  skipped: 'Sans objet',
};

/** Badge colours (theme tokens): blue, green, red, grey, amber. */
export const STATUS_COLORS: Record<ReminderStatus, { background: string; text: string; border: string }> = {
  scheduled: { background: 'primary100', text: 'primary700', border: 'primary200' },
  sent: { background: 'success100', text: 'success700', border: 'success200' },
  failed: { background: 'danger100', text: 'danger700', border: 'danger200' },
  cancelled: { background: 'neutral150', text: 'neutral700', border: 'neutral200' },
  skipped: { background: 'warning100', text: 'warning700', border: 'warning200' },
};

export const RECIPIENT_LABELS: Record<string, string> = {
  coordinator: 'Coordination',
  assignedAmbassador: 'Ambassadeur',
  newcomer: 'Professionnel accompagné',
};

export const SUBJECT_LABELS: Record<string, string> = {
  'api::case.case': 'Accompagnement',
  'api::ambassador.ambassador': 'Mandat d’ambassadeur',
  'api::time-declaration.time-declaration': 'Déclaration de temps',
};

export const ruleLabel = (rule: string) => RULE_LABELS[rule] ?? rule;
export const statusLabel = (status: string) => STATUS_LABELS[status as ReminderStatus] ?? status;
export const recipientLabel = (kind: string) => RECIPIENT_LABELS[kind] ?? kind;
export const subjectLabel = (uid: string | null) => (uid ? SUBJECT_LABELS[uid] ?? uid : 'Coordination');

/** The admin route of a reminder's document, when it has one. */
export const documentPath = (r: Pick<Reminder, 'subjectUid' | 'subjectDocumentId'>) =>
  r.subjectUid && r.subjectDocumentId ? `/content-manager/collection-types/${r.subjectUid}/${r.subjectDocumentId}` : null;

/** The "Relances" page filtered on one document. */
export const pageForDocument = (uid: string, documentId: string) =>
  `${PAGE_PATH}?filters[subjectUid]=${encodeURIComponent(uid)}&filters[subjectDocumentId]=${encodeURIComponent(documentId)}`;

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });

/** "lun. 23 nov. 2026, 09:00" */
export const formatDateTime = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFormat.format(d);
};
export const formatDate = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
};

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-11-01" → "novembre 2026" */
export const formatMonth = (day: string) => {
  const m = /^(\d{4})-(\d{2})/.exec(day);
  return m ? monthFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : day;
};

/** "dans 3 jours", "il y a 2 heures"... relative to now. */
const relativeFormat = new Intl.RelativeTimeFormat('fr-FR', { numeric: 'auto' });
export const formatRelative = (iso: string | null | undefined, now = Date.now()) => {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const diff = t - now;
  const abs = Math.abs(diff);
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  if (abs < hour) return relativeFormat.format(Math.round(diff / minute), 'minute');
  if (abs < day) return relativeFormat.format(Math.round(diff / hour), 'hour');
  if (abs < 60 * day) return relativeFormat.format(Math.round(diff / day), 'day');
  return relativeFormat.format(Math.round(diff / (30 * day)), 'month');
};

/** "2026-11-23" (a date input's value) → the instant the local day starts or ends, ISO. */
export const dayBoundary = (day: string, end: boolean): string | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = end
    ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999)
    : new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0, 0);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

/**
 * The design system's DatePicker gives the chosen day as a local midnight Date but reads its
 * `value` as a UTC instant: a day goes out with local getters and comes back as UTC midnight,
 * so the day shown is the day chosen in every timezone.
 */
export const toDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
export const pickerValue = (day: string | undefined): Date | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
};

/**
 * The server's reasons (skipped, cancelled, no address) are English; the known ones are shown in
 * French, anything else (an SMTP reply...) as it is.
 */
export const explainError = (lastError: string | null | undefined): string => {
  if (!lastError) return '';
  const text = lastError.trim();
  if (text === 'the document left this state') return "Le document a quitté l'étape";
  if (text === 'cancelled by hand') return 'Annulée à la main';
  if (text === 'the document was deleted') return 'Le document a été supprimé';
  let m = /^the document left the state "?([^"]+)"?$/.exec(text);
  if (m) return `Le document a quitté l'étape « ${m[1]} »`;
  m = /^the (\w+) follow-up is already recorded$/.exec(text);
  if (m) return `Le suivi ${m[1]} est déjà enregistré`;
  m = /^no e-mail address for the recipient \((\w+)\)$/i.exec(text);
  if (m) return `Pas d'adresse e-mail pour le destinataire (${RECIPIENT_LABELS[m[1]] ?? m[1]})`;
  return text;
};

/** What an error thrown by the fetch client says, flattened. */
export type ApiErrorInfo = { status: number | null; name: string | null; message: string; details: string[] };

export const readApiError = (error: unknown): ApiErrorInfo => {
  const e = error as {
    name?: string;
    status?: number;
    message?: string;
    response?: { data?: { error?: { status?: number; name?: string; message?: string; details?: Record<string, unknown> } } };
  };
  const body = e?.response?.data?.error;
  const problems = (body?.details as { errors?: Array<{ path?: unknown[]; message?: string }> } | undefined)?.errors;
  const details = Array.isArray(problems)
    ? problems.map((p) => [Array.isArray(p.path) ? p.path.join('.') : '', p.message ?? ''].filter(Boolean).join(' '))
    : [];
  return {
    status: body?.status ?? e?.status ?? null,
    name: body?.name ?? e?.name ?? null,
    message: body?.message ?? e?.message ?? 'Erreur inconnue',
    details: details.filter(Boolean),
  };
};

/** One line for a notification: the server's message and its details. */
export const errorText = (info: ApiErrorInfo) => {
  const lines = [info.message, ...info.details];
  return lines.filter((line, i) => line && lines.indexOf(line) === i).join(' · ');
};

export const isAbort = (error: unknown) => readApiError(error).name === 'AbortError';

/** The list query without empty values (the server validates strictly). */
export const cleanParams = (p: ListParams): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of ['status', 'rule', 'from', 'to', 'page', 'pageSize'] as const) {
    const v = p[key];
    if (v !== undefined && v !== null && v !== '') out[key] = v;
  }
  const filters: Record<string, string> = {};
  if (p.filters?.subjectUid) filters.subjectUid = p.filters.subjectUid;
  if (p.filters?.subjectDocumentId) filters.subjectDocumentId = p.filters.subjectDocumentId;
  if (Object.keys(filters).length) out.filters = filters;
  return out;
};

/**
 * Types and small helpers for the workflow plugin's admin routes (all under /workflow, admin JWT;
 * `useFetchClient()` adds the token).
 */

export const PLUGIN_ID = 'workflow';

export const WORKFLOW_UIDS = ['api::case.case', 'api::ambassador.ambassador', 'api::time-declaration.time-declaration'] as const;
export const CASE_UID = 'api::case.case';

export type StateInfo = { key: string; label: string; final: boolean; color: string | null };
export type TransitionInfo = {
  from: string[];
  to: string;
  label: string;
  roles: string[];
  guards: Array<{ name: string; params?: unknown }>;
};
export type VersionInfo = { version: number; savedBy: string | null; savedAt: string | null };

export type DefinitionInfo = {
  name: string;
  contentType: string;
  version: number;
  initial: string;
  states: StateInfo[];
  transitions: TransitionInfo[];
  definition: Record<string, unknown>;
  versions: VersionInfo[];
};

export type Failure = { guard: string; message: string };
export type AvailableTransition = { to: string; label: string; allowed: boolean; roleAllowed: boolean; failures: Failure[] };
export type HistoryEntry = {
  from: string | null;
  to: string;
  at: string;
  actor: { kind: string; id: string | number | null; displayName: string | null };
  comment: string | null;
  definitionVersion: number | null;
};
export type DocumentWorkflow = {
  state: string;
  stateLabel: string;
  enteredAt: string | null;
  definitionVersion: number;
  available: AvailableTransition[];
  history: HistoryEntry[];
};

export type BoardCard = {
  documentId: string;
  state: string;
  doc: {
    documentId: string;
    newcomerFirstName?: string | null;
    newcomerLastName?: string | null;
    profession?: string | null;
    ambassador?: { documentId?: string; displayName?: string | null } | null;
    [key: string]: unknown;
  };
  enteredAt: string;
  daysInState: number;
  overdue: boolean;
};
export type Board = {
  definition: Omit<DefinitionInfo, 'definition' | 'versions'>;
  cards: BoardCard[];
};

export type Problem = { path: Array<string | number>; message: string };

/** What an error thrown by the fetch client says, flattened. */
export type ApiErrorInfo = {
  status: number | null;
  name: string | null;
  message: string;
  failures: Failure[];
  errors: Problem[];
  affected: Array<{ documentId: string; state: string }>;
};

export const readApiError = (error: unknown): ApiErrorInfo => {
  const e = error as {
    name?: string;
    status?: number;
    message?: string;
    response?: { data?: { error?: { status?: number; name?: string; message?: string; details?: Record<string, unknown> } } };
  };
  const body = e?.response?.data?.error;
  const details = (body?.details ?? {}) as {
    failures?: Failure[];
    errors?: Problem[];
    affected?: Array<{ documentId: string; state: string }>;
  };
  return {
    status: body?.status ?? e?.status ?? null,
    name: body?.name ?? e?.name ?? null,
    message: body?.message ?? e?.message ?? 'Erreur inconnue',
    failures: Array.isArray(details.failures) ? details.failures : [],
    errors: Array.isArray(details.errors) ? details.errors : [],
    affected: Array.isArray(details.affected) ? details.affected : [],
  };
};

/** One line for a notification: the server's message and every guard/validation message, deduplicated. */
export const errorMessages = (info: ApiErrorInfo): string[] => {
  const lines = [info.message, ...info.failures.map((f) => f.message), ...info.errors.map((p) => p.message)];
  return lines.filter((line, i) => line && lines.indexOf(line) === i);
};

/** A French title for a failed transition, by status. */
export const transitionErrorTitle = (info: ApiErrorInfo): string => {
  if (info.status === 409) return "L'étape a été changée entre-temps";
  if (info.status === 403) return 'Transition non autorisée pour votre rôle';
  if (info.status === 404) return 'Document introuvable';
  if (info.status === 400) return 'Transition refusée';
  return 'La transition a échoué';
};

export const formatPath = (path: Array<string | number>): string =>
  path.length === 0
    ? '(racine)'
    : path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)), '');

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatDate = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
};
export const formatDateTime = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFormat.format(d);
};

export const PROFESSION_LABELS: Record<string, string> = {
  general_practitioner: 'Médecin généraliste',
  specialist_physician: 'Médecin spécialiste',
  nurse: 'Infirmier(e)',
  physiotherapist: 'Masseur-kinésithérapeute',
  pharmacist: 'Pharmacien(ne)',
  midwife: 'Sage-femme',
  speech_therapist: 'Orthophoniste',
  orthoptist: 'Orthoptiste',
  dentist: 'Chirurgien(ne)-dentiste',
  psychologist: 'Psychologue',
  dietitian: 'Diététicien(ne)',
  podiatrist: 'Pédicure-podologue',
  occupational_therapist: 'Ergothérapeute',
  other: 'Autre profession',
};

export const ACTOR_KIND_LABELS: Record<string, string> = {
  admin: 'Administrateur',
  user: 'Utilisateur',
  system: 'Système',
  token: 'Jeton API',
};

export const WORKFLOW_LABELS: Record<string, string> = {
  case: 'Accompagnements',
  ambassador: 'Mandats des ambassadeurs',
  'time-declaration': 'Déclarations de temps',
};

export const DEFAULT_COLOR = '#8E8EA9';

/** Black or white text, whichever reads better on the colour. */
export const textOn = (hex: string | null | undefined): string => {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return '#FFFFFF';
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (r * 299 + g * 587 + b * 114) / 1000 > 150 ? '#1F1F2E' : '#FFFFFF';
};

/** The colour with an alpha, for tinted backgrounds. */
export const tint = (hex: string | null | undefined, alpha: number): string => {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return `rgba(142, 142, 169, ${alpha})`;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

export const stateMap = (states: StateInfo[]) => new Map(states.map((s) => [s.key, s]));

// Types of the workflow engine. Plain data: a definition is JSON that can be stored, edited in
// the admin panel and validated (see validate.ts); nothing here depends on Strapi.

export type RoleKey = 'coordinator' | 'ambassador' | 'assignedAmbassador' | 'communication' | 'system';

export const ROLE_KEYS: readonly RoleKey[] = Object.freeze([
  'coordinator',
  'ambassador',
  'assignedAmbassador',
  'communication',
  'system',
] as RoleKey[]);

export type GuardRef = { name: string; params?: Record<string, unknown> };

export type Recipient = 'coordinator' | 'assignedAmbassador' | 'newcomer';

export const RECIPIENTS: readonly Recipient[] = Object.freeze(['coordinator', 'assignedAmbassador', 'newcomer'] as Recipient[]);

/**
 * A reminder declared on a state. `after` is an ISO-8601 duration, possibly negative ("-P30D" =
 * 30 days before); `from` is 'enteredAt' or the name of a date/datetime attribute of the document.
 * Executed by the reminders plugin; the engine only validates and exposes it.
 */
export type TimerDef = { rule: string; after: string; from: 'enteredAt' | string; to: Recipient[]; template: string };

export type SetExpr =
  | { value: unknown; ifEmpty?: boolean } // literal
  | { now: true; ifEmpty?: boolean } // current instant, ISO string (datetime fields)
  | { today: true; ifEmpty?: boolean } // today's date YYYY-MM-DD in the workflow timezone
  | { add: { field: string; duration: string }; ifEmpty?: boolean }; // date field + duration, YYYY-MM-DD

export type StateDef = {
  label: string;
  final?: boolean;
  color?: string;
  onEnter?: { set?: Record<string, SetExpr>; timers?: TimerDef[] };
};

export type TransitionDef = {
  from: string | string[];
  to: string;
  label: string;
  roles: RoleKey[];
  guards?: GuardRef[];
  set?: Record<string, SetExpr>;
};

export type WorkflowDefinition = {
  name: string;
  contentType: string;
  initial: string;
  states: Record<string, StateDef>;
  transitions: TransitionDef[];
};

export type Actor = {
  kind: 'admin' | 'user' | 'token' | 'system';
  id: string | number | null;
  displayName: string;
  roles: RoleKey[];
  superAdmin?: boolean;
  ambassadorId?: string | null;
};

export type EvaluationContext = {
  /** Injected clock. */
  now: Date;
  /** IANA time zone, e.g. 'Indian/Reunion' or 'Europe/Paris'. */
  timezone: string;
  /** When the document entered its current state. */
  enteredAt: Date | null;
  /** documentId of the ambassador the document belongs to (a case's ambassador, a time
   * declaration's declarant, the ambassador record itself). */
  ownerAmbassadorId: string | null;
  /** Related documents loaded before evaluation, keyed by relation name, e.g.
   * { ambassador: { state: 'active' }, professional: { isMember: true, lastFeeYear: 2026 } }. */
  related: Record<string, Record<string, unknown> | null>;
  /** The comment given with the transition, if any. */
  comment?: string | null;
};

export type GuardFailure = { guard: string; message: string };

export type AvailableTransition = { to: string; label: string; allowed: boolean; roleAllowed: boolean; failures: GuardFailure[] };

export type DefinitionProblem = { path: (string | number)[]; message: string };

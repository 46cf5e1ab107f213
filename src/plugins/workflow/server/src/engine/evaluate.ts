// Evaluation: which transitions leave the current state, who may take them, and why not.

import type {
  Actor,
  AvailableTransition,
  EvaluationContext,
  GuardFailure,
  GuardRef,
  RoleKey,
  TimerDef,
  TransitionDef,
  WorkflowDefinition,
} from './types';
import { defaultGuardRegistry, runGuard, type GuardRegistry } from './guards';
import { fromStates } from './validate';
import { addDurationToInstant, readTemporal, zonedTimeToUtc } from './durations';

export const ROLE_FAILURE: GuardFailure = Object.freeze({ guard: 'role', message: 'Votre rôle ne permet pas cette étape.' });

export type WorkflowDocument = Record<string, unknown> & { state: string };

/**
 * Whether the actor's roles let them take a transition with `roles`. Super Admin and `system`
 * may take every transition; `assignedAmbassador` counts only for the ambassador the document
 * belongs to (actor.ambassadorId === ctx.ownerAmbassadorId); `ambassador` matches any ambassador.
 */
export const isRoleAllowed = (roles: readonly RoleKey[], actor: Actor, ctx: Pick<EvaluationContext, 'ownerAmbassadorId'>): boolean => {
  if (actor.superAdmin || actor.roles.includes('system')) return true;
  return roles.some((role) => {
    if (role === 'assignedAmbassador') {
      return (
        actor.ambassadorId !== undefined &&
        actor.ambassadorId !== null &&
        actor.ambassadorId !== '' &&
        actor.ambassadorId === ctx.ownerAmbassadorId
      );
    }
    return actor.roles.includes(role);
  });
};

/** All guard failures of a transition, in declaration order (no role check). */
export const guardFailures = (
  transition: TransitionDef,
  doc: Record<string, unknown>,
  ctx: EvaluationContext,
  registry: GuardRegistry = defaultGuardRegistry
): GuardFailure[] => {
  const failures: GuardFailure[] = [];
  for (const ref of transition.guards ?? []) {
    const failure = runGuard(registry, ref, doc, ctx);
    if (failure) failures.push(failure);
  }
  return failures;
};

/** The transitions leaving `state`, in definition order. */
export const transitionsFrom = (def: WorkflowDefinition, state: string): TransitionDef[] =>
  def.transitions.filter((t) => fromStates(t).includes(state));

const evaluateTransition = (
  t: TransitionDef,
  doc: WorkflowDocument,
  actor: Actor,
  ctx: EvaluationContext,
  registry: GuardRegistry
): AvailableTransition => {
  const roleAllowed = isRoleAllowed(t.roles, actor, ctx);
  const guards = guardFailures(t, doc, ctx, registry);
  const failures = roleAllowed ? guards : [{ ...ROLE_FAILURE }, ...guards];
  return { to: t.to, label: t.label, allowed: roleAllowed && guards.length === 0, roleAllowed, failures };
};

/**
 * Every transition from the document's current state, in definition order, with whether the
 * actor may take it now and, if not, why (role first, then each failing guard). Guards are
 * evaluated even when the role is not allowed, so the UI can show everything at once.
 */
export const evaluate = (
  def: WorkflowDefinition,
  doc: WorkflowDocument,
  actor: Actor,
  ctx: EvaluationContext,
  registry: GuardRegistry = defaultGuardRegistry
): { state: string; available: AvailableTransition[] } => ({
  state: doc.state,
  available: transitionsFrom(def, doc.state).map((t) => evaluateTransition(t, doc, actor, ctx, registry)),
});

/** The transition from `from` to `to`, or null. */
export const findTransition = (def: WorkflowDefinition, from: string, to: string): TransitionDef | null =>
  def.transitions.find((t) => t.to === to && fromStates(t).includes(from)) ?? null;

export type CheckResult =
  | { kind: 'unknown' }
  | { kind: 'forbidden'; failures: GuardFailure[] }
  | { kind: 'guards'; failures: GuardFailure[] }
  | { kind: 'ok'; transition: TransitionDef };

/**
 * Whether the actor may take the transition from the document's state to `to` now:
 * `unknown` (no such transition), `forbidden` (role not allowed; failures = role first, then the
 * failing guards), `guards` (role allowed, guards fail) or `ok`.
 */
export const checkTransition = (
  def: WorkflowDefinition,
  doc: WorkflowDocument,
  actor: Actor,
  ctx: EvaluationContext,
  to: string,
  registry: GuardRegistry = defaultGuardRegistry
): CheckResult => {
  const transition = findTransition(def, doc.state, to);
  if (!transition) return { kind: 'unknown' };
  const result = evaluateTransition(transition, doc, actor, ctx, registry);
  if (!result.roleAllowed) return { kind: 'forbidden', failures: result.failures };
  if (result.failures.length > 0) return { kind: 'guards', failures: result.failures };
  return { kind: 'ok', transition };
};

// ---------------------------------------------------------------------------------------------
// States and timers

export const isFinalState = (def: WorkflowDefinition, state: string): boolean => def.states[state]?.final === true;

/** The timers declared on a state (empty when none). */
export const timersOf = (def: WorkflowDefinition, state: string): TimerDef[] => def.states[state]?.onEnter?.timers ?? [];

/** Every timer of a definition with its state. */
export const allTimers = (def: WorkflowDefinition): { state: string; timer: TimerDef }[] =>
  Object.entries(def.states).flatMap(([state, s]) => (s.onEnter?.timers ?? []).map((timer) => ({ state, timer })));

/**
 * When a timer is due, or null when its reference is missing: `enteredAt` or a datetime field +
 * `after` (calendar part on the local calendar of the zone); a date field is read as `atTime`
 * local time (default 08:00) on that day, then + `after`.
 */
export const timerDueAt = (
  timer: TimerDef,
  doc: Record<string, unknown>,
  enteredAt: Date | null,
  timezone: string,
  atTime = '08:00'
): Date | null => {
  if (timer.from === 'enteredAt') return enteredAt ? addDurationToInstant(enteredAt, timer.after, timezone) : null;
  const v = readTemporal(doc[timer.from], timezone);
  if (!v) return null;
  if (v.kind === 'instant') return addDurationToInstant(v.instant, timer.after, timezone);
  return addDurationToInstant(zonedTimeToUtc(v.date, atTime, timezone), timer.after, timezone);
};

// ---------------------------------------------------------------------------------------------
// Writes after the fact

/**
 * The document attributes a guard reads, as far as it declares them: its `fields`, and the
 * attribute each related document it reads comes through (`relationField` maps a name of
 * `ctx.related` to that attribute). null when it cannot be known: an unknown or mis-parametrised
 * guard, a guard that declares neither `fields` nor `relations`, a relation with no attribute.
 */
export const guardReads = (
  registry: GuardRegistry,
  ref: GuardRef,
  relationField: (relation: string) => string | null
): string[] | null => {
  const guard = registry.get(ref.name);
  if (!guard || (!guard.fields && !guard.relations)) return null;
  const parsed = guard.params.safeParse(ref.params ?? {});
  if (!parsed.success) return null;
  const reads = new Set<string>((guard.fields?.(parsed.data) ?? []).map((f) => f.field));
  for (const relation of guard.relations?.(parsed.data) ?? []) {
    const field = relationField(relation);
    if (field === null) return null;
    reads.add(field);
  }
  return [...reads];
};

/** Whether writing `keys` may change the outcome of a guard of `transition`. */
export const mayAffectGuards = (
  transition: TransitionDef,
  keys: readonly string[],
  relationField: (relation: string) => string | null,
  registry: GuardRegistry = defaultGuardRegistry
): boolean =>
  (transition.guards ?? []).some((ref) => {
    const reads = guardReads(registry, ref, relationField);
    return reads === null || reads.some((field) => keys.includes(field));
  });

export type BrokenGuard = GuardFailure & { fields: string[] };

/** A value as compared across two reads: linked documents by documentId, components without
 * their row ids (rewritten on every update), keys in order. */
const comparable = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(comparable);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.documentId === 'string') return { documentId: o.documentId };
    return Object.keys(o)
      .filter((k) => k !== 'id')
      .sort()
      .map((k) => [k, comparable(o[k])]);
  }
  return v ?? null;
};

const differs = (a: unknown, b: unknown) => JSON.stringify(comparable(a)) !== JSON.stringify(comparable(b));

/**
 * The guards of `transition` that hold on `before` and fail on `after`: what a write would undo
 * of the facts the transition was taken on. A guard that already failed before (a resume date
 * now past, a fee of last year) is not the write's doing and is left out. `fields` names what
 * the guard reads and the write changed (all it reads if none looks changed; empty when the
 * guard does not say what it reads).
 */
export const brokenGuards = (
  transition: TransitionDef,
  before: { doc: Record<string, unknown>; ctx: EvaluationContext },
  after: { doc: Record<string, unknown>; ctx: EvaluationContext },
  relationField: (relation: string) => string | null,
  registry: GuardRegistry = defaultGuardRegistry
): BrokenGuard[] => {
  const broken: BrokenGuard[] = [];
  for (const ref of transition.guards ?? []) {
    if (runGuard(registry, ref, before.doc, before.ctx)) continue;
    const failure = runGuard(registry, ref, after.doc, after.ctx);
    if (!failure) continue;
    const reads = guardReads(registry, ref, relationField) ?? [];
    const changed = reads.filter((field) => differs(before.doc[field], after.doc[field]));
    broken.push({ ...failure, fields: changed.length > 0 ? changed : reads });
  }
  return broken;
};

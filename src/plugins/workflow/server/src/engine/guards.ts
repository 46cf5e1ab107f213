// Guards: named, parametrised, pure checks on a document. Everything a guard needs is in the
// document and the evaluation context (related documents are loaded before evaluation).
// A guard returns null when it passes, else a French message shown in the UI.

import { z } from 'zod';
import type { EvaluationContext, GuardFailure, GuardRef } from './types';
import { formatDateFr, localDate, localTime, localYear, readLocalDate, readTemporal, type TemporalValue } from './durations';

/** A reference from a guard's params to a document attribute, for definition validation. */
export type GuardFieldRef = {
  /** Path inside the guard's params, e.g. ['fields', 0]. */
  path: (string | number)[];
  field: string;
  /** Allowed attribute types; any type when absent. */
  types?: string[];
};

export type Guard = {
  name: string;
  params: z.ZodTypeAny;
  check: (doc: Record<string, unknown>, params: any, ctx: EvaluationContext) => string | null;
  /** Optional: the document attributes named by (valid) params, checked by validateDefinition
   * when the content type's attributes are known. */
  fields?: (params: any) => GuardFieldRef[];
  /** Optional: the names of the related documents (`ctx.related`) the check reads. A guard that
   * declares `fields` and/or `relations` reads nothing else of the document, so a write that
   * touches none of them cannot change its outcome; a guard that declares neither may read
   * anything. */
  relations?: (params: any) => string[];
};

export type GuardRegistry = {
  /** Adds a guard; a guard of the same name is replaced. Returns the registry. */
  register: (guard: Guard) => GuardRegistry;
  get: (name: string) => Guard | undefined;
  has: (name: string) => boolean;
  names: () => string[];
};

// ---------------------------------------------------------------------------------------------
// Emptiness

const META_KEYS = new Set(['id', 'documentId', '__component']);

/**
 * Whether a value counts as "not filled in":
 * - null, undefined, NaN, a blank string, an empty array (relations, repeatable components);
 * - `false`: a checkbox that is not ticked (e.g. `kitHandedOver` must be true to be "filled");
 * - an object (a component or a relation object) is empty unless it has at least one own value,
 *   other than `id` / `documentId` / `__component`, that is not empty by these rules (so a needs
 *   checklist with every box unticked and no notes is empty). A relation object carrying a
 *   `documentId` is a linked document, hence never empty, even if loaded without other fields.
 * Numbers (including 0) and dates are values.
 */
export const isEmptyValue = (value: unknown): boolean => {
  if (value === null || value === undefined || value === false) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Date) return Number.isNaN(value.getTime());
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.documentId === 'string' && o.documentId !== '') return false;
    return Object.entries(o).every(([k, v]) => META_KEYS.has(k) || isEmptyValue(v));
  }
  return false;
};

// ---------------------------------------------------------------------------------------------
// Helpers

const q = (s: string) => `« ${s} »`;
const labelOf = (field: string, labels?: Record<string, string>, label?: string) => label ?? labels?.[field] ?? field;
const joinFr = (items: string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;

const fieldName = z.string().min(1, 'a field name is required');
const labelsSchema = z.record(z.string(), z.string().min(1)).optional();

const ACTION_KIND_LABELS: Record<string, string> = {
  call: 'appel',
  email: 'e-mail',
  meeting: 'rencontre',
  visit: 'visite',
  introduction: 'mise en relation',
};

const MILESTONE_LABELS: Record<string, string> = { m3: '3 mois', m6: '6 mois', m12: '12 mois' };

/** An operand of a date comparison, resolved against the document and the context. */
type Operand = { value: TemporalValue | null; display: string };

const resolveOperand = (ref: string, doc: Record<string, unknown>, ctx: EvaluationContext, label: string): Operand => {
  if (ref === '$today') return { value: { kind: 'date', date: localDate(ctx.now, ctx.timezone) }, display: "aujourd'hui" };
  if (ref === '$now') return { value: { kind: 'instant', instant: ctx.now }, display: 'maintenant' };
  return { value: readTemporal(doc[ref], ctx.timezone), display: q(label) };
};

/** Compares two temporal values: dates as calendar dates (an instant is projected on the local
 * calendar when compared with a date), instants as instants. Returns <0, 0, >0. */
const compareTemporal = (a: TemporalValue, b: TemporalValue, timezone: string): number => {
  if (a.kind === 'instant' && b.kind === 'instant') return a.instant.getTime() - b.instant.getTime();
  const da = a.kind === 'date' ? a.date : localDate(a.instant, timezone);
  const db = b.kind === 'date' ? b.date : localDate(b.instant, timezone);
  return da < db ? -1 : da > db ? 1 : 0;
};

const displayTemporal = (v: TemporalValue, timezone: string): string =>
  v.kind === 'date'
    ? formatDateFr(v.date)
    : `${formatDateFr(localDate(v.instant, timezone))} ${localTime(v.instant, timezone)}`;

const toNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && /^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(v.trim())) {
    const n = Number(v.trim().replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  }
  return null;
};

// ---------------------------------------------------------------------------------------------
// Built-in guards

const required: Guard = {
  name: 'required',
  params: z.object({ fields: z.array(fieldName).min(1, 'at least one field is required'), labels: labelsSchema }).strict(),
  check: (doc, p: { fields: string[]; labels?: Record<string, string> }) => {
    const missing = p.fields.filter((f) => isEmptyValue(doc[f])).map((f) => q(labelOf(f, p.labels)));
    if (missing.length === 0) return null;
    return missing.length === 1
      ? `Champ obligatoire non renseigné : ${missing[0]}.`
      : `Champs obligatoires non renseignés : ${joinFr(missing)}.`;
  },
  fields: (p: { fields: string[] }) => p.fields.map((field, i) => ({ path: ['fields', i], field })),
};

const dateNotInFuture: Guard = {
  name: 'dateNotInFuture',
  params: z.object({ field: fieldName, label: z.string().min(1).optional() }).strict(),
  check: (doc, p: { field: string; label?: string }, ctx) => {
    const label = q(labelOf(p.field, undefined, p.label));
    const raw = doc[p.field];
    if (isEmptyValue(raw)) return `La date ${label} n'est pas renseignée.`;
    const v = readTemporal(raw, ctx.timezone);
    if (!v) return `La date ${label} est invalide.`;
    const future =
      v.kind === 'date' ? v.date > localDate(ctx.now, ctx.timezone) : v.instant.getTime() > ctx.now.getTime();
    return future ? `La date ${label} (${displayTemporal(v, ctx.timezone)}) ne peut pas être dans le futur.` : null;
  },
  fields: (p: { field: string }) => [{ path: ['field'], field: p.field, types: ['date', 'datetime'] }],
};

const isSpecial = (ref: string) => ref === '$today' || ref === '$now';

const dateOrder: Guard = {
  name: 'dateOrder',
  params: z
    .object({
      field: fieldName,
      after: fieldName.optional(),
      before: fieldName.optional(),
      strict: z.boolean().optional(),
      label: z.string().min(1).optional(),
      labels: labelsSchema,
    })
    .strict()
    .refine((p) => p.after !== undefined || p.before !== undefined, {
      message: 'dateOrder needs "after" and/or "before"',
      path: ['after'],
    }),
  check: (
    doc,
    p: { field: string; after?: string; before?: string; strict?: boolean; label?: string; labels?: Record<string, string> },
    ctx
  ) => {
    const label = q(labelOf(p.field, p.labels, p.label));
    const raw = doc[p.field];
    if (isEmptyValue(raw)) return `La date ${label} n'est pas renseignée.`;
    const v = readTemporal(raw, ctx.timezone);
    if (!v) return `La date ${label} est invalide.`;
    const shown = displayTemporal(v, ctx.timezone);
    for (const side of ['after', 'before'] as const) {
      const ref = p[side];
      if (ref === undefined) continue;
      const other = resolveOperand(ref, doc, ctx, labelOf(ref, p.labels));
      if (!other.value) return `${label} ne peut pas être vérifiée : la date ${other.display} n'est pas renseignée.`;
      const c = compareTemporal(v, other.value, ctx.timezone);
      const ok = side === 'after' ? (p.strict ? c > 0 : c >= 0) : p.strict ? c < 0 : c <= 0;
      if (!ok) {
        const rule =
          side === 'after'
            ? p.strict
              ? `doit être après ${other.display}`
              : `ne peut pas être avant ${other.display}`
            : p.strict
              ? `doit être avant ${other.display}`
              : `ne peut pas être après ${other.display}`;
        const ref2 = isSpecial(ref) ? '' : ` (${displayTemporal(other.value, ctx.timezone)})`;
        return `La date ${label} (${shown}) ${rule}${ref2}.`;
      }
    }
    return null;
  },
  fields: (p: { field: string; after?: string; before?: string }) => {
    const refs: GuardFieldRef[] = [{ path: ['field'], field: p.field, types: ['date', 'datetime'] }];
    for (const side of ['after', 'before'] as const) {
      const ref = p[side];
      if (ref !== undefined && !isSpecial(ref)) refs.push({ path: [side], field: ref, types: ['date', 'datetime'] });
    }
    return refs;
  },
};

const relatedState: Guard = {
  name: 'relatedState',
  params: z
    .object({
      relation: fieldName,
      states: z.array(z.string().min(1)).min(1, 'at least one state is required'),
      label: z.string().min(1).optional(),
      stateLabels: labelsSchema,
    })
    .strict(),
  check: (_doc, p: { relation: string; states: string[]; label?: string; stateLabels?: Record<string, string> }, ctx) => {
    const label = q(labelOf(p.relation, undefined, p.label));
    const related = ctx.related[p.relation];
    if (related === null || related === undefined) return `Aucun élément n'est lié dans ${label}.`;
    const state = related.state;
    if (typeof state === 'string' && p.states.includes(state)) return null;
    const name = (s: string) => q(p.stateLabels?.[s] ?? s);
    const expected = p.states.length === 1 ? name(p.states[0]) : `l'un de ${joinFr(p.states.map(name))}`;
    const current = typeof state === 'string' ? `est à l'état ${name(state)}` : "n'a pas d'état";
    return `${label} ${current} ; état attendu : ${expected}.`;
  },
  relations: (p: { relation: string }) => [p.relation],
};

const actionLogged: Guard = {
  name: 'actionLogged',
  params: z
    .object({
      kinds: z.array(z.string().min(1)).min(1).optional(),
      since: z.literal('enteredAt').optional(),
    })
    .strict(),
  check: (doc, p: { kinds?: string[]; since?: 'enteredAt' }, ctx) => {
    const since = ctx.enteredAt ? localDate(ctx.enteredAt, ctx.timezone) : null;
    const actions = Array.isArray(doc.actions) ? (doc.actions as unknown[]) : [];
    const found = actions.some((a) => {
      if (!a || typeof a !== 'object') return false;
      const { kind, date } = a as { kind?: unknown; date?: unknown };
      if (p.kinds && !(typeof kind === 'string' && p.kinds.includes(kind))) return false;
      const d = readLocalDate(date, ctx.timezone);
      if (!d) return false;
      return since === null || d >= since;
    });
    if (found) return null;
    const what = p.kinds ? `Aucune action (${p.kinds.map((k) => ACTION_KIND_LABELS[k] ?? k).join(', ')})` : 'Aucune action';
    return since
      ? `${what} enregistrée depuis le ${formatDateFr(since)} : consignez au moins une action avant de continuer.`
      : `${what} enregistrée : consignez au moins une action avant de continuer.`;
  },
  fields: () => [{ path: [], field: 'actions' }],
};

const commentProvided: Guard = {
  name: 'commentProvided',
  params: z.object({}).strict(),
  check: (_doc, _p, ctx) =>
    typeof ctx.comment === 'string' && ctx.comment.trim() !== '' ? null : 'Un commentaire est obligatoire pour cette étape.',
  // reads the transition's comment only, nothing of the document
  fields: () => [],
};

const memberWithCurrentFee: Guard = {
  name: 'memberWithCurrentFee',
  params: z.object({ relation: fieldName.optional(), label: z.string().min(1).optional() }).strict(),
  check: (_doc, p: { relation?: string; label?: string }, ctx) => {
    const relation = p.relation ?? 'professional';
    const pro = ctx.related[relation];
    const year = localYear(ctx.now, ctx.timezone);
    if (pro === null || pro === undefined) {
      return p.label ? `Aucun élément n'est lié dans ${q(p.label)}.` : "Aucune fiche professionnel n'est liée.";
    }
    if (pro.isMember !== true) return "Le professionnel lié n'est pas adhérent de la CPTS.";
    const last = toNumber(pro.lastFeeYear);
    if (last !== year) {
      return last === null
        ? `La cotisation ${year} n'est pas à jour (aucune cotisation enregistrée).`
        : `La cotisation ${year} n'est pas à jour (dernière cotisation : ${last}).`;
    }
    return null;
  },
  relations: (p: { relation?: string }) => [p.relation ?? 'professional'],
};

const followUpRecorded: Guard = {
  name: 'followUpRecorded',
  params: z.object({ milestone: z.enum(['m3', 'm6', 'm12']) }).strict(),
  check: (doc, p: { milestone: 'm3' | 'm6' | 'm12' }) => {
    const list = Array.isArray(doc.followUps) ? (doc.followUps as unknown[]) : [];
    const done = list.some(
      (f) =>
        !!f &&
        typeof f === 'object' &&
        (f as Record<string, unknown>).milestone === p.milestone &&
        !isEmptyValue((f as Record<string, unknown>).doneAt)
    );
    return done ? null : `Le suivi à ${MILESTONE_LABELS[p.milestone]} n'est pas enregistré (date de réalisation manquante).`;
  },
  fields: () => [{ path: [], field: 'followUps' }],
};

const anyPositive: Guard = {
  name: 'anyPositive',
  params: z.object({ fields: z.array(fieldName).min(1, 'at least one field is required'), labels: labelsSchema }).strict(),
  check: (doc, p: { fields: string[]; labels?: Record<string, string> }) => {
    if (p.fields.some((f) => (toNumber(doc[f]) ?? 0) > 0)) return null;
    const names = p.fields.map((f) => q(labelOf(f, p.labels)));
    return names.length === 1
      ? `${names[0]} doit être supérieur à 0.`
      : `Au moins une valeur doit être supérieure à 0 parmi ${joinFr(names)}.`;
  },
  fields: (p: { fields: string[] }) => p.fields.map((field, i) => ({ path: ['fields', i], field })),
};

export const BUILT_IN_GUARDS: readonly Guard[] = Object.freeze([
  required,
  dateNotInFuture,
  dateOrder,
  relatedState,
  actionLogged,
  commentProvided,
  memberWithCurrentFee,
  followUpRecorded,
  anyPositive,
]);

// ---------------------------------------------------------------------------------------------
// Registry

export const createGuardRegistry = (): GuardRegistry => {
  const guards = new Map<string, Guard>();
  const registry: GuardRegistry = {
    register: (guard) => {
      if (!guard || typeof guard.name !== 'string' || guard.name === '' || typeof guard.check !== 'function') {
        throw new Error('A guard needs a name, a params schema and a check function');
      }
      guards.set(guard.name, guard);
      return registry;
    },
    get: (name) => guards.get(name),
    has: (name) => guards.has(name),
    names: () => [...guards.keys()],
  };
  for (const g of BUILT_IN_GUARDS) registry.register(g);
  return registry;
};

export const defaultGuardRegistry: GuardRegistry = createGuardRegistry();

/**
 * Runs one guard reference: null when it passes, else the failure. An unknown guard, invalid
 * params or a guard that throws is a failure too (never an exception), so the UI can say why.
 */
export const runGuard = (
  registry: GuardRegistry,
  ref: GuardRef,
  doc: Record<string, unknown>,
  ctx: EvaluationContext
): GuardFailure | null => {
  const guard = registry.get(ref.name);
  if (!guard) return { guard: ref.name, message: `Règle inconnue : ${q(ref.name)}.` };
  const parsed = guard.params.safeParse(ref.params ?? {});
  if (!parsed.success) return { guard: ref.name, message: `Paramètres invalides pour la règle ${q(ref.name)}.` };
  try {
    const message = guard.check(doc, parsed.data, ctx);
    return message === null ? null : { guard: ref.name, message };
  } catch (e) {
    return {
      guard: ref.name,
      message: `La règle ${q(ref.name)} n'a pas pu être vérifiée (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
};

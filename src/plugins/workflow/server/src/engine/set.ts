// Set expressions: values written by a transition or on entering a state.

import type { EvaluationContext, SetExpr, TransitionDef, WorkflowDefinition } from './types';
import { addDurationToDate, localDate, readLocalDate } from './durations';
import { isEmptyValue } from './guards';

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Computes `exprs` in key order over `doc`:
 * - `{ value }` → the literal; `{ now: true }` → ctx.now as an ISO string; `{ today: true }` →
 *   today's date 'YYYY-MM-DD' in ctx.timezone;
 * - `{ add: { field, duration } }` → that date + duration, 'YYYY-MM-DD'; the field is read from
 *   the values computed so far in this call first, then from doc; when it is missing the target
 *   is left unchanged (absent from the result);
 * - `ifEmpty: true` skips a target that already has a non-empty value in doc.
 * Returns only the fields to write.
 */
export const computeSet = (
  exprs: Record<string, SetExpr> | undefined,
  doc: Record<string, unknown>,
  ctx: Pick<EvaluationContext, 'now' | 'timezone'>
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  if (!exprs) return out;
  // Key order is not something to rely on (PostgreSQL's jsonb, for one, reorders keys): an
  // `add` that reads another target of the same set is computed after that target.
  const entries = Object.entries(exprs);
  const targets = new Set(entries.map(([field]) => field));
  const ordered: Array<[string, SetExpr]> = [];
  const pending = [...entries];
  while (pending.length > 0) {
    const ready = pending.findIndex(
      ([field, expr]) =>
        !('add' in expr) ||
        expr.add.field === field ||
        !targets.has(expr.add.field) ||
        ordered.some(([done]) => done === expr.add.field)
    );
    // A cycle between `add` expressions: keep the written order for what remains.
    const [next] = pending.splice(ready === -1 ? 0 : ready, 1);
    ordered.push(next);
  }
  for (const [field, expr] of ordered) {
    if (expr.ifEmpty && !isEmptyValue(doc[field])) continue;
    if ('value' in expr) {
      out[field] = expr.value;
    } else if ('now' in expr) {
      out[field] = ctx.now.toISOString();
    } else if ('today' in expr) {
      out[field] = localDate(ctx.now, ctx.timezone);
    } else if ('add' in expr) {
      const source = has(out, expr.add.field) ? out[expr.add.field] : doc[expr.add.field];
      const base = readLocalDate(source, ctx.timezone);
      if (base !== null) out[field] = addDurationToDate(base, expr.add.duration);
    }
  }
  return out;
};

/**
 * The fields written by taking `transition`: the target state's onEnter.set, then the
 * transition's own set computed over the document updated by the former (the latter wins).
 */
export const applyTransitionSet = (
  def: WorkflowDefinition,
  transition: TransitionDef,
  doc: Record<string, unknown>,
  ctx: Pick<EvaluationContext, 'now' | 'timezone'>
): Record<string, unknown> => {
  const onEnter = computeSet(def.states[transition.to]?.onEnter?.set, doc, ctx);
  const own = computeSet(transition.set, { ...doc, ...onEnter }, ctx);
  return { ...onEnter, ...own };
};

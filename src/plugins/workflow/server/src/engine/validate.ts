// Validation of a workflow definition: first its shape (zod), then its graph. Every problem is
// reported with its path, not only the first. Messages are in English: they are for the
// definition editor.

import { z } from 'zod';
import type { DefinitionProblem, SetExpr, TimerDef, WorkflowDefinition } from './types';
import { RECIPIENTS, ROLE_KEYS } from './types';
import { isValidDuration } from './durations';
import { defaultGuardRegistry, type GuardRegistry } from './guards';

export type AttributeMap = Record<string, { type: string }>;

export type ValidateOptions = {
  /** Guards available to the definition; the default registry when absent. */
  registry?: GuardRegistry;
  /** Attributes of the content type (from its schema); enables field checks when given. */
  attributes?: AttributeMap;
};

export type ValidationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; problems: DefinitionProblem[] };

export const STATE_KEY_RE = /^[a-z][a-z0-9_]*$/;
export const TIMER_RULE_RE = /^[a-z][a-z0-9_.-]*$/;
export const DEFINITION_NAME_RE = /^[a-z][a-z0-9_-]*$/;
export const CONTENT_TYPE_RE = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;
const COLOR_RE = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Fields a `set` may never write: the state changes only through transitions. */
export const PROTECTED_FIELDS: readonly string[] = Object.freeze(['state', 'workflowVersion', 'id', 'documentId']);

const DATE_TYPES = ['date', 'datetime'];

// ---------------------------------------------------------------------------------------------
// Shape

const stateKey = z.string().regex(STATE_KEY_RE, 'state keys must match ^[a-z][a-z0-9_]*$ (lower-case letters, digits, _)');
const nonEmpty = (what: string) => z.string().refine((s) => s.trim() !== '', `${what} must not be empty`);
const fieldName = nonEmpty('a field name');

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const SET_OPERATORS = ['value', 'now', 'today', 'add'] as const;

const setExprSchema = z.unknown().superRefine((v, ctx) => {
  const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });
  if (!isPlainObject(v)) return issue('a set expression must be an object with one of "value", "now", "today", "add"');
  const ops = SET_OPERATORS.filter((k) => Object.prototype.hasOwnProperty.call(v, k));
  if (ops.length !== 1) {
    issue(
      ops.length === 0
        ? 'a set expression needs one of "value", "now", "today", "add"'
        : `a set expression takes exactly one of "value", "now", "today", "add" (found ${ops.map((o) => `"${o}"`).join(', ')})`
    );
  }
  for (const k of Object.keys(v)) {
    if (k !== 'ifEmpty' && !(SET_OPERATORS as readonly string[]).includes(k)) issue(`unknown property "${k}"`, [k]);
  }
  if (v.ifEmpty !== undefined && typeof v.ifEmpty !== 'boolean') issue('"ifEmpty" must be a boolean', ['ifEmpty']);
  if ('now' in v && v.now !== true) issue('"now" must be true', ['now']);
  if ('today' in v && v.today !== true) issue('"today" must be true', ['today']);
  if ('add' in v) {
    const add = v.add;
    if (!isPlainObject(add)) {
      issue('"add" must be an object { field, duration }', ['add']);
    } else {
      for (const k of Object.keys(add)) if (k !== 'field' && k !== 'duration') issue(`unknown property "${k}"`, ['add', k]);
      if (typeof add.field !== 'string' || add.field.trim() === '') issue('"add.field" must be a field name', ['add', 'field']);
      if (!isValidDuration(add.duration)) {
        issue(`"add.duration" must be an ISO-8601 duration such as "P1Y" or "-P30D" (got ${JSON.stringify(add.duration)})`, [
          'add',
          'duration',
        ]);
      }
    }
  }
});

const setSchema = z.record(fieldName, setExprSchema);

const fromSchema = z.unknown().superRefine((v, ctx) => {
  const check = (s: unknown, path: (string | number)[]) => {
    if (typeof s !== 'string' || !STATE_KEY_RE.test(s)) {
      ctx.addIssue({ code: 'custom', message: `"from" must be a state key (got ${JSON.stringify(s)})`, path });
    }
  };
  if (Array.isArray(v)) {
    if (v.length === 0) ctx.addIssue({ code: 'custom', message: '"from" must list at least one state', path: [] });
    v.forEach((s, i) => check(s, [i]));
  } else if (v === undefined) {
    ctx.addIssue({ code: 'custom', message: '"from" is required (a state key or a list of state keys)', path: [] });
  } else {
    check(v, []);
  }
});

const timerSchema = z
  .object({
    rule: z.string().regex(TIMER_RULE_RE, 'timer rules must match ^[a-z][a-z0-9_.-]*$'),
    after: z.string().refine(isValidDuration, 'must be an ISO-8601 duration such as "P2D", "PT12H" or "-P30D"'),
    from: fieldName,
    to: z.array(z.enum(RECIPIENTS as [string, ...string[]])).min(1, 'a timer needs at least one recipient'),
    template: nonEmpty('a template'),
  })
  .strict();

const stateSchema = z
  .object({
    label: nonEmpty('a label'),
    final: z.boolean().optional(),
    color: z.string().regex(COLOR_RE, 'colors are hex, e.g. "#22C55E"').optional(),
    onEnter: z.object({ set: setSchema.optional(), timers: z.array(timerSchema).optional() }).strict().optional(),
  })
  .strict();

const guardRefSchema = z
  .object({ name: nonEmpty('a guard name'), params: z.record(z.string(), z.unknown()).optional() })
  .strict();

const transitionSchema = z
  .object({
    from: fromSchema,
    to: stateKey,
    label: nonEmpty('a label'),
    roles: z.array(z.enum(ROLE_KEYS as [string, ...string[]])).min(1, 'a transition needs at least one role'),
    guards: z.array(guardRefSchema).optional(),
    set: setSchema.optional(),
  })
  .strict();

export const definitionSchema = z
  .object({
    name: z.string().regex(DEFINITION_NAME_RE, 'names must match ^[a-z][a-z0-9_-]*$'),
    contentType: z.string().regex(CONTENT_TYPE_RE, 'content types look like "api::case.case"'),
    initial: stateKey,
    states: z.record(stateKey, stateSchema).refine((s) => Object.keys(s).length > 0, 'at least one state is required'),
    transitions: z.array(transitionSchema),
  })
  .strict();

const toPath = (path: readonly PropertyKey[]): (string | number)[] =>
  path.map((p) => (typeof p === 'number' ? p : String(p)));

const zodProblems = (issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): DefinitionProblem[] => {
  const out: DefinitionProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...toPath(issue.path)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown property "${key}"` });
    } else if (issue.code === 'invalid_key') {
      const key = path[path.length - 1];
      const inner = issue.issues.map((i) => i.message).join('; ');
      out.push({ path, message: `invalid key ${JSON.stringify(key)}: ${inner}` });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Graph and fields

/** The states a transition leaves from, as a list. */
export const fromStates = (t: { from: string | string[] }): string[] => (Array.isArray(t.from) ? t.from : [t.from]);

const graphProblems = (def: WorkflowDefinition, registry: GuardRegistry, attributes?: AttributeMap): DefinitionProblem[] => {
  const problems: DefinitionProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const states = def.states;
  const has = (s: string) => Object.prototype.hasOwnProperty.call(states, s);
  const stateKeys = Object.keys(states);

  if (!has(def.initial)) add(['initial'], `initial state "${def.initial}" is not defined in states (${stateKeys.join(', ')})`);

  const attr = (name: string) =>
    attributes && Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : undefined;
  const attrList = () => Object.keys(attributes ?? {}).join(', ');

  const checkSet = (set: Record<string, SetExpr> | undefined, base: (string | number)[]) => {
    if (!set) return;
    for (const [target, expr] of Object.entries(set)) {
      const path = [...base, target];
      if (PROTECTED_FIELDS.includes(target)) {
        add(path, `"${target}" cannot be set by a workflow (the state changes only through transitions)`);
        continue;
      }
      if (!attributes) continue;
      const a = attr(target);
      if (!a) {
        add(path, `set target "${target}" is not an attribute of ${def.contentType} (attributes: ${attrList()})`);
        continue;
      }
      const computed = 'now' in expr ? 'now' : 'today' in expr ? 'today' : 'add' in expr ? 'add' : null;
      if (computed && !DATE_TYPES.includes(a.type)) {
        add(path, `set target "${target}" has type "${a.type}"; "${computed}" needs a date or datetime attribute`);
      }
      if ('add' in expr) {
        const src = attr(expr.add.field);
        if (!src) add([...path, 'add', 'field'], `"${expr.add.field}" is not an attribute of ${def.contentType}`);
        else if (!DATE_TYPES.includes(src.type)) {
          add([...path, 'add', 'field'], `"${expr.add.field}" has type "${src.type}"; "add" needs a date or datetime attribute`);
        }
      }
    }
  };

  const checkTimers = (timers: TimerDef[] | undefined, base: (string | number)[]) => {
    if (!timers) return;
    const seen = new Map<string, number>();
    timers.forEach((timer, i) => {
      if (seen.has(timer.rule)) add([...base, i, 'rule'], `duplicate timer rule "${timer.rule}" (also timers[${seen.get(timer.rule)}])`);
      else seen.set(timer.rule, i);
      if (timer.from === 'enteredAt' || !attributes) return;
      const a = attr(timer.from);
      if (!a) add([...base, i, 'from'], `timer "from" field "${timer.from}" is not an attribute of ${def.contentType}`);
      else if (!DATE_TYPES.includes(a.type)) {
        add([...base, i, 'from'], `timer "from" field "${timer.from}" has type "${a.type}"; a date or datetime is required`);
      }
    });
  };

  for (const key of stateKeys) {
    checkSet(states[key].onEnter?.set, ['states', key, 'onEnter', 'set']);
    checkTimers(states[key].onEnter?.timers, ['states', key, 'onEnter', 'timers']);
  }

  const seenPairs = new Map<string, number>();
  def.transitions.forEach((t, i) => {
    const froms = fromStates(t);
    const fromPath = (j: number): (string | number)[] => (Array.isArray(t.from) ? ['transitions', i, 'from', j] : ['transitions', i, 'from']);
    froms.forEach((from, j) => {
      if (!has(from)) add(fromPath(j), `state "${from}" is not defined in states`);
      else if (states[from].final) add(fromPath(j), `state "${from}" is final and cannot have outgoing transitions`);
      const pair = `${from}\u0000${t.to}`;
      if (seenPairs.has(pair)) {
        const k = seenPairs.get(pair)!;
        add(fromPath(j), `duplicate transition from "${from}" to "${t.to}" (already defined by transitions[${k}])`);
      } else {
        seenPairs.set(pair, i);
      }
    });
    if (!has(t.to)) add(['transitions', i, 'to'], `state "${t.to}" is not defined in states`);

    (t.guards ?? []).forEach((ref, g) => {
      const base = ['transitions', i, 'guards', g];
      const guard = registry.get(ref.name);
      if (!guard) {
        add([...base, 'name'], `unknown guard "${ref.name}" (registered: ${registry.names().join(', ')})`);
        return;
      }
      const parsed = guard.params.safeParse(ref.params ?? {});
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error.issues, [...base, 'params']));
        return;
      }
      if (attributes && guard.fields) {
        for (const f of guard.fields(parsed.data)) {
          const a = attr(f.field);
          if (!a) add([...base, 'params', ...f.path], `"${f.field}" is not an attribute of ${def.contentType}`);
          else if (f.types && !f.types.includes(a.type)) {
            add([...base, 'params', ...f.path], `"${f.field}" has type "${a.type}"; guard "${ref.name}" needs ${f.types.join(' or ')}`);
          }
        }
      }
    });
    checkSet(t.set, ['transitions', i, 'set']);
  });

  // Reachability from the initial state (only meaningful when the initial state exists).
  if (has(def.initial)) {
    const reached = new Set<string>([def.initial]);
    const queue = [def.initial];
    while (queue.length > 0) {
      const s = queue.shift()!;
      for (const t of def.transitions) {
        if (fromStates(t).includes(s) && has(t.to) && !reached.has(t.to)) {
          reached.add(t.to);
          queue.push(t.to);
        }
      }
    }
    for (const key of stateKeys) {
      if (!reached.has(key)) add(['states', key], `state "${key}" is not reachable from the initial state "${def.initial}"`);
    }
  }

  return problems;
};

/**
 * Validates a workflow definition: shape first (every zod issue with its path), then, if the
 * shape is valid, the graph, guards and fields (every problem with its path).
 */
export const validateDefinition = (def: unknown, options: ValidateOptions = {}): ValidationResult => {
  const parsed = definitionSchema.safeParse(def);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues) };
  const definition = parsed.data as WorkflowDefinition;
  const problems = graphProblems(definition, options.registry ?? defaultGuardRegistry, options.attributes);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition };
};

/** Formats a problem path like `transitions[3].guards[0].params.fields[1]`. */
export const formatProblemPath = (path: (string | number)[]): string =>
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');

import { z } from 'zod';
import {
  createGuardRegistry,
  formatProblemPath,
  validateDefinition,
  type DefinitionProblem,
  type WorkflowDefinition,
} from '../../../src/plugins/workflow/server/src/engine';

/** A small valid definition: a → b → c (final), b → a. */
const base = (): WorkflowDefinition => ({
  name: 'demo',
  contentType: 'api::case.case',
  initial: 'a',
  states: {
    a: { label: 'A', color: '#123456', onEnter: { timers: [{ rule: 'demo.a', after: 'P2D', from: 'enteredAt', to: ['coordinator'], template: 'demo.a' }] } },
    b: { label: 'B', onEnter: { set: { firstContactAt: { now: true, ifEmpty: true } } } },
    c: { label: 'C', final: true },
  },
  transitions: [
    { from: 'a', to: 'b', label: 'A→B', roles: ['coordinator'], guards: [{ name: 'required', params: { fields: ['ambassador'] } }] },
    { from: ['b'], to: 'c', label: 'B→C', roles: ['coordinator', 'assignedAmbassador'] },
    { from: 'b', to: 'a', label: 'B→A', roles: ['coordinator'] },
  ],
});

const attributes = {
  state: { type: 'string' },
  ambassador: { type: 'relation' },
  firstContactAt: { type: 'datetime' },
  installedAt: { type: 'date' },
  resumeOn: { type: 'date' },
  notes: { type: 'text' },
  hours: { type: 'decimal' },
};

const problems = (def: unknown, opts: Parameters<typeof validateDefinition>[1] = {}): DefinitionProblem[] => {
  const r = validateDefinition(def, opts);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('validateDefinition: valid', () => {
  it('accepts a valid definition and returns it', () => {
    const r = validateDefinition(base(), { attributes });
    expect(r).toEqual({ ok: true, definition: base() });
  });
  it('accepts every kind of set expression', () => {
    const def = base();
    def.transitions[0].set = {
      notes: { value: 'ok' },
      installedAt: { today: true },
      resumeOn: { add: { field: 'installedAt', duration: '-P1M' }, ifEmpty: true },
    };
    expect(validateDefinition(def, { attributes }).ok).toBe(true);
  });
});

describe('validateDefinition: shape', () => {
  it('reports every zod issue with its path', () => {
    const def: any = base();
    def.extra = 1;
    def.initial = 'A';
    def.states.b.label = '  ';
    def.states.a.onEnter.timers[0].to = ['everyone'];
    def.transitions[1].roles = ['coordinator', 'janitor'];
    def.transitions[2].label = undefined;
    const p = problems(def);
    expect(p.map((x) => x.path)).toEqual(
      expect.arrayContaining([
        ['extra'],
        ['initial'],
        ['states', 'b', 'label'],
        ['states', 'a', 'onEnter', 'timers', 0, 'to', 0],
        ['transitions', 1, 'roles', 1],
        ['transitions', 2, 'label'],
      ])
    );
    expect(p).toHaveLength(6);
    expect(p.find((x) => x.path[0] === 'extra')!.message).toBe('unknown property "extra"');
    expect(p.find((x) => x.path[0] === 'initial')!.message).toMatch(/state keys must match/);
    expect(p.find((x) => x.path.join('.') === 'states.b.label')!.message).toBe('a label must not be empty');
  });
  it('refuses a non-object', () => {
    expect(problems(null)).toEqual([{ path: [], message: 'Invalid input: expected object, received null' }]);
  });
  it('refuses a bad state key', () => {
    const def: any = base();
    def.states['Bad-Key'] = { label: 'x' };
    const p = problems(def);
    expect(p).toHaveLength(1);
    expect(p[0].path).toEqual(['states', 'Bad-Key']);
    expect(p[0].message).toMatch(/^invalid key "Bad-Key": state keys must match/);
  });
  it('refuses a bad timer duration and rule', () => {
    const def: any = base();
    def.states.a.onEnter.timers[0].after = '2 days';
    def.states.a.onEnter.timers[0].rule = 'Demo A';
    const p = problems(def);
    expect(p).toEqual([
      { path: ['states', 'a', 'onEnter', 'timers', 0, 'rule'], message: 'timer rules must match ^[a-z][a-z0-9_.-]*$' },
      { path: ['states', 'a', 'onEnter', 'timers', 0, 'after'], message: 'must be an ISO-8601 duration such as "P2D", "PT12H" or "-P30D"' },
    ]);
  });
  it('refuses bad set expressions with precise paths', () => {
    const def: any = base();
    def.transitions[0].set = {
      a: { now: false },
      b: { value: 1, today: true },
      c: { add: { field: 'installedAt', duration: 'P1' } },
      d: { tomorrow: true },
      e: 'today',
      f: { value: null, ifEmpty: 'yes' },
    };
    expect(problems(def)).toEqual([
      { path: ['transitions', 0, 'set', 'a', 'now'], message: '"now" must be true' },
      { path: ['transitions', 0, 'set', 'b'], message: 'a set expression takes exactly one of "value", "now", "today", "add" (found "value", "today")' },
      { path: ['transitions', 0, 'set', 'c', 'add', 'duration'], message: '"add.duration" must be an ISO-8601 duration such as "P1Y" or "-P30D" (got "P1")' },
      { path: ['transitions', 0, 'set', 'd'], message: 'a set expression needs one of "value", "now", "today", "add"' },
      { path: ['transitions', 0, 'set', 'd', 'tomorrow'], message: 'unknown property "tomorrow"' },
      { path: ['transitions', 0, 'set', 'e'], message: 'a set expression must be an object with one of "value", "now", "today", "add"' },
      { path: ['transitions', 0, 'set', 'f', 'ifEmpty'], message: '"ifEmpty" must be a boolean' },
    ]);
  });
  it('refuses a bad from', () => {
    const def: any = base();
    def.transitions[0].from = [];
    def.transitions[1].from = ['b', 3];
    def.transitions[2].from = undefined;
    expect(problems(def)).toEqual([
      { path: ['transitions', 0, 'from'], message: '"from" must list at least one state' },
      { path: ['transitions', 1, 'from', 1], message: '"from" must be a state key (got 3)' },
      { path: ['transitions', 2, 'from'], message: '"from" is required (a state key or a list of state keys)' },
    ]);
  });
});

describe('validateDefinition: graph', () => {
  it('unknown initial state (and no reachability noise)', () => {
    const def = base();
    def.initial = 'z';
    expect(problems(def)).toEqual([{ path: ['initial'], message: 'initial state "z" is not defined in states (a, b, c)' }]);
  });
  it('unknown from and to', () => {
    const def = base();
    def.transitions[1].from = ['b', 'x'];
    def.transitions[2].to = 'y';
    expect(problems(def)).toEqual([
      { path: ['transitions', 1, 'from', 1], message: 'state "x" is not defined in states' },
      { path: ['transitions', 2, 'to'], message: 'state "y" is not defined in states' },
    ]);
  });
  it('unknown guard', () => {
    const def = base();
    def.transitions[0].guards = [{ name: 'required', params: { fields: ['ambassador'] } }, { name: 'magic' }];
    const p = problems(def);
    expect(p).toHaveLength(1);
    expect(p[0].path).toEqual(['transitions', 0, 'guards', 1, 'name']);
    expect(p[0].message).toMatch(/^unknown guard "magic" \(registered: required, dateNotInFuture, /);
  });
  it('a guard registered in a custom registry is known', () => {
    const def = base();
    def.transitions[0].guards = [{ name: 'magic', params: { level: 3 } }];
    const registry = createGuardRegistry().register({ name: 'magic', params: z.object({ level: z.number() }).strict(), check: () => null });
    expect(validateDefinition(def, { registry }).ok).toBe(true);
    def.transitions[0].guards = [{ name: 'magic', params: { level: 'high' } }];
    expect(problems(def, { registry })).toEqual([
      { path: ['transitions', 0, 'guards', 0, 'params', 'level'], message: 'Invalid input: expected number, received string' },
    ]);
  });
  it('bad guard params, with the path inside params', () => {
    const def = base();
    def.transitions[0].guards = [
      { name: 'required', params: { fields: ['ambassador', ''] } },
      { name: 'dateOrder', params: { field: 'resumeOn' } },
      { name: 'followUpRecorded', params: { milestone: 'm24' } },
      { name: 'commentProvided', params: { why: 1 } },
    ];
    const p = problems(def);
    expect(p.map((x) => x.path)).toEqual([
      ['transitions', 0, 'guards', 0, 'params', 'fields', 1],
      ['transitions', 0, 'guards', 1, 'params', 'after'],
      ['transitions', 0, 'guards', 2, 'params', 'milestone'],
      ['transitions', 0, 'guards', 3, 'params', 'why'],
    ]);
    expect(p[0].message).toBe('a field name is required');
    expect(p[1].message).toBe('dateOrder needs "after" and/or "before"');
    expect(p[3].message).toBe('unknown property "why"');
  });
  it('final state with an outgoing transition', () => {
    const def = base();
    def.transitions.push({ from: ['b', 'c'], to: 'a', label: 'C→A', roles: ['coordinator'] });
    const p = problems(def);
    expect(p).toContainEqual({ path: ['transitions', 3, 'from', 1], message: 'state "c" is final and cannot have outgoing transitions' });
  });
  it('unreachable state', () => {
    const def = base();
    def.states.orphan = { label: 'Orphelin' };
    expect(problems(def)).toEqual([{ path: ['states', 'orphan'], message: 'state "orphan" is not reachable from the initial state "a"' }]);
  });
  it('duplicate transition', () => {
    const def = base();
    def.transitions.push({ from: ['a'], to: 'b', label: 'Encore', roles: ['system'] });
    expect(problems(def)).toEqual([
      { path: ['transitions', 3, 'from', 0], message: 'duplicate transition from "a" to "b" (already defined by transitions[0])' },
    ]);
  });
  it('set may not write the state', () => {
    const def = base();
    def.transitions[0].set = { state: { value: 'c' } };
    expect(problems(def)).toEqual([
      { path: ['transitions', 0, 'set', 'state'], message: '"state" cannot be set by a workflow (the state changes only through transitions)' },
    ]);
  });
});

describe('validateDefinition: fields (with the content type attributes)', () => {
  it('unknown timer field, and a timer on a non-date field', () => {
    const def = base();
    def.states.a.onEnter!.timers!.push(
      { rule: 'demo.b', after: 'P1D', from: 'installedOn', to: ['coordinator'], template: 't' },
      { rule: 'demo.c', after: 'P1D', from: 'notes', to: ['newcomer'], template: 't' }
    );
    expect(problems(def, { attributes })).toEqual([
      { path: ['states', 'a', 'onEnter', 'timers', 1, 'from'], message: 'timer "from" field "installedOn" is not an attribute of api::case.case' },
      { path: ['states', 'a', 'onEnter', 'timers', 2, 'from'], message: 'timer "from" field "notes" has type "text"; a date or datetime is required' },
    ]);
    // Without attributes, the fields are not checked.
    expect(validateDefinition(def).ok).toBe(true);
  });
  it('duplicate timer rule on a state', () => {
    const def = base();
    def.states.a.onEnter!.timers!.push({ rule: 'demo.a', after: 'P3D', from: 'enteredAt', to: ['coordinator'], template: 't' });
    expect(problems(def)).toEqual([{ path: ['states', 'a', 'onEnter', 'timers', 1, 'rule'], message: 'duplicate timer rule "demo.a" (also timers[0])' }]);
  });
  it('set targets and add.field', () => {
    const def = base();
    def.states.b.onEnter!.set = {
      firstContact: { now: true },
      notes: { today: true },
      installedAt: { add: { field: 'hours', duration: 'P1D' } },
      resumeOn: { add: { field: 'nope', duration: 'P1D' } },
      hours: { value: 3 },
    };
    expect(problems(def, { attributes })).toEqual([
      { path: ['states', 'b', 'onEnter', 'set', 'firstContact'], message: expect.stringMatching(/^set target "firstContact" is not an attribute of api::case.case/) },
      { path: ['states', 'b', 'onEnter', 'set', 'notes'], message: 'set target "notes" has type "text"; "today" needs a date or datetime attribute' },
      { path: ['states', 'b', 'onEnter', 'set', 'installedAt', 'add', 'field'], message: '"hours" has type "decimal"; "add" needs a date or datetime attribute' },
      { path: ['states', 'b', 'onEnter', 'set', 'resumeOn', 'add', 'field'], message: '"nope" is not an attribute of api::case.case' },
    ]);
  });
  it('guard field params must exist (and dates be dates)', () => {
    const def = base();
    def.transitions[0].guards = [
      { name: 'required', params: { fields: ['ambassador', 'ambasador'] } },
      { name: 'dateNotInFuture', params: { field: 'notes' } },
      { name: 'dateOrder', params: { field: 'resumeOn', after: '$today', before: 'resumeAt' } },
      { name: 'anyPositive', params: { fields: ['hours', 'km'] } },
    ];
    expect(problems(def, { attributes })).toEqual([
      { path: ['transitions', 0, 'guards', 0, 'params', 'fields', 1], message: '"ambasador" is not an attribute of api::case.case' },
      { path: ['transitions', 0, 'guards', 1, 'params', 'field'], message: '"notes" has type "text"; guard "dateNotInFuture" needs date or datetime' },
      { path: ['transitions', 0, 'guards', 2, 'params', 'before'], message: '"resumeAt" is not an attribute of api::case.case' },
      { path: ['transitions', 0, 'guards', 3, 'params', 'fields', 1], message: '"km" is not an attribute of api::case.case' },
    ]);
  });
});

describe('validateDefinition: several problems at once', () => {
  it('reports every graph problem, not only the first', () => {
    const def = base();
    def.states.orphan = { label: 'Orphelin' };
    def.transitions[0].guards = [{ name: 'magic' }];
    def.transitions[1].to = 'nowhere';
    def.transitions.push({ from: 'c', to: 'a', label: 'x', roles: ['coordinator'] });
    def.transitions.push({ from: 'b', to: 'a', label: 'dup', roles: ['coordinator'] });
    const p = problems(def, { attributes });
    expect(p.map((x) => formatProblemPath(x.path))).toEqual([
      'transitions[0].guards[0].name',
      'transitions[1].to',
      'transitions[3].from',
      'transitions[4].from',
      'states.c', // only b → c led there, and it now goes nowhere
      'states.orphan',
    ]);
    expect(p[2].message).toBe('state "c" is final and cannot have outgoing transitions');
    expect(p[3].message).toBe('duplicate transition from "b" to "a" (already defined by transitions[2])');
  });
});

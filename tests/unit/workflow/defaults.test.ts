import {
  AMBASSADOR_DEFINITION,
  CASE_DEFINITION,
  DEFAULT_DEFINITIONS,
  TIME_DECLARATION_DEFINITION,
  checkTransition,
  evaluate,
  fromStates,
  getDefaultDefinition,
  validateDefinition,
  type WorkflowDefinition,
} from '../../../src/plugins/workflow/server/src/engine';
import { ambassadorUser, coordinator, ctx } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const attributesOf = (api: string) => require(`../../../src/api/${api}/content-types/${api}/schema.json`).attributes;

const pairs = (def: WorkflowDefinition) =>
  def.transitions.flatMap((t) => fromStates(t).map((f) => `${f}>${t.to}:${t.roles.join('+')}:${(t.guards ?? []).map((g) => g.name).join('+')}`));

describe('default definitions', () => {
  it('are the three of issue 4', () => {
    expect(DEFAULT_DEFINITIONS.map((d) => [d.name, d.contentType, d.initial])).toEqual([
      ['case', 'api::case.case', 'received'],
      ['ambassador', 'api::ambassador.ambassador', 'candidate'],
      ['time-declaration', 'api::time-declaration.time-declaration', 'draft'],
    ]);
  });

  it.each([
    ['case', CASE_DEFINITION],
    ['ambassador', AMBASSADOR_DEFINITION],
    ['time-declaration', TIME_DECLARATION_DEFINITION],
  ])('%s validates against the attributes of its schema.json', (api, def) => {
    const attributes = attributesOf(api);
    expect(validateDefinition(def, { attributes })).toEqual({ ok: true, definition: def });
  });

  it('give every state a hex colour and a label', () => {
    for (const def of DEFAULT_DEFINITIONS) {
      for (const s of Object.values(def.states)) {
        expect(s.color).toMatch(/^#[0-9A-F]{6}$/);
        expect(s.label.length).toBeGreaterThan(2);
      }
    }
  });

  it('getDefaultDefinition returns a copy', () => {
    const copy = getDefaultDefinition('api::case.case')!;
    expect(copy).toEqual(CASE_DEFINITION);
    copy.states.received.label = 'changed';
    expect(CASE_DEFINITION.states.received.label).toBe('Contact reçu');
    expect(getDefaultDefinition('nope')).toBeNull();
  });
});

describe('case definition', () => {
  it('states and labels', () => {
    expect(Object.entries(CASE_DEFINITION.states).map(([k, s]) => `${k}:${s.label}${s.final ? ':final' : ''}`)).toEqual([
      'received:Contact reçu',
      'first_contact:Premier contact',
      'interview:Entretien',
      'matching:Croisement des données',
      'visits:Visites',
      'installed:Installé',
      'closed:Clôturé:final',
      'abandoned:Sans suite',
      'on_hold:En attente',
    ]);
  });

  it('transitions, roles and guards', () => {
    expect(pairs(CASE_DEFINITION)).toEqual([
      'received>first_contact:coordinator:required+relatedState',
      'first_contact>interview:coordinator+assignedAmbassador:actionLogged',
      'interview>matching:coordinator:required',
      'matching>visits:coordinator:required',
      'visits>matching:coordinator:',
      'interview>installed:coordinator:required+dateNotInFuture',
      'matching>installed:coordinator:required+dateNotInFuture',
      'visits>installed:coordinator:required+dateNotInFuture',
      'installed>closed:coordinator:followUpRecorded',
      'received>abandoned:coordinator:required',
      'first_contact>abandoned:coordinator:required',
      'interview>abandoned:coordinator:required',
      'matching>abandoned:coordinator:required',
      'visits>abandoned:coordinator:required',
      'on_hold>abandoned:coordinator:required',
      'first_contact>on_hold:coordinator+assignedAmbassador:dateOrder',
      'interview>on_hold:coordinator+assignedAmbassador:dateOrder',
      'matching>on_hold:coordinator+assignedAmbassador:dateOrder',
      'visits>on_hold:coordinator+assignedAmbassador:dateOrder',
      'on_hold>first_contact:coordinator:',
      'on_hold>interview:coordinator:',
      'on_hold>matching:coordinator:',
      'abandoned>received:coordinator:',
    ]);
  });

  it('timers', () => {
    const timers = Object.entries(CASE_DEFINITION.states).flatMap(([state, s]) =>
      (s.onEnter?.timers ?? []).map((t) => `${state}|${t.rule}|${t.from}|${t.after}|${t.to.join('+')}|${t.template}`)
    );
    expect(timers).toEqual([
      'received|case.received.unhandled|enteredAt|P2D|coordinator|case.received.unhandled',
      'matching|case.matching.warning|enteredAt|P7D|coordinator+assignedAmbassador|case.matching.warning',
      'matching|case.matching.overdue|enteredAt|P10D|coordinator+assignedAmbassador|case.matching.overdue',
      'installed|case.follow_up.m3|installedAt|P3M|assignedAmbassador+coordinator|case.follow_up.m3',
      'installed|case.follow_up.m6|installedAt|P6M|assignedAmbassador+coordinator|case.follow_up.m6',
      'installed|case.follow_up.m12|installedAt|P12M|assignedAmbassador+coordinator|case.follow_up.m12',
      'installed|case.satisfaction|installedAt|P6M|newcomer|case.satisfaction',
      'on_hold|case.on_hold.resume|resumeOn|P0D|coordinator+assignedAmbassador|case.on_hold.resume',
    ]);
  });

  it('interview → matching needs the needs checklist ticked, the timeline and the project', () => {
    const doc = {
      state: 'interview',
      needs: { id: 4, premises: false, housing: false, spouseJob: false, notes: null },
      timeline: 'medium',
      practiceMode: null,
      employment: 'liberal',
    };
    expect(checkTransition(CASE_DEFINITION, doc, coordinator, ctx(), 'matching')).toEqual({
      kind: 'guards',
      failures: [{ guard: 'required', message: "Champs obligatoires non renseignés : « Besoins » et « Mode d'exercice »." }],
    });
    const ok = { ...doc, needs: { ...doc.needs, housing: true }, practiceMode: 'group' };
    expect(checkTransition(CASE_DEFINITION, ok, coordinator, ctx(), 'matching').kind).toBe('ok');
  });

  it('on hold needs a resume date after today; the assigned ambassador may put on hold', () => {
    const doc = { state: 'matching', resumeOn: '2026-05-12' };
    expect(checkTransition(CASE_DEFINITION, doc, ambassadorUser('amb-1'), ctx(), 'on_hold')).toEqual({
      kind: 'guards',
      failures: [{ guard: 'dateOrder', message: "La date « Date de reprise » (12/05/2026) doit être après aujourd'hui." }],
    });
    expect(checkTransition(CASE_DEFINITION, { ...doc, resumeOn: '2026-09-01' }, ambassadorUser('amb-1'), ctx(), 'on_hold').kind).toBe('ok');
    expect(checkTransition(CASE_DEFINITION, { ...doc, resumeOn: '2026-09-01' }, ambassadorUser('amb-2'), ctx(), 'on_hold').kind).toBe('forbidden');
  });

  it('received → first_contact needs an assigned, active ambassador', () => {
    const doc = { state: 'received', ambassador: { id: 2, documentId: 'amb-1' } };
    expect(checkTransition(CASE_DEFINITION, doc, coordinator, ctx({ related: { ambassador: { state: 'notice' } } }), 'first_contact')).toEqual({
      kind: 'guards',
      failures: [{ guard: 'relatedState', message: "« Ambassadeur » est à l'état « notice » ; état attendu : « Actif »." }],
    });
  });

  it('closing needs the 12-month follow-up; reopening an abandoned case is possible', () => {
    expect(checkTransition(CASE_DEFINITION, { state: 'installed', followUps: [{ milestone: 'm12', doneAt: '2027-05-02' }] }, coordinator, ctx(), 'closed').kind).toBe('ok');
    expect(checkTransition(CASE_DEFINITION, { state: 'abandoned' }, coordinator, ctx(), 'received').kind).toBe('ok');
  });
});

describe('ambassador definition', () => {
  it('transitions, states and timers', () => {
    expect(pairs(AMBASSADOR_DEFINITION)).toEqual([
      'candidate>validated:coordinator:memberWithCurrentFee',
      'validated>trained:coordinator:required',
      'trained>active:coordinator:',
      'active>active:coordinator:',
      'active>notice:coordinator+assignedAmbassador:',
      'notice>ended:coordinator:',
      'candidate>ended:coordinator:',
      'validated>ended:coordinator:',
      'trained>ended:coordinator:',
    ]);
    expect(Object.keys(AMBASSADOR_DEFINITION.states).filter((k) => AMBASSADOR_DEFINITION.states[k].final)).toEqual(['ended']);
    expect(AMBASSADOR_DEFINITION.states.active.onEnter?.timers).toEqual([
      { rule: 'ambassador.mid_term_review', after: 'P6M', from: 'mandateStart', to: ['coordinator'], template: 'ambassador.mid_term_review' },
      { rule: 'ambassador.renewal', after: '-P30D', from: 'mandateEnd', to: ['coordinator', 'assignedAmbassador'], template: 'ambassador.renewal' },
    ]);
    expect(AMBASSADOR_DEFINITION.states.notice.onEnter?.timers).toEqual([
      { rule: 'ambassador.notice_end', after: 'P15D', from: 'enteredAt', to: ['coordinator'], template: 'ambassador.notice_end' },
    ]);
    expect(AMBASSADOR_DEFINITION.transitions.find((t) => fromStates(t).includes('trained') && t.to === 'ended')?.label).toBe(
      'Abandon de candidature'
    );
  });

  it('trained needs the session date and the kit handed over (false counts as not done)', () => {
    const doc = { state: 'validated', integrationSessionAt: '2026-05-01', kitHandedOver: false };
    expect(checkTransition(AMBASSADOR_DEFINITION, doc, coordinator, ctx(), 'trained')).toEqual({
      kind: 'guards',
      failures: [{ guard: 'required', message: 'Champ obligatoire non renseigné : « Kit remis ».' }],
    });
    expect(checkTransition(AMBASSADOR_DEFINITION, { ...doc, kitHandedOver: true }, coordinator, ctx(), 'trained').kind).toBe('ok');
  });

  it('validated needs a member with the current fee', () => {
    const c = ctx({ related: { professional: { isMember: true, lastFeeYear: 2025 } } });
    expect(checkTransition(AMBASSADOR_DEFINITION, { state: 'candidate' }, coordinator, c, 'validated')).toEqual({
      kind: 'guards',
      failures: [{ guard: 'memberWithCurrentFee', message: "La cotisation 2026 n'est pas à jour (dernière cotisation : 2025)." }],
    });
  });

  it('the ambassador may give notice on their own record, not on another', () => {
    const doc = { state: 'active' };
    const own = evaluate(AMBASSADOR_DEFINITION, doc, ambassadorUser('amb-1'), ctx({ ownerAmbassadorId: 'amb-1' }));
    expect(own.available.filter((t) => t.allowed).map((t) => t.to)).toEqual(['notice']);
    const other = evaluate(AMBASSADOR_DEFINITION, doc, ambassadorUser('amb-1'), ctx({ ownerAmbassadorId: 'amb-3' }));
    expect(other.available.filter((t) => t.allowed)).toEqual([]);
  });
});

describe('time-declaration definition', () => {
  it('transitions and final state', () => {
    expect(pairs(TIME_DECLARATION_DEFINITION)).toEqual([
      'draft>submitted:assignedAmbassador:anyPositive',
      'submitted>validated:coordinator:',
      'submitted>rejected:coordinator:commentProvided',
      'rejected>draft:assignedAmbassador:',
    ]);
    expect(TIME_DECLARATION_DEFINITION.states.validated.final).toBe(true);
  });

  it('submitting needs hours or travel; rejecting needs a comment', () => {
    expect(checkTransition(TIME_DECLARATION_DEFINITION, { state: 'draft', hours: 0, travelKm: 0, travelCost: 0 }, ambassadorUser('amb-1'), ctx(), 'submitted')).toEqual({
      kind: 'guards',
      failures: [
        {
          guard: 'anyPositive',
          message: 'Au moins une valeur doit être supérieure à 0 parmi « Heures », « Kilomètres parcourus » et « Frais de déplacement ».',
        },
      ],
    });
    expect(checkTransition(TIME_DECLARATION_DEFINITION, { state: 'submitted' }, coordinator, ctx(), 'rejected')).toEqual({
      kind: 'guards',
      failures: [{ guard: 'commentProvided', message: 'Un commentaire est obligatoire pour cette étape.' }],
    });
    expect(checkTransition(TIME_DECLARATION_DEFINITION, { state: 'submitted' }, coordinator, ctx({ comment: 'Reçu manquant' }), 'rejected').kind).toBe('ok');
  });
});

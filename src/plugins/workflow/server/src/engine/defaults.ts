// The three default definitions (issue 4), installed at bootstrap when absent. French labels.

import type { RoleKey, TimerDef, WorkflowDefinition } from './types';

// Fresh arrays each time: no two transitions share a mutable roles list.
const C = (): RoleKey[] => ['coordinator'];
const CA = (): RoleKey[] => ['coordinator', 'assignedAmbassador'];

const timer = (rule: string, after: string, from: string, to: TimerDef['to']): TimerDef => ({
  rule,
  after,
  from,
  to,
  template: rule,
});

export const CASE_DEFINITION: WorkflowDefinition = {
  name: 'case',
  contentType: 'api::case.case',
  initial: 'received',
  states: {
    received: {
      label: 'Contact reçu',
      color: '#6366F1',
      onEnter: { timers: [timer('case.received.unhandled', 'P2D', 'enteredAt', ['coordinator'])] },
    },
    first_contact: {
      label: 'Premier contact',
      color: '#0EA5E9',
      onEnter: { set: { firstContactAt: { now: true, ifEmpty: true } } },
    },
    interview: { label: 'Entretien', color: '#8B5CF6' },
    matching: {
      label: 'Croisement des données',
      color: '#F59E0B',
      onEnter: {
        timers: [
          timer('case.matching.warning', 'P7D', 'enteredAt', ['coordinator', 'assignedAmbassador']),
          timer('case.matching.overdue', 'P10D', 'enteredAt', ['coordinator', 'assignedAmbassador']),
        ],
      },
    },
    visits: { label: 'Visites', color: '#14B8A6' },
    installed: {
      label: 'Installé',
      color: '#22C55E',
      onEnter: {
        timers: [
          timer('case.follow_up.m3', 'P3M', 'installedAt', ['assignedAmbassador', 'coordinator']),
          timer('case.follow_up.m6', 'P6M', 'installedAt', ['assignedAmbassador', 'coordinator']),
          timer('case.follow_up.m12', 'P12M', 'installedAt', ['assignedAmbassador', 'coordinator']),
          timer('case.satisfaction', 'P6M', 'installedAt', ['newcomer']),
        ],
      },
    },
    closed: { label: 'Clôturé', final: true, color: '#64748B' },
    abandoned: { label: 'Sans suite', color: '#EF4444' },
    on_hold: {
      label: 'En attente',
      color: '#A8A29E',
      onEnter: { timers: [timer('case.on_hold.resume', 'P0D', 'resumeOn', ['coordinator', 'assignedAmbassador'])] },
    },
  },
  transitions: [
    {
      from: 'received',
      to: 'first_contact',
      label: 'Prendre en charge',
      roles: C(),
      guards: [
        { name: 'required', params: { fields: ['ambassador'], labels: { ambassador: 'Ambassadeur' } } },
        {
          name: 'relatedState',
          params: { relation: 'ambassador', states: ['active'], label: 'Ambassadeur', stateLabels: { active: 'Actif' } },
        },
      ],
    },
    {
      from: 'first_contact',
      to: 'interview',
      label: "Passer à l'entretien",
      roles: CA(),
      guards: [{ name: 'actionLogged', params: {} }],
    },
    {
      from: 'interview',
      to: 'matching',
      label: 'Lancer le croisement',
      roles: C(),
      guards: [
        {
          name: 'required',
          params: {
            fields: ['needs', 'timeline', 'practiceMode', 'employment'],
            labels: {
              needs: 'Besoins',
              timeline: 'Échéance du projet',
              practiceMode: "Mode d'exercice",
              employment: "Statut d'exercice",
            },
          },
        },
      ],
    },
    {
      from: 'matching',
      to: 'visits',
      label: 'Organiser les visites',
      roles: C(),
      guards: [{ name: 'required', params: { fields: ['proposedSites'], labels: { proposedSites: 'Sites proposés' } } }],
    },
    { from: 'visits', to: 'matching', label: 'Revenir au croisement', roles: C() },
    {
      from: ['interview', 'matching', 'visits'],
      to: 'installed',
      label: "Confirmer l'installation",
      roles: C(),
      guards: [
        {
          name: 'required',
          params: {
            fields: ['installedAt', 'installationCommune'],
            labels: { installedAt: "Date d'installation", installationCommune: "Commune d'installation" },
          },
        },
        { name: 'dateNotInFuture', params: { field: 'installedAt', label: "Date d'installation" } },
      ],
    },
    {
      from: 'installed',
      to: 'closed',
      label: "Clôturer l'accompagnement",
      roles: C(),
      guards: [{ name: 'followUpRecorded', params: { milestone: 'm12' } }],
    },
    {
      from: ['received', 'first_contact', 'interview', 'matching', 'visits', 'on_hold'],
      to: 'abandoned',
      label: 'Classer sans suite',
      roles: C(),
      guards: [{ name: 'required', params: { fields: ['abandonReason'], labels: { abandonReason: "Motif d'abandon" } } }],
    },
    {
      from: ['first_contact', 'interview', 'matching', 'visits'],
      to: 'on_hold',
      label: 'Mettre en attente',
      roles: CA(),
      guards: [{ name: 'dateOrder', params: { field: 'resumeOn', after: '$today', strict: true, label: 'Date de reprise' } }],
    },
    { from: 'on_hold', to: 'first_contact', label: 'Reprendre au premier contact', roles: C() },
    { from: 'on_hold', to: 'interview', label: "Reprendre à l'entretien", roles: C() },
    { from: 'on_hold', to: 'matching', label: 'Reprendre au croisement', roles: C() },
    { from: 'abandoned', to: 'received', label: 'Rouvrir', roles: C() },
  ],
};

export const AMBASSADOR_DEFINITION: WorkflowDefinition = {
  name: 'ambassador',
  contentType: 'api::ambassador.ambassador',
  initial: 'candidate',
  states: {
    candidate: { label: 'Candidat', color: '#A78BFA' },
    validated: { label: 'Validé', color: '#6366F1' },
    trained: { label: 'Formé', color: '#0EA5E9' },
    active: {
      label: 'Actif',
      color: '#22C55E',
      onEnter: {
        // Entering from `trained`: start today unless already set, end = start + 1 year. Both are
        // `ifEmpty` so that the active → active renewal keeps them and its own set wins.
        set: {
          mandateStart: { today: true, ifEmpty: true },
          mandateEnd: { add: { field: 'mandateStart', duration: 'P1Y' }, ifEmpty: true },
        },
        timers: [
          timer('ambassador.mid_term_review', 'P6M', 'mandateStart', ['coordinator']),
          timer('ambassador.renewal', '-P30D', 'mandateEnd', ['coordinator', 'assignedAmbassador']),
        ],
      },
    },
    notice: {
      label: 'Préavis',
      color: '#F59E0B',
      onEnter: {
        set: { noticeGivenAt: { today: true } },
        timers: [timer('ambassador.notice_end', 'P15D', 'enteredAt', ['coordinator'])],
      },
    },
    ended: { label: 'Mandat terminé', final: true, color: '#64748B' },
  },
  transitions: [
    {
      from: 'candidate',
      to: 'validated',
      label: 'Valider la candidature',
      roles: C(),
      guards: [{ name: 'memberWithCurrentFee', params: {} }],
    },
    {
      from: 'validated',
      to: 'trained',
      label: 'Enregistrer la formation',
      roles: C(),
      guards: [
        {
          name: 'required',
          params: {
            fields: ['integrationSessionAt', 'kitHandedOver'],
            labels: { integrationSessionAt: "Date de la session d'intégration", kitHandedOver: 'Kit remis' },
          },
        },
      ],
    },
    { from: 'trained', to: 'active', label: 'Activer le mandat', roles: C() },
    {
      from: 'active',
      to: 'active',
      label: 'Renouveler le mandat',
      roles: C(),
      set: { mandateEnd: { add: { field: 'mandateEnd', duration: 'P1Y' } } },
    },
    { from: 'active', to: 'notice', label: 'Donner le préavis', roles: CA() },
    { from: 'notice', to: 'ended', label: 'Clore le mandat', roles: C() },
    { from: ['candidate', 'validated', 'trained'], to: 'ended', label: 'Abandon de candidature', roles: C() },
  ],
};

export const TIME_DECLARATION_DEFINITION: WorkflowDefinition = {
  name: 'time-declaration',
  contentType: 'api::time-declaration.time-declaration',
  initial: 'draft',
  states: {
    draft: { label: 'Brouillon', color: '#94A3B8' },
    submitted: { label: 'Soumise', color: '#0EA5E9' },
    validated: { label: 'Validée', final: true, color: '#22C55E' },
    rejected: { label: 'Refusée', color: '#EF4444' },
  },
  transitions: [
    {
      from: 'draft',
      to: 'submitted',
      label: 'Soumettre',
      roles: ['assignedAmbassador'],
      guards: [
        {
          name: 'anyPositive',
          params: {
            fields: ['hours', 'travelKm', 'travelCost'],
            labels: { hours: 'Heures', travelKm: 'Kilomètres parcourus', travelCost: 'Frais de déplacement' },
          },
        },
      ],
    },
    { from: 'submitted', to: 'validated', label: 'Valider', roles: C() },
    { from: 'submitted', to: 'rejected', label: 'Refuser', roles: C(), guards: [{ name: 'commentProvided', params: {} }] },
    { from: 'rejected', to: 'draft', label: 'Corriger et reprendre', roles: ['assignedAmbassador'] },
  ],
};

export const DEFAULT_DEFINITIONS: WorkflowDefinition[] = [CASE_DEFINITION, AMBASSADOR_DEFINITION, TIME_DECLARATION_DEFINITION];

/** A deep copy of the default definition with that name (or content type), or null. */
export const getDefaultDefinition = (nameOrContentType: string): WorkflowDefinition | null => {
  const def = DEFAULT_DEFINITIONS.find((d) => d.name === nameOrContentType || d.contentType === nameOrContentType);
  return def ? (JSON.parse(JSON.stringify(def)) as WorkflowDefinition) : null;
};

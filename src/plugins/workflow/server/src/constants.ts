export const PLUGIN_ID = 'workflow';

export const DEFINITION_UID = 'plugin::workflow.definition';
export const TRANSITION_UID = 'plugin::workflow.transition';

/** Emitted on Strapi's event hub after a transition is committed. */
export const TRANSITIONED_EVENT = 'workflow.transitioned';

/** Attributes of a workflow-enabled type that only transitions may write. */
export const STATE_FIELD = 'state';
export const VERSION_FIELD = 'workflowVersion';

export const ERRORS = {
  unknownDocument: 'Not Found',
  unknownTransition: (from: string, to: string) => `No transition from "${from}" to "${to}"`,
  forbidden: 'Your role may not take this transition',
  guards: 'The transition is not possible yet',
  stale: (expected: string, actual: string) => `The document is in state "${actual}", not "${expected}"`,
  conflict: 'Another transition changed this document first',
  alreadyIn: (state: string) => `The document is already in state "${state}"`,
  stateReadOnly: 'state can only be changed by a workflow transition',
  stranding: 'This definition would strand documents in removed states',
  invalidDefinition: 'Invalid workflow definition',
  // shown as is by the admin panel and the ambassadors' web space
  cloneRefused: (type: string) =>
    `« ${type} » ne peut pas être dupliqué : son état, ses dates et son historique viennent des étapes du circuit. Créez une nouvelle fiche.`,
  finalReadOnly: (state: string) => `Cette fiche est à l'état final « ${state} » : seule la coordination peut encore la corriger.`,
} as const;

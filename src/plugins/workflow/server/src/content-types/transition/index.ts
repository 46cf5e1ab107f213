export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'workflow_transitions',
    info: {
      singularName: 'transition',
      pluralName: 'transitions',
      displayName: 'Historique des étapes',
      description: 'Une ligne par transition prise : qui, quand, de quelle étape vers laquelle.',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      workflow: { type: 'string', required: true, configurable: false },
      subjectUid: { type: 'string', required: true, configurable: false },
      subjectDocumentId: { type: 'string', required: true, configurable: false },
      from: { type: 'string', configurable: false },
      to: { type: 'string', required: true, configurable: false },
      at: { type: 'datetime', required: true, configurable: false },
      // when the subject left the state this transition entered (the `at` of its next
      // transition); null while it is still there. Written in the next transition's database
      // transaction, it turns "how long in a state" into a column instead of a self-join.
      leftAt: { type: 'datetime', configurable: false },
      actorKind: { type: 'string', required: true, configurable: false },
      actorId: { type: 'string', configurable: false },
      actorName: { type: 'string', configurable: false },
      comment: { type: 'text', configurable: false },
      definitionVersion: { type: 'integer', configurable: false },
    },
  },
};

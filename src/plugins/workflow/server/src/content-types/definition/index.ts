export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'workflow_definitions',
    info: {
      singularName: 'definition',
      pluralName: 'definitions',
      displayName: 'Définition de workflow',
      description: 'Une version d’une définition de workflow (chaque enregistrement crée une version).',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      name: { type: 'string', required: true, configurable: false },
      contentType: { type: 'string', required: true, configurable: false },
      version: { type: 'integer', required: true, configurable: false },
      // Text, not json: PostgreSQL's jsonb reorders keys, and the order of states is the order
      // of the board's columns.
      definition: { type: 'text', required: true, configurable: false },
      savedBy: { type: 'string', configurable: false },
    },
  },
};

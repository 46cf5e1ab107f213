export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'reminders',
    info: {
      singularName: 'reminder',
      pluralName: 'reminders',
      displayName: 'Relance',
      description: 'Un e-mail de relance programmé, avec son échéance et son état.',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      rule: { type: 'string', required: true, configurable: false },
      template: { type: 'string', required: true, configurable: false },
      subjectUid: { type: 'string', configurable: false },
      subjectDocumentId: { type: 'string', configurable: false },
      /** The workflow state whose timer created the reminder (null for recurring ones). */
      subjectState: { type: 'string', configurable: false },
      recipient: {
        type: 'enumeration',
        enum: ['coordinator', 'assignedAmbassador', 'newcomer'],
        required: true,
        configurable: false,
      },
      copyTo: { type: 'json', configurable: false },
      dueAt: { type: 'datetime', required: true, configurable: false },
      status: {
        type: 'enumeration',
        enum: ['scheduled', 'sent', 'failed', 'cancelled', 'skipped'],
        default: 'scheduled',
        required: true,
        configurable: false,
      },
      attempts: { type: 'integer', default: 0, configurable: false },
      lastError: { type: 'text', configurable: false },
      sentAt: { type: 'datetime', configurable: false },
      messageId: { type: 'string', configurable: false },
      /** rule|subject|recipient|anchor: one row per reminder, whatever retries or events happen. */
      dedupeKey: { type: 'string', required: true, unique: true, configurable: false },
      /** Set while a worker sends it, so that a second worker never sends it too. */
      claimToken: { type: 'string', private: true, configurable: false },
      claimedAt: { type: 'datetime', private: true, configurable: false },
    },
  },
};

'use strict';
const { createIndexes } = require('../lib/indexes');
/**
 * Indexes the indicator queries use (src/plugins/indicators). Idempotent and valid on SQLite and
 * PostgreSQL (CREATE INDEX IF NOT EXISTS). Strapi runs migrations before it creates the tables,
 * so on a fresh database this finds no table and the indicators plugin runs it again at
 * bootstrap; a table or column that does not exist yet is skipped. The indexes that the
 * covering-indexes migration extends are no longer created here (it drops them).
 */
const INDEXES = [
  ['workflow_transitions', 'ind_wf_transitions_subject_at', ['subject_uid', 'subject_document_id', 'at']],
  ['reminders', 'ind_reminders_rule_status_sent_at', ['rule', 'status', 'sent_at']],
];

module.exports = {
  async up(knex) {
    await createIndexes(knex, INDEXES);
  },
  INDEXES,
};

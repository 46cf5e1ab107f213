'use strict';
/**
 * Indexes the indicator queries use (src/plugins/indicators). Idempotent and valid on SQLite and
 * PostgreSQL (CREATE INDEX IF NOT EXISTS). Strapi runs migrations before it creates the tables,
 * so on a fresh database this finds no table and the indicators plugin runs it again at
 * bootstrap; a table or column that does not exist yet is skipped.
 */
const INDEXES = [
  ['cases', 'ind_cases_first_contact_at', ['first_contact_at']],
  ['cases', 'ind_cases_installed_at', ['installed_at']],
  ['workflow_transitions', 'ind_wf_transitions_uid_to_at', ['subject_uid', 'to', 'at']],
  ['workflow_transitions', 'ind_wf_transitions_subject_at', ['subject_uid', 'subject_document_id', 'at']],
  ['satisfaction_responses', 'ind_satisfaction_submitted_at', ['submitted_at']],
  ['time_declarations', 'ind_time_declarations_state_month', ['state', 'month']],
  ['reminders', 'ind_reminders_rule_status_sent_at', ['rule', 'status', 'sent_at']],
];

module.exports = {
  async up(knex) {
    for (const [table, name, columns] of INDEXES) {
      if (!(await knex.schema.hasTable(table))) continue;
      let missing = false;
      for (const column of columns) if (!(await knex.schema.hasColumn(table, column))) missing = true;
      if (missing) continue;
      const cols = columns.map(() => '??').join(', ');
      await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${cols})`, [name, table, ...columns]);
    }
  },
  INDEXES,
};

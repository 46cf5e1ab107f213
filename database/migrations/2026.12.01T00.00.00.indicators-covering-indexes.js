'use strict';
const { createIndexes } = require('../lib/indexes');
/**
 * Covering indexes for the indicator queries (src/plugins/indicators): each range the queries
 * read (contacts by firstContactAt, installations with their follow-up dates by installedAt,
 * entries into a workflow state with the time they were left, responses and validated
 * declarations of a period, each with its mirrored ambassador) carries the columns the
 * aggregate needs, so PostgreSQL answers from the index alone and SQLite from the index b-tree.
 * The single-column indexes of the first indicators migration that these extend are dropped.
 * Idempotent on SQLite and PostgreSQL; like the first one, the plugin runs it again at bootstrap.
 */
const INDEXES = [
  ['cases', 'ind_cases_first_contact_cover', ['first_contact_at', 'profession', 'installed_at', 'assigned_ambassador_id']],
  [
    'cases',
    'ind_cases_installed_cover',
    ['installed_at', 'profession', 'first_contact_at', 'assigned_ambassador_id', 'follow_up_m_3_done_at', 'follow_up_m_6_done_at', 'follow_up_m_12_done_at'],
  ],
  ['workflow_transitions', 'ind_wf_transitions_uid_to_cover', ['subject_uid', 'to', 'at', 'left_at']],
  ['satisfaction_responses', 'ind_satisfaction_submitted_cover', ['submitted_at', 'score', 'case_ambassador_id']],
  ['time_declarations', 'ind_time_declarations_validated_cover', ['state', 'month', 'assigned_ambassador_id', 'hours', 'travel_km', 'travel_cost']],
];

/** Extended by the covering indexes above. */
const SUPERSEDED = ['ind_cases_first_contact_at', 'ind_cases_installed_at', 'ind_wf_transitions_uid_to_at', 'ind_satisfaction_submitted_at', 'ind_time_declarations_state_month'];

module.exports = {
  async up(knex) {
    await createIndexes(knex, INDEXES);
    for (const name of SUPERSEDED) await knex.raw('DROP INDEX IF EXISTS ??', [name]);
  },
  INDEXES,
  SUPERSEDED,
};

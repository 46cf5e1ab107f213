import type { Core } from '@strapi/strapi';
import { UID } from '../utils/constants';

const CASE = UID.case;
const RULE = 'case.satisfaction';
const REMINDER_RULE = 'case.satisfaction.reminder';

/**
 * One response per case, held by the database: a unique index on `caseKey` (Strapi 5 does not
 * create unique indexes for `unique: true` attributes). Schema sync leaves indexes it did not
 * create alone. NULLs (responses written by code other than the questionnaire, e.g. an import)
 * never collide.
 */
export const ensureSatisfactionIndex = async (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(UID.satisfactionResponse) as any;
  const column = meta.attributes.caseKey.columnName ?? 'case_key';
  await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS satisfaction_responses_case_key_uq ON ${meta.tableName} (${column})`);
};

/**
 * Wires the questionnaire into the reminders: the link provider of its e-mails, and the
 * triggers other than the `installed +6 months` timer (a case closed, or abandoned after an
 * interview took place), scheduled at once with a once-per-case dedupe key.
 */
export const wireSatisfaction = (strapi: Core.Strapi) => {
  const reminders = strapi.plugin('reminders');
  if (!reminders) return;
  const satisfaction = () => strapi.service('api::satisfaction.satisfaction' as any) as any;
  const provider = async (row: { subjectDocumentId: string }) => satisfaction().link(row.subjectDocumentId);
  reminders.service('sender').registerLinkProvider(RULE, provider);
  reminders.service('sender').registerLinkProvider(REMINDER_RULE, provider);

  const scheduler = reminders.service('scheduler');
  strapi.eventHub.on('workflow.transitioned', async (event: any) => {
    if (event?.uid !== CASE || (event.to !== 'closed' && event.to !== 'abandoned')) return;
    scheduler.track(
      (async () => {
        if (event.to === 'abandoned') {
          const interviewed = await strapi.db
            .query('plugin::workflow.transition' as any)
            .count({ where: { subjectUid: CASE, subjectDocumentId: event.documentId, to: 'interview' } });
          if (interviewed === 0) return;
        }
        await scheduler.scheduleOnce({
          rule: RULE,
          uid: CASE,
          documentId: event.documentId,
          recipient: 'newcomer',
          dueAt: new Date(),
        });
      })()
    );
  });
};

import crypto from 'crypto';
import type { TestApp } from './strapi';

/**
 * A dataset generator for the indicators: ambassadors with a workflow history, cases with
 * chosen dates, follow-ups and transitions, satisfaction responses, questionnaires sent and time
 * declarations, written straight to the database the way the app would have left them (state
 * fields and history rows with a raw query, since only transitions may write them at runtime).
 */

/** An instant given as local wall-clock time 'YYYY-MM-DDTHH:mm' at a fixed UTC offset. */
export const localInstant = (wall: string, offset = '+04:00') => new Date(`${wall}:00${offset}`);

type Moment = Date | string;
const toDate = (m: Moment) => (m instanceof Date ? m : localInstant(m));

export type HistoryStep = { from: string | null; to: string; at: Moment };
export type AmbassadorSpec = { displayName: string; state: string; history?: HistoryStep[] };
export type CaseSpec = {
  ambassador?: string | null;
  profession?: string;
  state?: string;
  firstContactAt?: Moment | null;
  installedAt?: string | null;
  followUps?: Array<{ milestone: 'm3' | 'm6' | 'm12'; doneAt: string | null }>;
  history?: HistoryStep[];
};

export const dataset = (app: TestApp) => {
  const { strapi } = app;
  /** History rows, then `leftAt` as the app fills it for rows written outside a transition. */
  const history = async (workflow: string, subjectUid: string, subjectDocumentId: string, steps: HistoryStep[]) => {
    for (const step of steps) {
      await strapi.db.query('plugin::workflow.transition').create({
        data: { workflow, subjectUid, subjectDocumentId, from: step.from, to: step.to, at: toDate(step.at), actorKind: 'system', actorName: 'dataset' },
      });
    }
    if (steps.length > 0) await strapi.plugin('workflow').service('transitions').fillLeftAt();
  };

  return {
    /** An ambassador in `state`, with its mandate history; returns its documentId. */
    async ambassador(spec: AmbassadorSpec): Promise<string> {
      const doc = await strapi.documents('api::ambassador.ambassador').create({ data: { displayName: spec.displayName } as any });
      await strapi.db.query('api::ambassador.ambassador').updateMany({ where: { documentId: doc.documentId }, data: { state: spec.state } });
      await history('ambassador', 'api::ambassador.ambassador', doc.documentId, spec.history ?? []);
      return doc.documentId;
    },

    /** A case with its dates, follow-ups and transitions; returns its documentId. */
    async case(spec: CaseSpec): Promise<string> {
      const doc = await strapi.documents('api::case.case').create({
        data: {
          newcomerFirstName: 'Nouvel',
          newcomerLastName: `Installé ${crypto.randomBytes(3).toString('hex')}`,
          profession: spec.profession ?? 'general_practitioner',
          ambassador: spec.ambassador ?? null,
          firstContactAt: spec.firstContactAt ? toDate(spec.firstContactAt).toISOString() : null,
          installedAt: spec.installedAt ?? null,
          followUps: spec.followUps ?? [],
        } as any,
      });
      if (spec.state) await strapi.db.query('api::case.case').updateMany({ where: { documentId: doc.documentId }, data: { state: spec.state } });
      await history('case', 'api::case.case', doc.documentId, spec.history ?? []);
      return doc.documentId;
    },

    response: (caseDocumentId: string, score: number, submittedAt: Moment) =>
      strapi.documents('api::satisfaction-response.satisfaction-response').create({
        data: { case: caseDocumentId, score, submittedAt: toDate(submittedAt).toISOString(), answers: {} } as any,
      }),

    /** A satisfaction questionnaire e-mail row (status sent unless given). */
    questionnaireSent: (caseDocumentId: string, sentAt: Moment | null, status = 'sent') =>
      strapi.db.query('plugin::reminders.reminder').create({
        data: {
          rule: 'case.satisfaction',
          template: 'case.satisfaction',
          subjectUid: 'api::case.case',
          subjectDocumentId: caseDocumentId,
          recipient: 'newcomer',
          dueAt: sentAt ? toDate(sentAt) : new Date(),
          status,
          sentAt: sentAt ? toDate(sentAt) : null,
          dedupeKey: `dataset|${crypto.randomBytes(8).toString('hex')}`,
        },
      }),

    async declaration(ambassador: string, spec: { month: string; hours: number; travelKm?: number; travelCost?: number; state?: string }) {
      const doc = await strapi.documents('api::time-declaration.time-declaration').create({
        data: { ambassador, month: spec.month, hours: spec.hours, travelKm: spec.travelKm ?? 0, travelCost: spec.travelCost ?? 0, activity: 'accompaniment' } as any,
      });
      await strapi.db.query('api::time-declaration.time-declaration').updateMany({ where: { documentId: doc.documentId }, data: { state: spec.state ?? 'validated' } });
      return doc.documentId;
    },
  };
};

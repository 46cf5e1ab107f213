import type { Core } from '@strapi/strapi';
import { DEFAULT_SATISFACTION_QUESTIONS, DEFAULT_TARGETS, DEFAULT_TIMEZONE, UID } from '../utils/constants';

/**
 * Creates the CPTS settings with the programme's default targets on first boot only; fills the
 * questionnaire's default questions when the list is empty (first boot, or an instance created
 * before the questionnaire existed).
 */
export const ensureCptsSettings = async (strapi: Core.Strapi) => {
  const documents = strapi.documents(UID.cptsSetting);
  const existing = (await documents.findFirst({ fields: ['id'], populate: { satisfactionQuestions: true } } as any)) as any;
  const questions = DEFAULT_SATISFACTION_QUESTIONS.map((q) => ({ ...q }));
  if (existing) {
    if ((existing.satisfactionQuestions ?? []).length === 0) {
      await documents.update({ documentId: existing.documentId, data: { satisfactionQuestions: questions } as any });
    }
    return;
  }
  await documents.create({
    data: {
      name: process.env.CPTS_NAME || 'CPTS',
      timezone: process.env.CPTS_TIMEZONE || DEFAULT_TIMEZONE,
      targets: DEFAULT_TARGETS.map((t) => ({ ...t })),
      matchingWindowDays: 10,
      followUpWindowDays: 14,
      satisfactionQuestions: questions,
    } as any,
  });
};

import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { DEFAULT_SATISFACTION_QUESTIONS, UID } from '../../../utils/constants';
import { satisfactionSecret, signToken, tokenDays, verifyToken } from './token';
import { forbiddenCharacter } from '../../../validation/hygiene';

// answers are stored as JSON, which input hygiene does not walk: the text answers are checked here
const cleanText = (v: string) => forbiddenCharacter(v) === null;
const CLEAN_TEXT_MESSAGE = 'must not contain control or bidirectional formatting characters';

export type Question = { key: string; label: string; kind: 'scale_1_5' | 'yes_no' | 'text'; required: boolean };

/** Why a link cannot be used, with the HTTP status it answers. */
export class LinkError extends Error {
  constructor(public status: 400 | 409 | 410, public errorName: string, message: string) {
    super(message);
  }
}

const answerSchema = (q: Question) => {
  const base =
    q.kind === 'scale_1_5'
      ? z.number({ error: 'must be a whole number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5')
      : q.kind === 'yes_no'
        ? z.boolean({ error: 'must be true or false' })
        : z.string({ error: 'must be a text' }).trim().max(2000, 'must be at most 2000 characters').refine(cleanText, CLEAN_TEXT_MESSAGE);
  return q.required ? (q.kind === 'text' ? (base as z.ZodString).min(1, 'is required') : base) : base.nullable().optional();
};

/** The body of POST /api/satisfaction/:token against the configured questions. */
export const bodySchema = (questions: Question[]) =>
  z
    .object({
      score: z.number({ error: 'must be a whole number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5'),
      answers: z.object(Object.fromEntries(questions.map((q) => [q.key, answerSchema(q)]))).strict(),
      comment: z.string({ error: 'must be a text' }).trim().max(5000, 'must be at most 5000 characters').refine(cleanText, CLEAN_TEXT_MESSAGE).nullable().optional(),
    })
    .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const hits = new Map<string, number[]>();
  const WINDOW_MS = 10 * 60 * 1000;

  const settings = async () =>
    (await strapi.documents(UID.cptsSetting).findFirst({ populate: { satisfactionQuestions: true } } as any)) as any;

  const caseOf = async (documentId: string) =>
    (await strapi.db.query(UID.case as any).findOne({ where: { documentId }, select: ['id', 'documentId', 'newcomerFirstName'] })) as
      | { id: number; documentId: string; newcomerFirstName: string }
      | null;

  const answered = async (caseDocumentId: string) =>
    (await strapi.db.query(UID.satisfactionResponse as any).count({ where: { $or: [{ caseKey: caseDocumentId }, { case: { documentId: caseDocumentId } }] } })) > 0;

  return {
    /** In-process sliding window per IP: true when the request may go on. */
    allow(ip: string, now = Date.now()) {
      const max = Number(process.env.SATISFACTION_RATE_LIMIT) > 0 ? Number(process.env.SATISFACTION_RATE_LIMIT) : 30;
      const recent = (hits.get(ip) ?? []).filter((t) => now - t < WINDOW_MS);
      if (hits.size > 10000) for (const [k, v] of hits) if (v.every((t) => now - t >= WINDOW_MS)) hits.delete(k);
      if (recent.length >= max) {
        hits.set(ip, recent);
        return false;
      }
      recent.push(now);
      hits.set(ip, recent);
      return true;
    },

    resetRateLimit() {
      hits.clear();
    },

    async questions(): Promise<Question[]> {
      const list = ((await settings())?.satisfactionQuestions ?? []) as Question[];
      const source = list.length > 0 ? list : DEFAULT_SATISFACTION_QUESTIONS;
      return source.map((q) => ({ key: q.key, label: q.label, kind: q.kind, required: q.required !== false }));
    },

    /** The personal link of a case's questionnaire (the reminders' link provider). */
    link(caseDocumentId: string) {
      const base = (process.env.PUBLIC_URL || 'http://localhost:1337').replace(/\/$/, '');
      return `${base}/questionnaire/#${signToken(caseDocumentId, satisfactionSecret(), { days: tokenDays() })}`;
    },

    answered,

    /** The case a usable link belongs to, or a LinkError (invalid 400, expired 410, used 409). */
    async resolve(token: string) {
      const v = verifyToken(token, satisfactionSecret());
      if (v.status === 'invalid') throw new LinkError(400, 'ValidationError', 'Invalid questionnaire link');
      if (v.status === 'expired') throw new LinkError(410, 'GoneError', 'This questionnaire link has expired');
      const c = await caseOf(v.payload.caseDocumentId);
      if (!c) throw new LinkError(400, 'ValidationError', 'Invalid questionnaire link');
      if (await answered(c.documentId)) throw new LinkError(409, 'ConflictError', 'This questionnaire has already been answered');
      return c;
    },

    async form(token: string) {
      const c = await this.resolve(token);
      return { cpts: (await settings())?.name ?? 'CPTS', firstName: c.newcomerFirstName ?? '', questions: await this.questions() };
    },

    /**
     * Stores the response. One per case, also under concurrency: `caseKey` (the case
     * documentId) has a unique index, so of two simultaneous submissions one gets 409.
     */
    async submit(token: string, body: unknown) {
      const c = await this.resolve(token);
      const parsed = bodySchema(await this.questions()).safeParse(body);
      if (!parsed.success) return { errors: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
      const { score, answers, comment } = parsed.data;
      try {
        const created = await strapi.documents(UID.satisfactionResponse).create({
          data: { case: c.documentId, caseKey: c.documentId, score, answers, comment: comment || null, submittedAt: new Date().toISOString() } as any,
        });
        return { created };
      } catch (error) {
        if (await answered(c.documentId)) throw new LinkError(409, 'ConflictError', 'This questionnaire has already been answered');
        throw error;
      }
    },
  };
};

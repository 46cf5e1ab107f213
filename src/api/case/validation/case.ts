import { z } from 'zod';
import { isoDate } from '../../../validation';

export const ACTION_KINDS = ['call', 'email', 'meeting', 'visit', 'introduction'] as const;

/** One entry of a case's actions log, as an ambassador or the coordinator records it. */
export const actionInput = z
  .object({
    kind: z.enum(ACTION_KINDS, { message: `must be one of ${ACTION_KINDS.join(', ')}` }),
    date: isoDate,
    summary: z.string().trim().min(1, 'is required').max(5000),
    minutes: z.number().int('must be a whole number').min(0, 'must not be negative').max(1440).default(0),
  })
  .strict();

export type ActionInput = z.infer<typeof actionInput>;

/** What an ambassador may change on a case assigned to them (the tracking-sheet fields). */
export const AMBASSADOR_WRITABLE_CASE_FIELDS = [
  'newcomerPhone',
  'newcomerEmail',
  'specialty',
  'comesFrom',
  'timeline',
  'practiceMode',
  'employment',
  'needs',
  'targetCommunes',
  'visitedSites',
  'followUps',
  'majorDifficulty',
  'majorDifficultyNote',
  'notes',
] as const;

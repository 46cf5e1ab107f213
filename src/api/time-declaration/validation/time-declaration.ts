import { z } from 'zod';
import { isoDate } from '../../../validation';

export const ACTIVITIES = ['accompaniment', 'meeting', 'training', 'event', 'administration', 'other'] as const;

const amount = (max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .refine(Number.isFinite, 'must be a number')
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max}`);

/**
 * Domain rules on top of the schema: a declaration covers one calendar month (its first day),
 * amounts are non-negative. Relations and media are checked by Strapi itself.
 */
export const timeDeclarationInput = z
  .object({
    month: isoDate.refine((v) => v.endsWith('-01'), 'must be the first day of the month (YYYY-MM-01)'),
    hours: amount(744),
    activity: z.enum(ACTIVITIES, { message: `must be one of ${ACTIVITIES.join(', ')}` }),
    description: z.string().max(2000).nullable(),
    travelKm: amount(100000),
    travelCost: amount(100000),
    receipts: z.unknown(),
    ambassador: z.unknown(),
    reviewComment: z.string().max(2000).nullable(),
  })
  .partial()
  .strict();

export const AMBASSADOR_WRITABLE_DECLARATION_FIELDS = [
  'month',
  'hours',
  'activity',
  'description',
  'travelKm',
  'travelCost',
  'receipts',
] as const;

/** States in which the declarant may still edit or delete their declaration. */
export const EDITABLE_STATES = ['draft', 'rejected'];

import { z } from 'zod';

export const transitionBody = z
  .object({
    to: z.string({ message: 'is required' }).min(1, 'is required').max(64),
    comment: z.string().max(2000).nullable().optional(),
    expectedState: z.string().min(1).max(64).nullable().optional(),
  })
  .strict();

export const definitionBody = z.object({ definition: z.unknown() }).strict();

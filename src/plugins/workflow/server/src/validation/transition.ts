import { z } from 'zod';

/**
 * Control characters (but TAB, LF, CR) and bidirectional overrides/isolates: the comment goes to
 * the history as it is (PostgreSQL refuses NUL in text; an override makes it read otherwise). The
 * application's own content types apply the same rule (src/validation/hygiene.ts); the plugin
 * keeps its copy to stand on its own.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export const transitionBody = z
  .object({
    to: z.string({ message: 'is required' }).min(1, 'is required').max(64),
    comment: z
      .string()
      .max(2000)
      .refine((v) => !FORBIDDEN_CHARACTER.test(v), 'must not contain control or bidirectional formatting characters')
      .nullable()
      .optional(),
    expectedState: z.string().min(1).max(64).nullable().optional(),
  })
  .strict();

export const definitionBody = z.object({ definition: z.unknown() }).strict();

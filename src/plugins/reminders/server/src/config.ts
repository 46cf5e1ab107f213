import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configSchema = z
  .object({
    /** Run the BullMQ workers in this process (the app in development, `npm run worker` in production). */
    worker: z.boolean().default(true),
    concurrency: int(1, 200).default(10),
    attempts: int(1, 50).default(5),
    backoffMs: int(10, 3_600_000).default(30_000),
    /** A send claim older than this belongs to a worker that died mid-send (at-least-once). */
    claimLeaseMs: int(100, 3_600_000).default(5 * 60_000),
    /** BullMQ lock duration: a job of a dead worker is taken over after it. */
    lockMs: int(500, 600_000).default(30_000),
    /** Local time day-granular reminders fall due at. */
    dueTime: z.string().regex(/^\d{2}:\d{2}$/).default('09:00'),
    reconcileEvery: z.string().default('*/5 * * * *'),
    monthlyTimeCron: z.string().default('0 9 1 * *'),
    weeklyDigestCron: z.string().default('0 8 * * 1'),
    publicUrl: z.string().default('http://localhost:1337'),
    mail: z
      .object({
        host: z.string().nullable().default(null),
        port: int(1, 65535).default(587),
        secure: z.boolean().default(false),
        user: z.string().nullable().default(null),
        pass: z.string().nullable().default(null),
        from: z.string().default('Ancrage <no-reply@localhost>'),
        /** Without SMTP in development, mails are written here as .eml files. */
        outbox: z.string().default('.tmp/mail'),
      })
      .strict()
      .default({ host: null, port: 587, secure: false, user: null, pass: null, from: 'Ancrage <no-reply@localhost>', outbox: '.tmp/mail' }),
  })
  .strict();

export type RemindersConfig = z.infer<typeof configSchema>;

export default {
  default: configSchema.parse({}),
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(
        `Invalid reminders plugin configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
      );
    }
  },
};

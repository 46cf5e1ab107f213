import { z } from 'zod';

/**
 * How the plugin sees a workflow-enabled content type. Paths are relation names, so the plugin
 * works on any content type without knowing it:
 * - `route`: the plural of the content-API path (`/api/<route>/:documentId/...`);
 * - `owner`: relation to the ambassador the document belongs to (`$self` for an ambassador record);
 * - `related`: relations loaded for guards, by the name guards use;
 * - `populate`: what guards read (components, relations).
 */
const subjectSchema = z
  .object({
    workflow: z.string().min(1),
    route: z.string().regex(/^[a-z][a-z0-9-]*$/),
    owner: z.string().min(1).nullable().default(null),
    related: z.record(z.string(), z.string()).default({}),
    populate: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const configSchema = z
  .object({
    subjects: z.record(z.string(), subjectSchema).default({}),
    timezone: z
      .object({ uid: z.string().nullable().default(null), field: z.string().default('timezone'), fallback: z.string().default('UTC') })
      .strict()
      .default({ uid: null, field: 'timezone', fallback: 'UTC' }),
  })
  .strict();

export type WorkflowPluginConfig = z.infer<typeof configSchema>;
export type SubjectConfig = z.infer<typeof subjectSchema>;

export default {
  default: {
    subjects: {},
    timezone: { uid: null, field: 'timezone', fallback: 'UTC' },
  },
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(
        `Invalid workflow plugin configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
      );
    }
  },
};

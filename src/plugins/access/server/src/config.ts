import { z } from 'zod';

/**
 * - `adminRoles`: admin role code → role key (Super Admin is recognised by Strapi's own code);
 * - `userRoles`: users-permissions role type → role key;
 * - `privileged`: role keys that see every document of every type (besides Super Admin and
 *   full-access API tokens);
 * - `owner`: the type whose records belong to a users-permissions user (an ambassador's record),
 *   read once per request for the actor's `ambassadorId`.
 */
export const configSchema = z
  .object({
    adminRoles: z.record(z.string(), z.string()).default({}),
    userRoles: z.record(z.string(), z.string()).default({}),
    privileged: z.array(z.string()).default([]),
    owner: z
      .object({ uid: z.string().nullable().default(null), userField: z.string().default('user'), role: z.string().default('ambassador') })
      .strict()
      .default({ uid: null, userField: 'user', role: 'ambassador' }),
  })
  .strict();

export type AccessPluginConfig = z.infer<typeof configSchema>;

export default {
  default: { adminRoles: {}, userRoles: {}, privileged: [], owner: { uid: null, userField: 'user', role: 'ambassador' } },
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid access plugin configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
  },
};

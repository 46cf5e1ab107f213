import { z } from 'zod';

export const configSchema = z.object({}).strict();

export default {
  default: {},
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid indicators plugin configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
  },
};

import type { Core } from '@strapi/strapi';
import type { SubjectConfig, WorkflowPluginConfig } from '../config';

/** The workflow-enabled content types, from the plugin configuration. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::workflow') as WorkflowPluginConfig;

  return {
    all(): Array<SubjectConfig & { uid: string }> {
      return Object.entries(config().subjects).map(([uid, s]) => ({ ...s, uid }));
    },

    get(uid: string): (SubjectConfig & { uid: string }) | null {
      const s = config().subjects[uid];
      return s ? { ...s, uid } : null;
    },

    byWorkflow(name: string) {
      return this.all().find((s) => s.workflow === name) ?? null;
    },

    /** The CPTS timezone the date guards and `today` use. */
    async timezone(): Promise<string> {
      const { uid, field, fallback } = config().timezone;
      if (!uid) return fallback;
      const settings = (await strapi.db.query(uid as any).findOne({ select: [field] })) as Record<string, unknown> | null;
      const tz = settings?.[field];
      return typeof tz === 'string' && tz ? tz : fallback;
    },
  };
};

import type { Core } from '@strapi/strapi';
import { getService } from './utils';

/**
 * Editing the date a timer counts from (an installation date, a resume date, a mandate end)
 * moves the pending reminders that count from it.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // `read` shows the "Relances" menu link and list, `manage` retries and cancels (Coordination,
  // Super Admin); the admin routes check them. In `register` so that the admin's bootstrap knows them.
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'Consulter les relances', uid: 'read', pluginName: 'reminders' },
    { section: 'plugins', displayName: 'Relancer ou annuler une relance', uid: 'manage', pluginName: 'reminders' },
  ]);

  strapi.documents.use((async (context: any, next: () => Promise<unknown>) => {
    const result = await next();
    if (context.action !== 'update') return result;
    const subject = strapi.plugin('workflow').service('subjects').get(context.uid);
    const data = context.params?.data;
    if (!subject || !data || typeof data !== 'object') return result;
    const model = strapi.getModel(context.uid) as any;
    const changed = Object.keys(data).filter((k) => ['date', 'datetime'].includes(model?.attributes?.[k]?.type));
    if (changed.length > 0 && context.params.documentId) {
      await getService('scheduler', strapi).reschedule(context.uid, context.params.documentId, changed);
    }
    return result;
  }) as any);
};

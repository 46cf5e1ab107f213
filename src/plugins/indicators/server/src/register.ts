import type { Core } from '@strapi/strapi';
import { UIDS } from './constants';
import { getService } from './utils';

/**
 * `plugin::indicators.read` shows the "Indicateurs" menu link: granted to the Coordination role
 * (src/bootstrap/permissions.ts) and, as every action, to Super Admin; the admin routes check it. Registered in `register` (not `bootstrap`) so that the admin's bootstrap, which
 * runs first and resets Super Admin's permissions, already knows the action.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'Consulter les indicateurs', uid: 'read', pluginName: 'indicators' },
  ]);

  // a case's follow-up dates follow its follow-ups, whoever writes them (API, admin panel, code)
  strapi.documents.use((async (context: any, next: () => Promise<any>) => {
    const result = await next();
    if (context.uid !== UIDS.case) return result;
    const touched = context.action === 'create' || (context.action === 'update' && context.params?.data && 'followUps' in context.params.data);
    const documentId = result?.documentId ?? context.params?.documentId;
    if (touched && documentId) await getService('facts', strapi).refreshFollowUpDates(documentId);
    return result;
  }) as any);
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from './constants';
import { getService } from './utils';
import { KEPT_COLUMNS } from './services/facts';

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Whether a value sent back equals the stored one, across the forms dates and numbers travel in. */
const sameValue = (sent: unknown, stored: unknown): boolean => {
  if (isEmpty(sent) || isEmpty(stored)) return isEmpty(sent) && isEmpty(stored);
  if (String(sent) === String(stored)) return true;
  if (typeof sent === 'number' || typeof stored === 'number') return Number(sent) === Number(stored);
  const a = new Date(sent as string).getTime();
  return !Number.isNaN(a) && a === new Date(stored as string).getTime();
};

const maintained = (fields: string[]) =>
  new errors.ValidationError(`${fields.join(', ')} is maintained by the application`, {
    errors: fields.map((field) => ({ path: [field], message: 'maintained by the application, cannot be written', name: 'ValidationError' })),
  });

/**
 * `plugin::indicators.read` shows the "Indicateurs" menu link: granted to the Coordination role
 * (src/bootstrap/permissions.ts) and, as every action, to Super Admin; the admin routes check it. Registered in `register` (not `bootstrap`) so that the admin's bootstrap, which
 * runs first and resets Super Admin's permissions, already knows the action.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'Consulter les indicateurs', uid: 'read', pluginName: 'indicators' },
  ]);

  /**
   * The kept columns are refused on every Document Service write (Content Manager, content API,
   * application code): 400 naming the field. An unchanged value (the admin panel sends back the
   * whole entry) and an empty one on create are dropped.
   */
  const refuseKeptColumns = async (context: any) => {
    const kept = KEPT_COLUMNS[context.uid];
    const data = context.params?.data;
    if (!kept || !['create', 'update', 'clone'].includes(context.action) || !data || typeof data !== 'object') return;
    const sent = kept.filter((field) => field in data);
    if (sent.length === 0) return;
    const stored =
      context.action === 'update' && context.params.documentId
        ? ((await strapi.db.query(context.uid).findOne({ where: { documentId: context.params.documentId }, select: sent })) as Record<string, unknown> | null)
        : null;
    const changed = sent.filter((field) => !sameValue(data[field], stored ? stored[field] : null));
    if (changed.length > 0) throw maintained(changed);
    const rest = { ...data };
    for (const field of sent) delete rest[field];
    context.params.data = rest;
  };

  // a case's follow-up dates follow its follow-ups, whoever writes them (API, admin panel, code)
  strapi.documents.use((async (context: any, next: () => Promise<any>) => {
    await refuseKeptColumns(context);
    const result = await next();
    if (context.uid !== UIDS.case) return result;
    const touched = context.action === 'create' || (context.action === 'update' && context.params?.data && 'followUps' in context.params.data);
    const documentId = result?.documentId ?? context.params?.documentId;
    if (touched && documentId) await getService('facts', strapi).refreshFollowUpDates(documentId);
    return result;
  }) as any);
};

import type { Core } from '@strapi/strapi';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Every configured subject must exist and carry the fields the workflow owns: fail the boot
  // loudly rather than at the first transition.
  for (const subject of getService('subjects', strapi).all()) {
    const model = strapi.getModel(subject.uid as any) as any;
    if (!model) throw new Error(`workflow: configured subject ${subject.uid} is not a content type`);
    for (const field of ['state', 'workflowVersion']) {
      if (!model.attributes[field]) throw new Error(`workflow: ${subject.uid} needs a "${field}" attribute`);
    }
  }
  // Registered here, after every plugin's register(), so that it runs innermost: the update and
  // its check share one transaction, and the middlewares that react to a write (reminders moved,
  // indicator columns refreshed) run after it has committed, never for a refused one.
  strapi.documents.use((async (context: any, next: () => Promise<unknown>) => {
    if (context.action !== 'update') return next();
    const data = context.params?.data;
    return getService('integrity', strapi).update(
      context.uid,
      context.params?.documentId,
      data && typeof data === 'object' ? data : {},
      next
    );
  }) as any);

  await getService('definitions', strapi).ensureDefaults();
  await getService('transitions', strapi).backfillLeftAt();
};

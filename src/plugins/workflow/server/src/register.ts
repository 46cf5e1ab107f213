import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, STATE_FIELD, VERSION_FIELD } from './constants';
import { getService } from './utils';
import { requestClock } from './request-clock';

const refuse = (field: string) =>
  new errors.ValidationError(ERRORS.stateReadOnly, {
    errors: [{ path: [field], message: ERRORS.stateReadOnly, name: 'ValidationError' }],
  });

/**
 * The workflow owns `state` and `workflowVersion` of every workflow-enabled type, whoever writes
 * through the Document Service (content API, admin panel, application code): a create starts in
 * the initial state; a write that would change them is refused with 400; an unchanged value
 * (the admin panel sends the whole entry) is dropped; a clone is refused. Transitions write them
 * with a conditional query, below the Document Service. What an update may change of the other
 * fields is checked by the integrity middleware (bootstrap.ts).
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // `read`: the Workflows page (definitions and their live validation); `manage`: saving a
  // definition. Documents and the board are held by the Content Manager permissions of their type.
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'Consulter les workflows', uid: 'read', pluginName: 'workflow' },
    { section: 'plugins', displayName: 'Modifier les workflows', uid: 'manage', pluginName: 'workflow' },
  ]);
  // First Koa middleware after Strapi's request context: the instant a transition request began.
  strapi.server.use(requestClock);

  strapi.documents.use((async (context: any, next: () => Promise<unknown>) => {
    const subject = getService('subjects', strapi).get(context.uid);
    if (!subject) return next();
    if (context.action === 'clone') {
      // A clone would copy the state, the dates set by transitions and the follow-ups, without
      // the history that explains them; which fields those are depends on the definition.
      const message = ERRORS.cloneRefused(strapi.getModel(context.uid)?.info?.displayName ?? context.uid);
      throw new errors.ValidationError(message, { errors: [{ path: [], message, name: 'ValidationError' }] });
    }
    if (context.action !== 'create' && context.action !== 'update') return next();
    const data = context.params?.data;
    if (!data || typeof data !== 'object') return next();

    if (context.action === 'create') {
      const stored = await getService('definitions', strapi).getActive(subject.workflow);
      const initial = stored?.definition.initial;
      if (initial) {
        if (data[STATE_FIELD] != null && data[STATE_FIELD] !== initial) throw refuse(STATE_FIELD);
        if (data[VERSION_FIELD] != null && data[VERSION_FIELD] !== stored.version) throw refuse(VERSION_FIELD);
        context.params.data = { ...data, [STATE_FIELD]: initial, [VERSION_FIELD]: stored.version };
      }
      return next();
    }

    if (!(STATE_FIELD in data) && !(VERSION_FIELD in data)) return next();
    const current = (await strapi.db.query(context.uid).findOne({
      where: { documentId: context.params.documentId },
      select: [STATE_FIELD, VERSION_FIELD],
    })) as Record<string, unknown> | null;
    if (current) {
      for (const field of [STATE_FIELD, VERSION_FIELD]) {
        if (field in data && data[field] !== undefined && data[field] !== current[field]) throw refuse(field);
      }
    }
    const { [STATE_FIELD]: _s, [VERSION_FIELD]: _v, ...rest } = data;
    context.params.data = rest;
    return next();
  }) as any);
};

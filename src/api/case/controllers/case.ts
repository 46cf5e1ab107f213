import { errors } from '@strapi/utils';
import { createScopedController } from '../../../utils/scoped-controller';
import { access, actorOf, isAmbassador } from '../../../utils/access';
import { UID } from '../../../utils/constants';
import { validate } from '../../../validation';
import { actionInput, AMBASSADOR_WRITABLE_CASE_FIELDS } from '../validation/case';

/**
 * Appends one entry to the actions log. A dedicated route rather than a PUT of the whole
 * repeatable component, so that an ambassador can never rewrite or drop earlier entries.
 */
const addAction = async (ctx: any) => {
  const actor = await actorOf(ctx);
  const input = validate(actionInput, ctx.request.body?.data);
  const scope = await access().scope(UID.case, actor);
  const documents = strapi.documents(UID.case);
  const existing = await documents.findFirst({
    filters: access().and({ documentId: ctx.params.id }, scope),
    populate: { actions: true },
  } as any);
  if (!existing) throw new errors.NotFoundError('Not Found');
  const by = actor.kind === 'user' ? actor.displayName : 'api';
  const actions = [...((existing as any).actions ?? []), { ...input, by }];
  const updated = await documents.update({
    documentId: ctx.params.id,
    data: { actions } as any,
    populate: { actions: true },
  } as any);
  ctx.status = 201;
  ctx.body = { data: { documentId: ctx.params.id, actions: (updated as any).actions }, meta: {} };
};

export default createScopedController(
  UID.case,
  {
    hasState: true,
    writable: (actor) => (isAmbassador(actor) ? AMBASSADOR_WRITABLE_CASE_FIELDS : undefined),
  },
  () => ({ addAction })
);

import type { Core } from '@strapi/strapi';
import { DetailedForbiddenError } from '../utils/access';

/**
 * In front of the Content Manager's relation routes: a relation the admin may not read is a 403.
 * Strapi 5.54's relations controller makes the same check, but hands its ctx.forbidden() result
 * to a caller that destructures it, which answers 500.
 */
export default (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { model, targetField } = (policyContext.params ?? {}) as { model?: string; targetField?: string };
  const schema = model ? (strapi.getModel(model as any) as any) : undefined;
  // unknown models and fields, and components: the controller's own answers
  if (!schema || schema.modelType === 'component' || !targetField || schema.attributes?.[targetField]?.type !== 'relation') return true;
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: policyContext.state.userAbility, model });
  if (checker.cannot.read(null, targetField)) {
    const message = `You may not read ${targetField} of ${model}`;
    throw new DetailedForbiddenError(message, { errors: [{ path: [targetField], message, name: 'ForbiddenError' }] });
  }
  return true;
};

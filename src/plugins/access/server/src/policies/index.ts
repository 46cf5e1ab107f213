import { errors } from '@strapi/utils';

/**
 * `plugin::access.can` `{ actions: [...] }`: an admin route for the admin users whose permissions
 * hold every action (Strapi's own `admin::hasPermissions` check), answered with a plain 403
 * ForbiddenError rather than a "Policy Failed".
 */
const can = (policyContext: any, config: { actions?: string[] } | undefined) => {
  const ability = policyContext.state?.userAbility;
  const actions = config?.actions ?? [];
  if (!policyContext.state?.isAuthenticated || !ability || actions.length === 0) throw new errors.UnauthorizedError();
  if (!actions.every((action) => ability.can(action))) throw new errors.ForbiddenError();
  return true;
};

export default { can };

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils';

/**
 * `plugin::workflow.coordination`: admin routes that show or act on case data (the workflow
 * definitions, the reminders, the indicators) are for Super Admin and the Coordination role only.
 * One mapping of admin role codes to workflow roles for the whole app: the `actors` service.
 */
const coordination = (policyContext: any, config: { message?: string } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const { roles, superAdmin } = getService('actors', strapi).fromAdmin(policyContext);
  if (!superAdmin && !roles.includes('coordinator')) throw new errors.ForbiddenError(config?.message ?? 'Only the coordination may do this');
  return true;
};

export default { coordination };

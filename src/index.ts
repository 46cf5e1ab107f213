import type { Core } from '@strapi/strapi';
import { syncAdminRoles, syncUsersPermissionsRoles } from './bootstrap/permissions';
import { ensureCptsSettings } from './bootstrap/settings';
import { applyAdminLayouts } from './bootstrap/admin-layout';
import { ensureSatisfactionIndex, wireSatisfaction } from './bootstrap/satisfaction';
import { closeSharedRedis, initSharedRedis } from './utils/redis';
import { registerAccessRules } from './bootstrap/access';
import { registerInputHygiene } from './bootstrap/input-hygiene';
import { transportWarning } from './utils/transport';
import { guardAdminRolePermissions } from './bootstrap/role-guard';
import { guardUploadAdminRoutes, hidePersonalFilesFromAdmins, restrictContentApiFileChanges } from './bootstrap/media-library';

export default {
  /** Before the admin's bootstrap (which resets Super Admin's permissions) and the routing. */
  register({ strapi }: { strapi: Core.Strapi }) {
    registerAccessRules(strapi);
    registerInputHygiene(strapi);
    guardAdminRolePermissions(strapi);
    guardUploadAdminRoutes(strapi);
    restrictContentApiFileChanges(strapi);
    const warning = transportWarning({
      production: process.env.NODE_ENV === 'production',
      publicUrl: String(strapi.config.get('server.url', '')),
      proxy: Boolean(strapi.config.get('server.proxy.koa')),
    });
    if (warning) strapi.log.warn(warning);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncUsersPermissionsRoles(strapi);
    await syncAdminRoles(strapi);
    hidePersonalFilesFromAdmins(strapi);
    await ensureCptsSettings(strapi);
    await applyAdminLayouts(strapi);
    await ensureSatisfactionIndex(strapi);
    wireSatisfaction(strapi);
    initSharedRedis(strapi.log);
  },

  async destroy() {
    await closeSharedRedis();
  },
};

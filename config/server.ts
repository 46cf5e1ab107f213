import type { Core } from '@strapi/strapi';
import { assertSecrets } from '../src/utils/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  assertSecrets();
  const production = env('NODE_ENV') === 'production';
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // Public URL of the app (links in e-mails, admin panel behind a proxy).
    url: env('PUBLIC_URL', ''),
    // Behind a TLS reverse proxy, Koa must trust X-Forwarded-Proto or users-permissions refuses
    // to set its secure refresh cookie and logins answer 500.
    proxy: { koa: env.bool('SERVER_PROXY', production) },
    app: {
      keys: env.array('APP_KEYS', ['dev-key-1', 'dev-key-2']),
    },
    // No outbound call to the npm registry to look for Strapi updates.
    logger: { updates: { enabled: env.bool('STRAPI_UPDATE_CHECK', false) }, startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) } },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;

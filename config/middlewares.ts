import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  // inside strapi::errors: sees the body parser's and the routes' errors before they are formatted
  'global::error-envelope',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  // after the body parser: requests the routes would answer 500 to (NUL in the URL, bodies too deep, not an object for the Content Manager)
  'global::request-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

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
  // after the body parser: bodies the routes would answer 500 to (too deep; not an object for the Content Manager)
  'global::request-body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

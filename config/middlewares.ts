import type { Core } from '@strapi/strapi';
import { allowedOrigins } from '../src/utils/transport';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // inside strapi::errors: sees the body parser's and the routes' errors before they are formatted
  'global::error-envelope',
  'strapi::security',
  'global::cors-request-only',
  // Strapi's default origin '*' reflects any origin with credentials: only ours, and those listed
  { name: 'strapi::cors', config: { origin: allowedOrigins(env('PUBLIC_URL', ''), env('CORS_ORIGINS', '')) } },
  // no 'strapi::poweredBy': X-Powered-By only tells a scanner what to try
  'global::https-login',
  'strapi::query',
  'strapi::body',
  // after the body parser: requests the routes would answer 500 to (NUL in the URL, bodies too deep, not an object for the Content Manager)
  'global::request-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

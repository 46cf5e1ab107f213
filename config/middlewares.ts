import type { Core } from '@strapi/strapi';
import { allowedOrigins } from '../src/utils/transport';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'global::cors-request-only',
  // Strapi's default origin '*' reflects any origin with credentials: only ours, and those listed
  { name: 'strapi::cors', config: { origin: allowedOrigins(env('PUBLIC_URL', ''), env('CORS_ORIGINS', '')) } },
  // no 'strapi::poweredBy': X-Powered-By only tells a scanner what to try
  'global::https-login',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

import type { Core } from '@strapi/strapi';

const allowedMediaTypes = [
  'image/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'application/vnd.oasis.opendocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  workflow: {
    enabled: true,
    resolve: './src/plugins/workflow',
    config: {
      ownerType: { uid: 'api::ambassador.ambassador', userField: 'user' },
      timezone: { uid: 'api::cpts-setting.cpts-setting', field: 'timezone', fallback: 'Indian/Reunion' },
      subjects: {
        'api::case.case': {
          workflow: 'case',
          route: 'cases',
          owner: 'ambassador',
          ownerUser: 'ambassador.user',
          related: { ambassador: 'ambassador' },
          populate: {
            ambassador: { fields: ['displayName', 'state'] },
            needs: true,
            actions: true,
            followUps: true,
            proposedSites: { fields: ['name'] },
          },
        },
        'api::ambassador.ambassador': {
          workflow: 'ambassador',
          route: 'ambassadors',
          owner: '$self',
          ownerUser: 'user',
          related: { professional: 'professional' },
          populate: { professional: { fields: ['firstName', 'lastName', 'isMember', 'lastFeeYear'] } },
        },
        'api::time-declaration.time-declaration': {
          workflow: 'time-declaration',
          route: 'time-declarations',
          owner: 'ambassador',
          ownerUser: 'ambassador.user',
          related: {},
          populate: { ambassador: { fields: ['displayName', 'state'] } },
        },
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
      ratelimit: {
        enabled: env.bool('AUTH_RATELIMIT', true),
      },
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 20 * 1024 * 1024),
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;

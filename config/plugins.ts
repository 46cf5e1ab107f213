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
  // who the caller is, in the app's role keys (the workflow definitions use the same ones)
  access: {
    enabled: true,
    resolve: './src/plugins/access',
    config: {
      adminRoles: { 'ancrage-coordination': 'coordinator', 'ancrage-communication': 'communication' },
      userRoles: { coordinator: 'coordinator', ambassador: 'ambassador' },
      privileged: ['coordinator'],
      owner: { uid: 'api::ambassador.ambassador', userField: 'user', role: 'ambassador' },
    },
  },
  workflow: {
    enabled: true,
    resolve: './src/plugins/workflow',
    config: {
      timezone: { uid: 'api::cpts-setting.cpts-setting', field: 'timezone', fallback: 'Indian/Reunion' },
      subjects: {
        'api::case.case': {
          workflow: 'case',
          route: 'cases',
          owner: 'ambassador',
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
          related: { professional: 'professional' },
          populate: { professional: { fields: ['firstName', 'lastName', 'isMember', 'lastFeeYear'] } },
        },
        'api::time-declaration.time-declaration': {
          workflow: 'time-declaration',
          route: 'time-declarations',
          owner: 'ambassador',
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
  reminders: {
    enabled: true,
    resolve: './src/plugins/reminders',
    config: {
      // The app runs the workers in-process unless told otherwise; production runs them in
      // `npm run worker` processes and sets REMINDERS_WORKER=off on the app instances.
      worker: env('REMINDERS_WORKER', 'on') !== 'off',
      concurrency: env.int('REMINDERS_CONCURRENCY', 10),
      attempts: env.int('REMINDERS_ATTEMPTS', 5),
      backoffMs: env.int('REMINDERS_BACKOFF_MS', 30000),
      claimLeaseMs: env.int('REMINDERS_CLAIM_LEASE_MS', 300000),
      lockMs: env.int('REMINDERS_LOCK_MS', 30000),
      dueTime: env('REMINDERS_DUE_TIME', '09:00'),
      publicUrl: env('PUBLIC_URL', 'http://localhost:1337'),
      mail: {
        host: env('SMTP_HOST', '') || null,
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        user: env('SMTP_USER', '') || null,
        pass: env('SMTP_PASS', '') || null,
        from: env('MAIL_FROM', 'Ancrage <no-reply@localhost>'),
        outbox: env('MAIL_OUTBOX', '.tmp/mail'),
      },
    },
  },
  indicators: {
    enabled: true,
    resolve: './src/plugins/indicators',
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

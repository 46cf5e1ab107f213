import type { Core } from '@strapi/strapi';
import { stopMaintenance } from './bootstrap';
import { getService } from './utils';

/** Graceful: stop taking jobs, let active ones finish, close Redis and SMTP. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  stopMaintenance();
  if (getService('queue', strapi).isWorking()) strapi.log.info('[reminders] stopping: finishing active jobs');
  await getService('scheduler', strapi).idle();
  await getService('queue', strapi).close();
  getService('mailer', strapi).close();
};

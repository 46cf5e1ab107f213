import type { Core } from '@strapi/strapi';
import { getConfig, getService } from './utils';

let timer: NodeJS.Timeout | null = null;

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  getService('mailer', strapi).assertConfigured();
  const scheduler = getService('scheduler', strapi);

  // Not awaited by the emitter: the transition's response does not wait for Redis.
  strapi.eventHub.on('workflow.transitioned', async (event: any) => {
    scheduler.track(scheduler.onTransitioned(event));
  });

  if (!getConfig(strapi).worker) return;
  const queue = getService('queue', strapi);
  const sender = getService('sender', strapi);
  queue.startWorker((job) => sender.process(job));

  // Schedulers and a reconcile at boot, and again every few minutes from here, so that a Redis
  // that was flushed or down at boot gets its schedulers back.
  const maintain = async () => {
    try {
      const tz = await strapi.plugin('workflow').service('subjects').timezone();
      await queue.upsertSchedulers(tz);
      await scheduler.reconcile();
    } catch (error) {
      strapi.log.warn(`[reminders] maintenance deferred: ${(error as Error).message}`);
    }
  };
  scheduler.track(maintain());
  timer = setInterval(() => scheduler.track(maintain()), 5 * 60 * 1000);
  timer.unref();
};

export const stopMaintenance = () => {
  if (timer) clearInterval(timer);
  timer = null;
};

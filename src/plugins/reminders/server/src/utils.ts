import type { Core } from '@strapi/strapi';
import type { RemindersConfig } from './config';
import type mailer from './services/mailer';
import type queue from './services/queue';
import type scheduler from './services/scheduler';
import type sender from './services/sender';
import type recipients from './services/recipients';

type Services = {
  mailer: ReturnType<typeof mailer>;
  queue: ReturnType<typeof queue>;
  scheduler: ReturnType<typeof scheduler>;
  sender: ReturnType<typeof sender>;
  recipients: ReturnType<typeof recipients>;
};

export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi = global.strapi): Services[K] =>
  strapi.plugin('reminders').service(name) as Services[K];

export const getConfig = (strapi: Core.Strapi = global.strapi): RemindersConfig =>
  strapi.config.get('plugin::reminders') as RemindersConfig;

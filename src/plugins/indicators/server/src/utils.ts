import type { Core } from '@strapi/strapi';
import type indicators from './services/indicators';

type Services = { indicators: ReturnType<typeof indicators> };

export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi): Services[K] =>
  strapi.plugin('indicators').service(name) as Services[K];

import type { Core } from '@strapi/strapi';
import type indicators from './services/indicators';
import type facts from './services/facts';

type Services = { indicators: ReturnType<typeof indicators>; facts: ReturnType<typeof facts> };

export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi): Services[K] =>
  strapi.plugin('indicators').service(name) as Services[K];

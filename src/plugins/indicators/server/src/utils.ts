import type { Core } from '@strapi/strapi';
import type indicators from './services/indicators';
import type facts from './services/facts';
import type actors from '../../../workflow/server/src/services/actors';

type Services = { indicators: ReturnType<typeof indicators>; facts: ReturnType<typeof facts> };

export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi): Services[K] =>
  strapi.plugin('indicators').service(name) as Services[K];

/** Who an admin user is, in workflow roles (one mapping of admin role codes for the whole app). */
export const getActors = (strapi: Core.Strapi) => strapi.plugin('workflow').service('actors') as ReturnType<typeof actors>;

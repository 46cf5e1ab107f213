import type { Core } from '@strapi/strapi';
import type access from './services/access';
import { PLUGIN_ID } from './constants';

export type AccessService = ReturnType<typeof access>;

export const getAccess = (strapi: Core.Strapi): AccessService => strapi.plugin(PLUGIN_ID).service('access') as AccessService;

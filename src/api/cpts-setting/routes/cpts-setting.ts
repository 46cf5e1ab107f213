import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::cpts-setting.cpts-setting');

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::cpts-setting.cpts-setting');

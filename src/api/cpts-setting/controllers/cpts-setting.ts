import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::cpts-setting.cpts-setting');

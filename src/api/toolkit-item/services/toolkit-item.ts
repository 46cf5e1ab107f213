import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::toolkit-item.toolkit-item');

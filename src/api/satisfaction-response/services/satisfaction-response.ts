import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::satisfaction-response.satisfaction-response');

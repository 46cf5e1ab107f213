import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::satisfaction-response.satisfaction-response');

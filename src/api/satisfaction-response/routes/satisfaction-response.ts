import { factories } from '@strapi/strapi';

// Responses are written only through the questionnaire endpoint (token-protected); the content
// API only reads them.
export default factories.createCoreRouter('api::satisfaction-response.satisfaction-response', {
  only: ['find', 'findOne'],
});

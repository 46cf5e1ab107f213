/**
 * Content API routes sit at the root of /api (prefix ''), one pattern for every workflow-enabled
 * type: /api/cases/:id/workflow, /api/ambassadors/:id/transitions ... The controller answers 404
 * for a plural that has no workflow.
 */
const can = (action: string) => ({ name: 'plugin::access.can', config: { actions: [action] } });

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // a read-only API token may call an action only when its name ends in find or findOne
      { method: 'GET', path: '/workflows', handler: 'workflow.find', config: { prefix: '', policies: [] } },
      { method: 'GET', path: '/:route/:id/workflow', handler: 'workflow.findOne', config: { prefix: '', policies: [] } },
      { method: 'POST', path: '/:route/:id/transitions', handler: 'workflow.transition', config: { prefix: '', policies: [] } },
    ],
  },
  // Admin routes check admin permissions, like Strapi's own plugins: the plugin's actions for the
  // definitions, the Content Manager's on the subject type for documents and the board (the
  // controller checks those, the uid being a route parameter).
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/definitions', handler: 'admin.definitions', config: { policies: [can('plugin::workflow.read')] } },
      { method: 'POST', path: '/definitions/validate', handler: 'admin.validate', config: { policies: [can('plugin::workflow.read')] } },
      { method: 'PUT', path: '/definitions/:name', handler: 'admin.save', config: { policies: [can('plugin::workflow.manage')] } },
      { method: 'GET', path: '/documents/:uid/:documentId', handler: 'admin.describe', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'POST', path: '/documents/:uid/:documentId/transitions', handler: 'admin.transition', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'GET', path: '/board/:uid', handler: 'admin.board', config: { policies: ['admin::isAuthenticatedAdmin'] } },
    ],
  },
};

/**
 * Content API routes sit at the root of /api (prefix ''), one pattern for every workflow-enabled
 * type: /api/cases/:id/workflow, /api/ambassadors/:id/transitions ... The controller answers 404
 * for a plural that has no workflow.
 */
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
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/definitions', handler: 'admin.definitions', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'POST', path: '/definitions/validate', handler: 'admin.validate', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      {
        method: 'PUT',
        path: '/definitions/:name',
        handler: 'admin.save',
        config: {
          policies: ['admin::isAuthenticatedAdmin', { name: 'plugin::workflow.coordination', config: { message: 'Only the coordination may change a workflow' } }],
        },
      },
      { method: 'GET', path: '/documents/:uid/:documentId', handler: 'admin.describe', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'POST', path: '/documents/:uid/:documentId/transitions', handler: 'admin.transition', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'GET', path: '/board/:uid', handler: 'admin.board', config: { policies: ['admin::isAuthenticatedAdmin'] } },
    ],
  },
};

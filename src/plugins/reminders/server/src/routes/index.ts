// reminder rows are case data: the coordination (and Super Admin) only
const COORDINATION = ['admin::isAuthenticatedAdmin', 'plugin::workflow.coordination'];

export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/reminders', handler: 'reminders.find', config: { prefix: '', policies: [] } }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/list', handler: 'reminders.adminList', config: { policies: COORDINATION } },
      { method: 'POST', path: '/:id/retry', handler: 'reminders.retry', config: { policies: COORDINATION } },
      { method: 'POST', path: '/:id/cancel', handler: 'reminders.cancel', config: { policies: COORDINATION } },
    ],
  },
};

export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/reminders', handler: 'reminders.find', config: { prefix: '', policies: [] } }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/list', handler: 'reminders.adminList', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'POST', path: '/:id/retry', handler: 'reminders.retry', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'POST', path: '/:id/cancel', handler: 'reminders.cancel', config: { policies: ['admin::isAuthenticatedAdmin'] } },
    ],
  },
};

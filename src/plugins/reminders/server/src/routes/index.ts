// reminder rows are case data: admin users holding the plugin's actions (Coordination, Super Admin)
const can = (action: string) => [{ name: 'plugin::access.can', config: { actions: [action] } }];

export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/reminders', handler: 'reminders.find', config: { prefix: '', policies: [] } }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/list', handler: 'reminders.adminList', config: { policies: can('plugin::reminders.read') } },
      { method: 'POST', path: '/:id/retry', handler: 'reminders.retry', config: { policies: can('plugin::reminders.manage') } },
      { method: 'POST', path: '/:id/cancel', handler: 'reminders.cancel', config: { policies: can('plugin::reminders.manage') } },
    ],
  },
};

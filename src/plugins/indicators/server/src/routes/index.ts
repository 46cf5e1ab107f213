export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // a read-only API token may call an action only when its name ends in find or findOne
      { method: 'GET', path: '/indicators', handler: 'indicators.find', config: { prefix: '', policies: [] } },
      { method: 'GET', path: '/indicators/export', handler: 'export.find', config: { prefix: '', policies: [] } },
    ],
  },
  // under /indicators (the plugin's admin prefix): admin users holding `plugin::indicators.read`
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/report', handler: 'admin.report', config: { policies: [{ name: 'plugin::access.can', config: { actions: ['plugin::indicators.read'] } }] } },
      { method: 'GET', path: '/report/export', handler: 'admin.export', config: { policies: [{ name: 'plugin::access.can', config: { actions: ['plugin::indicators.read'] } }] } },
    ],
  },
};

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/indicators', handler: 'indicators.find', config: { prefix: '', policies: [] } },
      { method: 'GET', path: '/indicators/export', handler: 'indicators.export', config: { prefix: '', policies: [] } },
    ],
  },
};

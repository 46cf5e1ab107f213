export default {
  routes: [
    {
      method: 'GET',
      path: '/satisfaction/:token',
      handler: 'api::satisfaction.satisfaction.find',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/satisfaction/:token',
      handler: 'api::satisfaction.satisfaction.submit',
      config: { auth: false, policies: [] },
    },
  ],
};

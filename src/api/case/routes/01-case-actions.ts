export default {
  routes: [
    {
      method: 'POST',
      path: '/cases/:id/actions',
      handler: 'api::case.case.addAction',
      config: { policies: [] },
    },
  ],
};

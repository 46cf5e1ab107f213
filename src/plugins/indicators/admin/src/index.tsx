// The dashboard page comes later; registering the plugin keeps the admin build whole.
export default {
  register(app: any) {
    app.registerPlugin({ id: 'indicators', name: 'indicators' });
  },
};

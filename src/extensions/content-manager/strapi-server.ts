/** The Content Manager, with a 403 in front of its relation routes (see global::relation-readable). */
const RELATION_HANDLERS = ['relations.findAvailable', 'relations.findExisting'];

export default (plugin: any) => {
  for (const route of plugin.routes?.admin?.routes ?? []) {
    if (RELATION_HANDLERS.includes(route.handler)) {
      route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'global::relation-readable'] };
    }
  }
  return plugin;
};

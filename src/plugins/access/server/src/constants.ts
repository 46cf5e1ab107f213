export const PLUGIN_ID = 'access';
export const SUPER_ADMIN_CODE = 'strapi-super-admin';
/** Role key of full-access API tokens and of application code (jobs, scripts). */
export const SYSTEM_ROLE = 'system';
/** Memoised actor of a request. */
export const ACTOR_STATE_KEY = 'accessActor';
/** A scope that matches no document. */
export const NOTHING = Object.freeze({ filters: Object.freeze({ id: { $null: true } }) });

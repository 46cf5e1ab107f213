import config from './config';
import services from './services';
import policies from './policies';

export default { config, services, policies };
export type { Actor, Scope, ScopeRule } from './types';
export { getAccess, type AccessService } from './utils';
export { NOTHING, SYSTEM_ROLE } from './constants';

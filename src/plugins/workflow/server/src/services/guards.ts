import { defaultGuardRegistry, type Guard } from '../engine';

/** The guard registry: built-ins, plus what application code registers at register() time. */
export default () => ({
  registry: defaultGuardRegistry,
  register(guard: Guard) {
    defaultGuardRegistry.register(guard);
  },
});

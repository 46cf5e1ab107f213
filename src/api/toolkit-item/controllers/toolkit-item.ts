import { createScopedController } from '../../../utils/scoped-controller';
import { isAmbassador, isPrivileged } from '../../../utils/access';
import { UID } from '../../../utils/constants';

/** Published items only; the public sees the welcome kit meant for it, ambassadors everything. */
export default createScopedController(UID.toolkitItem, {
  scope: async (actor) => {
    if (isPrivileged(actor)) return null;
    if (isAmbassador(actor)) return { publishedOnly: true };
    return { publishedOnly: true, filters: { audience: 'public' } };
  },
});

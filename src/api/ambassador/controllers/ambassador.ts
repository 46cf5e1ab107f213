import { createScopedController } from '../../../utils/scoped-controller';
import { isAmbassador, isPrivileged } from '../../../utils/access';
import { UID } from '../../../utils/constants';

/** An ambassador reads only their own record (mandate dates, capacity). */
export default createScopedController(UID.ambassador, {
  hasState: true,
  scope: async (actor) => {
    if (isPrivileged(actor)) return null;
    if (isAmbassador(actor)) return { filters: { user: { id: actor.id } } };
    return { filters: { id: { $null: true } } };
  },
});

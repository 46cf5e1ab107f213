import { createScopedController } from '../../../utils/scoped-controller';
import { isPrivileged } from '../../../utils/access';
import { UID } from '../../../utils/constants';

/**
 * The directory: everyone but coordinators and API tokens sees only the professionals who
 * consented to appear in it, with the fields of `fieldPolicyFor` (utils/field-policy.ts).
 */
export default createScopedController(UID.professional, {
  scope: async (actor) => (isPrivileged(actor) ? null : { filters: { directoryConsent: true } }),
});

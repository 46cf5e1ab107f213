import { createScopedController } from '../../../utils/scoped-controller';
import { UID } from '../../../utils/constants';

/**
 * The directory: everyone but coordinators and API tokens sees only the professionals who
 * consented to appear in it (src/bootstrap/access.ts), with the fields of `fieldPolicyFor`
 * (utils/field-policy.ts).
 */
export default createScopedController(UID.professional, {});

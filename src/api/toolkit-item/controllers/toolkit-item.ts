import { createScopedController } from '../../../utils/scoped-controller';
import { UID } from '../../../utils/constants';

/** Published items only; the public sees the welcome kit meant for it, ambassadors everything (src/bootstrap/access.ts). */
export default createScopedController(UID.toolkitItem, {});

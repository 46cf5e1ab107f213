import { createScopedController } from '../../../utils/scoped-controller';
import { UID } from '../../../utils/constants';

/** Drafts stay with the communication staff: `?status=draft` is ignored for everyone else (src/bootstrap/access.ts). */
export default createScopedController(UID.guide, {});

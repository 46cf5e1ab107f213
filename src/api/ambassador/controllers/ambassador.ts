import { createScopedController } from '../../../utils/scoped-controller';
import { UID } from '../../../utils/constants';

/** An ambassador reads only their own record (mandate dates, capacity): see src/bootstrap/access.ts. */
export default createScopedController(UID.ambassador, { hasState: true });

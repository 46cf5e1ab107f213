import { createScopedController } from '../../../utils/scoped-controller';
import { UID } from '../../../utils/constants';

/** Read by the coordination and API tokens; the access rules give nobody else any response. */
export default createScopedController(UID.satisfactionResponse, {});

import { createScopedController } from '../../../utils/scoped-controller';
import { UID } from '../../../utils/constants';

/** Structures are public; the scoped controller still applies the field policy to populated professionals. */
export default createScopedController(UID.structure, {});

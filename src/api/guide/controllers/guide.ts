import { createScopedController } from '../../../utils/scoped-controller';
import { isPrivileged } from '../../../utils/access';
import { UID } from '../../../utils/constants';

/** Drafts stay with the communication staff: `?status=draft` is ignored for everyone else. */
export default createScopedController(UID.guide, {
  scope: async (actor) => (isPrivileged(actor) ? null : { publishedOnly: true }),
});

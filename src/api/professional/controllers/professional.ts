import { createScopedController } from '../../../utils/scoped-controller';
import { isAmbassador, isPrivileged } from '../../../utils/access';
import { UID } from '../../../utils/constants';

/** What the public directory shows of a professional who consented to appear in it. */
export const PUBLIC_DIRECTORY_FIELDS = ['firstName', 'lastName', 'profession', 'specialty', 'commune', 'structure', 'phone'];
/** Ambassadors, themselves members, also get the e-mail to connect a newcomer with a colleague. */
export const MEMBER_DIRECTORY_FIELDS = [...PUBLIC_DIRECTORY_FIELDS, 'email'];

export default createScopedController(UID.professional, {
  scope: async (actor) => {
    if (isPrivileged(actor)) return null;
    return {
      filters: { directoryConsent: true },
      fields: isAmbassador(actor) ? MEMBER_DIRECTORY_FIELDS : PUBLIC_DIRECTORY_FIELDS,
    };
  },
});

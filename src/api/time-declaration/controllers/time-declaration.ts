import { errors } from '@strapi/utils';
import { createScopedController } from '../../../utils/scoped-controller';
import { DetailedForbiddenError, isAmbassador } from '../../../utils/access';
import { UID } from '../../../utils/constants';
import { validate } from '../../../validation';
import {
  AMBASSADOR_WRITABLE_DECLARATION_FIELDS,
  EDITABLE_STATES,
  timeDeclarationInput,
} from '../validation/time-declaration';

export default createScopedController(UID.timeDeclaration, {
  hasState: true,
  writable: (actor) => (isAmbassador(actor) ? AMBASSADOR_WRITABLE_DECLARATION_FIELDS : undefined),
  validate: (data) => {
    validate(timeDeclarationInput, data);
  },
  prepareCreate: async (actor, data) => {
    if (!isAmbassador(actor)) {
      if (!data.ambassador) {
        throw new errors.ValidationError('ambassador is required', {
          errors: [{ path: ['ambassador'], message: 'is required', name: 'ValidationError' }],
        });
      }
      return data;
    }
    if (!actor.ambassadorId) throw new DetailedForbiddenError('Your account is not linked to an ambassador record');
    // The declarant is always the caller: an ambassador cannot declare time for someone else.
    return { ...data, ambassador: actor.ambassadorId };
  },
  beforeWrite: (actor, existing, op) => {
    if (isAmbassador(actor) && !EDITABLE_STATES.includes(String(existing.state))) {
      throw new DetailedForbiddenError(
        `A declaration in state "${existing.state}" can no longer be ${op === 'delete' ? 'deleted' : 'changed'}`
      );
    }
  },
});

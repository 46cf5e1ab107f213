import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createScopedController } from '../../../utils/scoped-controller';
import { DetailedForbiddenError, forbiddenFields, isAmbassador, type Actor } from '../../../utils/access';
import { linksOfFiles } from '../../../utils/files';
import { UID } from '../../../utils/constants';
import { validate } from '../../../validation';
import {
  AMBASSADOR_WRITABLE_DECLARATION_FIELDS,
  EDITABLE_STATES,
  timeDeclarationInput,
} from '../validation/time-declaration';

const RECEIPTS = 'receipts';
const receiptsShape = () =>
  new errors.ValidationError('receipts must be a list of file ids', {
    errors: [{ path: [RECEIPTS], message: 'must be a list of file ids', name: 'ValidationError' }],
  });

/** The file ids of a `receipts` input: ids, `{ id }`, or `connect`/`set` lists of them. */
const receiptIds = (value: unknown): number[] => {
  if (value === null || value === undefined) return [];
  const one = (v: unknown): number => {
    const id = typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : v;
    if (typeof id === 'number' && Number.isInteger(id)) return id;
    if (typeof id === 'string' && /^\d+$/.test(id)) return Number(id);
    throw receiptsShape();
  };
  if (Array.isArray(value)) return value.map(one);
  if (typeof value === 'object') {
    const { connect, set, disconnect, ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || [connect, set, disconnect].some((l) => l !== undefined && !Array.isArray(l))) throw receiptsShape();
    return [...((connect as unknown[]) ?? []), ...((set as unknown[]) ?? [])].map(one);
  }
  return [one(value)];
};

/**
 * An ambassador links to their declarations only files of their own: files uploaded and not
 * linked yet, or already receipts of their own declarations. Anyone else's receipt (file ids are
 * sequential) would otherwise become readable through their own declaration.
 */
const authorizeReceipts = async (actor: Actor, data: Record<string, unknown>, strapi: Core.Strapi) => {
  if (!isAmbassador(actor) || !(RECEIPTS in data)) return;
  const ids = receiptIds(data[RECEIPTS]);
  const links = await linksOfFiles(strapi, ids);
  if (links.length === 0) return;
  const own = new Set(
    ((await strapi.db.query(UID.timeDeclaration).findMany({ where: { ambassador: { user: { id: actor.id } } }, select: ['id'] })) as Array<{ id: number }>).map(
      (d) => d.id
    )
  );
  if (links.some((l) => l.uid !== UID.timeDeclaration || !own.has(l.id))) {
    throw forbiddenFields([RECEIPTS], 'You may link only your own receipts');
  }
};

export default createScopedController(UID.timeDeclaration, {
  hasState: true,
  writable: (actor) => (isAmbassador(actor) ? AMBASSADOR_WRITABLE_DECLARATION_FIELDS : undefined),
  validate: (data) => {
    validate(timeDeclarationInput, data);
  },
  authorizeData: authorizeReceipts,
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

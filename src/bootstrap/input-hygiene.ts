import type { Core } from '@strapi/strapi';
import { assertInputHygiene } from '../validation/attributes';

/** Document Service actions that write the `data` they are given. */
const WRITES = new Set(['create', 'update', 'clone']);

/**
 * Input hygiene on every write of the application's content types, whoever writes: the content
 * API, the Content Manager, plugin and application code all go through the Document Service.
 * Registered in `register()` so that it is in place before any bootstrap writes.
 */
export const registerInputHygiene = (strapi: Core.Strapi) => {
  strapi.documents.use((async (context: any, next: () => Promise<unknown>) => {
    if (WRITES.has(context.action) && typeof context.uid === 'string' && context.uid.startsWith('api::')) {
      assertInputHygiene(strapi, context.uid, context.params?.data);
    }
    return next();
  }) as any);
};

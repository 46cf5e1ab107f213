import type { Core } from '@strapi/strapi';
import { errors, validateZodSchema } from '@strapi/utils';
import { z } from 'zod';
import { REMINDER_UID, STATUSES } from '../constants';
import { getService } from '../utils';
import { getAccess } from '../../../../access/server/src';

const listQuery = z
  .object({
    filters: z
      .object({
        subjectDocumentId: z.string().max(64).optional(),
        subjectUid: z.string().max(128).optional(),
        status: z.enum(STATUSES).optional(),
        rule: z.string().max(128).optional(),
      })
      .strict()
      .optional(),
    status: z.enum(STATUSES).optional(),
    rule: z.string().max(128).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** What a client sees of a row: the recipient as a kind, never an address. */
const present = (r: Record<string, any>) => ({
  id: r.id,
  documentId: r.documentId,
  rule: r.rule,
  subjectUid: r.subjectUid,
  subjectDocumentId: r.subjectDocumentId,
  subjectState: r.subjectState,
  recipient: r.recipient,
  copyTo: r.copyTo ?? [],
  dueAt: r.dueAt,
  status: r.status,
  sentAt: r.sentAt ?? null,
  attempts: r.attempts ?? 0,
  lastError: r.lastError ?? null,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(REMINDER_UID as any);

  const list = async (q: z.infer<typeof listQuery>, scope: Record<string, unknown>) => {
    // The caller's filters never replace the scope: both must hold.
    const where: Record<string, unknown> = {};
    const f = q.filters ?? {};
    for (const key of ['subjectDocumentId', 'subjectUid', 'status', 'rule'] as const) if (f[key]) where[key] = f[key];
    if (q.status) where.status = q.status;
    if (q.rule) where.rule = q.rule;
    if (q.from || q.to) where.dueAt = { ...(q.from ? { $gte: new Date(q.from) } : {}), ...(q.to ? { $lte: new Date(q.to) } : {}) };
    const scoped = Object.keys(scope).length ? { $and: [scope, where] } : where;
    const [results, total] = await Promise.all([
      rows().findMany({ where: scoped, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], offset: (q.page - 1) * q.pageSize, limit: q.pageSize }),
      rows().count({ where: scoped }),
    ]);
    return {
      data: (results as Array<Record<string, any>>).map(present),
      meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total } },
    };
  };

  const rowOr404 = async (id: string) => {
    // a row id is a positive integer column: anything else is no row (PostgreSQL would refuse the query)
    if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2147483647) throw new errors.NotFoundError('Not Found');
    const row = (await rows().findOne({ where: { id: Number(id) } })) as Record<string, any> | null;
    if (!row) throw new errors.NotFoundError('Not Found');
    return row;
  };

  return {
    /** Content API: GET /api/reminders, within the access plugin's scope of reminder rows. */
    async find(ctx: any) {
      const q = validateZodSchema(listQuery)(ctx.query ?? {});
      const access = getAccess(strapi);
      const scope = await access.scope(REMINDER_UID, await access.resolve(ctx));
      ctx.body = await list(q, scope?.filters ?? {});
    },

    /** Admin: the "Relances" page. */
    async adminList(ctx: any) {
      ctx.body = await list(validateZodSchema(listQuery)(ctx.query ?? {}), {});
    },

    async retry(ctx: any) {
      const row = await rowOr404(ctx.params.id);
      if (row.status !== 'failed') throw new errors.ValidationError('Only a failed reminder can be retried', { errors: [{ path: ['status'], message: `is ${row.status}` }] });
      await rows().updateMany({ where: { id: row.id, status: 'failed' }, data: { status: 'scheduled', attempts: 0, lastError: null, dueAt: new Date(), claimToken: null, claimedAt: null } });
      const queue = getService('queue', strapi);
      await queue.hasJob(row.id); // drops the finished job of the earlier attempt
      await queue.enqueue({ id: row.id, dueAt: new Date() });
      ctx.body = { data: present((await rows().findOne({ where: { id: row.id } })) as Record<string, any>) };
    },

    async cancel(ctx: any) {
      const row = await rowOr404(ctx.params.id);
      if (row.status !== 'scheduled') throw new errors.ValidationError('Only a scheduled reminder can be cancelled', { errors: [{ path: ['status'], message: `is ${row.status}` }] });
      await rows().updateMany({ where: { id: row.id, status: 'scheduled' }, data: { status: 'cancelled', lastError: 'cancelled by hand' } });
      await getService('queue', strapi).remove(row.id);
      ctx.body = { data: present((await rows().findOne({ where: { id: row.id } })) as Record<string, any>) };
    },
  };
};

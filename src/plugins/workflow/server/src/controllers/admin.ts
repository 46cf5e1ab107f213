import type { Core } from '@strapi/strapi';
import { errors, validateZodSchema } from '@strapi/utils';
import { getService } from '../utils';
import { definitionBody, transitionBody } from '../validation/transition';
import { withConflicts } from '../errors';
import { presentDefinition } from './workflow';
import { addDurationToInstant } from '../engine';

const CM_READ = 'plugin::content-manager.explorer.read';
const CM_UPDATE = 'plugin::content-manager.explorer.update';

/** Admin panel: the same operations, with admin users' Content Manager permissions. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const subjectOf = (uid: string) => {
    const subject = getService('subjects', strapi).get(uid);
    if (!subject) throw new errors.NotFoundError(`${uid} has no workflow`);
    return subject;
  };
  const requireAbility = (ctx: any, action: string, uid: string) => {
    if (!ctx.state.userAbility?.can(action, uid)) throw new errors.ForbiddenError();
  };

  return {
    async definitions(ctx: any) {
      const service = getService('definitions', strapi);
      const list = await service.list();
      ctx.body = {
        data: await Promise.all(
          list.map(async (stored) => ({
            ...presentDefinition(stored),
            definition: stored.definition,
            versions: await service.versions(stored.name),
          }))
        ),
      };
    },

    /** Live validation for the editor: every problem with its path, nothing saved. */
    async validate(ctx: any) {
      const { definition } = validateZodSchema(definitionBody)(ctx.request.body ?? {});
      const result = getService('definitions', strapi).check(definition);
      ctx.body = { data: { ok: result.ok, problems: result.ok ? [] : result.problems } };
    },

    async save(ctx: any) {
      const { definition } = validateZodSchema(definitionBody)(ctx.request.body ?? {});
      const actor = getService('actors', strapi).fromAdmin(ctx);
      const stored = await getService('definitions', strapi).save(ctx.params.name, definition, actor.displayName);
      ctx.body = { data: { ...presentDefinition(stored), definition: stored.definition } };
    },

    async describe(ctx: any) {
      const { uid, documentId } = ctx.params;
      subjectOf(uid);
      requireAbility(ctx, CM_READ, uid);
      const actor = getService('actors', strapi).fromAdmin(ctx);
      ctx.body = { data: await getService('transitions', strapi).describe(uid, documentId, actor) };
    },

    async transition(ctx: any) {
      await withConflicts(ctx, async () => {
        const { uid, documentId } = ctx.params;
        subjectOf(uid);
        requireAbility(ctx, CM_UPDATE, uid);
        const input = validateZodSchema(transitionBody)(ctx.request.body ?? {});
        const actor = getService('actors', strapi).fromAdmin(ctx);
        const updated = await getService('transitions', strapi).transition(uid, documentId, input, actor);
        ctx.body = { data: updated };
      });
    },

    /**
     * The board: every document of a type with its state, how long it has been there and
     * whether a timer counted from the entry into that state is past due.
     */
    async board(ctx: any) {
      const { uid } = ctx.params;
      const subject = subjectOf(uid);
      requireAbility(ctx, CM_READ, uid);
      const stored = await getService('definitions', strapi).getActive(subject.workflow);
      if (!stored) throw new errors.NotFoundError('No definition');
      const docs = (await strapi.documents(uid as any).findMany({ populate: subject.populate, limit: 1000 } as any)) as any[];
      const entries = (await strapi.db.query('plugin::workflow.transition' as any).findMany({
        where: { subjectUid: uid },
        select: ['subjectDocumentId', 'to', 'at'],
        orderBy: { at: 'asc' },
      })) as Array<{ subjectDocumentId: string; to: string; at: string }>;
      const enteredAt = new Map<string, string>();
      for (const e of entries) enteredAt.set(`${e.subjectDocumentId}:${e.to}`, e.at);
      const now = Date.now();
      const timezone = await getService('subjects', strapi).timezone();
      const cards = docs.map((doc) => {
        const since = enteredAt.get(`${doc.documentId}:${doc.state}`) ?? doc.createdAt;
        const timers = stored.definition.states[doc.state]?.onEnter?.timers ?? [];
        const overdue = timers
          .filter((t) => t.from === 'enteredAt')
          .some((t) => addDurationToInstant(new Date(since), t.after, timezone).getTime() < now);
        return {
          documentId: doc.documentId,
          state: doc.state,
          doc,
          enteredAt: since,
          daysInState: Math.floor((now - new Date(since).getTime()) / 86400000),
          overdue,
        };
      });
      ctx.body = { data: { definition: presentDefinition(stored), cards } };
    },
  };
};

import type { Core } from '@strapi/strapi';
import { errors, validateZodSchema } from '@strapi/utils';
import { getService } from '../utils';
import { transitionBody } from '../validation/transition';
import { withConflicts } from '../errors';
import type { StoredDefinition } from '../services/definitions';

/** The public shape of a definition (ARCHITECTURE.md, GET /api/workflows). */
export const presentDefinition = (stored: StoredDefinition) => {
  const d = stored.definition;
  return {
    name: d.name,
    contentType: d.contentType,
    version: stored.version,
    initial: d.initial,
    states: Object.entries(d.states).map(([key, s]) => ({ key, label: s.label, final: s.final === true, color: s.color ?? null })),
    transitions: d.transitions.map((t) => ({
      from: Array.isArray(t.from) ? t.from : [t.from],
      to: t.to,
      label: t.label,
      roles: t.roles,
      guards: t.guards ?? [],
    })),
  };
};

/** Content API: one controller for every workflow-enabled type, found by its route plural. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const subjectFor = (route: string) => {
    const subject = getService('subjects', strapi).all().find((s) => s.route === route);
    if (!subject) throw new errors.NotFoundError('Not Found');
    return subject;
  };

  // GET actions are named find/findOne: the only names Strapi lets a read-only API token call
  return {
    /** GET /api/workflows */
    async find(ctx: any) {
      const list = await getService('definitions', strapi).list();
      ctx.body = { data: list.map(presentDefinition) };
    },

    /** GET /api/<plural>/:id/workflow */
    async findOne(ctx: any) {
      const subject = subjectFor(ctx.params.route);
      const actor = await getService('actors', strapi).fromContentApi(ctx);
      ctx.body = { data: await getService('transitions', strapi).describe(subject.uid, ctx.params.id, actor) };
    },

    async transition(ctx: any) {
      await withConflicts(ctx, async () => {
        const subject = subjectFor(ctx.params.route);
        const input = validateZodSchema(transitionBody)(ctx.request.body ?? {});
        const actor = await getService('actors', strapi).fromContentApi(ctx);
        const updated = await getService('transitions', strapi).transition(subject.uid, ctx.params.id, input, actor);
        const schema = strapi.getModel(subject.uid as any);
        const data = await strapi.contentAPI.sanitize.output(updated, schema, { auth: ctx.state.auth });
        ctx.body = { data, meta: {} };
      });
    },
  };
};

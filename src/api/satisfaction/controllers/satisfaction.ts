import type { Core } from '@strapi/strapi';
import { LinkError } from '../services/satisfaction';

const SERVICE = 'api::satisfaction.satisfaction';

const fail = (ctx: any, status: number, name: string, message: string, details: Record<string, unknown> = {}) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
};

/** The newcomer's questionnaire, reached with the signed link of the e-mail (no account). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service(SERVICE as any) as any;

  const guarded = async (ctx: any, fn: () => Promise<void>) => {
    ctx.set('Cache-Control', 'no-store');
    if (!service().allow(ctx.request.ip)) return fail(ctx, 429, 'RateLimitError', 'Too many requests, please try again later');
    try {
      await fn();
    } catch (error) {
      if (error instanceof LinkError) return fail(ctx, error.status, error.errorName, error.message);
      throw error;
    }
  };

  return {
    async find(ctx: any) {
      await guarded(ctx, async () => {
        ctx.body = { data: await service().form(ctx.params.token) };
      });
    },

    async submit(ctx: any) {
      await guarded(ctx, async () => {
        const result = await service().submit(ctx.params.token, ctx.request.body);
        if (result.errors) {
          const first = result.errors[0];
          return fail(ctx, 400, 'ValidationError', `${first.path.join('.') || 'body'} ${first.message}`, { errors: result.errors });
        }
        ctx.status = 201;
        ctx.body = { data: { documentId: result.created.documentId, submittedAt: result.created.submittedAt } };
      });
    },
  };
};

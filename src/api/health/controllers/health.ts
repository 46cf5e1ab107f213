import type { Core } from '@strapi/strapi';
import { pingRedis } from '../../../utils/redis';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Liveness for load balancers and monitoring: the database must answer; Redis may be down. */
  async check(ctx: any) {
    let database: 'up' | 'down' = 'up';
    try {
      await strapi.db.connection.raw('select 1');
    } catch {
      database = 'down';
    }
    const redis = (await pingRedis()) ? 'up' : 'down';
    ctx.status = database === 'up' ? 200 : 503;
    ctx.body = { database, redis };
  },
});

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from '../constants';
import { getActors, getService } from '../utils';
import { exportQuery, findQuery, parse, periodOf, sendCsv } from './indicators';

/** Admin panel: the same figures as the content API, for the dashboard and the annual report. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The figures are case data: Communication (and any other admin role) is refused before the query is even read. */
  const requireCoordination = (ctx: any) => {
    const { roles, superAdmin } = getActors(strapi).fromAdmin(ctx);
    if (!superAdmin && !roles.includes('coordinator')) throw new errors.ForbiddenError();
  };

  const cptsName = async () => {
    const settings = (await strapi.documents(UIDS.settings as any).findFirst({ fields: ['name'] } as any)) as { name?: string } | null;
    return settings?.name ?? null;
  };

  return {
    /** GET /indicators/report?year=YYYY | from&to: the report, with the CPTS name for the bilan's title. */
    async report(ctx: any) {
      requireCoordination(ctx);
      const q = parse(findQuery, ctx.query);
      const [report, name] = await Promise.all([getService('indicators', strapi).compute(periodOf(q)), cptsName()]);
      ctx.body = { data: { ...report, cpts: { name } } };
    },

    /** GET /indicators/report/export?year=YYYY&format=csv[&separator=;] */
    async export(ctx: any) {
      requireCoordination(ctx);
      const q = parse(exportQuery, ctx.query);
      sendCsv(ctx, await getService('indicators', strapi).compute(periodOf(q)), q);
    },
  };
};

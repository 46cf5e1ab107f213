import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService } from '../utils';
import { exportQuery, findQuery, parse, periodOf, sendCsv } from './indicators';

/** Admin panel: the same figures as the content API, for the dashboard and the annual report. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cptsName = async () => {
    const settings = (await strapi.documents(UIDS.settings as any).findFirst({ fields: ['name'] } as any)) as { name?: string } | null;
    return settings?.name ?? null;
  };

  return {
    /** GET /indicators/report?year=YYYY | from&to: the report, with the CPTS name for the bilan's title. */
    async report(ctx: any) {
      const q = parse(findQuery, ctx.query);
      const [report, name] = await Promise.all([getService('indicators', strapi).compute(periodOf(q)), cptsName()]);
      ctx.body = { data: { ...report, cpts: { name } } };
    },

    /** GET /indicators/report/export?year=YYYY&format=csv[&separator=;] */
    async export(ctx: any) {
      const q = parse(exportQuery, ctx.query);
      sendCsv(ctx, await getService('indicators', strapi).compute(periodOf(q)), q);
    },
  };
};

import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { exportQuery, findQuery, parse, periodOf, sendCsv } from './indicators';

/** Admin panel: the same figures as the content API, for the dashboard and the annual report. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    /** GET /indicators/report?year=YYYY | from&to: the report, with the CPTS name for the bilan's title. */
    async report(ctx: any) {
      const q = parse(findQuery, ctx.query);
      const indicators = getService('indicators', strapi);
      // one read of the settings for the figures and the bilan's title
      const cfg = await indicators.settings();
      ctx.body = { data: { ...(await indicators.compute(periodOf(q), new Date(), cfg)), cpts: { name: cfg.name } } };
    },

    /** GET /indicators/report/export?year=YYYY&format=csv[&separator=;] */
    async export(ctx: any) {
      const q = parse(exportQuery, ctx.query);
      sendCsv(ctx, await getService('indicators', strapi).compute(periodOf(q)), q);
    },
  };
};

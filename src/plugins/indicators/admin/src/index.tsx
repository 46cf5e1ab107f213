import { PresentationChart } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID, READ_PERMISSION } from './api';

/**
 * Admin side of the indicators plugin: the "Indicateurs" dashboard and its printable annual
 * report. The link shows to the roles holding the plugin's read action (Coordination, Super
 * Admin); the routes themselves refuse everyone else.
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PresentationChart,
      intlLabel: { id: `${PLUGIN_ID}.menu.indicators`, defaultMessage: 'Indicateurs' },
      permissions: [READ_PERMISSION],
      position: 6,
      Component: () => import('./pages/App').then((mod) => ({ default: mod.App })),
    });
  },

  bootstrap() {},

  async registerTrads({ locales }: { locales: string[] }) {
    // Labels are French in the code (defaultMessage); nothing to translate.
    return locales.map((locale) => ({ data: {}, locale }));
  },
};

import { Graph, Layout } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './api';
import { WorkflowPanel } from './components/WorkflowPanel';

type ContentManagerApis = { addEditViewSidePanel?: (panels: unknown[]) => void };

/**
 * Admin side of the workflow plugin: the "Étape" panel on the edit view of workflow-enabled
 * types, the "Accompagnements" board and the "Workflows" page (diagram, versions, editor).
 * Registration mirrors @strapi/content-releases and @strapi/review-workflows (5.54).
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/board`,
      icon: Layout,
      intlLabel: { id: `${PLUGIN_ID}.menu.board`, defaultMessage: 'Accompagnements' },
      // the board shows cases: those who may read them in the Content Manager
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::case.case' }],
      position: 3,
      Component: () => import('./pages/BoardPage').then((mod) => ({ default: mod.BoardPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/definitions`,
      icon: Graph,
      intlLabel: { id: `${PLUGIN_ID}.menu.definitions`, defaultMessage: 'Workflows' },
      permissions: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
      position: 4,
      Component: () => import('./pages/DefinitionsPage').then((mod) => ({ default: mod.DefinitionsPage })),
    });

    const cm = app.getPlugin('content-manager')?.apis as ContentManagerApis | undefined;
    if (cm && typeof cm.addEditViewSidePanel === 'function') {
      cm.addEditViewSidePanel([WorkflowPanel]);
    }
  },

  bootstrap() {},

  async registerTrads({ locales }: { locales: string[] }) {
    // Labels are French in the code (defaultMessage); nothing to translate.
    return locales.map((locale) => ({ data: {}, locale }));
  },
};

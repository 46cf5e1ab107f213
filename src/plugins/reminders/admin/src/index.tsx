import { Bell } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './api';
import { RemindersPanel } from './components/RemindersPanel';

type Panel = { displayName?: string; name?: string };
type ContentManagerApis = { addEditViewSidePanel?: (panels: unknown[] | ((panels: Panel[]) => Panel[])) => void };
type BootstrapApp = { getPlugin: StrapiApp['getPlugin'] };

/**
 * Admin side of the reminders plugin: the "Relances" page (list, filters, retry and cancel) and
 * the "Relances à venir" panel on the edit view of cases, ambassadors and time declarations.
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Bell,
      intlLabel: { id: `${PLUGIN_ID}.menu.reminders`, defaultMessage: 'Relances' },
      // Coordination and Super Admin: reminders are case data, which Communication does not see
      permissions: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
      position: 5,
      Component: () => import('./pages/RemindersPage').then((mod) => ({ default: mod.RemindersPage })),
    });
  },

  /**
   * The panel is added at bootstrap, once every plugin has registered its own, so that it can be
   * put right after the workflow's "Étape" panel whatever the order the plugins are loaded in.
   */
  bootstrap(app: BootstrapApp) {
    const cm = app.getPlugin('content-manager')?.apis as ContentManagerApis | undefined;
    if (!cm || typeof cm.addEditViewSidePanel !== 'function') return;
    cm.addEditViewSidePanel((panels: Panel[]) => {
      const rest = panels.filter((p) => p !== (RemindersPanel as Panel));
      const workflow = rest.findIndex((p) => p.displayName === 'WorkflowPanel');
      if (workflow === -1) return [...rest, RemindersPanel as Panel];
      return [...rest.slice(0, workflow + 1), RemindersPanel as Panel, ...rest.slice(workflow + 1)];
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    // Labels are French in the code (defaultMessage); nothing to translate.
    return locales.map((locale) => ({ data: {}, locale }));
  },
};

import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // The people of a CPTS work in French; the panel follows the browser or the profile setting.
    locales: ['fr'],
    translations: {
      fr: {
        'Auth.form.welcome.title': 'Bienvenue sur Ancrage',
        'Auth.form.welcome.subtitle': 'Connectez-vous à votre espace CPTS',
        'app.components.LeftMenu.navbrand.title': 'Ancrage',
        'app.components.LeftMenu.navbrand.workplace': 'Programme ambassadeurs',
      },
      en: {
        'Auth.form.welcome.title': 'Welcome to Ancrage',
        'app.components.LeftMenu.navbrand.title': 'Ancrage',
        'app.components.LeftMenu.navbrand.workplace': 'Ambassador programme',
      },
    },
    // No guided tour, and no check of Strapi releases on GitHub (no outbound calls).
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};

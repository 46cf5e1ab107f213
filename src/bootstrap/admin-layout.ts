import type { Core } from '@strapi/strapi';
import { UID } from '../utils/constants';

/**
 * French labels, list columns and read-only fields for the Content Manager. Applied once per
 * LAYOUT_VERSION (kept in the core store), so that what an administrator rearranges in the
 * panel afterwards is not overwritten at every boot; bump the version to push a new layout.
 */
export const LAYOUT_VERSION = 3;

type Layout = {
  labels: Record<string, string>;
  list?: string[];
  mainField?: string;
  sort?: [string, 'ASC' | 'DESC'];
  readOnly?: string[];
  /** Columns the app maintains (never edited by hand): out of the edit form. */
  hidden?: string[];
};

const LAYOUTS: Record<string, Layout> = {
  [UID.case]: {
    labels: {
      newcomerFirstName: 'Prénom',
      newcomerLastName: 'Nom',
      newcomerEmail: 'E-mail',
      newcomerPhone: 'Téléphone',
      profession: 'Profession',
      specialty: 'Spécialité',
      comesFrom: "Vient de",
      source: 'Source du contact',
      firstContactAt: 'Premier contact le',
      timeline: 'Échéance du projet',
      practiceMode: "Mode d'exercice",
      employment: 'Statut',
      needs: "Besoins liés à l'environnement",
      targetCommunes: 'Communes envisagées',
      ambassador: 'Ambassadeur',
      state: 'Étape',
      actions: 'Actions menées',
      proposedSites: 'Lieux d’exercice proposés',
      visitedSites: 'Lieux visités',
      installedAt: "Date d'installation",
      installationCommune: "Commune d'installation",
      installationStructure: "Structure d'installation",
      followUps: 'Suivis (3, 6, 12 mois)',
      abandonReason: 'Motif de l’abandon',
      resumeOn: 'Reprise le',
      majorDifficulty: 'Difficulté majeure',
      majorDifficultyNote: 'Difficulté : précisions',
      notes: 'Notes',
      satisfactionResponses: 'Questionnaires de satisfaction',
    },
    list: ['newcomerLastName', 'newcomerFirstName', 'profession', 'state', 'ambassador', 'firstContactAt', 'majorDifficulty'],
    mainField: 'newcomerLastName',
    sort: ['updatedAt', 'DESC'],
    readOnly: ['state'],
    hidden: ['followUpM3DoneAt', 'followUpM6DoneAt', 'followUpM12DoneAt', 'assignedAmbassadorId'],
  },
  [UID.ambassador]: {
    labels: {
      displayName: 'Nom',
      user: 'Compte (espace ambassadeur)',
      professional: 'Professionnel',
      state: 'Étape du mandat',
      mandateStart: 'Début du mandat',
      mandateEnd: 'Fin du mandat',
      integrationSessionAt: "Séance d'intégration le",
      kitHandedOver: 'Kit remis',
      capacity: 'Accompagnements simultanés (max.)',
      noticeGivenAt: 'Préavis donné le',
      notes: 'Notes',
      cases: 'Accompagnements',
      timeDeclarations: 'Déclarations de temps',
    },
    list: ['displayName', 'state', 'mandateStart', 'mandateEnd', 'capacity'],
    mainField: 'displayName',
    sort: ['displayName', 'ASC'],
    readOnly: ['state'],
  },
  [UID.professional]: {
    labels: {
      firstName: 'Prénom',
      lastName: 'Nom',
      profession: 'Profession',
      specialty: 'Spécialité',
      rpps: 'N° RPPS',
      commune: 'Commune',
      structure: 'Structure',
      phone: 'Téléphone',
      email: 'E-mail',
      isMember: 'Adhérent CPTS',
      lastFeeYear: 'Dernière cotisation (année)',
      directoryConsent: "Accepte de figurer dans l'annuaire",
      ambassador: 'Ambassadeur',
    },
    list: ['lastName', 'firstName', 'profession', 'commune', 'isMember', 'directoryConsent'],
    mainField: 'lastName',
    sort: ['lastName', 'ASC'],
  },
  [UID.structure]: {
    labels: {
      name: 'Nom',
      kind: 'Type',
      description: 'Description',
      address: 'Adresse',
      commune: 'Commune',
      latitude: 'Latitude',
      longitude: 'Longitude',
      phone: 'Téléphone',
      website: 'Site web',
      acceptsNewcomers: 'Accueille de nouveaux professionnels',
      professionals: 'Professionnels',
      proposedForCases: 'Proposée dans les accompagnements',
      visitedByCases: 'Visitée dans les accompagnements',
      installedCases: 'Professionnels installés ici',
    },
    list: ['name', 'kind', 'commune', 'acceptsNewcomers'],
    mainField: 'name',
    sort: ['name', 'ASC'],
  },
  [UID.guide]: {
    labels: { title: 'Titre', edition: 'Édition', summary: 'Présentation', sections: 'Rubriques', booklet: 'Livret PDF' },
    list: ['title', 'edition'],
    mainField: 'title',
  },
  [UID.toolkitItem]: {
    labels: { title: 'Titre', description: 'Description', category: 'Catégorie', audience: 'Public', file: 'Document', order: 'Ordre' },
    list: ['title', 'category', 'audience', 'order'],
    mainField: 'title',
    sort: ['order', 'ASC'],
  },
  [UID.timeDeclaration]: {
    labels: {
      ambassador: 'Ambassadeur',
      month: 'Mois',
      hours: 'Heures',
      activity: 'Activité',
      description: 'Détail',
      travelKm: 'Déplacements (km)',
      travelCost: 'Frais de déplacement (€)',
      receipts: 'Justificatifs',
      state: 'Étape',
      reviewComment: 'Commentaire de la coordination',
    },
    list: ['ambassador', 'month', 'hours', 'activity', 'travelKm', 'state'],
    sort: ['month', 'DESC'],
    readOnly: ['state'],
    hidden: ['assignedAmbassadorId'],
  },
  [UID.satisfactionResponse]: {
    labels: { case: 'Accompagnement', score: 'Note globale (1 à 5)', answers: 'Réponses', comment: 'Commentaire', submittedAt: 'Reçue le', caseKey: 'Lien utilisé (accompagnement)' },
    list: ['case', 'score', 'submittedAt'],
    sort: ['submittedAt', 'DESC'],
    readOnly: ['caseKey'],
    hidden: ['caseAmbassadorId'],
  },
  [UID.cptsSetting]: {
    labels: {
      name: 'Nom de la CPTS',
      communes: 'Communes du territoire',
      timezone: 'Fuseau horaire',
      coordinatorEmails: 'E-mails de la coordination',
      contactEmail: 'E-mail de contact public',
      targets: 'Objectifs des indicateurs',
      matchingWindowDays: 'Délai du croisement des données (jours)',
      followUpWindowDays: 'Tolérance des suivis (jours)',
      satisfactionQuestions: 'Questions du questionnaire de satisfaction',
    },
  },
};

const COMPONENT_LABELS: Record<string, Record<string, string>> = {
  'case.needs': {
    premises: 'Locaux',
    housing: 'Logement',
    spouseJob: 'Emploi du conjoint',
    schooling: 'Scolarité',
    childcare: "Garde d'enfants",
    leisure: 'Loisirs',
    administrative: 'Démarches administratives',
    financialAid: 'Aides financières',
    network: 'Réseau professionnel',
    notes: 'Précisions',
  },
  'case.action': { kind: 'Type', date: 'Date', summary: 'Résumé', minutes: 'Durée (minutes)', by: 'Par' },
  'case.follow-up': { milestone: 'Échéance', doneAt: 'Fait le', notes: 'Compte rendu' },
  'settings.indicator-target': { indicator: 'Indicateur', op: 'Comparaison', value: 'Valeur cible' },
  'settings.commune': { name: 'Commune', postalCode: 'Code postal', inseeCode: 'Code INSEE' },
  'settings.contact-email': { email: 'E-mail', name: 'Nom' },
  'settings.satisfaction-question': { key: 'Clé (technique)', label: 'Question', kind: 'Type de réponse', required: 'Réponse obligatoire' },
};

const withLabels = (config: any, labels: Record<string, string>, readOnly: string[] = []) => {
  for (const [field, label] of Object.entries(labels)) {
    const meta = config.metadatas?.[field];
    if (!meta) continue;
    if (meta.edit) meta.edit.label = label;
    if (meta.list) meta.list.label = label;
    if (readOnly.includes(field) && meta.edit) meta.edit.editable = false;
  }
  return config;
};

export const applyAdminLayouts = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'ancrage' });
  const applied = Number((await store.get({ key: 'admin-layout-version' })) ?? 0);
  if (applied >= LAYOUT_VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    const config = await contentTypes.findConfiguration(contentType);
    withLabels(config, layout.labels, layout.readOnly);
    if (layout.list) config.layouts.list = layout.list;
    for (const field of layout.hidden ?? []) {
      if (config.metadatas?.[field]?.edit) Object.assign(config.metadatas[field].edit, { visible: false, editable: false });
      config.layouts.edit = (config.layouts.edit ?? []).map((row: Array<{ name: string }>) => row.filter((f) => f.name !== field)).filter((row: unknown[]) => row.length > 0);
    }
    if (layout.mainField) config.settings.mainField = layout.mainField;
    if (layout.sort) [config.settings.defaultSortBy, config.settings.defaultSortOrder] = layout.sort;
    await contentTypes.updateConfiguration(contentType, {
      settings: config.settings,
      metadatas: config.metadatas,
      layouts: config.layouts,
    });
  }

  const components = strapi.plugin('content-manager').service('components');
  for (const [uid, labels] of Object.entries(COMPONENT_LABELS)) {
    const component = strapi.components[uid as keyof typeof strapi.components];
    const config = await components.findConfiguration(component);
    withLabels(config, labels);
    await components.updateConfiguration(component, {
      settings: config.settings,
      metadatas: config.metadatas,
      layouts: config.layouts,
    });
  }
  await store.set({ key: 'admin-layout-version', value: LAYOUT_VERSION });
};

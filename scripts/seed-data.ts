/**
 * Demo data for `npm run seed`: an ENTIRELY FICTIONAL CPTS in the south of La Réunion.
 *
 * Every person, structure, address, phone number (0262 00 xx xx / 0692 00 xx xx), e-mail
 * (example.org / .example) and RPPS number (11 digits starting with 99) below is invented.
 * Dates are day offsets relative to the day the seed runs (negative = past), so that the
 * demo always looks current: overdue follow-ups stay overdue, on-hold wake-up dates stay ahead.
 */

export type Profession =
  | 'general_practitioner'
  | 'specialist_physician'
  | 'nurse'
  | 'physiotherapist'
  | 'pharmacist'
  | 'midwife'
  | 'speech_therapist'
  | 'orthoptist'
  | 'dentist'
  | 'psychologist'
  | 'dietitian'
  | 'podiatrist'
  | 'occupational_therapist'
  | 'other';

export type StructureKind =
  | 'msp'
  | 'health_centre'
  | 'group_practice'
  | 'hospital'
  | 'laboratory'
  | 'imaging'
  | 'pharmacy'
  | 'institution'
  | 'other';

export type CommuneName = 'Saint-Pierre' | 'Le Tampon' | "L'Entre-Deux";

export const CPTS = {
  name: 'CPTS Sud Démo',
  timezone: 'Indian/Reunion',
  coordinatorEmail: 'coordination@cpts-sud-demo.example',
  coordinatorName: 'Coordination CPTS Sud Démo',
  contactEmail: 'contact@cpts-sud-demo.example',
  communes: [
    { name: 'Saint-Pierre', postalCode: '97410', inseeCode: '97416' },
    { name: 'Le Tampon', postalCode: '97430', inseeCode: '97422' },
    { name: "L'Entre-Deux", postalCode: '97414', inseeCode: '97403' },
  ] as Array<{ name: CommuneName; postalCode: string; inseeCode: string }>,
};

export const POSTAL_CODE: Record<CommuneName, string> = {
  'Saint-Pierre': '97410',
  'Le Tampon': '97430',
  "L'Entre-Deux": '97414',
};

/* ------------------------------------------------------------------------------------------ */
/* Structures                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export type StructureSeed = {
  key: string;
  name: string;
  kind: StructureKind;
  description: string;
  /** street part; the postal code and commune are appended */
  street: string;
  commune: CommuneName;
  latitude: number;
  longitude: number;
  /** last 4 digits of 0262 00 xx xx */
  phone: string;
  website?: string;
  acceptsNewcomers: boolean;
};

export const STRUCTURES: StructureSeed[] = [
  // --- Saint-Pierre (≈ -21.34, 55.48) ---
  {
    key: 'sp-msp-flamboyants',
    name: 'MSP des Flamboyants',
    kind: 'msp',
    description:
      "Maison de santé pluriprofessionnelle : 5 médecins généralistes, infirmiers, kinésithérapeutes, sage-femme et diététicienne. Projet de santé centré sur le diabète et la périnatalité. Un cabinet médical disponible.",
    street: '14 rue des Flamboyants',
    commune: 'Saint-Pierre',
    latitude: -21.3378,
    longitude: 55.4789,
    phone: '1001',
    website: 'https://msp-flamboyants.example',
    acceptsNewcomers: true,
  },
  {
    key: 'sp-cds-alizes',
    name: 'Centre de santé des Alizés',
    kind: 'health_centre',
    description:
      "Centre de santé associatif avec médecins salariés, orthoptiste et secrétariat mutualisé. Recrute en salariat ou en exercice mixte.",
    street: '3 allée des Alizés',
    commune: 'Saint-Pierre',
    latitude: -21.3452,
    longitude: 55.4867,
    phone: '1002',
    website: 'https://cds-alizes.example',
    acceptsNewcomers: true,
  },
  {
    key: 'sp-cab-lataniers',
    name: 'Cabinet médical des Lataniers',
    kind: 'group_practice',
    description: 'Cabinet de groupe de trois médecins généralistes et une orthophoniste, proche du centre-ville.',
    street: '27 rue des Lataniers',
    commune: 'Saint-Pierre',
    latitude: -21.3411,
    longitude: 55.4732,
    phone: '1003',
    acceptsNewcomers: true,
  },
  {
    key: 'sp-cab-kine-port',
    name: 'Cabinet de kinésithérapie du Port',
    kind: 'group_practice',
    description: 'Quatre masseurs-kinésithérapeutes, plateau technique et balnéothérapie.',
    street: '8 quai des Pêcheurs',
    commune: 'Saint-Pierre',
    latitude: -21.3436,
    longitude: 55.4701,
    phone: '1004',
    acceptsNewcomers: false,
  },
  {
    key: 'sp-hopital',
    name: 'Hôpital des Camélias',
    kind: 'hospital',
    description: 'Établissement de santé de référence du bassin Sud : urgences, maternité, médecine et chirurgie.',
    street: '1 avenue des Camélias',
    commune: 'Saint-Pierre',
    latitude: -21.3297,
    longitude: 55.4915,
    phone: '1005',
    website: 'https://hopital-camelias.example',
    acceptsNewcomers: false,
  },
  {
    key: 'sp-labo',
    name: 'Laboratoire Bio-Sud — site de Saint-Pierre',
    kind: 'laboratory',
    description: 'Laboratoire de biologie médicale, prélèvements sans rendez-vous le matin.',
    street: '45 rue des Bougainvilliers',
    commune: 'Saint-Pierre',
    latitude: -21.3389,
    longitude: 55.4821,
    phone: '1006',
    website: 'https://bio-sud.example',
    acceptsNewcomers: false,
  },
  {
    key: 'sp-imagerie',
    name: "Centre d'imagerie des Alizés",
    kind: 'imaging',
    description: 'Radiologie conventionnelle, échographie, scanner. Cherche un ou une radiologue pour compléter l’équipe.',
    street: '5 allée des Alizés',
    commune: 'Saint-Pierre',
    latitude: -21.3458,
    longitude: 55.4874,
    phone: '1007',
    website: 'https://imagerie-alizes.example',
    acceptsNewcomers: true,
  },
  {
    key: 'sp-pharma',
    name: 'Pharmacie du Front de Mer',
    kind: 'pharmacy',
    description: 'Officine ouverte du lundi au samedi, entretiens pharmaceutiques et vaccination.',
    street: '61 boulevard du Front de Mer',
    commune: 'Saint-Pierre',
    latitude: -21.3421,
    longitude: 55.4758,
    phone: '1008',
    acceptsNewcomers: false,
  },
  {
    key: 'sp-cpts',
    name: 'CPTS Sud Démo — locaux de la coordination',
    kind: 'institution',
    description:
      "Siège de la CPTS : accueil des professionnels qui souhaitent s'installer, entretiens d'installation, réunions des groupes de travail.",
    street: '2 rue des Vacoas',
    commune: 'Saint-Pierre',
    latitude: -21.3365,
    longitude: 55.4806,
    phone: '1000',
    website: 'https://cpts-sud-demo.example',
    acceptsNewcomers: false,
  },
  {
    key: 'sp-creche',
    name: 'Crèche associative Ti Zanfan',
    kind: 'other',
    description: 'Multi-accueil de 30 places ; quelques places réservées aux familles de professionnels de santé nouvellement installés.',
    street: '19 chemin des Goyaviers',
    commune: 'Saint-Pierre',
    latitude: -21.3327,
    longitude: 55.4852,
    phone: '1009',
    acceptsNewcomers: false,
  },

  // --- Le Tampon (≈ -21.28, 55.52) ---
  {
    key: 'lt-msp-geraniums',
    name: 'MSP des Géraniums',
    kind: 'msp',
    description:
      "MSP de 18 professionnels : médecins généralistes, infirmiers, kinésithérapeutes, podologue, psychologue. Deux bureaux libres, secrétariat partagé.",
    street: '112 rue des Géraniums',
    commune: 'Le Tampon',
    latitude: -21.2781,
    longitude: 55.5176,
    phone: '2001',
    website: 'https://msp-geraniums.example',
    acceptsNewcomers: true,
  },
  {
    key: 'lt-msp-tamarins',
    name: 'MSP des Tamarins',
    kind: 'msp',
    description: 'MSP des Hauts, à 1 000 m d’altitude : équipe jeune, protocoles de coopération infirmier-médecin.',
    street: '7 chemin des Tamarins',
    commune: 'Le Tampon',
    latitude: -21.2598,
    longitude: 55.5352,
    phone: '2002',
    website: 'https://msp-tamarins.example',
    acceptsNewcomers: true,
  },
  {
    key: 'lt-cds',
    name: 'Centre de santé des Hauts',
    kind: 'health_centre',
    description: 'Centre de santé polyvalent ; consultations de spécialistes en vacation, téléconsultation assistée.',
    street: '30 rue des Fougères',
    commune: 'Le Tampon',
    latitude: -21.2853,
    longitude: 55.5211,
    phone: '2003',
    acceptsNewcomers: true,
  },
  {
    key: 'lt-cab-infirmier',
    name: 'Cabinet infirmier des Vacoas',
    kind: 'group_practice',
    description: 'Six infirmiers libéraux, tournées à domicile sur tout Le Tampon.',
    street: '54 rue des Vacoas',
    commune: 'Le Tampon',
    latitude: -21.2804,
    longitude: 55.5139,
    phone: '2004',
    acceptsNewcomers: false,
  },
  {
    key: 'lt-cab-dentaire',
    name: 'Cabinet dentaire des Letchis',
    kind: 'group_practice',
    description: 'Trois chirurgiens-dentistes et une assistante ; un fauteuil disponible.',
    street: '9 allée des Letchis',
    commune: 'Le Tampon',
    latitude: -21.2769,
    longitude: 55.5228,
    phone: '2005',
    acceptsNewcomers: true,
  },
  {
    key: 'lt-labo',
    name: 'Laboratoire Bio-Sud — site du Tampon',
    kind: 'laboratory',
    description: 'Centre de prélèvements, résultats en ligne.',
    street: '88 rue des Fougères',
    commune: 'Le Tampon',
    latitude: -21.2838,
    longitude: 55.5187,
    phone: '2006',
    website: 'https://bio-sud.example',
    acceptsNewcomers: false,
  },
  {
    key: 'lt-imagerie',
    name: 'Imagerie des Hauts',
    kind: 'imaging',
    description: 'Radiologie et échographie ; vacations de radiologues du bassin Sud.',
    street: '16 rue des Filaos',
    commune: 'Le Tampon',
    latitude: -21.2822,
    longitude: 55.5163,
    phone: '2007',
    acceptsNewcomers: true,
  },
  {
    key: 'lt-pharma',
    name: 'Pharmacie des Goyaviers',
    kind: 'pharmacy',
    description: 'Officine, matériel médical et orthopédie.',
    street: '140 rue des Goyaviers',
    commune: 'Le Tampon',
    latitude: -21.2757,
    longitude: 55.5195,
    phone: '2008',
    acceptsNewcomers: false,
  },
  {
    key: 'lt-clinique',
    name: 'Clinique de la Ravine Verte',
    kind: 'hospital',
    description: 'Soins médicaux et de réadaptation, hôpital de jour.',
    street: '3 chemin de la Ravine Verte',
    commune: 'Le Tampon',
    latitude: -21.2689,
    longitude: 55.5287,
    phone: '2009',
    website: 'https://clinique-ravine-verte.example',
    acceptsNewcomers: false,
  },
  {
    key: 'lt-espace-sante',
    name: 'Espace santé intercommunal',
    kind: 'institution',
    description: 'Permanences de la CGSS, de la PMI et du Contrat Local de Santé ; point d’information sur l’installation.',
    street: '21 rue des Capucines',
    commune: 'Le Tampon',
    latitude: -21.2795,
    longitude: 55.5201,
    phone: '2010',
    acceptsNewcomers: false,
  },

  // --- L'Entre-Deux (≈ -21.25, 55.47) ---
  {
    key: 'ed-msp-longanis',
    name: 'MSP Les Longanis',
    kind: 'msp',
    description: 'Petite MSP de village : 2 médecins, 3 infirmières, 1 kinésithérapeute. Cherche un médecin et une sage-femme.',
    street: '4 rue des Longanis',
    commune: "L'Entre-Deux",
    latitude: -21.2467,
    longitude: 55.4712,
    phone: '3001',
    website: 'https://msp-longanis.example',
    acceptsNewcomers: true,
  },
  {
    key: 'ed-cab-chokas',
    name: 'Cabinet pluriprofessionnel des Chokas',
    kind: 'group_practice',
    description: 'Orthophoniste, infirmiers, psychologue et ergothérapeute ; local rénové avec une salle libre.',
    street: '11 chemin des Chokas',
    commune: "L'Entre-Deux",
    latitude: -21.2512,
    longitude: 55.4689,
    phone: '3002',
    acceptsNewcomers: true,
  },
  {
    key: 'ed-pharma',
    name: 'Pharmacie du Village',
    kind: 'pharmacy',
    description: 'Seule officine du bourg, livraison à domicile pour les écarts.',
    street: '1 place de l’Église',
    commune: "L'Entre-Deux",
    latitude: -21.2479,
    longitude: 55.4731,
    phone: '3003',
    acceptsNewcomers: false,
  },
  {
    key: 'ed-logement',
    name: 'Logement passerelle des Hauts',
    kind: 'other',
    description:
      "Deux studios meublés mis à disposition par la commune et la CPTS pour les professionnels de santé le temps de trouver un logement (jusqu'à 2 mois).",
    street: '6 rue des Bibassiers',
    commune: "L'Entre-Deux",
    latitude: -21.2441,
    longitude: 55.4748,
    phone: '3004',
    acceptsNewcomers: false,
  },
  {
    key: 'ed-mairie',
    name: 'Point info santé de la mairie',
    kind: 'institution',
    description: 'Accueil des nouveaux habitants : écoles, transport scolaire, associations sportives et culturelles.',
    street: '2 rue de la Mairie',
    commune: "L'Entre-Deux",
    latitude: -21.2488,
    longitude: 55.4722,
    phone: '3005',
    acceptsNewcomers: false,
  },
];

/* ------------------------------------------------------------------------------------------ */
/* Professionals                                                                               */
/* ------------------------------------------------------------------------------------------ */

export type ProfessionalSeed = {
  firstName: string;
  lastName: string;
  profession: Profession;
  specialty?: string;
  commune: CommuneName;
  structure?: string;
};

/** 60 invented professionals; the first four become ambassadors (see AMBASSADORS). */
export const PROFESSIONALS: ProfessionalSeed[] = [
  // ambassadors-to-be
  { firstName: 'Claire', lastName: 'Delmas', profession: 'general_practitioner', commune: 'Saint-Pierre', structure: 'sp-msp-flamboyants' },
  { firstName: 'Olivier', lastName: 'Marchetti', profession: 'nurse', commune: 'Le Tampon', structure: 'lt-cab-infirmier' },
  { firstName: 'Nadia', lastName: 'Lefort', profession: 'physiotherapist', commune: 'Saint-Pierre', structure: 'sp-cab-kine-port' },
  { firstName: 'Sébastien', lastName: 'Auclair', profession: 'pharmacist', commune: "L'Entre-Deux", structure: 'ed-pharma' },
  // general practitioners
  { firstName: 'Marc', lastName: 'Fournier', profession: 'general_practitioner', commune: 'Saint-Pierre', structure: 'sp-msp-flamboyants' },
  { firstName: 'Isabelle', lastName: 'Renaud', profession: 'general_practitioner', commune: 'Saint-Pierre', structure: 'sp-msp-flamboyants' },
  { firstName: 'Philippe', lastName: 'Guérin', profession: 'general_practitioner', commune: 'Saint-Pierre', structure: 'sp-cab-lataniers' },
  { firstName: 'Hélène', lastName: 'Blanchard', profession: 'general_practitioner', commune: 'Saint-Pierre', structure: 'sp-cab-lataniers' },
  { firstName: 'Vincent', lastName: 'Masson', profession: 'general_practitioner', commune: 'Saint-Pierre', structure: 'sp-cds-alizes' },
  { firstName: 'Céline', lastName: 'Brunet', profession: 'general_practitioner', commune: 'Le Tampon', structure: 'lt-msp-geraniums' },
  { firstName: 'Arnaud', lastName: 'Picard', profession: 'general_practitioner', commune: 'Le Tampon', structure: 'lt-msp-geraniums' },
  { firstName: 'Sandrine', lastName: 'Lemoine', profession: 'general_practitioner', commune: 'Le Tampon', structure: 'lt-msp-tamarins' },
  { firstName: 'Jérôme', lastName: 'Caron', profession: 'general_practitioner', commune: 'Le Tampon', structure: 'lt-cds' },
  { firstName: 'Agnès', lastName: 'Vasseur', profession: 'general_practitioner', commune: "L'Entre-Deux", structure: 'ed-msp-longanis' },
  { firstName: 'Frédéric', lastName: 'Baudry', profession: 'general_practitioner', commune: "L'Entre-Deux", structure: 'ed-msp-longanis' },
  // specialist physicians
  { firstName: 'Bernard', lastName: 'Lacombe', profession: 'specialist_physician', specialty: 'Cardiologie', commune: 'Saint-Pierre', structure: 'sp-hopital' },
  { firstName: 'Laurence', lastName: 'Meyer', profession: 'specialist_physician', specialty: 'Pédiatrie', commune: 'Saint-Pierre', structure: 'sp-hopital' },
  { firstName: 'Stéphane', lastName: 'Collet', profession: 'specialist_physician', specialty: 'Endocrinologie-diabétologie', commune: 'Saint-Pierre', structure: 'sp-cds-alizes' },
  { firstName: 'Valérie', lastName: 'Hamon', profession: 'specialist_physician', specialty: 'Dermatologie', commune: 'Saint-Pierre' },
  { firstName: 'Patrick', lastName: 'Schneider', profession: 'specialist_physician', specialty: 'Radiologie', commune: 'Saint-Pierre', structure: 'sp-imagerie' },
  { firstName: 'Nathalie', lastName: 'Giraud', profession: 'specialist_physician', specialty: 'Gynécologie-obstétrique', commune: 'Saint-Pierre', structure: 'sp-hopital' },
  { firstName: 'Didier', lastName: 'Royer', profession: 'specialist_physician', specialty: 'Psychiatrie', commune: 'Le Tampon', structure: 'lt-clinique' },
  { firstName: 'Corinne', lastName: 'Huet', profession: 'specialist_physician', specialty: 'Ophtalmologie', commune: 'Le Tampon', structure: 'lt-cds' },
  // nurses
  { firstName: 'Karine', lastName: 'Poirier', profession: 'nurse', commune: 'Le Tampon', structure: 'lt-cab-infirmier' },
  { firstName: 'David', lastName: 'Leclerc', profession: 'nurse', commune: 'Le Tampon', structure: 'lt-cab-infirmier' },
  { firstName: 'Émilie', lastName: 'Rolland', profession: 'nurse', commune: 'Le Tampon', structure: 'lt-msp-tamarins' },
  { firstName: 'Julien', lastName: 'Aubert', profession: 'nurse', commune: 'Saint-Pierre', structure: 'sp-msp-flamboyants' },
  { firstName: 'Aurélie', lastName: 'Carpentier', profession: 'nurse', commune: 'Saint-Pierre' },
  { firstName: 'Mickaël', lastName: 'Barre', profession: 'nurse', commune: "L'Entre-Deux", structure: 'ed-msp-longanis' },
  { firstName: 'Sophie', lastName: 'Millet', profession: 'nurse', commune: "L'Entre-Deux", structure: 'ed-cab-chokas' },
  // physiotherapists
  { firstName: 'Guillaume', lastName: 'Perret', profession: 'physiotherapist', commune: 'Saint-Pierre', structure: 'sp-cab-kine-port' },
  { firstName: 'Marion', lastName: 'Langlois', profession: 'physiotherapist', commune: 'Saint-Pierre', structure: 'sp-msp-flamboyants' },
  { firstName: 'Romain', lastName: 'Gauthier', profession: 'physiotherapist', commune: 'Le Tampon', structure: 'lt-msp-geraniums' },
  { firstName: 'Estelle', lastName: 'Noël', profession: 'physiotherapist', commune: 'Le Tampon', structure: 'lt-clinique' },
  { firstName: 'Cédric', lastName: 'Lucas', profession: 'physiotherapist', commune: "L'Entre-Deux", structure: 'ed-msp-longanis' },
  // pharmacists
  { firstName: 'Anne', lastName: 'Charpentier', profession: 'pharmacist', commune: 'Saint-Pierre', structure: 'sp-pharma' },
  { firstName: 'Thierry', lastName: 'Dumont', profession: 'pharmacist', commune: 'Le Tampon', structure: 'lt-pharma' },
  { firstName: 'Caroline', lastName: 'Benard', profession: 'pharmacist', commune: 'Le Tampon', structure: 'lt-pharma' },
  // midwives
  { firstName: 'Lucie', lastName: 'Tessier', profession: 'midwife', commune: 'Saint-Pierre', structure: 'sp-msp-flamboyants' },
  { firstName: 'Amandine', lastName: 'Prévost', profession: 'midwife', commune: 'Le Tampon', structure: 'lt-msp-geraniums' },
  { firstName: 'Gaëlle', lastName: 'Marty', profession: 'midwife', commune: 'Saint-Pierre', structure: 'sp-hopital' },
  // speech therapists
  { firstName: 'Charlotte', lastName: 'Roger', profession: 'speech_therapist', commune: 'Saint-Pierre', structure: 'sp-cab-lataniers' },
  { firstName: 'Mélanie', lastName: 'Bouvier', profession: 'speech_therapist', commune: "L'Entre-Deux", structure: 'ed-cab-chokas' },
  { firstName: 'Élise', lastName: 'Arnaud', profession: 'speech_therapist', commune: 'Le Tampon' },
  // orthoptist
  { firstName: 'Benoît', lastName: 'Chauvin', profession: 'orthoptist', commune: 'Saint-Pierre', structure: 'sp-cds-alizes' },
  // dentists
  { firstName: 'Franck', lastName: 'Leblanc', profession: 'dentist', commune: 'Le Tampon', structure: 'lt-cab-dentaire' },
  { firstName: 'Delphine', lastName: 'Morin', profession: 'dentist', commune: 'Le Tampon', structure: 'lt-cab-dentaire' },
  { firstName: 'Xavier', lastName: 'Joly', profession: 'dentist', commune: 'Saint-Pierre' },
  { firstName: 'Virginie', lastName: 'Denis', profession: 'dentist', commune: 'Saint-Pierre', structure: 'sp-cds-alizes' },
  // psychologists
  { firstName: 'Camille', lastName: 'Lacroix', profession: 'psychologist', specialty: 'Neuropsychologie', commune: 'Le Tampon', structure: 'lt-msp-geraniums' },
  { firstName: 'Mathieu', lastName: 'Barbe', profession: 'psychologist', specialty: 'Psychologie clinique', commune: "L'Entre-Deux", structure: 'ed-cab-chokas' },
  // dietitians
  { firstName: 'Pauline', lastName: 'Cordier', profession: 'dietitian', commune: 'Saint-Pierre', structure: 'sp-msp-flamboyants' },
  { firstName: 'Laetitia', lastName: 'Besnard', profession: 'dietitian', commune: 'Le Tampon', structure: 'lt-cds' },
  // podiatrists
  { firstName: 'Yannick', lastName: 'Hubert', profession: 'podiatrist', commune: 'Le Tampon', structure: 'lt-msp-geraniums' },
  { firstName: 'Sylvie', lastName: 'Gilles', profession: 'podiatrist', commune: 'Saint-Pierre' },
  // occupational therapists
  { firstName: 'Jessica', lastName: 'Paris', profession: 'occupational_therapist', commune: "L'Entre-Deux", structure: 'ed-cab-chokas' },
  { firstName: 'Loïc', lastName: 'Maillard', profession: 'occupational_therapist', commune: 'Le Tampon', structure: 'lt-clinique' },
  // other professions
  { firstName: 'Christophe', lastName: 'Rey', profession: 'other', specialty: 'Biologiste médical', commune: 'Saint-Pierre', structure: 'sp-labo' },
  { firstName: 'Audrey', lastName: 'Leroux', profession: 'other', specialty: 'Infirmière en pratique avancée', commune: 'Le Tampon', structure: 'lt-msp-tamarins' },
  { firstName: 'Kevin', lastName: 'Fleury', profession: 'other', specialty: 'Manipulateur en électroradiologie', commune: 'Le Tampon', structure: 'lt-imagerie' },
];

/* ------------------------------------------------------------------------------------------ */
/* Ambassadors                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export type AmbassadorSeed = {
  /** index in PROFESSIONALS */
  professional: number;
  state: 'active' | 'trained';
  mandateStartDay: number;
  integrationSessionDay: number;
  notes: string;
};

export const AMBASSADORS: AmbassadorSeed[] = [
  {
    professional: 0,
    state: 'active',
    mandateStartDay: -300,
    integrationSessionDay: -296,
    notes: 'Ambassadrice depuis le lancement du dispositif ; mandat renouvelé. Référente Mission 6 pour les médecins.',
  },
  {
    professional: 1,
    state: 'active',
    mandateStartDay: -210,
    integrationSessionDay: -205,
    notes: 'Mandat renouvelé. Connaît bien les Hauts du Tampon et le réseau infirmier.',
  },
  {
    professional: 2,
    state: 'active',
    mandateStartDay: -175,
    integrationSessionDay: -170,
    notes: 'Premier mandat. Disponible surtout le mercredi et le samedi matin.',
  },
  {
    professional: 3,
    state: 'trained',
    mandateStartDay: -12,
    integrationSessionDay: -5,
    notes: "Session d'intégration faite, kit remis ; premier accompagnement attendu à la prochaine demande.",
  },
];

/* ------------------------------------------------------------------------------------------ */
/* Cases                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export type CaseState =
  | 'received'
  | 'first_contact'
  | 'interview'
  | 'matching'
  | 'visits'
  | 'installed'
  | 'closed'
  | 'abandoned'
  | 'on_hold';

export type ActionSeed = {
  kind: 'call' | 'email' | 'meeting' | 'visit' | 'introduction';
  day: number;
  summary: string;
  minutes: number;
  /** who logged it: the assigned ambassador or the coordinator */
  by: 'ambassador' | 'coordinator';
};

export type NeedsSeed = {
  premises?: boolean;
  housing?: boolean;
  spouseJob?: boolean;
  schooling?: boolean;
  childcare?: boolean;
  leisure?: boolean;
  administrative?: boolean;
  financialAid?: boolean;
  network?: boolean;
  notes?: string;
};

export type CaseSeed = {
  firstName: string;
  lastName: string;
  profession: Profession;
  specialty?: string;
  comesFrom: string;
  source: 'ars' | 'cpam' | 'word_of_mouth' | 'website' | 'event';
  state: CaseState;
  /** day offset of the first contact (absent for received) */
  firstContactDay?: number;
  /** index in AMBASSADORS (absent for received) */
  ambassador?: number;
  timeline?: 'short' | 'medium' | 'long';
  practiceMode?: 'alone' | 'group' | 'pluri_professional_team';
  employment?: 'liberal' | 'salaried' | 'mixed';
  needs?: NeedsSeed;
  targetCommunes?: string;
  actions?: ActionSeed[];
  proposedSites?: string[];
  visitedSites?: string[];
  installedDay?: number;
  installationStructure?: string;
  followUps?: Array<{ milestone: 'm3' | 'm6' | 'm12'; day: number; notes: string }>;
  abandonReason?: string;
  resumeOnDay?: number;
  majorDifficultyNote?: string;
  notes?: string;
  satisfaction?: { score: number; day: number; comment: string; answers: Record<string, unknown> };
};

export const CASES: CaseSeed[] = [
  // ---------------------------------------------------------------- received
  {
    firstName: 'Julien',
    lastName: 'Ferrand',
    profession: 'specialist_physician',
    specialty: 'Radiologie',
    comesFrom: 'Toulouse (31)',
    source: 'website',
    state: 'received',
    targetCommunes: 'Saint-Pierre, Le Tampon',
    notes:
      "Formulaire du site : radiologue en fin d'assistanat, souhaite découvrir le Sud de l'île pendant ses congés de décembre.",
  },
  {
    firstName: 'Camille',
    lastName: 'Besson',
    profession: 'orthoptist',
    comesFrom: 'Nantes (44)',
    source: 'ars',
    state: 'received',
    notes: "Demande transmise par la référente installation de l'ARS : orthoptiste, projet d'exercice aux côtés d'un ophtalmologiste.",
  },
  {
    firstName: 'Hugo',
    lastName: 'Lemaire',
    profession: 'general_practitioner',
    comesFrom: 'Saint-Denis (La Réunion)',
    source: 'cpam',
    state: 'received',
    notes: 'Signalé par la CGSS : remplaçant dans le Nord, envisage une installation dans le Sud.',
  },

  // ---------------------------------------------------------------- first_contact
  {
    firstName: 'Élodie',
    lastName: 'Marchand',
    profession: 'psychologist',
    specialty: 'Neuropsychologie',
    comesFrom: 'Lille (59)',
    source: 'event',
    state: 'first_contact',
    firstContactDay: -6,
    ambassador: 0,
    timeline: 'medium',
    targetCommunes: 'Saint-Pierre',
    actions: [
      {
        kind: 'call',
        day: -5,
        by: 'ambassador',
        minutes: 35,
        summary:
          "Appel de bienvenue avec la trame d'entretien. Neuropsychologue, souhaite un exercice mixte (libéral + vacations hospitalières). Entretien proposé à la CPTS dans deux semaines.",
      },
    ],
  },
  {
    firstName: 'Thomas',
    lastName: 'Girard',
    profession: 'physiotherapist',
    comesFrom: 'Grenoble (38)',
    source: 'word_of_mouth',
    state: 'first_contact',
    firstContactDay: -12,
    ambassador: 2,
    timeline: 'short',
    targetCommunes: 'Le Tampon',
    actions: [
      {
        kind: 'call',
        day: -11,
        by: 'ambassador',
        minutes: 25,
        summary: 'Premier appel : kinésithérapeute, arrivée prévue dans 3 mois, cherche une collaboration dans les Hauts.',
      },
      {
        kind: 'email',
        day: -10,
        by: 'ambassador',
        minutes: 10,
        summary: 'Envoi du Guide du Nouvel Installé et de la cartographie de l’offre de soins.',
      },
    ],
  },

  // ---------------------------------------------------------------- interview
  {
    firstName: 'Pauline',
    lastName: 'Mercier',
    profession: 'specialist_physician',
    specialty: 'Gynécologie médicale',
    comesFrom: 'Bordeaux (33)',
    source: 'ars',
    state: 'interview',
    firstContactDay: -24,
    ambassador: 0,
    timeline: 'medium',
    practiceMode: 'pluri_professional_team',
    employment: 'mixed',
    targetCommunes: 'Saint-Pierre, Le Tampon',
    needs: {
      premises: true,
      housing: true,
      spouseJob: true,
      schooling: true,
      childcare: true,
      financialAid: true,
      notes: "Conjoint ingénieur en BTP. Deux enfants (CE1 et 18 mois). Souhaite un cabinet partagé avec une sage-femme.",
    },
    actions: [
      { kind: 'call', day: -23, by: 'ambassador', minutes: 30, summary: 'Appel de bienvenue, prise de rendez-vous pour l’entretien.' },
      {
        kind: 'meeting',
        day: -8,
        by: 'coordinator',
        minutes: 100,
        summary:
          "Entretien d'installation (coordinatrice CPTS + chargée de mission CLS) : motivations, calendrier à 9 mois, projet en équipe pluriprofessionnelle, besoins familiaux recensés.",
      },
    ],
  },
  {
    firstName: 'Nicolas',
    lastName: 'Fabre',
    profession: 'specialist_physician',
    specialty: 'ORL',
    comesFrom: 'Montpellier (34)',
    source: 'cpam',
    state: 'interview',
    firstContactDay: -30,
    ambassador: 2,
    timeline: 'short',
    practiceMode: 'group',
    employment: 'liberal',
    targetCommunes: 'Saint-Pierre',
    needs: { premises: true, administrative: true, network: true, notes: 'Cherche un plateau technique partagé (audiométrie) et des correspondants.' },
    actions: [
      { kind: 'call', day: -29, by: 'ambassador', minutes: 20, summary: 'Appel de bienvenue.' },
      {
        kind: 'meeting',
        day: -16,
        by: 'coordinator',
        minutes: 75,
        summary: "Entretien d'installation en visioconférence ; besoins recensés. Croisement avec les lieux d'exercice à faire.",
      },
    ],
  },

  // ---------------------------------------------------------------- matching
  {
    firstName: 'Laura',
    lastName: 'Chevalier',
    profession: 'midwife',
    comesFrom: 'Rennes (35)',
    source: 'word_of_mouth',
    state: 'matching',
    firstContactDay: -40,
    ambassador: 1,
    timeline: 'short',
    practiceMode: 'pluri_professional_team',
    employment: 'liberal',
    targetCommunes: "L'Entre-Deux, Saint-Pierre",
    needs: { premises: true, housing: true, leisure: true, notes: 'Pratique le trail : ravie à l’idée des sentiers du Dimitile.' },
    proposedSites: ['ed-msp-longanis', 'sp-msp-flamboyants', 'lt-msp-tamarins'],
    actions: [
      { kind: 'call', day: -39, by: 'ambassador', minutes: 30, summary: 'Appel de bienvenue, envoi du guide.' },
      { kind: 'meeting', day: -30, by: 'coordinator', minutes: 90, summary: "Entretien d'installation à la CPTS ; besoins recensés." },
      {
        kind: 'email',
        day: -24,
        by: 'coordinator',
        minutes: 40,
        summary: 'Croisement des besoins : trois MSP proposées et prévenues ; planning de visites en cours.',
      },
    ],
  },
  {
    firstName: 'Antoine',
    lastName: 'Roche',
    profession: 'specialist_physician',
    specialty: 'Pneumologie',
    comesFrom: 'Strasbourg (67)',
    source: 'event',
    state: 'matching',
    firstContactDay: -45,
    ambassador: 2,
    timeline: 'medium',
    practiceMode: 'group',
    employment: 'mixed',
    targetCommunes: 'Saint-Pierre, Le Tampon',
    needs: {
      premises: true,
      housing: true,
      spouseJob: true,
      schooling: true,
      administrative: true,
      notes: 'Conjointe professeure des écoles titulaire en métropole ; trois enfants scolarisés (primaire et collège).',
    },
    proposedSites: ['sp-cds-alizes', 'lt-cds'],
    majorDifficultyNote:
      "La conjointe n'a pas obtenu sa mutation vers l'académie de La Réunion : le projet est fragilisé. À signaler au CLS, piste d'un détachement à explorer.",
    actions: [
      { kind: 'call', day: -44, by: 'ambassador', minutes: 25, summary: 'Appel de bienvenue après le salon de recrutement.' },
      { kind: 'meeting', day: -35, by: 'coordinator', minutes: 110, summary: "Entretien d'installation ; besoins familiaux importants." },
      {
        kind: 'email',
        day: -20,
        by: 'coordinator',
        minutes: 30,
        summary: 'Deux centres de santé proposés (exercice mixte possible) ; croisement fait en retard (congés).',
      },
      {
        kind: 'call',
        day: -9,
        by: 'ambassador',
        minutes: 45,
        summary: 'Refus de mutation de la conjointe : inquiétude forte, difficulté signalée à la coordinatrice.',
      },
    ],
  },

  // ---------------------------------------------------------------- visits
  {
    firstName: 'Manon',
    lastName: 'Dupuis',
    profession: 'speech_therapist',
    comesFrom: 'Lyon (69)',
    source: 'website',
    state: 'visits',
    firstContactDay: -60,
    ambassador: 0,
    timeline: 'short',
    practiceMode: 'pluri_professional_team',
    employment: 'liberal',
    targetCommunes: "L'Entre-Deux, Le Tampon",
    needs: { premises: true, housing: true, network: true },
    proposedSites: ['ed-cab-chokas', 'lt-msp-geraniums', 'sp-cab-lataniers'],
    visitedSites: ['ed-cab-chokas', 'lt-msp-geraniums'],
    actions: [
      { kind: 'call', day: -59, by: 'ambassador', minutes: 30, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -52, by: 'coordinator', minutes: 80, summary: "Entretien d'installation." },
      { kind: 'email', day: -46, by: 'coordinator', minutes: 30, summary: "Trois lieux d'exercice proposés." },
      {
        kind: 'visit',
        day: -31,
        by: 'ambassador',
        minutes: 240,
        summary:
          'Visite du cabinet des Chokas puis de la MSP des Géraniums ; débrief à chaud de 30 min à la CPTS. Coup de cœur pour L’Entre-Deux.',
      },
      { kind: 'call', day: -24, by: 'coordinator', minutes: 30, summary: 'Débrief à froid en visio : souhaite revoir le local des Chokas avec son conjoint.' },
    ],
  },
  {
    firstName: 'Karim',
    lastName: 'Haddad',
    profession: 'general_practitioner',
    comesFrom: 'Marseille (13)',
    source: 'ars',
    state: 'visits',
    firstContactDay: -70,
    ambassador: 1,
    timeline: 'medium',
    practiceMode: 'pluri_professional_team',
    employment: 'liberal',
    targetCommunes: 'Le Tampon, Saint-Pierre',
    needs: { premises: true, housing: true, schooling: true, financialAid: true, administrative: true },
    proposedSites: ['lt-msp-geraniums', 'sp-msp-flamboyants', 'sp-cds-alizes'],
    visitedSites: ['lt-msp-geraniums', 'sp-msp-flamboyants', 'sp-cds-alizes'],
    actions: [
      { kind: 'call', day: -69, by: 'ambassador', minutes: 30, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -62, by: 'coordinator', minutes: 120, summary: "Entretien d'installation ; intéressé par les aides en zone d'intervention prioritaire." },
      { kind: 'email', day: -55, by: 'coordinator', minutes: 35, summary: 'Trois lieux proposés, rencontres organisées.' },
      { kind: 'visit', day: -41, by: 'ambassador', minutes: 300, summary: 'Journée de visites : MSP des Géraniums, MSP des Flamboyants, Centre de santé des Alizés.' },
      { kind: 'introduction', day: -38, by: 'ambassador', minutes: 20, summary: 'Mise en relation avec le Dr Brunet (MSP des Géraniums) pour un remplacement d’essai.' },
    ],
  },

  // ---------------------------------------------------------------- installed
  {
    firstName: 'Claire',
    lastName: 'Vidal',
    profession: 'general_practitioner',
    comesFrom: 'Paris (75)',
    source: 'ars',
    state: 'installed',
    firstContactDay: -262,
    ambassador: 0,
    timeline: 'short',
    practiceMode: 'pluri_professional_team',
    employment: 'liberal',
    targetCommunes: 'Le Tampon',
    needs: { premises: true, housing: true, administrative: true, financialAid: true, network: true },
    proposedSites: ['lt-msp-geraniums', 'lt-msp-tamarins'],
    visitedSites: ['lt-msp-geraniums', 'lt-msp-tamarins'],
    installedDay: -200,
    installationStructure: 'lt-msp-geraniums',
    followUps: [{ milestone: 'm3', day: -108, notes: 'Patientèle en croissance, bonne intégration dans l’équipe. Dossier d’aide conventionnelle accepté.' }],
    actions: [
      { kind: 'call', day: -261, by: 'ambassador', minutes: 30, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -250, by: 'coordinator', minutes: 90, summary: "Entretien d'installation." },
      { kind: 'email', day: -244, by: 'coordinator', minutes: 30, summary: 'Deux MSP proposées.' },
      { kind: 'visit', day: -232, by: 'ambassador', minutes: 240, summary: 'Visites des deux MSP, débrief à chaud.' },
      { kind: 'introduction', day: -195, by: 'ambassador', minutes: 45, summary: 'Présentation aux pharmaciens et infirmiers du secteur ; invitation à la soirée interprofessionnelle.' },
      { kind: 'call', day: -108, by: 'coordinator', minutes: 20, summary: 'Suivi à 3 mois fait en binôme avec le CLS.' },
    ],
  },
  {
    firstName: 'Lucas',
    lastName: 'Morel',
    profession: 'orthoptist',
    comesFrom: 'Clermont-Ferrand (63)',
    source: 'word_of_mouth',
    state: 'installed',
    firstContactDay: -165,
    ambassador: 2,
    timeline: 'short',
    practiceMode: 'group',
    employment: 'salaried',
    targetCommunes: 'Saint-Pierre',
    needs: { housing: true, leisure: true },
    proposedSites: ['sp-cds-alizes', 'lt-cds'],
    visitedSites: ['sp-cds-alizes'],
    installedDay: -120,
    installationStructure: 'sp-cds-alizes',
    followUps: [{ milestone: 'm3', day: -28, notes: 'Très satisfait ; délai de rendez-vous orthoptie réduit de moitié au centre de santé.' }],
    actions: [
      { kind: 'call', day: -164, by: 'ambassador', minutes: 20, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -158, by: 'coordinator', minutes: 60, summary: "Entretien d'installation." },
      { kind: 'email', day: -152, by: 'coordinator', minutes: 20, summary: 'Centre de santé des Alizés et Centre de santé des Hauts proposés.' },
      { kind: 'visit', day: -141, by: 'ambassador', minutes: 120, summary: 'Visite du Centre de santé des Alizés ; proposition de poste salarié.' },
    ],
  },
  {
    firstName: 'Sophie',
    lastName: 'Lambert',
    profession: 'nurse',
    comesFrom: 'Saint-Paul (La Réunion)',
    source: 'cpam',
    state: 'installed',
    firstContactDay: -95,
    ambassador: 1,
    timeline: 'short',
    practiceMode: 'group',
    employment: 'liberal',
    targetCommunes: "L'Entre-Deux",
    needs: { housing: true, childcare: true, network: true },
    proposedSites: ['ed-cab-chokas', 'ed-msp-longanis'],
    visitedSites: ['ed-cab-chokas', 'ed-msp-longanis'],
    installedDay: -40,
    installationStructure: 'ed-cab-chokas',
    majorDifficultyNote:
      'Toujours sans logement pérenne à L’Entre-Deux : hébergée au logement passerelle, dont la durée maximale arrive à échéance. Relance du bailleur social par la coordinatrice.',
    actions: [
      { kind: 'call', day: -94, by: 'ambassador', minutes: 20, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -86, by: 'coordinator', minutes: 70, summary: "Entretien d'installation." },
      { kind: 'email', day: -80, by: 'coordinator', minutes: 20, summary: 'Deux lieux proposés à L’Entre-Deux.' },
      { kind: 'visit', day: -70, by: 'ambassador', minutes: 150, summary: 'Visites du cabinet des Chokas et de la MSP Les Longanis.' },
      { kind: 'introduction', day: -38, by: 'ambassador', minutes: 30, summary: 'Présentée à la crèche Ti Zanfan et à la pharmacie du Village.' },
      { kind: 'call', day: -7, by: 'ambassador', minutes: 25, summary: 'Point logement : toujours rien de pérenne, difficulté remontée à la coordinatrice.' },
    ],
  },

  // ---------------------------------------------------------------- closed
  {
    firstName: 'Aurélie',
    lastName: 'Perrin',
    profession: 'physiotherapist',
    comesFrom: 'Annecy (74)',
    source: 'website',
    state: 'closed',
    firstContactDay: -560,
    ambassador: 0,
    timeline: 'medium',
    practiceMode: 'group',
    employment: 'liberal',
    targetCommunes: 'Saint-Pierre',
    needs: { premises: true, housing: true, leisure: true },
    proposedSites: ['sp-cab-kine-port', 'sp-msp-flamboyants'],
    visitedSites: ['sp-cab-kine-port', 'sp-msp-flamboyants'],
    installedDay: -470,
    installationStructure: 'sp-cab-kine-port',
    followUps: [
      { milestone: 'm3', day: -378, notes: 'Installation réussie, patientèle déjà pleine.' },
      { milestone: 'm6', day: -288, notes: 'Participe au groupe de travail prévention des chutes de la CPTS.' },
      { milestone: 'm12', day: -104, notes: 'Bilan à un an très positif ; questionnaire de satisfaction envoyé. Accompagnement clos.' },
    ],
    actions: [
      { kind: 'call', day: -559, by: 'ambassador', minutes: 25, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -548, by: 'coordinator', minutes: 90, summary: "Entretien d'installation." },
      { kind: 'visit', day: -525, by: 'ambassador', minutes: 180, summary: 'Visites de deux cabinets à Saint-Pierre.' },
      { kind: 'introduction', day: -465, by: 'ambassador', minutes: 30, summary: 'Présentation aux médecins prescripteurs du quartier.' },
    ],
    satisfaction: {
      score: 5,
      day: -98,
      comment: "Un accueil humain et très concret : je me suis sentie attendue. Merci à mon ambassadrice !",
      answers: { accueil: 5, reactivite: 5, orientation: 5, miseEnRelation: 5, recommanderait: true },
    },
  },
  {
    firstName: 'Damien',
    lastName: 'Colin',
    profession: 'dentist',
    comesFrom: 'Nancy (54)',
    source: 'event',
    state: 'closed',
    firstContactDay: -520,
    ambassador: 1,
    timeline: 'medium',
    practiceMode: 'group',
    employment: 'liberal',
    targetCommunes: 'Le Tampon',
    needs: { premises: true, financialAid: true, administrative: true },
    proposedSites: ['lt-cab-dentaire'],
    visitedSites: ['lt-cab-dentaire'],
    installedDay: -430,
    installationStructure: 'lt-cab-dentaire',
    followUps: [
      { milestone: 'm3', day: -338, notes: 'Démarrage un peu lent, agenda désormais rempli à trois semaines.' },
      { milestone: 'm6', day: -246, notes: 'RAS ; souhaite s’investir dans la prévention bucco-dentaire en milieu scolaire.' },
      { milestone: 'm12', day: -64, notes: 'Bilan à un an fait avec le CLS ; questionnaire envoyé. Accompagnement clos.' },
    ],
    actions: [
      { kind: 'call', day: -519, by: 'ambassador', minutes: 20, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -510, by: 'coordinator', minutes: 80, summary: "Entretien d'installation." },
      { kind: 'visit', day: -490, by: 'ambassador', minutes: 120, summary: 'Visite du cabinet dentaire des Letchis.' },
    ],
    satisfaction: {
      score: 4,
      day: -60,
      comment: 'Très bon accompagnement ; les démarches auprès de la CGSS auraient pu être anticipées.',
      answers: { accueil: 5, reactivite: 4, orientation: 3, miseEnRelation: 4, recommanderait: true },
    },
  },

  // ---------------------------------------------------------------- abandoned
  {
    firstName: 'Émilie',
    lastName: 'Garnier',
    profession: 'specialist_physician',
    specialty: 'Radiologie',
    comesFrom: 'Rouen (76)',
    source: 'ars',
    state: 'abandoned',
    firstContactDay: -150,
    ambassador: 2,
    timeline: 'medium',
    practiceMode: 'group',
    employment: 'liberal',
    targetCommunes: 'Saint-Pierre',
    needs: { premises: true, housing: true, spouseJob: true },
    proposedSites: ['sp-imagerie', 'lt-imagerie'],
    visitedSites: ['sp-imagerie'],
    abandonReason:
      "S'est finalement installée à Saint-Denis, plus près de la famille de son conjoint. Garde un bon souvenir de l'accueil et accepte d'être recontactée.",
    actions: [
      { kind: 'call', day: -149, by: 'ambassador', minutes: 25, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -140, by: 'coordinator', minutes: 90, summary: "Entretien d'installation." },
      { kind: 'visit', day: -120, by: 'ambassador', minutes: 150, summary: "Visite du Centre d'imagerie des Alizés." },
      { kind: 'call', day: -90, by: 'ambassador', minutes: 15, summary: 'Annonce son choix de Saint-Denis.' },
    ],
  },
  {
    firstName: 'Bastien',
    lastName: 'Leroy',
    profession: 'podiatrist',
    comesFrom: 'Tours (37)',
    source: 'website',
    state: 'abandoned',
    firstContactDay: -95,
    ambassador: 1,
    targetCommunes: 'Le Tampon',
    abandonReason: 'Pas de réponse après trois relances (téléphone et e-mail) en six semaines.',
    actions: [
      { kind: 'call', day: -94, by: 'ambassador', minutes: 5, summary: 'Pas de réponse, message laissé.' },
      { kind: 'email', day: -80, by: 'ambassador', minutes: 10, summary: 'Relance par e-mail avec le guide en pièce jointe.' },
      { kind: 'call', day: -52, by: 'ambassador', minutes: 5, summary: 'Troisième relance sans réponse.' },
    ],
  },

  // ---------------------------------------------------------------- on_hold
  {
    firstName: 'Chloé',
    lastName: 'Barbier',
    profession: 'psychologist',
    specialty: 'Psychologie clinique',
    comesFrom: 'Bruxelles (Belgique)',
    source: 'event',
    state: 'on_hold',
    firstContactDay: -80,
    ambassador: 0,
    timeline: 'long',
    practiceMode: 'pluri_professional_team',
    employment: 'mixed',
    targetCommunes: "L'Entre-Deux, Le Tampon",
    needs: { housing: true, administrative: true, notes: 'Diplôme belge : reconnaissance à vérifier avant toute démarche.' },
    resumeOnDay: 120,
    notes: 'Projet à 18 mois : termine son contrat hospitalier. À recontacter à la date de reprise.',
    actions: [
      { kind: 'call', day: -79, by: 'ambassador', minutes: 30, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -70, by: 'coordinator', minutes: 60, summary: "Entretien d'installation en visio ; projet à long terme, mise en attente d'un commun accord." },
    ],
  },
  {
    firstName: 'Yann',
    lastName: 'Le Gall',
    profession: 'general_practitioner',
    comesFrom: 'Brest (29)',
    source: 'word_of_mouth',
    state: 'on_hold',
    firstContactDay: -110,
    ambassador: 2,
    timeline: 'long',
    practiceMode: 'group',
    employment: 'liberal',
    targetCommunes: "Saint-Pierre, L'Entre-Deux",
    needs: { schooling: true, housing: true, spouseJob: true },
    resumeOnDay: 45,
    notes: "Attend la fin de l'année scolaire des enfants avant de relancer le projet.",
    actions: [
      { kind: 'call', day: -109, by: 'ambassador', minutes: 25, summary: 'Appel de bienvenue.' },
      { kind: 'meeting', day: -100, by: 'coordinator', minutes: 90, summary: "Entretien d'installation ; projet reporté." },
    ],
  },
];

/* ------------------------------------------------------------------------------------------ */
/* Time declarations                                                                           */
/* ------------------------------------------------------------------------------------------ */

export type TimeDeclarationSeed = {
  ambassador: number;
  /** 0 = current month, -1 = previous month... */
  monthOffset: number;
  hours: number;
  activity: 'accompaniment' | 'meeting' | 'training' | 'event' | 'administration' | 'other';
  description: string;
  travelKm: number;
  state: 'draft' | 'submitted' | 'validated';
  reviewComment?: string;
};

/** Mileage allowance used for the demo travel costs (€/km). */
export const KM_RATE = 0.45;

export const TIME_DECLARATIONS: TimeDeclarationSeed[] = [
  { ambassador: 0, monthOffset: -2, hours: 6, activity: 'accompaniment', description: 'Visites et débriefs (2 accompagnements).', travelKm: 64, state: 'validated', reviewComment: 'Validé, merci.' },
  { ambassador: 0, monthOffset: -1, hours: 4.5, activity: 'accompaniment', description: 'Appels de suivi et journée de visites.', travelKm: 38, state: 'submitted' },
  { ambassador: 0, monthOffset: 0, hours: 2, activity: 'meeting', description: 'Groupe de travail Mission 6.', travelKm: 12, state: 'draft' },
  { ambassador: 1, monthOffset: -2, hours: 5, activity: 'accompaniment', description: 'Journée de visites (MSP des Géraniums, Flamboyants, Alizés).', travelKm: 82, state: 'validated' },
  { ambassador: 1, monthOffset: -1, hours: 3, activity: 'event', description: 'Stand CPTS au forum des internes.', travelKm: 46, state: 'submitted' },
  { ambassador: 2, monthOffset: -3, hours: 2, activity: 'training', description: 'Formation express sur les aides à l’installation.', travelKm: 20, state: 'validated' },
  { ambassador: 2, monthOffset: -1, hours: 3.5, activity: 'accompaniment', description: 'Appels de bienvenue et relances.', travelKm: 0, state: 'submitted' },
  { ambassador: 2, monthOffset: 0, hours: 1.5, activity: 'administration', description: 'Mise à jour des fiches de suivi.', travelKm: 0, state: 'draft' },
];

/* ------------------------------------------------------------------------------------------ */
/* Guide du Nouvel Installé                                                                    */
/* ------------------------------------------------------------------------------------------ */

export type GuideSection =
  | { __component: 'guide.rich-text'; title?: string; body: string }
  | {
      __component: 'guide.administrative-step';
      title: string;
      description?: string;
      organisation: string;
      contact?: string;
      website?: string;
      when?: string;
    }
  | {
      __component: 'guide.useful-contact';
      name: string;
      role?: string;
      phone?: string;
      email?: string;
      website?: string;
      address?: string;
    }
  | { __component: 'guide.financial-aid'; name: string; provider?: string; amount?: string; conditions?: string; website?: string }
  | { __component: 'guide.faq'; question: string; answer: string };

export const GUIDE = {
  title: 'Guide du Nouvel Installé',
  edition: '2026',
  summary:
    "Les démarches, les contacts utiles et les informations pratiques pour s'installer comme professionnel de santé à Saint-Pierre, au Tampon ou à L'Entre-Deux — et le rôle de votre ambassadeur CPTS.",
  sections: [
    {
      __component: 'guide.rich-text',
      title: 'Bienvenue dans le Sud !',
      body: [
        "Vous envisagez de vous installer à **Saint-Pierre**, au **Tampon** ou à **L'Entre-Deux** ? La CPTS Sud Démo réunit les professionnels de santé de ces trois communes, un bassin de vie de plus de 170 000 habitants, entre le littoral et les Hauts.",
        '',
        "Le territoire a besoin de vous : la population augmente, les maladies chroniques (diabète, maladies cardiovasculaires) sont fréquentes, et plusieurs spécialités manquent cruellement — radiologie, gynécologie, ORL, pneumologie, orthoptie, neuropsychologie.",
        '',
        "Ce guide rassemble les démarches d'installation, les contacts utiles et quelques informations pratiques. Il ne remplace pas une rencontre : **votre ambassadeur** est là pour répondre à vos questions.",
      ].join('\n'),
    },
    {
      __component: 'guide.rich-text',
      title: 'Votre ambassadeur, un pair-aidant',
      body: [
        "L'ambassadeur n'est ni un agent administratif, ni un recruteur : c'est un professionnel de santé du territoire, adhérent de la CPTS, qui a choisi d'accueillir ses futurs confrères.",
        '',
        '- **Accueillir et rassurer** : il vous appelle dès votre premier contact avec la CPTS.',
        "- **Orienter** : il vous indique les bons interlocuteurs (ARS, CGSS, Ordre, URSSAF) et vous explique simplement les aides existantes.",
        "- **Connecter** : il vous présente aux confrères, vous invite aux événements de la CPTS et vous intègre aux outils de communication du territoire.",
        "- **Parrainer** : il vous suit de façon conviviale pendant vos **6 premiers mois** d'exercice.",
        '',
        "Le parcours type : un appel de bienvenue, un entretien d'une à deux heures avec la CPTS et le Contrat Local de Santé, une proposition de lieux d'exercice **sous 10 jours**, des visites, puis des appels de suivi à **3, 6 et 12 mois**. À la fin, un court questionnaire vous permet de nous dire ce qui a marché… et ce qui peut être amélioré.",
      ].join('\n'),
    },
    {
      __component: 'guide.administrative-step',
      title: "S'inscrire au tableau de l'Ordre",
      organisation: 'Conseil départemental (ou régional) de l’Ordre de votre profession',
      description: [
        "Obligatoire avant tout exercice pour les médecins, chirurgiens-dentistes, sages-femmes, pharmaciens, infirmiers, masseurs-kinésithérapeutes et pédicures-podologues.",
        '',
        "Prévoyez : diplôme, pièce d'identité, casier judiciaire (demandé par l'Ordre), contrat d'exercice ou de collaboration le cas échéant. **Comptez plusieurs semaines** : lancez la démarche dès que votre lieu d'exercice est connu.",
        '',
        "Si vous étiez inscrit dans un autre département, demandez votre transfert.",
      ].join('\n'),
      contact: 'Votre ambassadeur vous indique le bon conseil selon votre profession',
      when: "Dès que le lieu d'exercice est choisi, avant le premier jour d'exercice",
    },
    {
      __component: 'guide.administrative-step',
      title: 'Obtenir votre numéro RPPS et votre carte CPS',
      organisation: 'Ordre professionnel ou ARS La Réunion, selon la profession',
      description: [
        "Le numéro **RPPS** est votre identifiant de professionnel de santé. Pour les professions à Ordre, il est attribué lors de l'inscription au tableau ; pour les autres professions (psychologues, orthoptistes, diététiciens, ergothérapeutes…), l'enregistrement se fait auprès de l'ARS.",
        '',
        'La **carte CPS** (ou e-CPS sur smartphone) vous permet de facturer, de signer électroniquement et d’accéder aux services numériques en santé.',
      ].join('\n'),
      contact: 'Point info installation de la CPTS : 0262 00 10 00',
      when: "Après l'inscription à l'Ordre (ou en même temps pour les professions sans Ordre)",
    },
    {
      __component: 'guide.administrative-step',
      title: 'Déclarer votre installation à la CGSS',
      organisation: 'CGSS de La Réunion (Caisse générale de sécurité sociale)',
      description: [
        "À La Réunion, la **CGSS** assure le rôle de la CPAM : c'est auprès d'elle que vous déclarez votre installation en libéral, choisissez votre secteur conventionnel (pour les médecins) et obtenez vos feuilles de soins et votre accès aux téléservices.",
        '',
        "Demandez un rendez-vous avec le service des relations avec les professionnels de santé : il vous présentera aussi les **aides conventionnelles** liées à votre zone d'installation.",
      ].join('\n'),
      contact: 'installation.demo@example.org — 0262 00 40 00',
      website: 'https://cgss.example.org',
      when: "Dans le mois qui précède le début d'activité",
    },
    {
      __component: 'guide.administrative-step',
      title: "Déclarer le début d'activité libérale (URSSAF, retraite)",
      organisation: "Guichet unique des formalités d'entreprises, URSSAF, caisse de retraite",
      description: [
        "La déclaration de début d'activité se fait en ligne sur le guichet unique des formalités d'entreprises. Elle déclenche votre immatriculation à l'**URSSAF** et votre affiliation à votre caisse de retraite (CARMF, CARPIMKO, CARCDSF, CAVP…).",
        '',
        "Pensez aussi à votre **assurance responsabilité civile professionnelle**, à ouvrir un compte bancaire professionnel et à choisir votre régime fiscal (un expert-comptable ou une AGA peut vous y aider).",
      ].join('\n'),
      contact: 'urssaf.demo@example.org',
      website: 'https://urssaf.example.org',
      when: "Dans les jours qui suivent le début d'activité",
    },
    {
      __component: 'guide.administrative-step',
      title: "Faire connaître votre projet à l'ARS La Réunion",
      organisation: 'ARS La Réunion — référent installation et exercice coordonné',
      description: [
        "L'ARS connaît le **zonage** (zones d'intervention prioritaire, zones d'action complémentaire) qui conditionne une partie des aides, et accompagne les projets d'exercice coordonné (MSP, centres de santé).",
        '',
        "Les demandes d'installation reçues par l'ARS sont transmises à la CPTS : un seul contact suffit pour être accompagné.",
      ].join('\n'),
      contact: 'ars-installation.demo@example.org — 0262 00 30 00',
      website: 'https://ars.example.org',
      when: 'Dès le début du projet',
    },
    {
      __component: 'guide.financial-aid',
      name: "Aides conventionnelles à l'installation en zone sous-dotée",
      provider: 'Assurance Maladie (CGSS de La Réunion)',
      amount: 'Selon la profession et la zone (montants fixés par la convention en vigueur)',
      conditions: [
        "- Exercer dans une zone définie comme sous-dotée par l'ARS ;",
        "- s'engager à y exercer plusieurs années ;",
        "- pour les médecins, exercer en secteur conventionné, le plus souvent en exercice coordonné.",
        '',
        'Vérifiez les montants et conditions du moment avec la CGSS avant de signer.',
      ].join('\n'),
      website: 'https://cgss.example.org/aides',
    },
    {
      __component: 'guide.financial-aid',
      name: 'Contrat de début d’exercice (CDE)',
      provider: 'ARS La Réunion',
      amount: 'Garantie de revenu minimal et protection sociale renforcée pendant les premières années',
      conditions: [
        "Destiné aux médecins (et à certaines autres professions) qui s'installent en zone sous-dotée, ou y effectuent des remplacements, dans les premières années suivant leur diplôme.",
        '',
        'Conditions d’éligibilité et montants : renseignez-vous auprès de l’ARS.',
      ].join('\n'),
      website: 'https://ars.example.org/cde',
    },
    {
      __component: 'guide.financial-aid',
      name: 'Logement passerelle et accueil par la CPTS',
      provider: 'CPTS Sud Démo et commune de L’Entre-Deux',
      amount: "Jusqu'à 2 mois d'hébergement meublé",
      conditions: 'Pour les professionnels accompagnés par un ambassadeur, le temps de trouver un logement. Demande auprès de la coordination.',
      website: 'https://cpts-sud-demo.example/accueil',
    },
    {
      __component: 'guide.useful-contact',
      name: 'Coordination de la CPTS Sud Démo',
      role: 'Premier contact, entretiens d’installation, mise en relation avec un ambassadeur',
      phone: '0262 00 10 00',
      email: 'coordination@cpts-sud-demo.example',
      website: 'https://cpts-sud-demo.example',
      address: '2 rue des Vacoas, 97410 Saint-Pierre',
    },
    {
      __component: 'guide.useful-contact',
      name: 'Chargée de mission du Contrat Local de Santé',
      role: 'Logement, emploi du conjoint, scolarité, lien avec les élus',
      phone: '0262 00 20 10',
      email: 'cls.demo@example.org',
      address: '21 rue des Capucines, 97430 Le Tampon',
    },
    {
      __component: 'guide.useful-contact',
      name: 'Accueil des professionnels de santé — CGSS (démo)',
      role: 'Conventionnement, téléservices, aides conventionnelles',
      phone: '0262 00 40 00',
      email: 'installation.demo@example.org',
      website: 'https://cgss.example.org',
    },
    {
      __component: 'guide.rich-text',
      title: 'Vivre dans le Sud',
      body: [
        "- **Logement** : le marché est tendu à Saint-Pierre, plus ouvert au Tampon et à L'Entre-Deux. Le logement passerelle de la CPTS peut vous dépanner les premières semaines.",
        "- **Écoles et modes de garde** : écoles, collèges et lycées dans les trois communes ; quelques places en crèche sont réservées aux familles de professionnels nouvellement installés.",
        "- **Climat** : chaud sur le littoral, nettement plus frais dans les Hauts du Tampon. La saison cyclonique va de novembre à avril : votre ambassadeur vous expliquera les bons réflexes.",
        "- **Loisirs** : randonnée, trail, volcan, lagon, vie associative très riche. L'Entre-Deux est une porte d'entrée vers le massif du Dimitile.",
      ].join('\n'),
    },
    {
      __component: 'guide.faq',
      question: "Je ne connais personne ici : par où commencer ?",
      answer:
        "Écrivez ou téléphonez à la coordination de la CPTS. Un ambassadeur — un professionnel de santé déjà installé — vous rappelle rapidement, puis nous vous proposons un entretien pour faire le point sur votre projet.",
    },
    {
      __component: 'guide.faq',
      question: 'Mon conjoint cherche un emploi : pouvez-vous aider ?',
      answer:
        "Oui, c'est l'une des missions du Contrat Local de Santé : orientation vers les dispositifs existants et mise en réseau. Parlez-en dès l'entretien, c'est souvent ce qui décide d'une installation.",
    },
    {
      __component: 'guide.faq',
      question: "L'accompagnement est-il payant ? M'engage-t-il à m'installer ?",
      answer:
        "Non et non. L'accompagnement est gratuit et sans engagement ; si vous choisissez finalement un autre territoire, nous serons simplement heureux d'avoir pu vous aider.",
    },
    {
      __component: 'guide.faq',
      question: "Puis-je visiter plusieurs lieux d'exercice avant de choisir ?",
      answer:
        "Bien sûr. Sous 10 jours après l'entretien, la CPTS vous propose des lieux d'exercice adaptés à votre projet (MSP, centres de santé, cabinets) et organise les visites. Un débrief suit chaque journée de visites.",
    },
  ] as GuideSection[],
};

/* ------------------------------------------------------------------------------------------ */
/* Toolkit                                                                                     */
/* ------------------------------------------------------------------------------------------ */

export type ToolkitSeed = {
  title: string;
  description: string;
  category: 'welcome_kit' | 'ambassador_tools';
  audience: 'public' | 'ambassador';
  order: number;
  /** file name without the demo prefix */
  fileName: string;
  /** 'guide' and 'map' are generated from the data above; otherwise the given lines */
  content: 'guide' | 'map' | 'directory' | string[];
};

export const TOOLKIT: ToolkitSeed[] = [
  {
    title: 'Guide du Nouvel Installé — édition 2026',
    description: 'Livret PDF : démarches, contacts utiles et informations pratiques pour s’installer dans le Sud.',
    category: 'welcome_kit',
    audience: 'public',
    order: 1,
    fileName: 'guide-nouvel-installe-2026.pdf',
    content: 'guide',
  },
  {
    title: "Cartographie de l'offre de soins",
    description: 'Les structures clés du territoire (MSP, centres de santé, imagerie, laboratoires…) par commune.',
    category: 'welcome_kit',
    audience: 'public',
    order: 2,
    fileName: 'cartographie-offre-de-soins.pdf',
    content: 'map',
  },
  {
    title: 'Annuaire des professionnels',
    description: "Extrait de l'annuaire des professionnels adhérents ayant accepté d'y figurer.",
    category: 'welcome_kit',
    audience: 'public',
    order: 3,
    fileName: 'annuaire-professionnels.pdf',
    content: 'directory',
  },
  {
    title: "Fiche de suivi d'accompagnement",
    description: 'Trame pour tracer les étapes : date du 1er contact, besoins identifiés, actions réalisées.',
    category: 'ambassador_tools',
    audience: 'ambassador',
    order: 1,
    fileName: 'fiche-de-suivi.pdf',
    content: [
      "FICHE DE SUIVI D'ACCOMPAGNEMENT",
      '',
      'Professionnel accompagné : ..........................................',
      'Profession / spécialité : ...........................................',
      'Vient de : ........................  Source du contact : ARS / CGSS / bouche-à-oreille / site / événement',
      'Date du premier contact : ....../....../......',
      '',
      'Calendrier du projet :  court terme  /  moyen terme  /  long terme',
      'Projet : exercice isolé / regroupé / équipe pluriprofessionnelle ; libéral / salariat / mixte',
      '',
      'Besoins identifiés : locaux, logement, emploi du conjoint, scolarité, garde d’enfants,',
      'loisirs, démarches administratives, aides financières, réseau professionnel.',
      '',
      'Actions réalisées (date, type, résumé, durée) :',
      '- ....../....../......  appel / e-mail / rencontre / visite / mise en relation',
      '- ....../....../......',
      '',
      'Lieux proposés : ...................  Lieux visités : ...................',
      'Installation : date ....../....../......  commune ...................',
      'Suivis : 3 mois ......  6 mois ......  12 mois ......',
      '',
      'Difficulté majeure à signaler à la coordinatrice ?  oui / non',
    ],
  },
  {
    title: "Trame d'entretien — premier appel",
    description: 'Checklist des points à aborder lors du premier appel pour ne rien oublier.',
    category: 'ambassador_tools',
    audience: 'ambassador',
    order: 2,
    fileName: 'trame-entretien-premier-appel.pdf',
    content: [
      "TRAME D'ENTRETIEN — PREMIER APPEL",
      '',
      '1. Se présenter : ambassadeur de la CPTS, professionnel de santé, pair-aidant.',
      '2. Les motivations : pourquoi le Sud, pourquoi maintenant ?',
      '3. Le calendrier : court, moyen ou long terme ? Disponibilités pour des visites ?',
      '4. Le projet professionnel : seul ou en groupe, équipe pluriprofessionnelle, libéral ou salariat.',
      '5. La famille : logement, emploi du conjoint, scolarité, garde des enfants, loisirs.',
      '6. Les démarches déjà faites : Ordre, ARS, CGSS, URSSAF.',
      '7. Proposer l’entretien avec la CPTS et le CLS (1 à 2 h).',
      '8. Envoyer le Guide du Nouvel Installé et noter l’appel dans la fiche de suivi.',
    ],
  },
  {
    title: "Charte de l'ambassadeur",
    description: 'Le mandat, les missions, la déclaration du temps passé et des frais de déplacement.',
    category: 'ambassador_tools',
    audience: 'ambassador',
    order: 3,
    fileName: 'charte-ambassadeur.pdf',
    content: [
      "CHARTE DE L'AMBASSADEUR",
      '',
      'Mandat : 1 an renouvelable ; point d’étape possible à mi-parcours.',
      'Retrait possible à tout moment avec un préavis de 15 jours.',
      '',
      'Missions : accueillir et rassurer, orienter et guider, connecter, promouvoir la CPTS,',
      'parrainer le nouvel installé pendant 6 mois.',
      '',
      'Remonter à la coordinatrice toute difficulté majeure ; veiller à ce que le nouvel',
      'installé réponde au questionnaire de satisfaction.',
      '',
      'Indemnisation : forfait temps passé (déclaration mensuelle validée par la coordination)',
      'et remboursement des frais de déplacement.',
    ],
  },
];

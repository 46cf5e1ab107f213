/** users-permissions role types (and the codes of the matching admin roles). */
export const ROLES = {
  coordinator: 'coordinator',
  ambassador: 'ambassador',
  public: 'public',
  authenticated: 'authenticated',
} as const;

export const ADMIN_ROLE_CODES = {
  coordination: 'ancrage-coordination',
  communication: 'ancrage-communication',
} as const;

export const UID = {
  case: 'api::case.case',
  ambassador: 'api::ambassador.ambassador',
  professional: 'api::professional.professional',
  structure: 'api::structure.structure',
  guide: 'api::guide.guide',
  toolkitItem: 'api::toolkit-item.toolkit-item',
  timeDeclaration: 'api::time-declaration.time-declaration',
  satisfactionResponse: 'api::satisfaction-response.satisfaction-response',
  cptsSetting: 'api::cpts-setting.cpts-setting',
} as const;

/** Field names that only a workflow transition may change. */
export const STATE_FIELD = 'state';

/** Default indicator targets (specification §7). */
export const DEFAULT_TARGETS = [
  { indicator: 'contacts_handled', op: 'gt', value: 5 },
  { indicator: 'satisfaction_average', op: 'gt', value: 4 },
  { indicator: 'active_ambassadors', op: 'gte', value: 3 },
  { indicator: 'matching_on_time_rate', op: 'gte', value: 0.9 },
  { indicator: 'follow_ups_on_time_rate', op: 'gte', value: 0.9 },
] as const;

export const DEFAULT_TIMEZONE = 'Indian/Reunion';

/**
 * Default questions of the satisfaction questionnaire (specification 000, protocol 002: welcome,
 * guidance, connection with colleagues, administrative steps, would recommend). The overall
 * score 1–5 is asked separately. Editable in Paramètres CPTS.
 */
export const DEFAULT_SATISFACTION_QUESTIONS = [
  { key: 'welcome', label: "Comment jugez-vous la qualité de l'accueil par la CPTS et votre ambassadeur ?", kind: 'scale_1_5', required: true },
  { key: 'guidance', label: 'Les conseils et l’accompagnement reçus vous ont-ils été utiles ?', kind: 'scale_1_5', required: true },
  { key: 'network', label: 'La mise en relation avec les professionnels du territoire vous a-t-elle aidé·e ?', kind: 'scale_1_5', required: true },
  { key: 'administrative', label: 'Les démarches administratives de votre installation ont-elles été facilitées ?', kind: 'scale_1_5', required: true },
  { key: 'recommend', label: 'Recommanderiez-vous le programme Ambassadeurs à un ou une collègue ?', kind: 'yes_no', required: true },
] as const;

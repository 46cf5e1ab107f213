/**
 * French e-mails, HTML and plain text, one per rule. They carry what the recipient needs to act
 * and may see (the assigned ambassador and the coordination see the case; the newcomer only
 * their own first name), and a link to the case.
 */
export type TemplateData = {
  rule: string;
  recipient: string;
  cpts: string;
  subject: Record<string, any> | null;
  dueAt: Date;
  links: { admin: string | null; space: string | null; questionnaire: string | null };
  digest?: DigestData;
};

export type DigestData = {
  overdueMatchings: Array<{ name: string; days: number; link: string }>;
  followUpsThisWeek: Array<{ name: string; milestone: string; due: string; link: string }>;
  failedReminders: Array<{ rule: string; lastError: string }>;
  timeSheets: Array<{ ambassador: string; month: string; hours: number }>;
};

export type Rendered = { subject: string; text: string; html: string };

const escape = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const fr = (d: unknown) => {
  const date = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T12:00:00Z`) : new Date(d as string);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

const PROFESSIONS: Record<string, string> = {
  general_practitioner: 'médecin généraliste',
  specialist_physician: 'médecin spécialiste',
  nurse: 'infirmier·e',
  physiotherapist: 'masseur-kinésithérapeute',
  pharmacist: 'pharmacien·ne',
  midwife: 'sage-femme',
  speech_therapist: 'orthophoniste',
  orthoptist: 'orthoptiste',
  dentist: 'chirurgien·ne-dentiste',
  psychologist: 'psychologue',
  dietitian: 'diététicien·ne',
  podiatrist: 'pédicure-podologue',
  occupational_therapist: 'ergothérapeute',
  other: 'professionnel·le de santé',
};

const who = (c: Record<string, any> | null) =>
  c ? `${c.newcomerFirstName ?? ''} ${c.newcomerLastName ?? ''}`.trim() + (c.profession ? ` (${PROFESSIONS[c.profession] ?? c.profession}${c.specialty ? `, ${c.specialty}` : ''})` : '') : '';

type Parts = { subject: string; lines: string[]; link?: { href: string | null; label: string } };

const layout = (cpts: string, p: Parts): Rendered => {
  const link = p.link?.href ? p.link : null;
  const text = [...p.lines, ...(link ? ['', `${link.label} : ${link.href}`] : []), '', `— ${cpts}, programme Ambassadeurs`].join('\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1f2937;line-height:1.5">
${p.lines.map((l) => (l ? `<p>${escape(l)}</p>` : '')).join('\n')}
${link ? `<p><a href="${escape(link.href)}" style="color:#1d4ed8">${escape(link.label)}</a></p>` : ''}
<p style="color:#6b7280;font-size:13px">— ${escape(cpts)}, programme Ambassadeurs</p>
</body></html>`;
  return { subject: p.subject, text, html };
};

const caseLink = (d: TemplateData) => (d.recipient === 'coordinator' ? d.links.admin : d.links.space ?? d.links.admin);

const RULES: Record<string, (d: TemplateData) => Parts> = {
  'case.received.unhandled': (d) => ({
    subject: `Contact en attente depuis 2 jours : ${who(d.subject)}`,
    lines: ['Bonjour,', `Le contact de ${who(d.subject)} est arrivé il y a deux jours et n'a pas encore été pris en charge.`, 'Pensez à affecter un ambassadeur et à organiser le premier appel.'],
    link: { href: d.links.admin, label: "Ouvrir l'accompagnement" },
  }),
  'case.matching.warning': (d) => ({
    subject: `Croisement des données : plus que 3 jours pour ${who(d.subject)}`,
    lines: ['Bonjour,', `Le croisement des besoins de ${who(d.subject)} avec les lieux d'exercice a commencé il y a 7 jours.`, `Le protocole prévoit de proposer des lieux dans les 10 jours, soit avant le ${fr(d.dueAt.getTime() + 3 * 86400000)}.`],
    link: { href: caseLink(d), label: "Ouvrir l'accompagnement" },
  }),
  'case.matching.overdue': (d) => ({
    subject: `Croisement des données en retard : ${who(d.subject)}`,
    lines: ['Bonjour,', `Le délai de 10 jours du croisement des données de ${who(d.subject)} est dépassé.`, 'Proposez des lieux de visite ou indiquez ce qui bloque.'],
    link: { href: caseLink(d), label: "Ouvrir l'accompagnement" },
  }),
  'case.follow_up.m3': (d) => followUp(d, '3 mois'),
  'case.follow_up.m6': (d) => followUp(d, '6 mois'),
  'case.follow_up.m12': (d) => followUp(d, '12 mois'),
  'case.satisfaction': (d) => ({
    subject: `${d.cpts} : votre avis sur votre accompagnement`,
    lines: [`Bonjour ${d.subject?.newcomerFirstName ?? ''},`.replace(' ,', ','), `Vous avez été accompagné·e par un ambassadeur de la ${d.cpts} lors de votre installation.`, 'Pourriez-vous nous dire en deux minutes ce qui vous a aidé et ce que nous pouvons améliorer ?'],
    link: { href: d.links.questionnaire, label: 'Répondre au questionnaire' },
  }),
  'case.satisfaction.reminder': (d) => ({
    subject: `${d.cpts} : il est encore temps de donner votre avis`,
    lines: [
      `Bonjour ${d.subject?.newcomerFirstName ?? ''},`.replace(' ,', ','),
      `Il y a deux semaines, nous vous avons invité·e à répondre au questionnaire de satisfaction de la ${d.cpts} sur votre accompagnement.`,
      'Votre réponse nous aide à améliorer l’accueil des professionnels qui s’installent après vous. Cela prend deux minutes.',
    ],
    link: { href: d.links.questionnaire, label: 'Répondre au questionnaire' },
  }),
  'case.on_hold.resume': (d) => ({
    subject: `Reprise de l'accompagnement : ${who(d.subject)}`,
    lines: ['Bonjour,', `L'accompagnement de ${who(d.subject)} était en attente jusqu'au ${fr(d.subject?.resumeOn)}.`, "C'est le moment de reprendre contact."],
    link: { href: caseLink(d), label: "Ouvrir l'accompagnement" },
  }),
  'ambassador.mid_term_review': (d) => ({
    subject: `Bilan de mi-mandat : ${d.subject?.displayName ?? ''}`,
    lines: ['Bonjour,', `Le mandat d'ambassadeur de ${d.subject?.displayName ?? ''} a commencé il y a six mois (le ${fr(d.subject?.mandateStart)}).`, 'Le cahier des charges prévoit un bilan de mi-mandat facultatif.'],
    link: { href: d.links.admin, label: "Ouvrir la fiche de l'ambassadeur" },
  }),
  'ambassador.renewal': (d) => ({
    subject: 'Votre mandat d’ambassadeur arrive à échéance',
    lines: ['Bonjour,', `Le mandat d'ambassadeur de ${d.subject?.displayName ?? ''} se termine le ${fr(d.subject?.mandateEnd)}.`, 'Il est renouvelable : faites le point ensemble sur la suite.'],
    link: { href: d.recipient === 'coordinator' ? d.links.admin : d.links.space, label: 'Voir le mandat' },
  }),
  'ambassador.notice_end': (d) => ({
    subject: `Fin du préavis de ${d.subject?.displayName ?? ''}`,
    lines: ['Bonjour,', `Le préavis de 15 jours donné le ${fr(d.subject?.noticeGivenAt)} par ${d.subject?.displayName ?? ''} est écoulé.`, "Clôturez son mandat et réaffectez ses accompagnements en cours s'il en reste."],
    link: { href: d.links.admin, label: "Ouvrir la fiche de l'ambassadeur" },
  }),
  'ambassador.monthly_time': (d) => ({
    subject: 'Déclarez votre temps du mois écoulé',
    lines: [`Bonjour ${d.subject?.displayName ?? ''},`, "C'est le début du mois : pensez à déclarer vos heures d'accompagnement et vos déplacements du mois écoulé, avec les justificatifs."],
    link: { href: d.links.space, label: 'Déclarer mon temps' },
  }),
  'coordinator.weekly_digest': (d) => digest(d),
};

const followUp = (d: TemplateData, label: string): Parts => ({
  subject: `Appel de suivi à ${label} : ${who(d.subject)}`,
  lines: [
    'Bonjour,',
    `${who(d.subject)} s'est installé·e le ${fr(d.subject?.installedAt)}${d.subject?.installationCommune ? ` à ${d.subject.installationCommune}` : ''}.`,
    `C'est le moment de l'appel de suivi à ${label} : comment se passe l'installation, reste-t-il des besoins (logement, emploi du conjoint, scolarité, réseau) ?`,
    'Notez le suivi dans la fiche une fois l’appel fait.',
  ],
  link: { href: caseLink(d), label: "Ouvrir l'accompagnement" },
});

const digest = (d: TemplateData): Parts => {
  const g = d.digest ?? { overdueMatchings: [], followUpsThisWeek: [], failedReminders: [], timeSheets: [] };
  const section = (title: string, items: string[]) => ['', `${title} (${items.length})`, ...(items.length ? items.map((i) => `• ${i}`) : ['• rien à signaler'])];
  return {
    subject: `${d.cpts} : le point de la semaine`,
    lines: [
      'Bonjour,',
      'Voici le point hebdomadaire du programme Ambassadeurs.',
      ...section('Croisements des données en retard', g.overdueMatchings.map((m) => `${m.name} — ${m.days} jours`)),
      ...section('Suivis à faire cette semaine', g.followUpsThisWeek.map((f) => `${f.name} — suivi ${f.milestone.replace('m', '')} mois, le ${fr(f.due)}`)),
      ...section('Relances en échec', g.failedReminders.map((r) => `${r.rule} — ${r.lastError}`)),
      ...section('Feuilles de temps à valider', g.timeSheets.map((t) => `${t.ambassador} — ${t.month.slice(0, 7)}, ${t.hours} h`)),
    ],
    link: { href: d.links.admin, label: "Ouvrir l'administration" },
  };
};

export const TEMPLATE_RULES = Object.keys(RULES);

export const render = (data: TemplateData): Rendered => {
  const rule = RULES[data.rule];
  if (!rule) throw new Error(`No template for reminder rule ${data.rule}`);
  return layout(data.cpts, rule(data));
};

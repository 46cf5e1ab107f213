/**
 * Demo seed: fills an empty database with an ENTIRELY FICTIONAL CPTS in the south of La Réunion
 * (structures, professionals, ambassadors and their logins, cases in every state, time
 * declarations, the newcomer guide, the toolkit with small PDF files).
 *
 *   npm run seed            # refuses when the database already holds content
 *   npm run seed -- --force # deletes cases, ambassadors, directory, guide, toolkit... then seeds
 *
 * Boots Strapi headless from dist/ (no HTTP server, no admin panel). The `state` attribute of
 * cases, ambassadors and time declarations belongs to the workflow: documents are created
 * without it and the state is then written with a raw query.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { UID } from '../src/utils/constants';
import {
  AMBASSADORS,
  CASES,
  CPTS,
  GUIDE,
  KM_RATE,
  POSTAL_CODE,
  PROFESSIONALS,
  STRUCTURES,
  TIME_DECLARATIONS,
  TOOLKIT,
  type CaseSeed,
  type GuideSection,
  type ToolkitSeed,
} from './seed-data';

const APP_ROOT = path.join(__dirname, '..', '..');
const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';
const FILE_UID = 'plugin::upload.file';

const DEMO_USER_PREFIX = 'demo-';
const DEMO_FILE_PREFIX = 'ancrage-demo-';
const AMBASSADOR_PASSWORD = 'Ambassadeur-demo-2026';
const COORDINATOR_PASSWORD = 'Coordination-demo-2026';
const COORDINATOR_USERNAME = 'demo-coordinator';

/** Content wiped by --force, in an order that respects the relations. */
const WIPE_ORDER = [
  UID.satisfactionResponse,
  UID.timeDeclaration,
  UID.case,
  UID.ambassador,
  UID.professional,
  UID.structure,
  UID.guide,
  UID.toolkitItem,
] as const;

/** Any of these holding a row means "not an empty database". */
const GUARDED = [UID.case, UID.professional, UID.structure, UID.guide] as const;

// The Strapi surface used here is dynamic (no generated content-type typings in this app).
type Strapi = any;

/* ------------------------------------------------------------------------------------------ */
/* Dates (the CPTS lives in Indian/Reunion, UTC+4 all year)                                    */
/* ------------------------------------------------------------------------------------------ */

const REUNION_UTC_OFFSET_HOURS = 4;

const todayParts = (): [number, number, number] => {
  const iso = new Intl.DateTimeFormat('en-CA', {
    timeZone: CPTS.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
};

const TODAY = todayParts();
const CURRENT_YEAR = TODAY[0];

/** YYYY-MM-DD, `offset` days from today (local date in La Réunion). */
const day = (offset: number): string =>
  new Date(Date.UTC(TODAY[0], TODAY[1] - 1, TODAY[2] + offset)).toISOString().slice(0, 10);

/** ISO date-time of `hh:mm` local time, `offset` days from today. */
const dateTime = (offset: number, hh: number, mm: number): string =>
  new Date(Date.UTC(TODAY[0], TODAY[1] - 1, TODAY[2] + offset, hh - REUNION_UTC_OFFSET_HOURS, mm)).toISOString();

/** First day of the month, `offset` months from the current one. */
const monthStart = (offset: number): string =>
  new Date(Date.UTC(TODAY[0], TODAY[1] - 1 + offset, 1)).toISOString().slice(0, 10);

/** The day before the same date one year later (a one-year mandate). */
const oneYearAfter = (isoDate: string): string => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y + 1, m - 1, d - 1)).toISOString().slice(0, 10);
};

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                               */
/* ------------------------------------------------------------------------------------------ */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `0262 00 xx xx` from four digits. */
const landline = (four: string) => `0262 00 ${four.slice(0, 2)} ${four.slice(2, 4)}`;
/** `0692 00 xx xx` (mobile) from a number 0..9999. */
const mobile = (n: number) => `0692 00 ${pad2(Math.floor(n / 100) % 100)} ${pad2(n % 100)}`;

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const personEmail = (first: string, last: string) => `${slug(first)}.${slug(last)}@example.org`;

/** Fictional RPPS: 11 digits starting with 99. */
const rpps = (i: number) => `99${String(104_000_000 + i * 7_919).padStart(9, '0')}`;

const PROFESSION_LABEL: Record<string, string> = {
  general_practitioner: 'Médecin généraliste',
  specialist_physician: 'Médecin spécialiste',
  nurse: 'Infirmier(e)',
  physiotherapist: 'Masseur-kinésithérapeute',
  pharmacist: 'Pharmacien(ne)',
  midwife: 'Sage-femme',
  speech_therapist: 'Orthophoniste',
  orthoptist: 'Orthoptiste',
  dentist: 'Chirurgien(ne)-dentiste',
  psychologist: 'Psychologue',
  dietitian: 'Diététicien(ne)',
  podiatrist: 'Pédicure-podologue',
  occupational_therapist: 'Ergothérapeute',
  other: 'Autre profession',
};

const KIND_LABEL: Record<string, string> = {
  msp: 'Maison de santé pluriprofessionnelle',
  health_centre: 'Centre de santé',
  group_practice: 'Cabinet de groupe',
  hospital: 'Établissement de santé',
  laboratory: 'Laboratoire',
  imaging: 'Imagerie',
  pharmacy: 'Pharmacie',
  institution: 'Institution',
  other: 'Autre',
};

const describeError = (err: unknown): string => {
  const e = err as { message?: string; details?: { errors?: Array<{ path?: string[]; message?: string }> } };
  const details = e?.details?.errors?.map((d) => `${(d.path ?? []).join('.')}: ${d.message}`).join('; ');
  return `${e?.message ?? String(err)}${details ? ` (${details})` : ''}`;
};

/* ------------------------------------------------------------------------------------------ */
/* A minimal PDF (Helvetica, WinAnsi), enough for the toolkit's demo files                     */
/* ------------------------------------------------------------------------------------------ */

const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, 'Œ': 0x8c, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94,
  '•': 0x95, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Ÿ': 0x9f,
};

const winAnsi = (text: string): Buffer => {
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0x3f;
    let b: number;
    if (WIN_ANSI_EXTRA[ch] !== undefined) b = WIN_ANSI_EXTRA[ch];
    else if (ch === '\u202f' || ch === '\u00a0') b = 0x20;
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) b = code;
    else b = 0x3f; // '?'
    // PDF string literal escapes
    if (b === 0x28 || b === 0x29 || b === 0x5c) bytes.push(0x5c);
    bytes.push(b);
  }
  return Buffer.from(bytes);
};

const wrap = (line: string, width = 92): string[] => {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && (current + ' ' + word).length > width) {
      out.push(current);
      current = `    ${word}`;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) out.push(current);
  return out;
};

export const makePdf = (title: string, lines: string[]): Buffer => {
  const LINES_PER_PAGE = 52;
  const body = lines.flatMap((l) => wrap(l));
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(body.length, 1); i += LINES_PER_PAGE) pages.push(body.slice(i, i + LINES_PER_PAGE));

  const objects: Buffer[] = [];
  const add = (content: Buffer | string) => {
    objects.push(typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
    return objects.length; // object number
  };
  const catalog = add(''); // placeholders, filled below
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  pages.forEach((pageLines, index) => {
    const parts: Buffer[] = [Buffer.from('BT\n', 'latin1')];
    if (index === 0) {
      parts.push(Buffer.from('/F2 16 Tf 56 790 Td (', 'latin1'), winAnsi(title), Buffer.from(') Tj\n', 'latin1'));
      parts.push(Buffer.from('/F1 10 Tf 14 TL 0 -28 Td\n', 'latin1'));
    } else {
      parts.push(Buffer.from('/F1 10 Tf 14 TL 56 790 Td\n', 'latin1'));
    }
    for (const l of pageLines) parts.push(Buffer.from('(', 'latin1'), winAnsi(l), Buffer.from(') Tj T*\n', 'latin1'));
    parts.push(
      Buffer.from(`ET\nBT /F1 8 Tf 56 30 Td (`, 'latin1'),
      winAnsi(`${CPTS.name} — document de démonstration, données fictives — page ${index + 1}/${pages.length}`),
      Buffer.from(') Tj ET\n', 'latin1')
    );
    const stream = Buffer.concat(parts);
    const content = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, 'latin1'),
        stream,
        Buffer.from('endstream', 'latin1'),
      ])
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] ` +
          `/Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`
      )
    );
  });
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1');
  objects[pagesObj - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
    'latin1'
  );

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), obj, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
};

/** Plain-text rendering of the guide's sections (markdown markers stripped), for its PDF. */
const guideLines = (sections: GuideSection[]): string[] => {
  const md = (s?: string) => (s ?? '').replace(/\*\*/g, '').split('\n');
  const out: string[] = [GUIDE.summary, ''];
  for (const s of sections) {
    switch (s.__component) {
      case 'guide.rich-text':
        out.push(`== ${s.title ?? ''}`, ...md(s.body), '');
        break;
      case 'guide.administrative-step':
        out.push(`== Démarche : ${s.title}`, `Auprès de : ${s.organisation}`);
        if (s.when) out.push(`Quand : ${s.when}`);
        out.push(...md(s.description));
        if (s.contact) out.push(`Contact : ${s.contact}`);
        if (s.website) out.push(`Site : ${s.website}`);
        out.push('');
        break;
      case 'guide.financial-aid':
        out.push(`== Aide : ${s.name}`, `Financeur : ${s.provider ?? '-'}   Montant : ${s.amount ?? '-'}`, ...md(s.conditions), '');
        break;
      case 'guide.useful-contact':
        out.push(`== Contact : ${s.name}`, ...[s.role, s.phone, s.email, s.website, s.address].filter(Boolean) as string[], '');
        break;
      case 'guide.faq':
        out.push(`== Question : ${s.question}`, ...md(s.answer), '');
        break;
    }
  }
  return out;
};

const mapLines = (): string[] => {
  const out: string[] = [];
  for (const commune of CPTS.communes) {
    out.push(`== ${commune.name} (${commune.postalCode})`);
    for (const s of STRUCTURES.filter((x) => x.commune === commune.name)) {
      out.push(
        `- ${s.name} — ${KIND_LABEL[s.kind]}${s.acceptsNewcomers ? ' — accueille des nouveaux professionnels' : ''}`,
        `    ${s.street}, ${POSTAL_CODE[s.commune]} ${s.commune} — ${landline(s.phone)} — GPS ${s.latitude.toFixed(4)}, ${s.longitude.toFixed(4)}`
      );
    }
    out.push('');
  }
  return out;
};

const directoryLines = (): string[] =>
  PROFESSIONALS.map((p, i) => ({ p, i }))
    .filter(({ i }) => directoryConsent(i))
    .sort((a, b) => a.p.lastName.localeCompare(b.p.lastName, 'fr'))
    .map(
      ({ p, i }) =>
        `${p.lastName.toUpperCase()} ${p.firstName} — ${PROFESSION_LABEL[p.profession]}${p.specialty ? ` (${p.specialty})` : ''} — ${p.commune} — ${professionalPhone(i)}`
    );

/* ------------------------------------------------------------------------------------------ */
/* Per-professional derived values                                                             */
/* ------------------------------------------------------------------------------------------ */

const isAmbassadorProfessional = (i: number) => AMBASSADORS.some((a) => a.professional === i);
/** ~90 % members; ambassadors always members with an up-to-date fee. */
const isMember = (i: number) => isAmbassadorProfessional(i) || i % 9 !== 5;
const lastFeeYear = (i: number) => (isAmbassadorProfessional(i) || i % 4 !== 3 ? CURRENT_YEAR : CURRENT_YEAR - 1);
const directoryConsent = (i: number) => isAmbassadorProfessional(i) || i % 7 !== 6;
const professionalPhone = (i: number) => {
  const s = PROFESSIONALS[i].structure && STRUCTURES.find((x) => x.key === PROFESSIONALS[i].structure);
  return s ? landline(s.phone) : landline(String(5000 + i * 3));
};

/* ------------------------------------------------------------------------------------------ */
/* Seeding steps                                                                               */
/* ------------------------------------------------------------------------------------------ */

const countRows = async (strapi: Strapi, uid: string): Promise<number> => strapi.db.query(uid).count();

const documentIdsOf = async (strapi: Strapi, uid: string, where: Record<string, unknown> = {}): Promise<string[]> => {
  const rows: Array<{ documentId: string }> = await strapi.db.query(uid).findMany({ where, select: ['documentId'] });
  return [...new Set(rows.map((r) => r.documentId))];
};

const wipe = async (strapi: Strapi) => {
  for (const uid of WIPE_ORDER) {
    for (const documentId of await documentIdsOf(strapi, uid)) {
      await strapi.documents(uid).delete({ documentId });
    }
  }
  for (const documentId of await documentIdsOf(strapi, USER_UID, { username: { $startsWith: DEMO_USER_PREFIX } })) {
    await strapi.documents(USER_UID).delete({ documentId });
  }
  const files = await strapi.db.query(FILE_UID).findMany({ where: { name: { $startsWith: DEMO_FILE_PREFIX } } });
  for (const file of files) await strapi.plugin('upload').service('upload').remove(file);
  // the history of the documents just deleted
  await strapi.db.query(TRANSITION_UID).deleteMany({ where: { subjectUid: { $in: [UID.case, UID.ambassador, UID.timeDeclaration] } } });
};

const TRANSITION_UID = 'plugin::workflow.transition';

/** The states a case went through to reach `state`, oldest first (after `received`). */
const PATHS: Record<string, string[]> = {
  received: [],
  first_contact: ['first_contact'],
  interview: ['first_contact', 'interview'],
  matching: ['first_contact', 'interview', 'matching'],
  visits: ['first_contact', 'interview', 'matching', 'visits'],
  installed: ['first_contact', 'interview', 'matching', 'visits', 'installed'],
  closed: ['first_contact', 'interview', 'matching', 'visits', 'installed', 'closed'],
  abandoned: ['first_contact', 'interview', 'abandoned'],
  on_hold: ['first_contact', 'interview', 'on_hold'],
};

/**
 * A plausible workflow history for a seeded case, so that the board shows real days in state
 * and the indicators have transitions to read: entry dates derived from the case's own dates,
 * never in the future, never going back in time.
 */
const seedCaseHistory = async (strapi: Strapi, documentId: string, c: CaseSeed, i: number) => {
  const fc = c.firstContactDay ?? -(i % 4);
  const m12 = c.followUps?.find((f) => f.milestone === 'm12')?.day;
  const wanted: Record<string, number> = {
    first_contact: fc,
    interview: fc + 5,
    matching: fc + 9,
    visits: fc + 14,
    installed: c.installedDay ?? fc + 25,
    closed: (m12 ?? (c.installedDay ?? fc + 25) + 366) + 1,
    abandoned: fc + 20,
    on_hold: fc + 12,
  };
  let previous = fc - 1;
  await strapi.db.query(UID.case).updateMany({ where: { documentId }, data: { createdAt: dateTime(previous, 8, 30) } });
  let from = 'received';
  for (const to of PATHS[c.state] ?? []) {
    const at = Math.min(0, Math.max(previous, wanted[to]));
    await strapi.db.query(TRANSITION_UID).create({
      data: {
        workflow: 'case',
        subjectUid: UID.case,
        subjectDocumentId: documentId,
        from,
        to,
        at: dateTime(at, 10, i % 60),
        actorKind: 'user',
        actorName: COORDINATOR_USERNAME,
        comment: null,
        definitionVersion: 1,
      },
    });
    previous = at;
    from = to;
  }
};

const setState = async (strapi: Strapi, uid: string, documentId: string, state: string) => {
  await strapi.db.query(uid).updateMany({ where: { documentId }, data: { state } });
};

const uploadDemoFile = async (
  strapi: Strapi,
  tmpDir: string,
  fileName: string,
  buffer: Buffer,
  mimetype: string,
  caption: string
): Promise<number> => {
  const name = `${DEMO_FILE_PREFIX}${fileName}`;
  const filepath = path.join(tmpDir, name);
  fs.writeFileSync(filepath, buffer);
  const [file] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name, caption, alternativeText: caption } },
      files: { filepath, originalFilename: name, mimetype, size: buffer.length },
    });
  return file.id;
};

const seedSettings = async (strapi: Strapi) => {
  const documents = strapi.documents(UID.cptsSetting);
  const existing = await documents.findFirst();
  const data = {
    name: CPTS.name,
    timezone: CPTS.timezone,
    communes: CPTS.communes.map((c) => ({ ...c })),
    coordinatorEmails: [{ email: CPTS.coordinatorEmail, name: CPTS.coordinatorName }],
    contactEmail: CPTS.contactEmail,
  };
  if (existing) await documents.update({ documentId: existing.documentId, data });
  else await documents.create({ data });
};

const seedStructures = async (strapi: Strapi): Promise<Map<string, string>> => {
  const ids = new Map<string, string>();
  for (const s of STRUCTURES) {
    const created = await strapi.documents(UID.structure).create({
      data: {
        name: s.name,
        kind: s.kind,
        description: s.description,
        address: `${s.street}, ${POSTAL_CODE[s.commune]} ${s.commune}`,
        commune: s.commune,
        latitude: s.latitude,
        longitude: s.longitude,
        phone: landline(s.phone),
        website: s.website,
        acceptsNewcomers: s.acceptsNewcomers,
      },
    });
    ids.set(s.key, created.documentId);
  }
  return ids;
};

const seedProfessionals = async (strapi: Strapi, structures: Map<string, string>): Promise<string[]> => {
  const ids: string[] = [];
  for (const [i, p] of PROFESSIONALS.entries()) {
    const structure = p.structure ? structures.get(p.structure) : undefined;
    if (p.structure && !structure) throw new Error(`unknown structure key ${p.structure}`);
    const member = isMember(i);
    const created = await strapi.documents(UID.professional).create({
      data: {
        firstName: p.firstName,
        lastName: p.lastName,
        profession: p.profession,
        specialty: p.specialty,
        rpps: rpps(i),
        commune: p.commune,
        structure,
        phone: professionalPhone(i),
        email: personEmail(p.firstName, p.lastName),
        isMember: member,
        lastFeeYear: member ? lastFeeYear(i) : CURRENT_YEAR - 2,
        directoryConsent: directoryConsent(i),
      },
    });
    ids.push(created.documentId);
  }
  return ids;
};

type CreatedAmbassador = { documentId: string; username: string; email: string; state: string; name: string };

const seedUsers = async (strapi: Strapi, professionals: string[]) => {
  const roleQuery = strapi.db.query(ROLE_UID);
  const ambassadorRole = await roleQuery.findOne({ where: { type: 'ambassador' } });
  const coordinatorRole = await roleQuery.findOne({ where: { type: 'coordinator' } });
  if (!ambassadorRole || !coordinatorRole) throw new Error('users-permissions roles "ambassador"/"coordinator" are missing');
  const userService = strapi.plugin('users-permissions').service('user');

  const coordinator = await userService.add({
    username: COORDINATOR_USERNAME,
    email: CPTS.coordinatorEmail,
    password: COORDINATOR_PASSWORD,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: coordinatorRole.id,
  });

  const ambassadors: CreatedAmbassador[] = [];
  for (const [n, a] of AMBASSADORS.entries()) {
    const p = PROFESSIONALS[a.professional];
    const username = `${DEMO_USER_PREFIX}ambassador-${n + 1}`;
    const email = personEmail(p.firstName, p.lastName);
    const user = await userService.add({
      username,
      email,
      password: AMBASSADOR_PASSWORD,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: ambassadorRole.id,
    });
    const mandateStart = day(a.mandateStartDay);
    const created = await strapi.documents(UID.ambassador).create({
      data: {
        displayName: `${p.firstName} ${p.lastName}`,
        user: user.id,
        professional: professionals[a.professional],
        mandateStart,
        mandateEnd: oneYearAfter(mandateStart),
        integrationSessionAt: day(a.integrationSessionDay),
        kitHandedOver: true,
        capacity: 3,
        notes: a.notes,
      },
    });
    await setState(strapi, UID.ambassador, created.documentId, a.state);
    ambassadors.push({ documentId: created.documentId, username, email, state: a.state, name: `${p.firstName} ${p.lastName}` });
  }
  return { coordinator: { username: coordinator.username, email: coordinator.email }, ambassadors };
};

const needsData = (c: CaseSeed) =>
  c.needs && {
    premises: !!c.needs.premises,
    housing: !!c.needs.housing,
    spouseJob: !!c.needs.spouseJob,
    schooling: !!c.needs.schooling,
    childcare: !!c.needs.childcare,
    leisure: !!c.needs.leisure,
    administrative: !!c.needs.administrative,
    financialAid: !!c.needs.financialAid,
    network: !!c.needs.network,
    notes: c.needs.notes,
  };

const seedCases = async (strapi: Strapi, structures: Map<string, string>, ambassadors: CreatedAmbassador[]) => {
  const site = (key: string) => {
    const id = structures.get(key);
    if (!id) throw new Error(`unknown structure key ${key}`);
    return id;
  };
  let satisfaction = 0;
  for (const [i, c] of CASES.entries()) {
    const amb = c.ambassador === undefined ? undefined : ambassadors[c.ambassador];
    if (c.state !== 'received' && (!amb || c.firstContactDay === undefined)) {
      throw new Error(`case ${c.firstName} ${c.lastName}: an ambassador and a first contact are required past "received"`);
    }
    const installed = c.installationStructure ? STRUCTURES.find((s) => s.key === c.installationStructure) : undefined;
    const created = await strapi.documents(UID.case).create({
      data: {
        newcomerFirstName: c.firstName,
        newcomerLastName: c.lastName,
        newcomerEmail: personEmail(c.firstName, c.lastName),
        newcomerPhone: mobile(1000 + i * 37),
        profession: c.profession,
        specialty: c.specialty,
        comesFrom: c.comesFrom,
        source: c.source,
        firstContactAt: c.firstContactDay === undefined ? undefined : dateTime(c.firstContactDay, 9 + (i % 7), (i * 13) % 60),
        timeline: c.timeline,
        practiceMode: c.practiceMode,
        employment: c.employment,
        needs: needsData(c),
        targetCommunes: c.targetCommunes,
        ambassador: amb?.documentId,
        actions: (c.actions ?? []).map((a) => ({
          kind: a.kind,
          date: day(a.day),
          summary: a.summary,
          minutes: a.minutes,
          by: a.by === 'coordinator' ? COORDINATOR_USERNAME : amb?.username,
        })),
        proposedSites: (c.proposedSites ?? []).map(site),
        visitedSites: (c.visitedSites ?? []).map(site),
        installedAt: c.installedDay === undefined ? undefined : day(c.installedDay),
        installationCommune: installed?.commune,
        installationStructure: installed ? site(installed.key) : undefined,
        followUps: (c.followUps ?? []).map((f) => ({ milestone: f.milestone, doneAt: day(f.day), notes: f.notes })),
        abandonReason: c.abandonReason,
        resumeOn: c.resumeOnDay === undefined ? undefined : day(c.resumeOnDay),
        majorDifficulty: !!c.majorDifficultyNote,
        majorDifficultyNote: c.majorDifficultyNote,
        notes: c.notes,
      },
    });
    await setState(strapi, UID.case, created.documentId, c.state);
    await seedCaseHistory(strapi, created.documentId, c, i);
    if (c.satisfaction) {
      await strapi.documents(UID.satisfactionResponse).create({
        data: {
          case: created.documentId,
          score: c.satisfaction.score,
          answers: c.satisfaction.answers,
          comment: c.satisfaction.comment,
          submittedAt: dateTime(c.satisfaction.day, 18, 30),
        },
      });
      satisfaction += 1;
    }
  }
  return { satisfaction };
};

const seedTimeDeclarations = async (strapi: Strapi, ambassadors: CreatedAmbassador[]) => {
  for (const t of TIME_DECLARATIONS) {
    const amb = ambassadors[t.ambassador];
    if (amb.state !== 'active') throw new Error(`time declaration for a non-active ambassador (${amb.username})`);
    const created = await strapi.documents(UID.timeDeclaration).create({
      data: {
        ambassador: amb.documentId,
        month: monthStart(t.monthOffset),
        hours: t.hours,
        activity: t.activity,
        description: t.description,
        travelKm: t.travelKm,
        travelCost: Math.round(t.travelKm * KM_RATE * 100) / 100,
        reviewComment: t.reviewComment,
      },
    });
    await setState(strapi, UID.timeDeclaration, created.documentId, t.state);
  }
};

const seedGuide = async (strapi: Strapi, tmpDir: string) => {
  const booklet = await uploadDemoFile(
    strapi,
    tmpDir,
    'guide-nouvel-installe-2026.pdf',
    makePdf(`${GUIDE.title} — ${GUIDE.edition}`, guideLines(GUIDE.sections)),
    'application/pdf',
    `${GUIDE.title} (livret PDF)`
  );
  await strapi.documents(UID.guide).create({
    data: {
      title: GUIDE.title,
      edition: GUIDE.edition,
      summary: GUIDE.summary,
      sections: GUIDE.sections.map((s) => ({ ...s })),
      booklet,
    },
    status: 'published',
  });
  return booklet;
};

const toolkitFile = (item: ToolkitSeed): Buffer => {
  if (item.content === 'guide') return makePdf(`${GUIDE.title} — ${GUIDE.edition}`, guideLines(GUIDE.sections));
  if (item.content === 'map') return makePdf(item.title, mapLines());
  if (item.content === 'directory') return makePdf(item.title, directoryLines());
  const [heading, ...rest] = item.content;
  return makePdf(heading, rest);
};

const seedToolkit = async (strapi: Strapi, tmpDir: string, guideBooklet: number) => {
  for (const item of TOOLKIT) {
    // the guide's booklet is the same PDF: reuse the uploaded file
    const file =
      item.content === 'guide'
        ? guideBooklet
        : await uploadDemoFile(strapi, tmpDir, item.fileName, toolkitFile(item), 'application/pdf', item.title);
    await strapi.documents(UID.toolkitItem).create({
      data: {
        title: item.title,
        description: item.description,
        category: item.category,
        audience: item.audience,
        order: item.order,
        file,
      },
      status: 'published',
    });
  }
};

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                        */
/* ------------------------------------------------------------------------------------------ */

const run = async (strapi: Strapi, force: boolean): Promise<number> => {
  // documents, not rows: a published guide is two rows (draft + published)
  const counts = await Promise.all(
    GUARDED.map(async (uid) => [uid, (await documentIdsOf(strapi, uid)).length] as const)
  );
  const nonEmpty = counts.filter(([, n]) => n > 0);
  if (nonEmpty.length > 0 && !force) {
    const what = nonEmpty.map(([uid, n]) => `${n} ${uid.split('.').pop()}${n > 1 ? 's' : ''}`).join(', ');
    console.error(
      `Refusing to seed: the database is not empty (${what}). Re-run with --force to DELETE all cases, ` +
        'time declarations, ambassadors, professionals, structures, guides, toolkit items, satisfaction responses ' +
        `and the "${DEMO_USER_PREFIX}*" users first.`
    );
    return 1;
  }
  if (force) {
    console.log('--force: deleting existing content and demo users...');
    await wipe(strapi);
  }

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ancrage-seed-'));
  try {
    await seedSettings(strapi);
    const structures = await seedStructures(strapi);
    const professionals = await seedProfessionals(strapi, structures);
    const users = await seedUsers(strapi, professionals);
    const { satisfaction } = await seedCases(strapi, structures, users.ambassadors);
    await seedTimeDeclarations(strapi, users.ambassadors);
    const booklet = await seedGuide(strapi, tmpDir);
    await seedToolkit(strapi, tmpDir, booklet);

    const byState = (rows: Array<{ state: string }>) =>
      Object.entries(
        rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {})
      )
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
    const cases = await strapi.db.query(UID.case).findMany({ select: ['state'] });
    const declarations = await strapi.db.query(UID.timeDeclaration).findMany({ select: ['state'] });
    const ambassadors = await strapi.db.query(UID.ambassador).findMany({ select: ['state'] });
    const files = await strapi.db.query(FILE_UID).count({ where: { name: { $startsWith: DEMO_FILE_PREFIX } } });

    const lines = [
      '',
      `Seeded "${CPTS.name}" (fictional demo data, ${CPTS.communes.map((c) => c.name).join(', ')}):`,
      `  structures             ${await countRows(strapi, UID.structure)}`,
      `  professionals          ${await countRows(strapi, UID.professional)}`,
      `  ambassadors            ${ambassadors.length} (${byState(ambassadors)})`,
      `  cases                  ${cases.length} (${byState(cases)})`,
      `  time declarations      ${declarations.length} (${byState(declarations)})`,
      `  satisfaction responses ${satisfaction}`,
      `  guides                 ${(await documentIdsOf(strapi, UID.guide)).length} (published, ${GUIDE.sections.length} sections)`,
      `  toolkit items          ${(await documentIdsOf(strapi, UID.toolkitItem)).length} (published)`,
      `  uploaded files         ${files}`,
      '',
      'Demo logins (users-permissions, front office: POST /api/auth/local { identifier, password }):',
      `  coordinator  ${users.coordinator.username.padEnd(20)} ${users.coordinator.email.padEnd(40)} ${COORDINATOR_PASSWORD}`,
      ...users.ambassadors.map(
        (a) => `  ambassador   ${a.username.padEnd(20)} ${a.email.padEnd(40)} ${AMBASSADOR_PASSWORD}  (${a.name}, ${a.state})`
      ),
      '',
    ];
    console.log(lines.join('\n'));
    return 0;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
};

const main = async () => {
  process.env.LOG_LEVEL ??= 'warn';
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: node dist/scripts/seed.js [--force]`);
    process.exit(2);
  }
  const force = args.includes('--force');

  const app = await createStrapi({
    appDir: APP_ROOT,
    // the tree this script was compiled into (dist/, or dist-test/ under the tests)
    distDir: path.join(__dirname, '..'),
    serveAdminPanel: false,
    autoReload: false,
  } as any).load();

  let code = 1;
  try {
    code = await run(app, force);
  } catch (err) {
    console.error(`Seed failed: ${describeError(err)}`);
    if (process.env.DEBUG) console.error(err);
    code = 1;
  } finally {
    await app.destroy();
  }
  process.exit(code);
};

if (require.main === module) {
  main().catch((err) => {
    console.error(`Seed failed: ${describeError(err)}`);
    process.exit(1);
  });
}

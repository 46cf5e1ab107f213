/**
 * Indicators: every figure of a hand-built dataset (Indian/Reunion, UTC+4) against literal
 * expected values. The same file runs on SQLite and on PostgreSQL (TEST_DB=postgres) and
 * compares with the same literals, so both databases give the same JSON.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { bearer, createAmbassador, createApiToken, createUser } from '../helpers/actors';
import { dataset, localInstant } from '../helpers/dataset';
import { asBytes } from '../helpers/fixtures';
import { expectedIndicators } from '../helpers/indicators-expected';
import { localDate } from '../../src/plugins/workflow/server/src/engine/durations';

let app: TestApp;
let coordinator: Record<string, string>;
let token: Record<string, string>;
let ambassadorUser: Record<string, string>;
const amb: Record<string, string> = {};

const get = (url: string, headers: Record<string, string> = coordinator) => app.http().get(url).set(headers);
const indicator = (res: any, key: string) => res.body.data.indicators.find((i: any) => i.key === key);

beforeAll(async () => {
  app = await bootStrapi();
  const settings = await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst({});
  await app.strapi.documents('api::cpts-setting.cpts-setting').update({ documentId: (settings as any).documentId, data: { timezone: 'Indian/Reunion' } as any });
  coordinator = bearer((await createUser(app, 'coordinator')).jwt);
  token = bearer(await createApiToken(app));
  // a candidate: not counted among active ambassadors
  ambassadorUser = bearer((await createAmbassador(app, 'candidate')).jwt);

  const d = dataset(app);
  amb.alice = await d.ambassador({ displayName: 'Alice', state: 'active' });
  amb.bruno = await d.ambassador({
    displayName: 'Bruno',
    state: 'ended',
    history: [
      { from: 'trained', to: 'active', at: '2024-05-01T09:00' },
      { from: 'active', to: 'notice', at: '2026-01-15T09:00' },
      { from: 'notice', to: 'ended', at: '2026-02-01T09:00' },
    ],
  });
  amb.chloe = await d.ambassador({
    displayName: 'Chloé',
    state: 'active',
    history: [
      { from: 'candidate', to: 'validated', at: '2025-03-01T09:00' },
      { from: 'validated', to: 'trained', at: '2025-06-01T09:00' },
      { from: 'trained', to: 'active', at: '2026-01-10T09:00' },
    ],
  });
  amb.david = await d.ambassador({ displayName: 'David', state: 'active', history: [{ from: 'trained', to: 'active', at: '2026-01-05T09:00' }] });
  amb.emma = await d.ambassador({ displayName: 'Emma', state: 'notice', history: [{ from: 'active', to: 'notice', at: '2025-12-31T23:30' }] });
  amb.fanny = await d.ambassador({ displayName: 'Fanny', state: 'active', history: [{ from: 'trained', to: 'active', at: '2026-01-01T00:30' }] });

  const c1 = await d.case({
    ambassador: amb.alice,
    profession: 'general_practitioner',
    firstContactAt: '2025-01-15T10:00',
    installedAt: '2025-04-15',
    followUps: [
      { milestone: 'm3', doneAt: '2025-07-20' }, // due 07-15: on time
      { milestone: 'm6', doneAt: '2025-11-05' }, // due 10-15: late
    ],
    history: [
      { from: 'interview', to: 'matching', at: '2025-02-01T10:00' },
      { from: 'matching', to: 'visits', at: '2025-02-05T10:00' }, // 4 days: on time
      { from: 'visits', to: 'matching', at: '2025-06-01T10:00' },
      { from: 'matching', to: 'visits', at: '2025-06-12T10:00' }, // 11 days: late
    ],
  });
  const c2 = await d.case({
    ambassador: amb.alice,
    profession: 'nurse',
    firstContactAt: '2025-12-31T23:30',
    history: [
      { from: 'interview', to: 'matching', at: '2025-12-31T23:30' },
      { from: 'matching', to: 'visits', at: '2026-01-02T10:00' }, // on time
    ],
  });
  await d.case({
    ambassador: amb.bruno,
    profession: 'nurse',
    firstContactAt: '2026-01-01T00:30',
    installedAt: '2026-03-01',
    history: [{ from: 'interview', to: 'matching', at: '2026-01-01T00:30' }],
  });
  const c4 = await d.case({
    ambassador: amb.bruno,
    profession: 'general_practitioner',
    firstContactAt: '2024-11-20T09:00',
    installedAt: '2025-02-10',
    followUps: [{ milestone: 'm6', doneAt: '2025-08-01' }], // m3 due 05-10 never done: late; m6 early: on time
    history: [
      { from: 'interview', to: 'matching', at: '2024-12-25T10:00' },
      { from: 'matching', to: 'visits', at: '2025-01-02T10:00' },
    ],
  });
  const c5 = await d.case({
    ambassador: null,
    profession: 'specialist_physician',
    firstContactAt: '2025-03-01T08:00',
    installedAt: '2025-06-01',
    followUps: [
      { milestone: 'm3', doneAt: '2025-09-15' }, // due 09-01, exactly 14 days: on time
      { milestone: 'm6', doneAt: '2025-12-10' }, // due 12-01: on time
    ],
    history: [
      { from: 'interview', to: 'matching', at: '2025-03-10T10:00' },
      { from: 'matching', to: 'visits', at: '2025-03-20T10:00' }, // exactly 10 days: on time
    ],
  });
  await d.case({
    ambassador: amb.chloe,
    profession: 'physiotherapist',
    state: 'abandoned',
    firstContactAt: '2025-05-05T12:00',
    history: [
      { from: 'interview', to: 'matching', at: '2025-05-10T10:00' },
      { from: 'matching', to: 'abandoned', at: '2025-05-25T10:00' }, // late
    ],
  });
  const c7 = await d.case({
    ambassador: amb.alice,
    profession: 'midwife',
    firstContactAt: '2024-06-01T10:00',
    installedAt: '2024-12-31',
    followUps: [
      { milestone: 'm3', doneAt: '2025-04-10' }, // due 03-31: on time
      { milestone: 'm12', doneAt: '2026-01-05' }, // due 2025-12-31: on time; m6 due 06-30 missing: late
    ],
  });
  await d.case({
    ambassador: amb.bruno,
    profession: 'dentist',
    firstContactAt: '2024-10-01T10:00',
    installedAt: '2024-11-30',
    followUps: [
      { milestone: 'm3', doneAt: '2025-03-15' }, // due 2025-02-28 (end of month): deadline 03-14, late
      { milestone: 'm6', doneAt: '2025-05-30' }, // due 05-30: on time; m12 due 11-30 missing: late
    ],
  });
  await d.case({
    ambassador: amb.chloe,
    profession: 'orthoptist',
    firstContactAt: '2025-09-01T02:00', // 2025-08-31 in UTC, 1 September locally
    installedAt: '2025-12-31',
    history: [{ from: 'interview', to: 'matching', at: '2025-09-05T10:00' }], // never left: late
  });

  await d.response(c1, 5, '2025-07-01T10:00');
  await d.response(c4, 4, '2025-12-31T23:30');
  await d.response(c5, 3, '2025-09-09T10:00');
  await d.response(c7, 2, '2026-01-01T00:30');
  await d.questionnaireSent(c1, '2025-06-20T09:00');
  await d.questionnaireSent(c4, '2025-12-31T23:30');
  await d.questionnaireSent(c7, '2026-01-01T00:30');
  await d.questionnaireSent(c5, null, 'failed');
  await d.questionnaireSent(c5, '2025-08-20T09:00');
  void c2;

  await d.declaration(amb.alice, { month: '2025-01-01', hours: 10.5, travelKm: 20, travelCost: 8.4 });
  await d.declaration(amb.alice, { month: '2025-12-01', hours: 4 });
  await d.declaration(amb.bruno, { month: '2025-06-01', hours: 3, travelKm: 12.5, travelCost: 5.25 });
  await d.declaration(amb.bruno, { month: '2025-07-01', hours: 100, state: 'submitted' });
  await d.declaration(amb.alice, { month: '2026-01-01', hours: 7 });
  await d.declaration(amb.david, { month: '2024-12-01', hours: 2 });
});

afterAll(async () => {
  await app?.destroy();
});

const EXPECTED_2025 = {
  period: { from: '2025-01-01', to: '2025-12-31' },
  indicators: expectedIndicators({
    contacts_handled: [5, 'not_met'],
    installations: [4, 'informational'],
    conversion_rate: [0.6, 'informational', { contacts: 5, installed: 3 }],
    satisfaction_average: [4, 'not_met'],
    satisfaction_responses: [3, 'informational', { sent: 3 }],
    active_ambassadors: [2, 'not_met'],
    matching_on_time_rate: [0.5, 'not_met', { onTime: 3, late: 3, pending: 0 }],
    follow_ups_on_time_rate: [0.5833, 'not_met', { onTime: 7, late: 5, pending: 0 }],
    median_days_to_installation: [91, 'informational', { installations: 4 }],
    hours_validated: [17.5, 'informational', { travelKm: 32.5, travelCost: 13.65 }],
    toolkit_downloads: [0, 'informational'],
  }),
  byAmbassador: [
    { displayName: 'Alice', contacts: 2, installations: 1, satisfactionAverage: 5, hoursValidated: 14.5 },
    { displayName: 'Bruno', contacts: 0, installations: 1, satisfactionAverage: 4, hoursValidated: 3 },
    { displayName: 'Chloé', contacts: 2, installations: 1, satisfactionAverage: null, hoursValidated: 0 },
  ],
  byProfession: [
    { profession: 'general_practitioner', contacts: 1, installations: 2 },
    { profession: 'orthoptist', contacts: 1, installations: 1 },
    { profession: 'specialist_physician', contacts: 1, installations: 1 },
    { profession: 'nurse', contacts: 1, installations: 0 },
    { profession: 'physiotherapist', contacts: 1, installations: 0 },
  ],
  monthly: [
    { month: '2025-01', contacts: 1, installations: 0 },
    { month: '2025-02', contacts: 0, installations: 1 },
    { month: '2025-03', contacts: 1, installations: 0 },
    { month: '2025-04', contacts: 0, installations: 1 },
    { month: '2025-05', contacts: 1, installations: 0 },
    { month: '2025-06', contacts: 0, installations: 1 },
    { month: '2025-07', contacts: 0, installations: 0 },
    { month: '2025-08', contacts: 0, installations: 0 },
    { month: '2025-09', contacts: 1, installations: 0 },
    { month: '2025-10', contacts: 0, installations: 0 },
    { month: '2025-11', contacts: 0, installations: 0 },
    { month: '2025-12', contacts: 1, installations: 1 },
  ],
};

describe('GET /api/indicators', () => {
  test('every indicator of 2025 has its exact value (same literals on SQLite and PostgreSQL)', async () => {
    const res = await get('/api/indicators?year=2025');
    expect(res.status).toBe(200);
    const body = res.body.data;
    const withoutIds = { ...body, byAmbassador: body.byAmbassador.map(({ documentId, ...rest }: any) => rest) };
    expect(withoutIds).toEqual(EXPECTED_2025);
    expect(body.byAmbassador.map((a: any) => a.documentId)).toEqual([amb.alice, amb.bruno, amb.chloe]);
  });

  test('period boundaries: 31 Dec 23:30 and 1 Jan 00:30 local time fall on their own side', async () => {
    const res = await get('/api/indicators?from=2025-12-31&to=2026-01-01');
    expect(res.status).toBe(200);
    const v = (k: string) => indicator(res, k).value;
    expect(v('contacts_handled')).toBe(2); // 23:30 on the 31st and 00:30 on the 1st
    expect(v('installations')).toBe(1);
    expect(v('satisfaction_responses')).toBe(2);
    expect(indicator(res, 'satisfaction_responses').details).toEqual({ sent: 2 });
    expect(v('satisfaction_average')).toBe(3);
    expect(res.body.data.monthly).toEqual([
      { month: '2025-12', contacts: 1, installations: 1 },
      { month: '2026-01', contacts: 1, installations: 0 },
    ]);
    // only the 31st: the 00:30 figures belong to the next day
    const dec31 = await get('/api/indicators?from=2025-12-31&to=2025-12-31');
    expect(indicator(dec31, 'contacts_handled').value).toBe(1);
    expect(indicator(dec31, 'satisfaction_average').value).toBe(4);
    const jan1 = await get('/api/indicators?from=2026-01-01&to=2026-01-01');
    expect(indicator(jan1, 'contacts_handled').value).toBe(1);
    expect(indicator(jan1, 'satisfaction_average').value).toBe(2);
    expect(jan1.body.data.byProfession).toEqual([{ profession: 'nurse', contacts: 1, installations: 0 }]);
  });

  test('active ambassadors follow the mandate history: at the end of a past year, today for the current one', async () => {
    // end of 2025: Alice (no history: current state), Bruno (active since 2024, ended in 2026)
    // 2026 not over: today Alice, Chloé, David, Fanny
    const y2026 = await get('/api/indicators?year=2026');
    expect(indicator(y2026, 'active_ambassadors').value).toBe(4);
    expect(indicator(y2026, 'active_ambassadors').status).toBe('met');
    // before any history: the state left by the first later transition, else the current one
    const y2019 = await get('/api/indicators?year=2019');
    expect(indicator(y2019, 'active_ambassadors').value).toBe(2); // Alice, Emma
  });

  test('an empty period: null where undefined, zeros where counted, never NaN', async () => {
    const res = await get('/api/indicators?year=2019');
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(res.body.data.indicators.map((i: any) => [i.key, i]));
    expect(byKey.contacts_handled.value).toBe(0);
    expect(byKey.installations.value).toBe(0);
    expect(byKey.conversion_rate.value).toBeNull();
    expect(byKey.satisfaction_average.value).toBeNull();
    expect(byKey.satisfaction_average.status).toBe('not_met');
    expect(byKey.satisfaction_responses).toMatchObject({ value: 0, details: { sent: 0 } });
    expect(byKey.matching_on_time_rate).toMatchObject({ value: null, status: 'not_met', details: { onTime: 0, late: 0, pending: 0 } });
    expect(byKey.follow_ups_on_time_rate).toMatchObject({ value: null, status: 'not_met' });
    expect(byKey.median_days_to_installation.value).toBeNull();
    expect(byKey.hours_validated).toMatchObject({ value: 0, details: { travelKm: 0, travelCost: 0 } });
    expect(byKey.toolkit_downloads.value).toBe(0);
    expect(res.body.data.byAmbassador).toEqual([]);
    expect(res.body.data.byProfession).toEqual([]);
    expect(res.body.data.monthly).toHaveLength(12);
    expect(JSON.stringify(res.body)).not.toMatch(/NaN/);
  });

  test('entries into matching still within their window are not counted yet', async () => {
    const d = dataset(app);
    const now = Date.now();
    const day = 86_400_000;
    await d.case({
      profession: 'psychologist',
      history: [{ from: 'interview', to: 'matching', at: new Date(now - 2 * day) }],
    });
    await d.case({
      profession: 'psychologist',
      history: [
        { from: 'interview', to: 'matching', at: new Date(now - 3 * day) },
        { from: 'matching', to: 'visits', at: new Date(now - 1 * day) },
      ],
    });
    const tz = 'Indian/Reunion';
    const to = localDate(new Date(), tz);
    const from = localDate(new Date(now - 5 * day), tz);
    const res = await get(`/api/indicators?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(indicator(res, 'matching_on_time_rate')).toMatchObject({ value: 1, details: { onTime: 1, late: 0, pending: 1 } });
  });

  test('targets come from the CPTS settings', async () => {
    const settings = (await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst({ populate: ['targets'] } as any)) as any;
    const targets = settings.targets.map(({ id, ...t }: any) => (t.indicator === 'contacts_handled' ? { ...t, op: 'gte', value: 5 } : t));
    await app.strapi.documents('api::cpts-setting.cpts-setting').update({ documentId: settings.documentId, data: { targets } as any });
    const res = await get('/api/indicators?year=2025');
    expect(indicator(res, 'contacts_handled')).toMatchObject({ value: 5, target: { op: 'gte', value: 5 }, status: 'met' });
    await app.strapi.documents('api::cpts-setting.cpts-setting').update({
      documentId: settings.documentId,
      data: { targets: settings.targets.map(({ id, ...t }: any) => t) } as any,
    });
  });

  test.each([
    ['year=25', 'year'],
    ['year=2025&from=2025-01-01', 'year'],
    ['from=2025-01-01', 'to'],
    ['to=2025-01-01', 'from'],
    ['from=2025-02-30&to=2025-03-01', 'from'],
    ['from=2025-03-01&to=2025-02-01', 'to'],
    ['year=2025&foo=1', 'foo'],
    ['', 'from'],
  ])('an invalid query (%s) is a 400 naming %s', async (query, field) => {
    const res = await get(`/api/indicators?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(field);
  });

  test('coordinator and API token may read; ambassador and public may not', async () => {
    expect((await get('/api/indicators?year=2025', token)).status).toBe(200);
    expect((await get('/api/indicators/export?year=2025', token)).status).toBe(200);
    expect((await get('/api/indicators?year=2025', ambassadorUser)).status).toBe(403);
    expect((await get('/api/indicators/export?year=2025', ambassadorUser)).status).toBe(403);
    expect((await app.http().get('/api/indicators?year=2025')).status).toBe(403);
    expect((await app.http().get('/api/indicators/export?year=2025')).status).toBe(403);
  });
});

describe('indexes', () => {
  test('the migrations created the indexes the queries use (again at bootstrap on a fresh database)', async () => {
    const knex = app.strapi.db.connection;
    const names = async (): Promise<string[]> =>
      (app.strapi.db.dialect.client === 'postgres'
        ? (await knex.raw("select indexname as name from pg_indexes where indexname like 'ind\\_%'")).rows
        : await knex.raw("select name from sqlite_master where type = 'index' and name like 'ind\\_%' escape '\\'")
      )
        .map((r: any) => r.name)
        .sort();
    /* eslint-disable @typescript-eslint/no-require-imports */
    const first = require('../../database/migrations/2026.11.23T00.00.00.indicators-indexes.js');
    const covering = require('../../database/migrations/2026.12.01T00.00.00.indicators-covering-indexes.js');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const expected = [...first.INDEXES, ...covering.INDEXES].map((i: any) => i[1]).sort();
    expect(await names()).toEqual(expected);
    for (const superseded of covering.SUPERSEDED) expect(await names()).not.toContain(superseded);
    // idempotent, in order, as at every boot
    await first.up(knex);
    await covering.up(knex);
    expect(await names()).toEqual(expected);
  });
});

describe('GET /api/indicators/export', () => {
  test('CSV with BOM, one row per indicator, then the ambassadors; comma by default', async () => {
    const res = await asBytes(get('/api/indicators/export?year=2025&format=csv'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="indicateurs-2025.csv"');
    const bytes: Buffer = res.body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Indicateurs,2025-01-01 – 2025-12-31');
    expect(lines[1]).toBe('key,label,value,unit,target,status');
    expect(lines.slice(2, 13)).toEqual([
      'contacts_handled,Contacts traités,5,count,> 5,non atteint',
      'installations,Installations,4,count,,indicatif',
      'conversion_rate,Taux de conversion (installations effectives),0.6,ratio,,indicatif',
      'satisfaction_average,Satisfaction moyenne des nouveaux installés,4,score,> 4,non atteint',
      'satisfaction_responses,Réponses au questionnaire de satisfaction,3,count,,indicatif',
      'active_ambassadors,Ambassadeurs actifs,2,count,>= 3,non atteint',
      'matching_on_time_rate,Croisements des données dans les délais,0.5,ratio,>= 0.9,non atteint',
      'follow_ups_on_time_rate,Suivis réalisés dans les délais,0.5833,ratio,>= 0.9,non atteint',
      "median_days_to_installation,Délai médian du premier contact à l'installation,91,days,,indicatif",
      'hours_validated,Heures validées,17.5,hours,,indicatif',
      'toolkit_downloads,Téléchargements de la boîte à outils,0,count,,indicatif',
    ]);
    expect(lines[13]).toBe('');
    expect(lines[14]).toBe('Par ambassadeur');
    expect(lines[15]).toBe('ambassador,documentId,contacts,installations,satisfactionAverage,hoursValidated');
    expect(lines.slice(16, 19)).toEqual([
      `Alice,${amb.alice},2,1,5,14.5`,
      `Bruno,${amb.bruno},0,1,4,3`,
      `Chloé,${amb.chloe},2,1,,0`,
    ]);
    expect(lines[19]).toBe('');
    expect(lines).toHaveLength(20);
  });

  test('separator `;` uses decimal commas (French spreadsheets); other formats are refused', async () => {
    const res = await get('/api/indicators/export?from=2025-01-01&to=2025-12-31&separator=%3B');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="indicateurs-2025-01-01_2025-12-31.csv"');
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('conversion_rate;Taux de conversion (installations effectives);0,6;ratio;;indicatif');
    expect(lines).toContain('follow_ups_on_time_rate;Suivis réalisés dans les délais;0,5833;ratio;>= 0,9;non atteint');
    expect(lines).toContain(`Alice;${amb.alice};2;1;5;14,5`);
    const bad = await get('/api/indicators/export?year=2025&format=xlsx');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('format');
  });
});

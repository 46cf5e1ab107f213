/**
 * The admin-panel routes of the indicators (dashboard and annual report): the same figures as
 * the content API, for Super Admin and the Coordination only, with the CPTS name for the bilan.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { adminActions, bearer, createAdmin, createApiToken } from '../helpers/actors';
import { asBytes } from '../helpers/fixtures';
import { indicatorsSample } from '../helpers/indicators-sample';
import { expectedIndicators } from '../helpers/indicators-expected';

let app: TestApp;
let superAdmin: Record<string, string>;
let coordination: Record<string, string>;
let communication: Record<string, string>;
let ids: { alice: string; bruno: string };

const get = (url: string, headers: Record<string, string> = coordination) => app.http().get(url).set(headers);

beforeAll(async () => {
  app = await bootStrapi();
  const settings = (await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst({})) as any;
  await app.strapi
    .documents('api::cpts-setting.cpts-setting')
    .update({ documentId: settings.documentId, data: { name: 'CPTS Ouest Réunion', timezone: 'Indian/Reunion' } as any });
  superAdmin = bearer((await createAdmin(app, 'strapi-super-admin')).token);
  coordination = bearer((await createAdmin(app, 'ancrage-coordination')).token);
  communication = bearer((await createAdmin(app, 'ancrage-communication')).token);
  ids = await indicatorsSample(app, 2025);
});

afterAll(async () => {
  await app?.destroy();
});

const EXPECTED_2025 = {
  period: { from: '2025-01-01', to: '2025-12-31' },
  cpts: { name: 'CPTS Ouest Réunion' },
  indicators: expectedIndicators({
    contacts_handled: [3, 'not_met'],
    installations: [2, 'informational'],
    conversion_rate: [0.6667, 'informational', { contacts: 3, installed: 2 }],
    satisfaction_average: [4.5, 'met'],
    satisfaction_responses: [2, 'informational', { sent: 0 }],
    active_ambassadors: [2, 'not_met'],
    matching_on_time_rate: [0.5, 'not_met', { onTime: 1, late: 1, pending: 0 }],
    follow_ups_on_time_rate: [0.4286, 'not_met', { onTime: 3, late: 4, pending: 0 }],
    median_days_to_installation: [90.5, 'informational', { installations: 2 }],
    hours_validated: [9.5, 'informational', { travelKm: 12, travelCost: 4.8 }],
    toolkit_downloads: [0, 'informational'],
  }),
  byProfession: [
    { profession: 'nurse', contacts: 2, installations: 1 },
    { profession: 'general_practitioner', contacts: 1, installations: 1 },
  ],
  monthly: [
    { month: '2025-01', contacts: 0, installations: 0 },
    { month: '2025-02', contacts: 1, installations: 0 },
    { month: '2025-03', contacts: 2, installations: 0 },
    { month: '2025-04', contacts: 0, installations: 0 },
    { month: '2025-05', contacts: 0, installations: 1 },
    { month: '2025-06', contacts: 0, installations: 1 },
    { month: '2025-07', contacts: 0, installations: 0 },
    { month: '2025-08', contacts: 0, installations: 0 },
    { month: '2025-09', contacts: 0, installations: 0 },
    { month: '2025-10', contacts: 0, installations: 0 },
    { month: '2025-11', contacts: 0, installations: 0 },
    { month: '2025-12', contacts: 0, installations: 0 },
  ],
};

const expectedAmbassadors = () => [
  { documentId: ids.alice, displayName: 'Alice Martin', contacts: 2, installations: 1, satisfactionAverage: 5, hoursValidated: 6.5 },
  { documentId: ids.bruno, displayName: 'Bruno Payet', contacts: 1, installations: 1, satisfactionAverage: 4, hoursValidated: 3 },
];

describe('GET /indicators/report (admin)', () => {
  test('Super Admin and the Coordination read every figure of the year, with the CPTS name', async () => {
    for (const who of [superAdmin, coordination]) {
      const res = await get('/indicators/report?year=2025', who);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { ...EXPECTED_2025, byAmbassador: expectedAmbassadors() } });
    }
  });

  test('the figures are those of the content API, year after year', async () => {
    const previous = await get('/indicators/report?year=2024');
    expect(previous.status).toBe(200);
    const v = (k: string) => previous.body.data.indicators.find((i: any) => i.key === k).value;
    expect([v('contacts_handled'), v('installations'), v('conversion_rate'), v('satisfaction_average'), v('median_days_to_installation')]).toEqual([
      1, 1, 1, null, 75,
    ]);
    const custom = await get('/indicators/report?from=2025-03-01&to=2025-03-31');
    expect(custom.status).toBe(200);
    expect(custom.body.data.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(custom.body.data.monthly).toEqual([{ month: '2025-03', contacts: 2, installations: 0 }]);
  });

  test('Communication (no case data) is refused with 403, on both routes', async () => {
    for (const url of ['/indicators/report?year=2025', '/indicators/report/export?year=2025&format=csv']) {
      const res = await get(url, communication);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        data: null,
        error: { status: 403, name: 'ForbiddenError', message: 'Forbidden', details: { errors: [{ path: [], message: 'Forbidden' }] } },
      });
    }
    // refused before the query is read: a bad query says nothing more
    expect((await get('/indicators/report?year=25', communication)).status).toBe(403);
  });

  test('without an admin token: 401 (a content-API token is not an admin session)', async () => {
    const token = bearer(await createApiToken(app));
    for (const url of ['/indicators/report?year=2025', '/indicators/report/export?year=2025']) {
      expect((await app.http().get(url)).status).toBe(401);
      expect((await get(url, token)).status).toBe(401);
    }
  });

  test.each([
    ['year=25', 'year'],
    ['year=2025&from=2025-01-01', 'year'],
    ['from=2025-03-01&to=2025-02-01', 'to'],
    ['year=2025&page=2', 'page'],
  ])('a bad query (%s) is a 400 ValidationError naming %s', async (query, field) => {
    const res = await get(`/indicators/report?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toEqual({
      status: 400,
      name: 'ValidationError',
      message: expect.stringContaining(field),
      details: { errors: expect.arrayContaining([expect.objectContaining({ path: [field], message: expect.any(String) })]) },
    });
  });
});

describe('GET /indicators/report/export (admin)', () => {
  test('CSV attachment with a byte-order mark; `;` writes decimal commas', async () => {
    const res = await asBytes(get('/indicators/report/export?year=2025&format=csv&separator=%3B'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="indicateurs-2025.csv"');
    const bytes: Buffer = res.body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Indicateurs;2025-01-01 – 2025-12-31');
    expect(lines).toContain('conversion_rate;Taux de conversion (installations effectives);0,6667;ratio;;indicatif');
    expect(lines).toContain('satisfaction_average;Satisfaction moyenne des nouveaux installés;4,5;score;> 4;atteint');
    expect(lines).toContain(`Alice Martin;${ids.alice};2;1;5;6,5`);
    expect(lines).toContain(`Bruno Payet;${ids.bruno};1;1;4;3`);
  });

  test('Super Admin exports too; a custom period names the file after it; other formats are a 400', async () => {
    const res = await get('/indicators/report/export?from=2025-01-01&to=2025-06-30', superAdmin);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="indicateurs-2025-01-01_2025-06-30.csv"');
    expect(res.text.replace(/^\uFEFF/, '').split('\r\n')).toContain('contacts_handled,Contacts traités,3,count,> 5,non atteint');
    const bad = await get('/indicators/report/export?year=2025&format=xlsx');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['format'] })] } });
  });
});

describe('the "Indicateurs" menu permission', () => {
  const actions = (who: Record<string, string>) => adminActions(app, who);

  test('Coordination and Super Admin hold it, Communication does not', async () => {
    expect(await actions(coordination)).toContain('plugin::indicators.read');
    expect(await actions(superAdmin)).toContain('plugin::indicators.read');
    expect(await actions(communication)).not.toContain('plugin::indicators.read');
  });
});

/**
 * The satisfaction questionnaire page (public/questionnaire/) in headless Debian Chromium: the
 * link of the captured e-mail opens it, the newcomer answers (mouse and keyboard) and submits,
 * the response is stored and counted in the indicators; used, expired and invalid links say so.
 */
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { ARTIFACTS, describeBrowser, launchChromium } from '../helpers/browser';
import { make } from '../helpers/fixtures';
import { bearer, createUser } from '../helpers/actors';
import { startSmtpServer } from '../helpers/smtp';
import { questionnaireLinkOf } from '../helpers/mail';
import { satisfactionSecret, signToken } from '../../src/api/satisfaction/services/token';


const waitFor = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> => {
  const end = Date.now() + ms;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out waiting; last value: ${JSON.stringify(v)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
    v = await fn();
  }
  return v;
};

describeBrowser('the satisfaction questionnaire page', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let browser: Browser;
  let page: Page;
  let base: string;
  let caseId: string;
  let link: string;
  let coordinator: ReturnType<typeof bearer>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await bootStrapi({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', MAIL_FROM: 'Ancrage <relances@example.test>' });
    await app.strapi.server.listen();
    base = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;
    // the links of the e-mails point at this server
    process.env.PUBLIC_URL = base;
    const settings = await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst();
    await app.strapi.documents('api::cpts-setting.cpts-setting').update({ documentId: settings!.documentId, data: { name: 'CPTS Australe' } as any });
    const f = make(app);
    const amb = await f.ambassador('active');
    coordinator = bearer((await createUser(app, 'coordinator')).jwt);
    const installed = new Date();
    installed.setUTCMonth(installed.getUTCMonth() - 7);
    const c = await f.case(amb, { newcomerFirstName: 'Maëlle', newcomerEmail: 'maelle@example.org', installedAt: installed.toISOString().slice(0, 10), installationCommune: 'Saint-Pierre' });
    caseId = c.documentId;
    await f.setState('api::case.case', caseId, 'visits');
    expect((await app.http().post(`/api/cases/${caseId}/transitions`).set(coordinator).send({ to: 'installed' })).status).toBe(200);
    const mail = await waitFor(async () => smtp.messages.find((m) => m.to.includes('maelle@example.org')), (m) => Boolean(m));
    link = questionnaireLinkOf(mail!.raw).url;
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
    await smtp?.close();
  });

  it('opens the link of the e-mail, answers, submits and thanks; the response is stored', async () => {
    expect(link.startsWith(`${base}/questionnaire/#`)).toBe(true);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(link);
    await page.getByTestId('questionnaire-form').waitFor({ timeout: 15000 });
    await expect(page.locator('h1').textContent()).resolves.toBe('CPTS Australe — votre avis');
    await expect(page.getByTestId('questionnaire-form').textContent()).resolves.toMatch(/Bonjour Maëlle,/);

    // submitting empty says what is missing and stores nothing
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await expect(page.getByTestId('questionnaire-error').textContent()).resolves.toMatch(/astérisque/);

    // the overall score by keyboard: a radio group of real inputs with accessible names
    await page.getByTestId('q-score').getByRole('radio', { name: '3 sur 5' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('q-score').getByRole('radio', { name: '4 sur 5' }).isChecked()).toBe(true);
    for (const [key, value] of [['welcome', '5 sur 5'], ['guidance', '4 sur 5'], ['network', '3 sur 5'], ['administrative', '2 sur 5']]) {
      await page.getByTestId(`q-a_${key}`).getByText(value.slice(0, 1), { exact: true }).click();
    }
    await page.getByTestId('q-a_recommend').getByText('Oui', { exact: true }).click();
    await page.getByLabel('Un commentaire, une suggestion ? (facultatif)').fill('Accueil chaleureux, merci à mon ambassadrice.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'questionnaire-01-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.getByTestId('questionnaire-thanks').waitFor({ timeout: 15000 });
    await expect(page.getByTestId('questionnaire-thanks').textContent()).resolves.toMatch(/^Merci Maëlle !/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'questionnaire-02-thanks.png'), fullPage: true });
    expect(errors).toEqual([]);

    const stored = await app.strapi.db
      .query('api::satisfaction-response.satisfaction-response')
      .findMany({ where: { case: { documentId: caseId } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toEqual(
      expect.objectContaining({
        score: 4,
        answers: { welcome: 5, guidance: 4, network: 3, administrative: 2, recommend: true },
        comment: 'Accueil chaleureux, merci à mon ambassadrice.',
      })
    );

    // the coordinator's indicators count it: the only response of the year, score 4
    const { timezone } = (await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst()) as unknown as { timezone: string };
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric' }).format(new Date());
    const res = await app.http().get(`/api/indicators?year=${year}`).set(coordinator);
    expect(res.status).toBe(200);
    const indicator = (key: string) => res.body.data.indicators.find((i: { key: string }) => i.key === key);
    expect(indicator('satisfaction_average')).toEqual(expect.objectContaining({ value: 4, status: 'not_met', target: { op: 'gt', value: 4 } }));
    expect(indicator('satisfaction_responses')).toEqual(expect.objectContaining({ value: 1, details: { sent: 1 } }));
  });

  it('a used, an expired and an invalid link each say so', async () => {
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByTestId('questionnaire-notice').textContent()).resolves.toMatch(/déjà répondu/);

    const other = await make(app).case(null);
    const expired = signToken(other.documentId, satisfactionSecret(), { now: new Date(Date.now() - 90 * 86400000) });
    await page.goto('about:blank');
    await page.goto(`${base}/questionnaire/#${expired}`);
    await expect(page.getByTestId('questionnaire-notice').textContent()).resolves.toMatch(/expiré/);

    await page.goto('about:blank');
    await page.goto(`${base}/questionnaire/#pas-un-jeton`);
    await expect(page.getByTestId('questionnaire-notice').textContent()).resolves.toMatch(/n'est pas valide/);
    expect(await app.strapi.db.query('api::satisfaction-response.satisfaction-response').count({ where: { case: { documentId: other.documentId } } })).toBe(0);
  });
});

/**
 * The ambassador web space (public/espace/, where reminder e-mails link ambassadors), in
 * headless Debian Chromium: log in, see only one's own cases, open one, log an action, take the
 * transition it unlocks, see the new state and the history.
 */
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { ARTIFACTS, describeBrowser, launchChromium } from '../helpers/browser';
import { make } from '../helpers/fixtures';
import type { TestUser } from '../helpers/actors';


describeBrowser('the ambassador web space', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let amb: TestUser;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    app = await bootStrapi();
    await app.strapi.server.listen();
    base = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;
    const f = make(app);
    amb = await f.ambassador('active');
    const other = await f.ambassador('active');
    const c = await f.case(amb, { newcomerFirstName: 'Maëlle', newcomerLastName: 'Grondin', profession: 'speech_therapist' });
    await f.setState('api::case.case', c.documentId, 'first_contact');
    mine = c.documentId;
    theirs = (await f.case(other, { newcomerFirstName: 'Autre', newcomerLastName: 'Personne' })).documentId;
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 420, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('logs in and lists only the cases assigned to me', async () => {
    await page.goto(`${base}/espace/`);
    await page.getByLabel('Identifiant ou e-mail').fill(amb.email);
    await page.getByLabel('Mot de passe').fill('Secret-pass-123');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId(`space-case-${mine}`).waitFor({ timeout: 15000 });
    expect(await page.getByTestId(`space-case-${theirs}`).count()).toBe(0);
    await expect(page.getByTestId(`space-case-${mine}`).textContent()).resolves.toMatch(/Maëlle Grondin.*Premier contact/s);
    await page.screenshot({ path: path.join(ARTIFACTS, 'space-01-list.png'), fullPage: true });
  });

  it('opens the case: the interview is blocked until an action is logged, then taken', async () => {
    await page.getByRole('link', { name: 'Maëlle Grondin' }).click();
    const toInterview = page.getByTestId('space-transition-interview');
    await toInterview.waitFor();
    expect(await toInterview.isDisabled()).toBe(true);
    await page.getByLabel('Résumé').fill("Appel d'accueil avec la grille d'entretien");
    await page.getByLabel('Durée (minutes)').fill('35');
    await page.getByTestId('space-add-action').click();
    await page.getByTestId('space-actions').waitFor();
    await expect(page.getByTestId('space-actions').textContent()).resolves.toMatch(/Appel d'accueil/);
    await page.waitForFunction(() => !(document.querySelector('[data-testid="space-transition-interview"]') as HTMLButtonElement).disabled);
    await page.getByTestId('space-transition-interview').click();
    await page.getByTestId('space-state').filter({ hasText: 'Entretien' }).waitFor({ timeout: 15000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'space-02-case.png'), fullPage: true });
    const stored = await app.strapi.db.query('api::case.case').findOne({ where: { documentId: mine }, populate: ['actions'] });
    expect(stored.state).toBe('interview');
    expect(stored.actions[0]).toEqual(expect.objectContaining({ kind: 'call', minutes: 35 }));
  });

  it("answers someone else's case with an error, not its data", async () => {
    await page.goto(`${base}/espace/#/cases/${theirs}`);
    await page.getByRole('alert').waitFor();
    expect(await page.content()).not.toMatch(/Autre Personne/);
  });
});

/**
 * A coordinator in the real admin panel (headless Debian Chromium): logs in, opens a case,
 * takes a transition from the workflow panel, sees the new state and the history entry, and
 * sees the case move on the board. Screenshots are kept in test-artifacts/.
 */
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { ARTIFACTS, adminContext, adminLogin, buildAdmin, describeBrowser, launchChromium } from '../helpers/browser';
import { createAdmin } from '../helpers/actors';
import { make } from '../helpers/fixtures';


describeBrowser('the coordinator takes a transition in the admin panel', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let caseId: string;
  let admin: { email: string };

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    buildAdmin();
    app = await bootStrapi({}, { serveAdminPanel: true });
    await app.strapi.server.listen();
    base = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;
    const f = make(app);
    admin = await createAdmin(app, 'ancrage-coordination');
    const amb = await f.ambassador('active');
    const c = await f.case(amb, { newcomerFirstName: 'Inès', newcomerLastName: 'Testelin', profession: 'orthoptist' });
    caseId = c.documentId;
    browser = await launchChromium();
    page = await (await adminContext(browser)).newPage();
  }, 600000); // the admin build (or waiting for the one another file started) comes first

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('logs in', async () => {
    await adminLogin(page, base, admin.email);
    await shot('01-home');
  });

  it('opens the case and sees its state and the available transitions', async () => {
    await page.goto(`${base}/admin/content-manager/collection-types/api::case.case/${caseId}`);
    const panel = page.getByTestId('workflow-panel');
    await panel.waitFor({ timeout: 30000 });
    await expect(page.getByTestId('workflow-state').textContent()).resolves.toMatch(/Contact reçu/);
    await page.getByTestId('workflow-transition-first_contact').waitFor();
    await shot('02-case-received');
  });

  it('takes received → first contact from the panel and sees the state and the history entry', async () => {
    await page.getByTestId('workflow-transition-first_contact').click();
    await page.getByTestId('workflow-state').filter({ hasText: /Premier contact/ }).waitFor({ timeout: 15000 });
    const items = page.getByTestId('workflow-history-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(1);
    await expect(items.first().textContent()).resolves.toMatch(/Premier contact/);
    await shot('03-case-first-contact');
    const stored = await app.strapi.db.query('api::case.case').findOne({ where: { documentId: caseId } });
    expect(stored.state).toBe('first_contact');
  });

  it('sees the case in the first-contact column of the board', async () => {
    await page.goto(`${base}/admin/plugins/workflow/board`);
    const card = page.getByTestId('board-column-first_contact').getByTestId(`board-card-${caseId}`);
    await card.waitFor({ timeout: 30000 });
    await expect(card.textContent()).resolves.toMatch(/Inès Testelin/);
    expect(await page.getByTestId('board-column-received').getByTestId(`board-card-${caseId}`).count()).toBe(0);
    await shot('04-board');
  });
});

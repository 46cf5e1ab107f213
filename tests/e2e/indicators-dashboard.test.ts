/**
 * The coordination in the real admin panel (headless Debian Chromium): opens "Indicateurs",
 * reads the exact figures of a small dataset, switches year, exports the CSV, opens the
 * printable bilan and prints it to PDF with the admin's menu hidden. Communication does not get
 * the page. Screenshots (wide and narrow) and the PDF are kept in test-artifacts/.
 */
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { ARTIFACTS, adminContext, adminLogin, buildAdmin, describeBrowser, launchChromium } from '../helpers/browser';
import { createAdmin } from '../helpers/actors';
import { indicatorsSample } from '../helpers/indicators-sample';


/** Both years are over, so that no figure depends on the day the test runs. */
const CURRENT = new Date().getFullYear();
const YEAR = CURRENT - 1;
const PREVIOUS = CURRENT - 2;
const EXTRA_AMBASSADORS = 23;
/** 6.5 + 3 validated hours, and one per extra ambassador. */
const HOURS = `${String(9.5 + EXTRA_AMBASSADORS).replace('.', ',')} h`;

/** Intl's French numbers carry no-break spaces; compare with plain ones. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

describeBrowser('the coordination reads the indicators and prints the annual report', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let coordination: { email: string };
  let communication: { email: string };

  /** The admin scrolls inside a box, not the window: the viewport grows to the box's content for the shot. */
  const shot = async (name: string, p: Page = page) => {
    const size = p.viewportSize()!;
    const height = await p.evaluate(() =>
      Math.max(window.innerHeight, ...[...document.querySelectorAll('*')].map((el) => (el.scrollHeight > el.clientHeight + 1 ? el.scrollHeight : 0)))
    );
    await p.setViewportSize({ width: size.width, height: Math.min(height, 12000) });
    await p.screenshot({ path: path.join(ARTIFACTS, `indicators-${name}.png`), fullPage: true });
    await p.setViewportSize(size);
  };
  const value = async (key: string) => plain(await page.getByTestId(`indicator-value-${key}`).textContent());
  const text = async (testId: string) => plain(await page.getByTestId(testId).textContent());

  const login = (p: Page, email: string) => adminLogin(p, base, email);

  const chooseYear = async (year: number) => {
    await page.getByRole('combobox', { name: 'Année' }).click();
    await page.getByRole('option', { name: String(year), exact: true }).click();
    // the figures on screen are the chosen year's once the report of that year has arrived
    await page.locator(`[data-report-year="${year}"]`).first().waitFor({ timeout: 15000 });
  };

  beforeAll(async () => {
    buildAdmin();
    app = await bootStrapi({}, { serveAdminPanel: true });
    await app.strapi.server.listen();
    base = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;
    const settings = (await app.strapi.documents('api::cpts-setting.cpts-setting').findFirst({})) as any;
    await app.strapi
      .documents('api::cpts-setting.cpts-setting')
      .update({ documentId: settings.documentId, data: { name: 'CPTS Ouest Réunion', timezone: 'Indian/Reunion' } as any });
    coordination = await createAdmin(app, 'ancrage-coordination');
    communication = await createAdmin(app, 'ancrage-communication');
    await indicatorsSample(app, YEAR, { extraAmbassadors: EXTRA_AMBASSADORS });
    browser = await launchChromium();
    context = await adminContext(browser, { acceptDownloads: true });
    page = await context.newPage();
  }, 600000); // the admin build (or waiting for the one another file started) comes first

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('logs in and opens "Indicateurs" from the menu, on the current year', async () => {
    await login(page, coordination.email);
    await page.getByRole('link', { name: 'Indicateurs' }).click();
    await page.waitForURL(/\/admin\/plugins\/indicators/);
    await page.getByTestId('indicator-card-contacts_handled').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('indicators-page').getAttribute('data-report-year')).toBe(String(CURRENT));
    expect(await value('contacts_handled')).toBe('0');
    expect(await value('conversion_rate')).toBe('—');
    expect(await text('indicator-empty-conversion_rate')).toBe('aucune donnée sur la période');
  });

  it(`shows the exact figures of ${YEAR}: values in their units, targets and statuses in words`, async () => {
    await chooseYear(YEAR);
    expect(await value('contacts_handled')).toBe('3');
    expect(await value('installations')).toBe('2');
    expect(await value('conversion_rate')).toBe('66,7 %');
    expect(await value('satisfaction_average')).toBe('4,50 / 5');
    expect(await value('satisfaction_responses')).toBe('2');
    expect(await value('active_ambassadors')).toBe('2');
    expect(await value('matching_on_time_rate')).toBe('50 %');
    expect(await value('follow_ups_on_time_rate')).toBe('42,9 %');
    expect(await value('median_days_to_installation')).toBe('90,5 jours');
    expect(await value('hours_validated')).toBe(HOURS);
    expect(await value('toolkit_downloads')).toBe('0');

    expect(await text('indicator-details-conversion_rate')).toBe('2 installés sur 3 contacts');
    expect(await text('indicator-details-follow_ups_on_time_rate')).toBe('3 dans les délais, 4 en retard');
    expect(await text('indicator-target-contacts_handled')).toBe('Objectif > 5');
    expect(await text('indicator-target-satisfaction_average')).toBe('Objectif > 4 / 5');
    expect(await text('indicator-target-matching_on_time_rate')).toBe('Objectif ≥ 90 %');
    expect(await text('indicator-target-installations')).toBe('Sans objectif');
    expect(await text('indicator-status-contacts_handled')).toBe('Non atteint');
    expect(await text('indicator-status-satisfaction_average')).toBe('Atteint');
    expect(await text('indicator-status-installations')).toBe('Indicatif');
    expect(await page.getByTestId('indicator-card-satisfaction_average').getAttribute('data-status')).toBe('met');

    const bar = (month: string, series: string) => page.getByTestId(`chart-bar-${YEAR}-${month}-${series}`).getAttribute('data-value');
    expect(await bar('03', 'contacts')).toBe('2');
    expect(await bar('05', 'installations')).toBe('1');
    expect(await bar('12', 'contacts')).toBe('0');
    expect(await page.getByTestId('indicators-chart').locator('text').allTextContents()).toEqual(expect.arrayContaining(['janv.', 'mars', 'déc.']));

    expect(plain(await page.getByTestId('profession-row-nurse').textContent())).toBe('Infirmier(e)21');
    expect(plain(await page.getByTestId('profession-row-general_practitioner').textContent())).toBe('Médecin généraliste11');
    await shot('01-dashboard');
  });

  it('lists the ambassadors by name, 20 a page, filtered by name and sorted by a column', async () => {
    const rows = page.getByTestId('ambassador-row');
    expect(await rows.count()).toBe(20);
    expect(await text('ambassador-count')).toBe(`${EXTRA_AMBASSADORS + 2} ambassadeurs avec une activité sur la période`);
    expect(await text('ambassador-range')).toBe(`1–20 sur ${EXTRA_AMBASSADORS + 2} · page 1 sur 2`);
    expect(plain(await rows.first().textContent())).toBe('Alice Martin215,00 / 56,5 h');
    await page.getByTestId('ambassador-next').click();
    expect(await rows.count()).toBe(EXTRA_AMBASSADORS + 2 - 20);

    await page.getByTestId('ambassador-search').fill('payet');
    expect(await rows.count()).toBe(1);
    expect(plain(await rows.first().textContent())).toBe('Bruno Payet114,00 / 53 h');
    await page.getByTestId('ambassador-search').fill('');

    await page.getByTestId('ambassador-sort-hoursValidated').click();
    expect(plain(await rows.first().textContent())).toMatch(/^Alice Martin/);
    expect(plain(await rows.nth(1).textContent())).toMatch(/^Bruno Payet/);
    expect(await page.getByTestId('ambassador-sort-hoursValidated').locator('xpath=ancestor::th').getAttribute('aria-sort')).toBe('descending');
  });

  it(`switches to ${PREVIOUS} and the figures change`, async () => {
    await chooseYear(PREVIOUS);
    expect(await value('contacts_handled')).toBe('1');
    expect(await value('installations')).toBe('1');
    expect(await value('conversion_rate')).toBe('100 %');
    expect(await value('satisfaction_average')).toBe('—');
    expect(await text('indicator-empty-satisfaction_average')).toBe('aucune donnée sur la période');
    expect(await value('follow_ups_on_time_rate')).toBe('—');
    expect(await value('median_days_to_installation')).toBe('75 jours');
    expect(await text('indicator-status-satisfaction_average')).toBe('Non atteint');
    expect(plain(await page.getByTestId('profession-row-midwife').textContent())).toBe('Sage-femme11');
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(PREVIOUS));
  });

  it('exports the CSV of the year: BOM, `;` and decimal commas, the server’s file name', async () => {
    await chooseYear(YEAR);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('indicators-export').click()]);
    expect(download.suggestedFilename()).toBe(`indicateurs-${YEAR}.csv`);
    const file = path.join(ARTIFACTS, `indicators-export-${YEAR}.csv`);
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(`Indicateurs;${YEAR}-01-01 – ${YEAR}-12-31`);
    expect(lines).toContain('conversion_rate;Taux de conversion (installations effectives);0,6667;ratio;;indicatif');
    expect(lines.filter((l) => /^(Alice Martin|Bruno Payet|Zélie)/.test(l))).toHaveLength(EXTRA_AMBASSADORS + 2);
  });

  it('opens the printable bilan: title, attendu / obtenu, months, professions, ambassadors', async () => {
    await page.getByTestId('indicators-bilan').click();
    await page.waitForURL(new RegExp(`/admin/plugins/indicators/bilan\\?year=${YEAR}`));
    await page.getByTestId('bilan-sheet').waitFor({ timeout: 30000 });
    expect(await text('bilan-title')).toBe(`Bilan annuel — CPTS Ouest Réunion — ${YEAR}`);
    const headers = await page.getByTestId('bilan-indicators').locator('thead th').allTextContents();
    expect(headers).toEqual(['Indicateur', 'Attendu', 'Obtenu', 'Statut']);
    const cells = async (key: string) => (await page.getByTestId(`bilan-row-${key}`).locator('td').allTextContents()).map(plain);
    expect(await cells('contacts_handled')).toEqual(['Contacts traités', '> 5', '3', '✗ Non atteint']);
    expect(await cells('satisfaction_average')).toEqual(['Satisfaction moyenne des nouveaux installés', '> 4 / 5', '4,50 / 5', '✓ Atteint']);
    expect(await cells('conversion_rate')).toEqual([
      'Taux de conversion (installations effectives)',
      'Sans objectif (indicatif)',
      '66,7 %2 installés sur 3 contacts',
      'Indicatif',
    ]);
    expect(await text('bilan-summary')).toMatch(/^Objectifs atteints : 1 sur 5\./);
    const months = async (series: string) => (await page.getByTestId(`bilan-monthly-${series}`).locator('th, td').allTextContents()).map(plain);
    expect(await months('contacts')).toEqual(['Contacts traités', '0', '1', '2', '0', '0', '0', '0', '0', '0', '0', '0', '0', '3']);
    expect(await months('installations')).toEqual(['Installations', '0', '0', '0', '0', '1', '1', '0', '0', '0', '0', '0', '0', '2']);
    expect(await page.getByTestId('bilan-ambassadors').locator('tbody tr').count()).toBe(EXTRA_AMBASSADORS + 2);
    expect(await text('bilan-ambassadors-summary')).toBe(
      `${EXTRA_AMBASSADORS + 2} ambassadeurs ont eu une activité sur la période : 3 contacts traités, 2 installations, ${HOURS} validées.`
    );
    await shot('02-bilan');
  });

  it('"Imprimer" opens the print dialog; in print media the admin menu is hidden and the PDF is an A4 document', async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByTestId('bilan-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const nav = page.locator('nav').first();
    expect(await nav.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByTestId('bilan-print').isVisible()).toBe(false);
    expect(await page.getByTestId('bilan-sheet').isVisible()).toBe(true);
    // the printable width of A4 with the sheet's @page margins (186 mm at 96 dpi): what the PDF shows
    await page.setViewportSize({ width: 703, height: 1000 });
    await shot('03-bilan-print-media');
    await page.setViewportSize({ width: 1440, height: 1000 });

    const pdf = path.join(ARTIFACTS, `indicators-bilan-${YEAR}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(30_000);
    const pages = bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    await page.emulateMedia({ media: 'screen' });
  });

  it('stays readable on a narrow screen (800 px)', async () => {
    await page.setViewportSize({ width: 800, height: 1000 });
    await shot('04-bilan-narrow');
    await page.goto(`${base}/admin/plugins/indicators?year=${YEAR}`);
    await page.getByTestId('indicator-card-contacts_handled').waitFor({ timeout: 30000 });
    expect(await value('contacts_handled')).toBe('3');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('05-dashboard-narrow');
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('Communication has no "Indicateurs" link, and the page refuses it', async () => {
    const other = await adminContext(browser);
    const p = await other.newPage();
    await login(p, communication.email);
    // the menu is there (every admin has the Content Manager), without the coordination's pages
    await p.getByRole('link', { name: /Content Manager/i }).first().waitFor({ timeout: 30000 });
    expect(await p.getByRole('link', { name: 'Indicateurs' }).count()).toBe(0);
    expect(await p.getByRole('link', { name: 'Relances' }).count()).toBe(0);
    await p.goto(`${base}/admin/plugins/indicators?year=${YEAR}`);
    await p.getByTestId('indicators-error').waitFor({ timeout: 30000 });
    expect(plain(await p.getByTestId('indicators-error').textContent())).toBe('Les indicateurs sont réservés à la coordination de la CPTS.');
    expect(await p.getByTestId('indicator-card-contacts_handled').count()).toBe(0);
    await shot('06-communication-refused', p);
    await other.close();
  });
});

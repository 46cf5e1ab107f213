/**
 * Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser), the
 * admin build they need, and an admin login. Screenshots go to test-artifacts/.
 */
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { APP_ROOT } from './strapi';
import { ADMIN_PASSWORD } from './actors';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = path.join(APP_ROOT, 'test-artifacts');

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM} (apt-get install chromium)`);
if (!haveChromium) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (sudo apt-get install chromium).`);
/** `describe` where Chromium is installed (always on CI), `describe.skip` elsewhere. */
export const describeBrowser = haveChromium ? describe : describe.skip;

/** The admin build runs in its own process: Strapi's plugin discovery needs Node's resolver, not Jest's. */
export const buildAdmin = () =>
  execFileSync(process.execPath, [path.join(__dirname, 'build-admin.js')], { cwd: APP_ROOT, stdio: 'inherit', timeout: 300000 });

/** Headless, and without the background calls this closed network refuses. */
export const launchChromium = (): Promise<Browser> => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
};

/** A French desktop context for the admin panel, its guided tour off. */
export const adminContext = async (browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'fr-FR', ...options });
  await context.addInitScript(() => {
    localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ tours: {}, enabled: false, completedActions: [] }));
  });
  return context;
};

/** Logs an admin made by `createAdmin` in, and waits for the home page. */
export const adminLogin = async (page: Page, base: string, email: string) => {
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', ADMIN_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 30000 });
};

import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import AxeBuilder from '@axe-core/playwright';
import * as argon2 from 'argon2';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Role } from '@cascade/platform';
import { createTestApp, TestApp, TestAppOptions } from '../../support/app';
import { WEB_ROOT } from '../../../apps/api/src/web-app';

/** Debian's chromium: Playwright's own browser download cannot be reached here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = join(__dirname, '../../../docs/screenshots');

export interface WebApp extends TestApp {
  baseURL: string;
  /** A user of that role who can sign in with the returned email and password. */
  user(role: Role, personId?: string | null): Promise<{ email: string; password: string }>;
}

/** The real API (serving the built web app at `/`) and worker, listening on a free port. */
export async function startWebApp(options: TestAppOptions = { worker: true }): Promise<WebApp> {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(`${WEB_ROOT}/index.html is missing: run \`npm run build:web\` first (npm test does)`);
  const app = await createTestApp(options);
  await app.app.listen(0, '127.0.0.1');
  const address = app.app.getHttpServer().address() as { port: number };
  let counter = 0;
  return {
    ...app,
    baseURL: `http://127.0.0.1:${address.port}`,
    user: (role, personId = null) =>
      insertUser(app.db, `${role}-web-${Date.now()}-${counter++}@test.local`, role, personId),
  };
}

async function insertUser(db: DataSource, email: string, role: Role, personId: string | null) {
  const password = 'password-123';
  await db.query(`INSERT INTO users (email, password_hash, role, person_id) VALUES ($1, $2, $3, $4)`, [
    email,
    await argon2.hash(password),
    role,
    personId,
  ]);
  return { email, password };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
  /** Quits the browser and starts it again on the same profile, as a phone's browser restarts. */
  restart(options?: { offline?: boolean }): Promise<Browser>;
}

/** A headless Chromium with a fresh profile (or, for a restart, the profile of the one before). */
export async function openBrowser(
  baseURL: string,
  locale = 'en',
  options: { profile?: string; offline?: boolean } = {},
): Promise<Browser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'cascade-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL,
    locale,
    offline: options.offline,
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // The app opens in Mongolian; tests read English unless they ask for Mongolian (the choice stays switchable).
  if (locale === 'en')
    await page.addInitScript({
      content: `localStorage.getItem('cascade.lang') ?? localStorage.setItem('cascade.lang', 'en')`,
    });
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    async restart({ offline } = {}) {
      await context.close();
      return openBrowser(baseURL, locale, { profile, offline });
    },
  };
}

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A browser signed in from the login page as `account`, once the app has taken them to the dashboard. */
export async function openSignedIn(
  baseURL: string,
  account: { email: string; password: string },
): Promise<Browser> {
  const browser = await openBrowser(baseURL);
  await browser.page.goto('/login');
  await signIn(browser.page, account);
  await browser.page.waitForURL(/\/dashboard/);
  return browser;
}

/** Serious and critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(', ')})`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Debian's Chromium driven by playwright-core (no browser download). */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** The built dashboard that page tests serve: `npm run build:web` writes it, and `npm test` runs that first. */
export const WEB_DIR = path.resolve('dist/web');

/**
 * Throws, naming what is missing, when a page test cannot run: a missing browser or build must fail
 * the run loudly, never turn it green by skipping. CI installs Chromium (.ci/run).
 * @param needs.app false for pages the server renders itself (respondent pages need no dashboard build)
 */
export function requirePageTestPrerequisites(needs: { app: boolean } = { app: true }): void {
  const missing: string[] = [];
  if (!chromiumPath()) missing.push('Chromium (install the Debian package "chromium" or set CHROMIUM_PATH)');
  if (needs.app && !fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    missing.push(`the built dashboard in ${WEB_DIR} (run \`npm run build:web\`; \`npm test\` does it first)`);
  }
  if (missing.length) throw new Error(`This page test needs ${missing.join(' and ')}`);
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: install Debian package "chromium" or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A new browser context with the dashboard interface in `lang`, signed in through the login page.
 * @returns the page, on /app
 */
export async function openSignedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  opts: { lang?: string; acceptDownloads?: boolean } = {},
): Promise<Page> {
  const lang = opts.lang ?? 'en';
  const context = await browser.newContext({ locale: lang, acceptDownloads: opts.acceptDownloads ?? false });
  await context.addInitScript((l) => localStorage.setItem('sarafan.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/\/app$/);
  return page;
}

/**
 * Account screens in a real Chromium: a deep link surviving sign-in, changing the password,
 * two-factor enrolment and sign-in with a code, pending invitation actions, and the page a role
 * cannot use. The server's clock is fixed (AppDeps.now) so the test computes the right TOTP code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type OrgFixture, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { timeStep, totpAt } from '../helpers/totp.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

let clock = Date.UTC(2026, 2, 2, 10, 0, 15);

describe('account screens in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let org: OrgFixture;
  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date(clock) });
    org = await buildOrg(server.pool, 'Screen Org');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@screen.test');
    await buildUser(server.pool, org.orgId, 'viewer', 'viewer@screen.test');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addInitScript(() => localStorage.setItem('sarafan.lang', 'en'));
    return context.newPage();
  }

  async function signInOnPage(page: Page, email: string, password: string) {
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('returns to the deep link after signing in, and refuses to leave the dashboard', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/app/account?tab=1#password-h`);
    await page.waitForURL(/\/login\?next=/);
    await signInOnPage(page, 'viewer@screen.test', TEST_PASSWORD);
    await page.waitForURL(`${server.baseUrl}/app/account?tab=1#password-h`);
    await page.context().close();

    const other = await newPage();
    await other.goto(`${server.baseUrl}/login?next=${encodeURIComponent('//evil.example/app')}`);
    await signInOnPage(other, 'viewer@screen.test', TEST_PASSWORD);
    await other.waitForURL(`${server.baseUrl}/app`);
    await other.context().close();
  });

  it('changes the password on the account page', async () => {
    await buildUser(server.pool, org.orgId, 'analyst', 'pavel@screen.test');
    const page = await openSignedInPage(browser, server.baseUrl, 'pavel@screen.test', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password').fill('pavel new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await poll(() => page.getByText('The current password is wrong.').count()).toBe(1);
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Password changed. Other devices were signed out.' }).count()).toBe(1);
    await page.context().close();
    await signIn(server.baseUrl, 'pavel@screen.test', 'pavel new password');
  });

  it('enrols in two-factor sign-in with the QR code or key, shows the recovery codes once, then asks for a code at sign-in', async () => {
    await buildUser(server.pool, org.orgId, 'analyst', 'tatiana@screen.test');
    const page = await openSignedInPage(browser, server.baseUrl, 'tatiana@screen.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/account`);
    await poll(() => page.getByText('Off. Add a second step').count()).toBe(1);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await poll(() => page.getByRole('img', { name: 'QR code for the authenticator app' }).count()).toBe(1);
    const key = (await page.locator('.totp-key').innerText()).replace(/\s+/g, '');
    await page.getByLabel('Code from your authenticator app').fill(totpAt(key, timeStep(clock)));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await poll(() => page.locator('.codes li').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them, continue' }).click();
    await poll(() => page.getByText('10 recovery codes left.').count()).toBe(1);
    await page.context().close();

    clock += 60_000;
    const login = await newPage();
    await login.goto(`${server.baseUrl}/app/surveys`);
    await login.waitForURL(/\/login\?next=/);
    await signInOnPage(login, 'tatiana@screen.test', TEST_PASSWORD);
    await poll(() => login.getByRole('heading', { name: 'Two-factor sign-in' }).count()).toBe(1);
    expect(await login.evaluate(() => fetch('/api/v1/me').then((r) => r.status))).toBe(401);
    await login.getByLabel('Code from your authenticator app').fill('000000');
    await login.getByRole('button', { name: 'Verify' }).click();
    await poll(() => login.getByText('Wrong code. Try the code the app shows now.').count()).toBe(1);
    await login.getByLabel('Code from your authenticator app').fill(totpAt(key, timeStep(clock)));
    await login.getByRole('button', { name: 'Verify' }).click();
    await login.waitForURL(`${server.baseUrl}/app/surveys`);
    await login.context().close();
  });

  it('resends, copies and revokes pending invitations, and offers to resend when inviting the same address again', async () => {
    const owner = await signIn(server.baseUrl, 'owner@screen.test');
    await owner.post('/api/v1/invitations', { email: 'iris@screen.test', role: 'analyst' });
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@screen.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/users`);
    const actions = page.getByRole('group', { name: 'Actions: iris@screen.test' });
    await actions.getByRole('button', { name: 'Copy a new link' }).click();
    await poll(() => page.getByText('New invitation link for iris@screen.test:').count()).toBe(1);
    const link = await page.locator('.pending-list ~ .invite-result input, section[aria-labelledby=pending-h] .invite-link').first().inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    expect(await page.evaluate((l) => fetch(`/api/v1/invitations/${l.split('/invite/')[1]}`).then((r) => r.status), link)).toBe(200);

    await page.getByLabel('E-mail', { exact: true }).fill('iris@screen.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await poll(() => page.getByText('An invitation to iris@screen.test is already pending.').count()).toBe(1);
    await page.getByRole('button', { name: 'Resend that invitation' }).click();
    await poll(() => page.getByText('E-mail is not configured, so nothing was sent. Give this link to iris@screen.test:').count()).toBe(1);
    // The link copied before stopped working: only the newest one does.
    expect(await page.evaluate((l) => fetch(`/api/v1/invitations/${l.split('/invite/')[1]}`).then((r) => r.status), link)).toBe(404);

    await actions.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('group', { name: 'Revoke the invitation to iris@screen.test?' }).getByRole('button', { name: 'Yes' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'The invitation to iris@screen.test was revoked.' }).count()).toBe(1);
    await poll(() => actions.count()).toBe(0);
    await page.context().close();
  });

  it("keeps the account's language with the interface language, so invitations are written in it", async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@screen.test', TEST_PASSWORD);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await poll(() => page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()).then((m) => m.user.locale))).toBe('ru');
    const res = await page.evaluate(() =>
      fetch('/api/v1/invitations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'olya@screen.test', role: 'viewer' }) }).then((r) => r.status),
    );
    expect(res).toBe(201);
    const { rows } = await server.pool.query(`select subject from outbox where to_address = 'olya@screen.test'`);
    expect(rows).toEqual([{ subject: 'Приглашение в Screen Org' }]);
    await page.context().close();
  });

  it('does not offer a viewer the pages of other roles, and says so plainly when opened by URL', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'viewer@screen.test', TEST_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    // Support KPIs, action plans' before/after and audit results, staff-voice results and store economics are aggregates (metrics.read, audit.read), like the dashboards a viewer reads.
    await poll(() => nav.getByRole('link').allInnerTexts()).toEqual(['Overview', 'Surveys', 'Support', 'Action plans', 'Audits', 'Staff voice', 'Stores', 'Locations', 'Account']);
    for (const url of ['/app/users', '/app/settings', '/app/validation', '/app/surveys/new', '/app/surveys/00000000-0000-4000-8000-000000000000/responses']) {
      await page.goto(`${server.baseUrl}${url}`);
      await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Not available for your role');
      expect(await page.getByText('Your role (Viewer) does not include this page.').count(), url).toBe(1);
      expect(await page.locator('main form').count(), url).toBe(0);
    }
    await page.context().close();
  });
});

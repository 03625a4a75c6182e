/**
 * Role-aware navigation: a resident sees no administration in the menu or on
 * the home page, and the admin pages say in Dutch that there is no access.
 * Also: signed-out visitors are sent to sign in, and unknown pages get a 404.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  expectAccessible,
  expectPageBasics,
  screenshot,
  PHONE,
  signIn,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

describe('what a resident may see', () => {
  it('shows no admin navigation and a Dutch "no access" page', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, DEMO.resident);
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await menu.getByRole('link', { name: 'Mijn profiel' }).count()).toBe(1);
      expect(await menu.getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
      expect(await menu.getByRole('link', { name: 'Auditlog' }).count()).toBe(0);
      expect(await page.locator('main').getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
      // The resident's own capability is announced as coming soon.
      expect(await page.locator('main').textContent()).toContain('Binnenkort');

      for (const path of ['/beheer/gebruikers', '/beheer/auditlog', '/beheer/gebruikers/nieuw']) {
        await page.goto(path);
        await waitForHeading(page, 'Geen toegang');
        expect(await page.locator('main').textContent()).toContain('Vraag de functioneel beheerder');
        await expectPageBasics(page);
        await expectAccessible(page, `no access at ${path}`);
        await screenshot(page, `no-access${path.replace(/\//g, '-')}-375`);
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends a signed-out visitor to sign in and back, to their profile', async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    try {
      await page.goto('/profiel');
      await waitForHeading(page, 'Inloggen');
      expect(new URL(page.url()).search).toBe('?terug=%2Fprofiel');
      await expectAccessible(page, 'sign-in with a return address');
      await page.getByLabel('E-mailadres').fill(DEMO.resident);
      await page.getByLabel('Wachtwoord', { exact: true }).fill('samenspel-demo-2026');
      await page.getByLabel('Wachtwoord', { exact: true }).press('Enter');
      await waitForHeading(page, 'Mijn profiel');
      expect(new URL(page.url()).pathname).toBe('/profiel');
      await page.getByRole('heading', { level: 2, name: 'Wie heeft mijn gegevens bekeken' }).waitFor();
      await expectAccessible(page, 'profile after signing in');

      // The resident changes their own phone number; a typo is explained first.
      await page.getByLabel(/^Telefoonnummer/).fill('bel me');
      await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
      await page.locator('.samenspel-error-summary').filter({ hasText: 'Vul een geldig telefoonnummer in' }).waitFor();
      await expectAccessible(page, 'profile with a wrong phone number');
      await page.getByLabel(/^Telefoonnummer/).fill('06 12345678');
      await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
      await page.getByRole('status').filter({ hasText: 'Uw gegevens zijn opgeslagen.' }).waitFor();
      expect(await page.locator('.samenspel-error-summary').count()).toBe(0);

      // And switches the language on the profile.
      await page.getByLabel('English').check();
      await page.getByRole('button', { name: 'Taal opslaan' }).click();
      await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectAccessible(page, 'profile in English');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a Dutch 404 page for an unknown address', async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    try {
      await page.goto('/bestaat-niet');
      await waitForHeading(page, 'Pagina niet gevonden');
      await expectPageBasics(page);
      await expectAccessible(page, '404');
      await screenshot(page, 'not-found-1280');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

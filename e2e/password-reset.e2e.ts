/**
 * Forgotten password: ask for a link, open it from the demo outbox, choose a
 * new password, and sign in with it. The token travels in the URL fragment
 * and is removed from the address bar once read.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  expectPageBasics,
  screenshot,
  PHONE,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

const NEW_PASSWORD = 'een zin die ik onthoud 2026';

describe('password reset', () => {
  it('resets the password through the link in the outbox and signs in with it', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await page.goto('/inloggen');
      await waitForHeading(page, 'Inloggen');
      await expectAccessible(page, 'sign-in');
      await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
      await waitForHeading(page, 'Wachtwoord vergeten');
      await expectPageBasics(page);
      await expectAccessible(page, 'forgot password');

      await page.getByLabel('E-mailadres').fill(DEMO.volunteer);
      await page.getByRole('button', { name: 'Stuur mij een link' }).click();
      await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
      await expectAccessible(page, 'forgot password, link sent');
      await screenshot(page, 'forgot-sent-375');

      await page.getByRole('link', { name: 'Naar het postvak' }).click();
      await waitForHeading(page, 'Postvak (demo)');
      const mail = page.locator('.samenspel-mail').filter({ hasText: DEMO.volunteer }).first();
      await mail.waitFor();
      await expectAccessible(page, 'outbox');
      await screenshot(page, 'outbox-375');

      const resetLink = mail.locator('a[href*="/wachtwoord-herstellen#token="]');
      const href = await resetLink.getAttribute('href');
      expect(href).toBeTruthy();
      // The token is in the fragment, never in the query string.
      expect(new URL(href ?? '').search).toBe('');
      await resetLink.click();

      await waitForHeading(page, 'Nieuw wachtwoord kiezen');
      await page.waitForFunction(() => window.location.hash === '');
      expect(new URL(page.url()).pathname).toBe('/wachtwoord-herstellen');
      await expectAccessible(page, 'reset password');

      // Two different passwords: explained at the second field.
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(`${NEW_PASSWORD}!`);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.locator('.samenspel-error-summary').filter({ hasText: 'niet hetzelfde' }).waitFor();
      expect(await page.locator('#reset-confirm').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'reset password with errors');
      await screenshot(page, 'reset-errors-375');

      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await waitForHeading(page, 'Inloggen');
      await page.getByRole('status').filter({ hasText: 'Uw nieuwe wachtwoord is opgeslagen.' }).waitFor();
      await expectAccessible(page, 'sign-in after reset');
      await screenshot(page, 'sign-in-after-reset-375');

      // The old password no longer works; the new one does.
      await page.getByLabel('E-mailadres').fill(DEMO.volunteer);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByLabel('Wachtwoord', { exact: true }).press('Enter');
      await page.locator('.samenspel-error-summary').filter({ hasText: 'klopt niet' }).waitFor();
      await expectAccessible(page, 'sign-in with the old password');

      await page.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Wachtwoord', { exact: true }).press('Enter');
      await waitForHeading(page, /^Welkom, /);
      await expectAccessible(page, 'home after signing in with the new password');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says what to do when the link is incomplete', async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    try {
      await page.goto('/wachtwoord-herstellen');
      await waitForHeading(page, 'Nieuw wachtwoord kiezen');
      expect(await page.locator('main').textContent()).toContain('Deze link is niet compleet.');
      await expectAccessible(page, 'reset password without token');

      // A link cut short by a mail program, and a well-formed link that was already used.
      for (const token of ['afgekapt', 'a'.repeat(43)]) {
        await page.goto(`/wachtwoord-herstellen#token=${token}`);
        await waitForHeading(page, 'Nieuw wachtwoord kiezen');
        await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
        await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
        await page.locator('.samenspel-error-summary').filter({ hasText: 'Deze link werkt niet meer.' }).waitFor();
        expect(await page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).count()).toBe(1);
        await expectAccessible(page, `reset password with token "${token}"`);
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

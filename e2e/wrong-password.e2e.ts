/**
 * Mistakes on the sign-in form: empty fields and a wrong password give Dutch
 * messages with a next step, an error summary that takes focus and links to
 * the fields, and fields marked invalid for assistive technology.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  expectAccessible,
  screenshot,
  PHONE,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

describe('sign-in errors', () => {
  it('explains empty fields, field by field', async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    try {
      await page.goto('/inloggen');
      await waitForHeading(page, 'Inloggen');
      await expectAccessible(page, 'sign-in');
      await page.locator('main form').getByRole('button', { name: 'Inloggen' }).click();

      const summary = page.locator('.samenspel-error-summary');
      await summary.waitFor();
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await summary.textContent()).toContain('Er is een probleem');

      const email = page.locator('#sign-in-email');
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const errorText = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
      expect(errorText).toBe('Vul uw e-mailadres in.');
      expect(await page.locator('#sign-in-password').getAttribute('aria-invalid')).toBe('true');

      await expectAccessible(page, 'sign-in with empty fields');
      await screenshot(page, 'sign-in-empty-fields-1280');

      // The summary link puts the cursor in the field, without changing the address.
      await summary.getByRole('link', { name: /E-mailadres/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-email');
      expect(new URL(page.url()).hash).toBe('');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a Dutch message with a next step for a wrong password', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await page.goto('/inloggen');
      await waitForHeading(page, 'Inloggen');
      await page.getByLabel('E-mailadres').fill(DEMO.resident);
      await page.getByLabel('Wachtwoord', { exact: true }).fill('dit-is-niet-het-wachtwoord');
      await page.getByLabel('Wachtwoord', { exact: true }).press('Enter');

      const summary = page.locator('.samenspel-error-summary');
      await summary.waitFor();
      const message = (await summary.textContent()) ?? '';
      expect(message).toContain('Het e-mailadres of het wachtwoord klopt niet.');
      expect(message).toContain('Wachtwoord vergeten? Vraag een nieuw wachtwoord aan.');
      // Never the server's English.
      expect(message).not.toMatch(/invalid|credentials|incorrect/i);
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      // The wrong password is cleared; the e-mail address stays.
      expect(await page.getByLabel('Wachtwoord', { exact: true }).inputValue()).toBe('');
      expect(await page.getByLabel('E-mailadres').inputValue()).toBe(DEMO.resident);
      expect(new URL(page.url()).pathname).toBe('/inloggen');

      await expectAccessible(page, 'sign-in with a wrong password');
      await screenshot(page, 'sign-in-wrong-password-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * An administrator creates a user with a role, finds them in the list, and
 * changes their roles. The form first shows what is missing.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  expectAccessible,
  expectPageBasics,
  screenshot,
  signIn,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

describe('user management', () => {
  it('creates a user with a role and finds them in the list', async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    const familyName = `Testpersoon${Date.now().toString(36)}`;
    const email = `${familyName.toLowerCase()}@voorbeeld.example`;
    try {
      await signIn(page, DEMO.admin);

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
      await waitForHeading(page, 'Gebruikers');
      await page.locator('.samenspel-result-count').filter({ hasText: /gevonden/ }).waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'users list');
      await screenshot(page, 'users-list-1280');

      await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
      await waitForHeading(page, 'Nieuwe gebruiker');
      await page.getByRole('button', { name: 'Gebruiker aanmaken' }).waitFor();
      await expectAccessible(page, 'new user form');

      // Nothing filled in: the summary lists what is missing.
      await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      const summary = page.locator('.samenspel-error-summary');
      await summary.waitFor();
      const summaryText = (await summary.textContent()) ?? '';
      expect(summaryText).toContain('Vul de voornaam in.');
      expect(summaryText).toContain('Kies minstens één rol.');
      await expectAccessible(page, 'new user form with errors');
      await screenshot(page, 'new-user-errors-1280');

      await page.getByLabel('Voornaam').fill('Fatima');
      await page.getByLabel('Achternaam').fill(familyName);
      await page.getByLabel(/^E-mailadres/).fill(email);
      // A professional needs an organisation: the field appears with the role.
      await page.getByLabel('Professional (hulpverlener)').check();
      const organisation = page.getByLabel('Organisatie van de professional');
      await organisation.waitFor();
      await expectAccessible(page, 'new user form with the organisation field');
      await page.getByLabel('Professional (hulpverlener)').uncheck();
      expect(await organisation.count()).toBe(0);

      await page.getByLabel('Vrijwilliger').check();
      await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();

      await waitForHeading(page, new RegExp(familyName));
      await page.getByRole('status').filter({ hasText: 'is aangemaakt' }).waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'user detail after create');
      await screenshot(page, 'user-detail-1280');

      // Give the new user a second role.
      await page.getByLabel('Inwoner').check();
      await page.getByRole('button', { name: 'Rollen opslaan' }).click();
      await page.getByRole('status').filter({ hasText: 'zijn opgeslagen' }).waitFor();

      await page.getByRole('link', { name: 'Terug naar gebruikers' }).click();
      await waitForHeading(page, 'Gebruikers');
      await page.getByLabel('Naam of e-mailadres').fill(familyName);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.locator('.samenspel-result-count').filter({ hasText: '1 gebruiker gevonden.' }).waitFor();

      const row = page.getByRole('row', { name: new RegExp(familyName) });
      expect(await row.textContent()).toContain(email);
      expect(await row.textContent()).toContain('Vrijwilliger');
      expect(await row.textContent()).toContain('Inwoner');
      await expectAccessible(page, 'users list with search result');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses an e-mail address that is already in use, in Dutch', async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    try {
      await signIn(page, DEMO.admin);
      await page.goto('/beheer/gebruikers/nieuw');
      await waitForHeading(page, 'Nieuwe gebruiker');
      await page.getByLabel('Voornaam').fill('Dubbel');
      await page.getByLabel('Achternaam').fill('Adres');
      await page.getByLabel(/^E-mailadres/).fill(DEMO.resident);
      await page.getByLabel('Inwoner').check();
      await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();

      const summary = page.locator('.samenspel-error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Dit e-mailadres is al in gebruik.');
      expect(await page.locator('#new-email').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'new user form with a taken e-mail address');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

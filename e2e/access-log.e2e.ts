/**
 * A resident sees on their profile that the administrator looked at their
 * record: who, when, what and why.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  expectAccessible,
  expectPageBasics,
  screenshot,
  signIn,
  signOut,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

describe('access log on the profile', () => {
  it("shows the resident that the administrator opened their record", async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    try {
      await signIn(page, DEMO.admin);
      const adminName = ((await page.locator('h1').textContent()) ?? '').replace(/^Welkom, /, '');
      expect(adminName.length).toBeGreaterThan(0);

      await page.goto('/beheer/gebruikers');
      await waitForHeading(page, 'Gebruikers');
      await page.getByLabel('Naam of e-mailadres').fill(DEMO.resident);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.locator('.samenspel-result-count').filter({ hasText: '1 gebruiker gevonden.' }).waitFor();
      await expectAccessible(page, 'users list searched for the resident');
      const residentLink = page.getByRole('row', { name: new RegExp(DEMO.resident) }).getByRole('link');
      const residentName = (await residentLink.textContent()) ?? '';
      await residentLink.click();
      await waitForHeading(page, residentName);
      await expectAccessible(page, 'resident record seen by the administrator');
      await signOut(page);

      await signIn(page, DEMO.resident);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn profiel' }).click();
      await waitForHeading(page, 'Mijn profiel');
      await page.getByRole('heading', { level: 2, name: 'Wie heeft mijn gegevens bekeken' }).waitFor();

      const row = page.getByRole('row').filter({ hasText: adminName }).filter({ hasText: 'Gegevens bekeken' }).first();
      await row.waitFor();
      const cells = await row.locator('td, th').allTextContents();
      expect(cells).toContain('Functioneel beheerder');
      expect(cells).toContain('Beheer van gebruikers');
      await expectPageBasics(page);
      await expectAccessible(page, 'profile with access log');
      await screenshot(page, 'profile-access-log-1280');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

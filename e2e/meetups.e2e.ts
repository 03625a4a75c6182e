/**
 * Meet-ups (ontmoetingen) in Chromium, with axe on every page:
 * - a resident on a phone opens the list, signs up for the café, finds it
 *   under "Mijn ontmoetingen", and sees whom she met at the café she went to;
 * - a social worker on a desktop plans a meet-up (the form first says what
 *   is missing) and keeps attendance with the keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, DEMO, expectAccessible, expectPageBasics, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

const e2e = useServerAndBrowser();
const WORKER = 'sociaalwerker@dordrecht.example';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

describe('meet-ups', () => {
  it('lets a resident on a phone sign up for a meet-up and find it under her meet-ups', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, DEMO.resident);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ontmoetingen', exact: true }).click();
      await waitForHeading(page, 'Ontmoetingen');
      const cafe = page.locator('li.samenspel-meetup-card').filter({ has: page.getByRole('link', { name: 'Buurtcafé De Lindeboom' }) });
      await cafe.waitFor();
      await expect.poll(() => cafe.textContent()).toContain('Nog 16 plaatsen vrij');
      // The full walk offers no sign-up button.
      const walk = page.locator('li.samenspel-meetup-card').filter({ has: page.getByRole('link', { name: 'Wandelen en koffie' }) });
      expect(await walk.textContent()).toContain('Geen plaatsen meer vrij');
      expect(await walk.getByRole('button').count()).toBe(0);
      await expectPageBasics(page);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'meet-ups list');
      await screenshot(page, 'meetups-list-nl-375');

      // The button names the meet-up for screen readers.
      const signUp = cafe.getByRole('button', { name: /^Aanmelden voor Buurtcafé De Lindeboom op / });
      await signUp.click();
      await page.getByRole('status').getByText('U bent aangemeld voor Buurtcafé De Lindeboom. Tot dan!').waitFor();
      await expect.poll(() => cafe.textContent()).toContain('Nog 15 plaatsen vrij');
      expect(await cafe.textContent()).toContain('U bent aangemeld');
      // The same button now withdraws, and kept the focus.
      const withdraw = cafe.getByRole('button', { name: /^Afmelden voor Buurtcafé De Lindeboom/ });
      await withdraw.waitFor();
      expect(await withdraw.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'meet-ups list after signing up');
      await screenshot(page, 'meetups-list-signed-up-nl-375');

      await page.getByRole('link', { name: 'Mijn ontmoetingen' }).click();
      await waitForHeading(page, 'Mijn ontmoetingen');
      const going = page.getByRole('region', { name: 'Waar u naartoe gaat' });
      await going.getByRole('link', { name: 'Buurtcafé De Lindeboom' }).waitFor();
      const was = page.getByRole('region', { name: 'Waar u was' });
      await was.getByText('U was erbij').waitFor();
      await expectPageBasics(page);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'my meet-ups');
      await screenshot(page, 'meetups-mine-nl-375');

      // The café she went to: the volunteers she met there, by first name.
      await was.getByRole('link', { name: 'Buurtcafé De Lindeboom' }).click();
      await waitForHeading(page, 'Buurtcafé De Lindeboom');
      const met = page.getByRole('region', { name: 'Wie heeft u ontmoet?' });
      await met.getByText('Victor', { exact: true }).waitFor();
      expect(await met.textContent()).not.toContain('Jansen');
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'a meet-up she attended');
      await screenshot(page, 'meetups-attended-nl-375');

      // The upcoming café's own page says she is signed up.
      await page.goto('/mijn-ontmoetingen');
      await going.getByRole('link', { name: 'Buurtcafé De Lindeboom' }).click();
      await waitForHeading(page, 'Buurtcafé De Lindeboom');
      await page.getByText(/^U bent aangemeld op /).waitFor();
      await expectAccessible(page, 'an upcoming meet-up she signed up for');
      await screenshot(page, 'meetups-detail-nl-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a social worker plan a meet-up and keep attendance with the keyboard', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, WORKER);
      await page.goto('/ontmoetingen/nieuw');
      await waitForHeading(page, 'Nieuwe ontmoeting plannen');
      await page.getByText('U plant deze ontmoeting voor Stichting Buurtkracht (fictief).').waitFor();
      await expectAccessible(page, 'new meet-up form');
      await page.getByRole('button', { name: 'Ontmoeting plannen' }).click();
      const summary = page.locator('.samenspel-error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Geef de ontmoeting een naam.');
      await expectAccessible(page, 'new meet-up form with errors');
      await screenshot(page, 'meetups-form-errors-nl-1280');

      const nextWeek = new Date(Date.now() + 7 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      await page.getByLabel('Naam van de ontmoeting').fill('Spelletjesmiddag');
      await page.getByLabel('Plek', { exact: true }).fill('Bibliotheek aan de Merwede (fictief), leeszaal');
      // A postcode in Gorinchem: the server refuses it at the field.
      await page.getByLabel('Postcode van de plek').fill('4205');
      await page.getByLabel('Datum').fill(`${nextWeek.getFullYear()}-${pad(nextWeek.getMonth() + 1)}-${pad(nextWeek.getDate())}`);
      await page.getByLabel('Begintijd').selectOption('14:00');
      await page.getByLabel('Eindtijd').selectOption('16:00');
      await page.getByLabel('Aantal plaatsen').fill('12');
      await page.getByRole('button', { name: 'Ontmoeting plannen' }).click();
      await summary.filter({ hasText: 'Deze postcode ligt niet in deze gemeente.' }).waitFor();
      await page.getByLabel('Postcode van de plek').fill('3311');
      await page.getByRole('button', { name: 'Ontmoeting plannen' }).click();
      await waitForHeading(page, 'Spelletjesmiddag');
      await page.getByText('12 van de 12 plaatsen vrij').waitFor();
      await expectAccessible(page, 'the planned meet-up, for its organiser');
      await screenshot(page, 'meetups-planned-nl-1280');

      // Attendance at the café already held, by keyboard only.
      await page.goto('/ontmoetingen');
      await page.getByRole('link', { name: 'Eerdere ontmoetingen bekijken' }).click();
      await waitForHeading(page, 'Eerdere ontmoetingen');
      await page.getByRole('link', { name: 'Buurtcafé De Lindeboom' }).click();
      await waitForHeading(page, 'Buurtcafé De Lindeboom');
      await page.getByRole('link', { name: 'Aanmeldingen en aanwezigheid' }).click();
      await waitForHeading(page, 'Aanmeldingen en aanwezigheid');
      const victor = page.getByRole('checkbox', { name: /^Victor Jansen \(vrijwilliger\)/ });
      expect(await victor.isChecked()).toBe(true);
      await expectAccessible(page, 'attendance form');
      await screenshot(page, 'meetups-attendance-nl-1280');
      await victor.focus();
      await page.keyboard.press('Space');
      expect(await victor.isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('De aanwezigheid is opgeslagen.').waitFor();
      await page.reload();
      await waitForHeading(page, 'Aanmeldingen en aanwezigheid');
      expect(await page.getByRole('checkbox', { name: /^Victor Jansen/ }).isChecked()).toBe(false);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Neighbour help, the resident's side, on a phone: ask for help, see what
 * happens next, find the request back with the address that only the
 * resident sees, and withdraw a request after a confirmation step. The
 * form first says what is missing, and a server-side problem (a postcode
 * outside the municipality) lands at the right field. In Dutch and English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  expectAccessible,
  expectPageBasics,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  signIn,
  startServer,
  waitForHeading,
  type RunningServer,
} from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

/** A date a week from now, as the date input wants it (YYYY-MM-DD, local time). */
function nextWeek(): string {
  const date = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('asking for help on a phone', () => {
  it('posts a weekly request, confirms it, and shows it with the address to the resident', async () => {
    const { context, page, pageErrors } = await openPage(browser, server.baseUrl, PHONE);
    const description = `Ik kan slecht lopen. Wie doet elke week boodschappen voor mij? (${Date.now().toString(36)})`;
    try {
      await signIn(page, DEMO.resident);
      // The home page offers the resident's neighbour-help tasks.
      await page.locator('main').getByRole('link', { name: 'Mijn hulpvragen' }).waitFor();
      await screenshot(page, 'neighbour-help-home-resident-nl-375');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulp vragen', exact: true }).click();
      await waitForHeading(page, 'Hulp vragen');
      const submit = page.getByRole('button', { name: 'Hulpvraag versturen' });
      await submit.waitFor();
      await expectPageBasics(page);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'help request form');
      await screenshot(page, 'neighbour-help-request-empty-nl-375');

      // Nothing filled in: the summary lists what is missing, and takes focus.
      await submit.click();
      const summary = page.locator('.samenspel-error-summary');
      await summary.waitFor();
      const summaryText = (await summary.textContent()) ?? '';
      for (const expected of [
        'Kies waarmee u hulp wilt.',
        'Vertel in een paar zinnen wat u nodig heeft.',
        'Kies hoe vaak u hulp nodig heeft.',
        'Kies hoe lang de hulp ongeveer duurt.',
        'Vul de postcode in',
        'Vul het huisnummer in',
      ]) {
        expect(summaryText).toContain(expected);
      }
      expect(await page.evaluate(() => document.activeElement?.classList.contains('samenspel-error-summary'))).toBe(true);
      await expectAccessible(page, 'help request form with errors');
      await screenshot(page, 'neighbour-help-request-errors-nl-375');

      // A summary link takes the person to the field.
      await summary.getByRole('link', { name: /^Soort hulp/ }).click();
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('request-category');

      await page.getByLabel('Boodschappen', { exact: true }).check();
      await page.getByLabel('Vertel in een paar zinnen wat u nodig heeft').fill(description);
      await page.getByLabel('Elke week', { exact: true }).check();
      // Weekly: the day-part grid appears, one group per day.
      await page.getByRole('group', { name: 'Dinsdag' }).getByLabel('Middag').check();
      await page.getByRole('group', { name: 'Donderdag' }).getByLabel('Ochtend').check();
      await page.getByLabel('Hoe lang duurt de hulp ongeveer?').selectOption('60');
      // A real postcode, but in Amsterdam: the server refuses it at the postcode field.
      await page.getByLabel('Postcode', { exact: true }).fill('1011 AB');
      await page.getByLabel('Huisnummer', { exact: true }).fill('12');
      await page.getByLabel('Nederlands').check();
      await expectAccessible(page, 'help request form, weekly, filled in');
      await submit.click();
      await summary.filter({ hasText: 'Deze postcode ligt niet in deze gemeente.' }).waitFor();
      expect(await page.locator('#request-postcode').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#request-house-number').getAttribute('aria-invalid')).toBeNull();
      await expectAccessible(page, 'help request form with a server error at the postcode');

      // Same gender: the form then asks the resident's own gender, and needs an answer.
      await page.getByLabel('Ik wil liever hulp van iemand van hetzelfde geslacht').check();
      await page.getByRole('group', { name: 'Wat is uw geslacht?' }).waitFor();
      await page.getByLabel('Postcode', { exact: true }).fill('3311 ab');
      await submit.click();
      await summary.filter({ hasText: 'Kies een geslacht' }).waitFor();
      await expectAccessible(page, 'help request form asking the resident gender');
      await page.getByRole('group', { name: 'Wat is uw geslacht?' }).getByLabel('Vrouw').check();
      await submit.click();

      await waitForHeading(page, 'Uw hulpvraag is verstuurd');
      await page.getByText('U vroeg om hulp bij: Boodschappen. Elke week.').waitFor();
      expect(await page.locator('main').textContent()).toContain('Wat gebeurt er nu?');
      await expectPageBasics(page);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'help request sent');
      await screenshot(page, 'neighbour-help-request-done-nl-375');

      await page.getByRole('link', { name: 'Naar mijn hulpvragen' }).click();
      await waitForHeading(page, 'Mijn hulpvragen');
      const card = page.locator('.samenspel-request-card').filter({ hasText: 'Boodschappen' }).first();
      await card.waitFor();
      expect(await card.textContent()).toContain('Elke week');
      expect(await card.textContent()).toContain('Wij zoeken een vrijwilliger');
      await expectAccessible(page, 'my help requests');
      await screenshot(page, 'neighbour-help-mine-nl-375');

      await card.getByRole('link', { name: 'Boodschappen' }).click();
      await waitForHeading(page, 'Hulpvraag: Boodschappen');
      const main = page.locator('main');
      await main.getByText(description).waitFor();
      const detail = (await main.textContent()) ?? '';
      // The resident sees their own address, and who else does not.
      expect(detail).toContain('3311 AB, 12');
      expect(detail).toContain('Alleen u ziet dit adres.');
      expect(detail).toContain('Dinsdag: middag. Donderdag: ochtend.');
      expect(detail).toContain('Nederlands');
      await expectPageBasics(page);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'my help request');
      await screenshot(page, 'neighbour-help-detail-nl-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('posts a one-off request in English and withdraws it after confirming', async () => {
    const { context, page, pageErrors } = await openPage(browser, server.baseUrl, PHONE);
    try {
      await page.goto('/');
      await waitForHeading(page, 'Welkom bij samenspel');
      await page.getByRole('button', { name: 'English' }).click();
      await waitForHeading(page, 'Welcome to samenspel');
      await signIn(page, DEMO.resident);

      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Ask for help', exact: true }).click();
      await waitForHeading(page, 'Ask for help');
      const submit = page.getByRole('button', { name: 'Send help request' });
      await submit.waitFor();
      await expectAccessible(page, 'help request form in English');
      await screenshot(page, 'neighbour-help-request-empty-en-375');

      await page.getByLabel('One time', { exact: true }).check();
      // One-off: a date and a from–to time instead of the day-part grid.
      expect(await page.getByRole('group', { name: 'Monday' }).count()).toBe(0);
      await submit.click();
      const summary = page.locator('.samenspel-error-summary');
      await summary.waitFor();
      const summaryText = (await summary.textContent()) ?? '';
      expect(summaryText).toContain('Choose what you need help with.');
      expect(summaryText).toContain('Choose the day you need help.');
      expect(summaryText).toContain('Choose a start time.');
      expect(summaryText).not.toContain('Choose how often');
      await expectAccessible(page, 'help request form with errors in English');
      await screenshot(page, 'neighbour-help-request-errors-en-375');

      await page.getByLabel('Groceries', { exact: true }).check();
      await page.getByLabel('Tell us in a few sentences what you need').fill('Could someone pick up my medicine from the pharmacy?');
      await page.getByLabel('On which day?').fill(nextWeek());
      await page.getByLabel('From what time?').selectOption('10:00');
      await page.getByLabel('Until what time?').selectOption('12:00');
      await page.getByLabel('About how long will the help take?').selectOption('30');
      await page.getByLabel('Postcode', { exact: true }).fill('3311AB');
      await page.getByLabel('House number', { exact: true }).fill('5');
      await page.getByLabel(/^Addition/).fill('A');
      await page.getByLabel('I want a volunteer with a VOG').check();
      await submit.click();

      await waitForHeading(page, 'Your help request has been sent');
      await page.getByText('You asked for help with: Groceries. One time.').waitFor();
      await expectAccessible(page, 'help request sent in English');
      await screenshot(page, 'neighbour-help-request-done-en-375');

      await page.getByRole('link', { name: 'View your help request' }).click();
      await waitForHeading(page, 'Help request: Groceries');
      const main = page.locator('main');
      await main.getByText('from 10:00 to 12:00', { exact: false }).waitFor();
      expect(await main.textContent()).toContain('3311 AB, 5 A');

      // Withdrawing takes two steps; "No" keeps the request.
      await page.getByRole('button', { name: 'Withdraw help request' }).click();
      const question = page.getByRole('heading', { name: 'Are you sure you want to withdraw this help request?' });
      await question.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Are you sure you want to withdraw this help request?');
      await expectAccessible(page, 'withdraw confirmation');
      await screenshot(page, 'neighbour-help-withdraw-confirm-en-375');
      await page.getByRole('button', { name: 'No, keep it' }).click();
      expect(await question.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Withdraw help request');

      await page.getByRole('button', { name: 'Withdraw help request' }).click();
      await page.getByRole('button', { name: 'Yes, withdraw help request' }).click();
      await page.getByRole('status').filter({ hasText: 'The help request has been withdrawn.' }).waitFor();
      expect(await main.textContent()).toContain('Withdrawn');
      expect(await page.getByRole('button', { name: 'Withdraw help request' }).count()).toBe(0);
      await expectAccessible(page, 'withdrawn help request');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

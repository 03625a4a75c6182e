/**
 * Neighbour help, the other sides: a volunteer changes their offer and sees
 * whether their VOG is known; a social worker sees a resident's request in
 * the municipality's list and on its own page without the address, and
 * posts a new request for that resident.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  DESKTOP,
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

const SOCIAL_WORKER = 'sociaalwerker@dordrecht.example';
const API = '/api/municipalities/GM0505';

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

/** A JSON request with the signed-in person's session and CSRF token. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: { 'X-CSRF-Token': session.csrfToken, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Profile {
  skills: string[];
  gender: string;
  maxKm: number;
  active: boolean;
  categoryIds: string[];
}

describe('neighbour help for volunteers and social workers', () => {
  it('lets the volunteer change their offer and shows their VOG', async () => {
    const { context, page, pageErrors } = await openPage(browser, server.baseUrl, PHONE);
    try {
      await signIn(page, DEMO.volunteer);
      const before = await api<Profile>(page, 'GET', `${API}/me/volunteer-profile`);

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn hulpaanbod' }).click();
      await waitForHeading(page, 'Mijn hulpaanbod');
      const save = page.getByRole('button', { name: 'Hulpaanbod opslaan' });
      await save.waitFor();
      // The demo volunteer has a recorded VOG; the page only shows it.
      await page.getByText(/^Uw VOG is geldig tot \d{1,2} \p{L}+ \d{4}\.$/u).waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'volunteer offer');
      await screenshot(page, 'neighbour-help-volunteer-nl-375');

      // Without any kind of help there is no offer: the form says so.
      const kinds = page.getByRole('group', { name: 'Waarmee wilt u helpen?' });
      const ticked = kinds.getByRole('checkbox', { checked: true });
      expect(await ticked.count()).toBeGreaterThan(0);
      while ((await ticked.count()) > 0) await ticked.first().uncheck();
      await save.click();
      const summary = page.locator('.samenspel-error-summary');
      await summary.filter({ hasText: 'Kies minstens één soort hulp.' }).waitFor();
      await expectAccessible(page, 'volunteer offer with errors');
      await screenshot(page, 'neighbour-help-volunteer-errors-nl-375');

      await kinds.getByLabel('Klusjes in huis').check();
      await kinds.getByLabel('Tuin').check();
      await page.getByRole('group', { name: 'Zaterdag' }).getByLabel('Middag').check();
      await page.getByLabel('Hoe ver wilt u hoogstens reizen?').selectOption('10');
      await page.getByLabel(/^Uw postcode/).fill('3317');
      await page.getByLabel(/Nee, ik neem even pauze/).check();
      await save.click();
      await page.getByRole('status').filter({ hasText: 'Uw hulpaanbod is opgeslagen.' }).waitFor();
      expect(await summary.count()).toBe(0);

      // Saved for real: after a reload the page shows the new offer.
      await page.reload();
      await waitForHeading(page, 'Mijn hulpaanbod');
      await save.waitFor();
      expect(await kinds.getByLabel('Klusjes in huis').isChecked()).toBe(true);
      expect(await kinds.getByLabel('Tuin').isChecked()).toBe(true);
      expect(await page.getByLabel('Hoe ver wilt u hoogstens reizen?').inputValue()).toBe('10');
      expect(await page.getByLabel(/Nee, ik neem even pauze/).isChecked()).toBe(true);
      await page.getByText(/^Uw VOG is geldig tot/).waitFor();
      await expectAccessible(page, 'volunteer offer after saving');

      // The whole offer is replaced on save: what the form does not show is kept.
      const after = await api<Profile>(page, 'GET', `${API}/me/volunteer-profile`);
      expect(after.skills).toEqual(before.skills);
      expect(after.gender).toBe(before.gender);
      expect(after.maxKm).toBe(10);
      expect(after.active).toBe(false);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a social worker the resident’s request without the address, and lets them post one for the resident', async () => {
    const resident = await openPage(browser, server.baseUrl, PHONE);
    const description = `Wie helpt mij met een lamp ophangen? (${Date.now().toString(36)})`;
    try {
      await signIn(resident.page, DEMO.resident);
      const categories = await api<{ id: string; code: string }[]>(resident.page, 'GET', `${API}/help-categories`);
      const oddJobs = categories.find((c) => c.code === 'odd_jobs');
      if (!oddJobs) throw new Error('the demo municipality has no odd_jobs category');
      await api(resident.page, 'POST', `${API}/help-requests`, {
        categoryId: oddJobs.id,
        description,
        schedule: 'monthly',
        dayParts: ['sat:morning'],
        durationMinutes: 60,
        postcode: '3311 AB',
        houseNumber: 77,
      });
    } finally {
      await resident.context.close();
    }

    const { context, page, pageErrors } = await openPage(browser, server.baseUrl, DESKTOP);
    try {
      await signIn(page, SOCIAL_WORKER);
      await page.locator('main').getByRole('link', { name: 'Hulpvragen in de gemeente' }).click();
      await waitForHeading(page, 'Hulpvragen in de gemeente');
      await page.locator('.samenspel-result-count').filter({ hasText: /gevonden/ }).waitFor();
      // The demo holds more odd jobs; this one is Ineke's.
      const row = page.getByRole('row', { name: /Klusjes in huis/ }).filter({ hasText: 'Ineke de Vries' });
      const rowText = (await row.textContent()) ?? '';
      expect(rowText).toContain('Ineke de Vries');
      expect(rowText).toContain('3311 Dordrecht');
      expect(rowText).toContain('Wij zoeken een vrijwilliger');
      // Never an address in the list.
      expect(await page.locator('main').textContent()).not.toMatch(/3311 ?AB/);
      await expectPageBasics(page);
      await expectAccessible(page, 'help requests in the municipality');
      await screenshot(page, 'neighbour-help-coordinator-list-1280');

      await page.getByLabel('Status').selectOption('cancelled');
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.locator('.samenspel-result-count').filter({ hasText: 'Geen hulpvragen gevonden.' }).waitFor();
      await page.getByLabel('Status').selectOption('open');
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await row.waitFor();

      await row.getByRole('link', { name: 'Ineke de Vries' }).click();
      await waitForHeading(page, 'Hulpvraag: Klusjes in huis');
      const main = page.locator('main');
      await main.getByText(description).waitFor();
      const detail = (await main.textContent()) ?? '';
      expect(detail).toContain('Postcodegebied 3311, Dordrecht');
      expect(detail).toContain('U ziet het adres niet.');
      expect(detail).not.toMatch(/3311 ?AB/);
      await expectPageBasics(page);
      await expectAccessible(page, 'help request for a coordinator');
      await screenshot(page, 'neighbour-help-coordinator-detail-1280');

      // A new request for the same resident: she comes along, already chosen.
      await page.getByRole('link', { name: 'Nieuwe hulpvraag voor deze inwoner' }).click();
      await waitForHeading(page, 'Hulpvraag plaatsen voor een inwoner');
      const chosen = page.getByRole('radio', { name: /Ineke de Vries/ });
      await chosen.waitFor();
      expect(await chosen.isChecked()).toBe(true);
      await expectAccessible(page, 'help request on behalf of a resident');
      // The social worker can also find a resident by name.
      await page.getByRole('searchbox').fill('d');
      await page.getByRole('button', { name: 'Zoek inwoner' }).click();
      await page.getByText('Typ minstens twee letters').first().waitFor();
      await page.getByRole('searchbox').fill('Vries');
      await page.getByRole('button', { name: 'Zoek inwoner' }).click();
      await page.getByRole('radio', { name: /Ineke de Vries/ }).check();
      await page.getByLabel('Tuin', { exact: true }).check();
      await page.getByLabel('Vertel in een paar zinnen wat u nodig heeft').fill('Mevrouw kan haar tuin niet meer zelf bijhouden.');
      await page.getByLabel('Elke maand', { exact: true }).check();
      await page.getByRole('group', { name: 'Zaterdag' }).getByLabel('Ochtend').check();
      await page.getByLabel('Hoe lang duurt de hulp ongeveer?').selectOption('120');
      await page.getByLabel('Postcode', { exact: true }).fill('3311 AB');
      await page.getByLabel('Huisnummer', { exact: true }).fill('77');
      await page.getByRole('button', { name: 'Hulpvraag versturen' }).click();

      await waitForHeading(page, 'Hulpvraag: Tuin');
      await page.getByRole('status').filter({ hasText: 'De hulpvraag voor Ineke de Vries is geplaatst.' }).waitFor();
      const posted = (await main.textContent()) ?? '';
      expect(posted).toContain('Een medewerker van de gemeente, voor de inwoner');
      expect(posted).not.toMatch(/3311 ?AB/);
      await expectAccessible(page, 'help request posted on behalf of a resident');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

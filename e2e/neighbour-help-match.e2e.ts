/**
 * Neighbour help, a match from start to end: a resident posts a request at
 * phone width, the volunteer Victor finds the proposal, sends a message and
 * says yes, the resident says yes to Victor, and only then do both see the
 * other's contact details (Victor also the address). Victor records the
 * help given and meets the message limit; the resident ends the match. A
 * social worker sees the request's volunteers and the engine's candidates,
 * looks further away and invites one.
 *
 * Deterministic: the demo volunteer Victor lives in 3317, travels 5 km and
 * helps with groceries on Tuesday afternoon, once or twice a month; a
 * monthly groceries request in 3318 on Tuesday afternoon is proposed to him
 * (the nearest volunteers with room). The spec follows Victor's match by the
 * request's own description, whoever else is asked.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  DESKTOP,
  expectAccessible,
  expectPageBasics,
  PHONE,
  screenshot,
  signIn,
  useServerAndBrowser,
  waitForHeading,
} from './harness';

const e2e = useServerAndBrowser();
const API = '/api/municipalities/GM0505';
const SOCIAL_WORKER = 'sociaalwerker@dordrecht.example';
/** Ineke's demo request (company on Tuesday afternoon in 3317): open, with proposals. */
const DEMO_REQUEST = 'd0000000-0000-4000-8000-000000050501';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page ${page.url()} is wider than the viewport`).toBeLessThanOrEqual(0);
}

async function checkPage(page: Page, label: string, shot: string): Promise<void> {
  await expectPageBasics(page);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, label);
  await screenshot(page, shot);
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('a match between a resident and a volunteer', () => {
  it('goes from a request on a phone to both seeing each other’s details', async () => {
    const resident = await e2e.openPage(PHONE);
    const volunteer = await e2e.openPage(PHONE);
    const description = `Wie doet één keer per maand boodschappen voor mij? Tillen lukt niet meer. (${Date.now().toString(36)})`;
    try {
      // 1. The resident asks for help.
      const r = resident.page;
      await signIn(r, DEMO.resident);
      await r.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulp vragen', exact: true }).click();
      await waitForHeading(r, 'Hulp vragen');
      await r.getByLabel('Boodschappen', { exact: true }).check();
      await r.getByLabel('Vertel in een paar zinnen wat u nodig heeft').fill(description);
      await r.getByLabel('Elke maand', { exact: true }).check();
      await r.getByRole('group', { name: 'Dinsdag' }).getByLabel('Middag').check();
      await r.getByLabel('Hoe lang duurt de hulp ongeveer?').selectOption('60');
      await r.getByLabel('Postcode', { exact: true }).fill('3318 AB');
      await r.getByLabel('Huisnummer', { exact: true }).fill('8');
      await r.getByRole('button', { name: 'Hulpvraag versturen' }).click();
      await waitForHeading(r, 'Uw hulpvraag is verstuurd');
      await r.getByRole('link', { name: 'Bekijk uw hulpvraag' }).click();
      await waitForHeading(r, 'Hulpvraag: Boodschappen');
      const requestUrl = r.url();
      const volunteers = r.locator('section[aria-labelledby="request-matches"]');
      await volunteers.getByText(/^Wij hebben \d+ vrijwilligers? gevraagd\. U hoort het als (iemand|de vrijwilliger) ja zegt\.$/).waitFor();
      // Nobody said yes yet: no names.
      expect(await volunteers.textContent()).not.toContain('Victor');
      await checkPage(r, 'request with volunteers asked', 'match-resident-asked-nl-375');

      // 2. Victor finds the proposal; nothing personal yet.
      const v = volunteer.page;
      await signIn(v, DEMO.volunteer);
      await v.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Voorstellen en koppelingen' }).click();
      await waitForHeading(v, 'Voorstellen en koppelingen');
      const waiting = v.locator('section[aria-labelledby="matches-waiting"]');
      const card = waiting.locator('.samenspel-match-card').filter({ hasText: description });
      await card.waitFor();
      expect(await card.textContent()).toContain('Wacht op uw antwoord');
      expect(await card.textContent()).toContain('U heeft dinsdagmiddag allebei tijd');
      await checkPage(v, 'volunteer matches with a proposal', 'match-volunteer-list-nl-375');

      await card.getByRole('link', { name: 'Boodschappen' }).click();
      await waitForHeading(v, 'Koppeling: Boodschappen');
      const vMain = v.locator('main');
      await vMain.getByText(description).waitFor();
      const before = (await vMain.textContent()) ?? '';
      expect(before).toMatch(/\d+(,\d)? km van u/);
      expect(before).toContain('U heeft dinsdagmiddag allebei tijd');
      expect(before).toContain('Postcodegebied 3318, Dordrecht');
      expect(before).not.toContain('Ineke');
      expect(before).not.toContain('3318 AB');
      expect(new URL(v.url()).pathname).toMatch(/^\/koppelingen\/[0-9a-f-]{36}$/);
      const matchUrl = v.url();
      await checkPage(v, 'proposal for the volunteer', 'match-volunteer-proposal-nl-375');

      // A message first: no phone number needed.
      await v.getByLabel('Uw bericht').fill('Goedemiddag! Ik woon vlakbij. Welke winkel heeft u het liefst?');
      await v.getByRole('button', { name: 'Bericht versturen' }).click();
      await status(v, 'Uw bericht is verstuurd.');
      await v.locator('.samenspel-message--mine').filter({ hasText: 'Welke winkel heeft u het liefst?' }).waitFor();
      expect(await v.getByLabel('Uw bericht').inputValue()).toBe('');

      // Answering without a choice: the summary says what is missing and takes focus.
      await v.getByRole('button', { name: 'Antwoord versturen' }).click();
      const summary = v.locator('.samenspel-error-summary').filter({ hasText: 'Kies ja of nee.' });
      await summary.waitFor();
      expect(await v.evaluate(() => document.activeElement?.classList.contains('samenspel-error-summary'))).toBe(true);
      await expectAccessible(v, 'decision with an error');
      await screenshot(v, 'match-volunteer-decision-error-nl-375');
      // "No" asks why; Victor changes his mind and says yes.
      await v.getByLabel('Nee, ik kan of wil dit niet doen').check();
      await v.getByRole('group', { name: 'Waarom niet?' }).waitFor();
      await expectAccessible(v, 'decision with decline reasons');
      await v.getByLabel('Ja, ik wil helpen').check();
      await v.getByRole('button', { name: 'Antwoord versturen' }).click();
      await status(v, 'U heeft ja gezegd. Wij vragen het nu aan de inwoner.');
      await vMain.getByText(/^U heeft ja gezegd\. Nu kiest de inwoner\./).waitFor();
      expect(await v.evaluate(() => document.activeElement?.textContent)).toBe('Wat gebeurt er nu?');
      expect(await v.getByRole('button', { name: 'Antwoord versturen' }).count()).toBe(0);
      expect(await vMain.textContent()).not.toContain('Ineke');
      await checkPage(v, 'volunteer said yes', 'match-volunteer-accepted-nl-375');

      // 3. The resident sees Victor said yes, reads his message, and says yes.
      await r.goto(requestUrl);
      await waitForHeading(r, 'Hulpvraag: Boodschappen');
      await volunteers.getByText('Een vrijwilliger wil u helpen. Kies hieronder of u dat wilt.').waitFor();
      const victorCard = volunteers.locator('.samenspel-match-card').filter({ has: r.getByRole('heading', { name: 'Victor', exact: true }) });
      await victorCard.getByRole('heading', { name: 'Wilt u hulp van Victor?' }).waitFor();
      expect(await victorCard.textContent()).toContain('U heeft dinsdagmiddag allebei tijd');
      await checkPage(r, 'request with a volunteer who said yes', 'match-resident-said-yes-nl-375');

      await victorCard.getByRole('link', { name: 'Berichten en meer over de koppeling met Victor' }).click();
      await waitForHeading(r, 'Koppeling: Boodschappen');
      await r.locator('.samenspel-message').filter({ hasText: 'Welke winkel heeft u het liefst?' }).waitFor();
      expect(await r.locator('.samenspel-message').first().textContent()).toContain('Victor (Vrijwilliger)');
      await r.getByLabel('Uw bericht').fill('Graag de Jumbo. Dank u wel!');
      await r.getByRole('button', { name: 'Bericht versturen' }).click();
      await status(r, 'Uw bericht is verstuurd.');
      await checkPage(r, 'match page for the resident before saying yes', 'match-resident-match-page-nl-375');

      await r.getByRole('link', { name: 'Terug naar uw hulpvraag' }).click();
      await waitForHeading(r, 'Hulpvraag: Boodschappen');
      await victorCard.getByLabel('Ja, ik wil hulp van Victor').check();
      await victorCard.getByRole('button', { name: 'Antwoord versturen' }).click();
      await status(r, 'U heeft ja gezegd. U ziet nu de gegevens van Victor.');
      await volunteers.getByText('U heeft een vrijwilliger: Victor. Hieronder staan de gegevens.').waitFor();
      const residentContact = volunteers.locator('.samenspel-contact-card');
      await residentContact.getByRole('heading', { name: 'Gegevens van Victor' }).waitFor();
      const contactText = (await residentContact.textContent()) ?? '';
      expect(contactText).toContain('Victor Jansen');
      expect(contactText).toContain('vrijwilliger@dordrecht.example');
      expect(await residentContact.getByRole('link', { name: 'vrijwilliger@dordrecht.example' }).getAttribute('href')).toBe(
        'mailto:vrijwilliger@dordrecht.example',
      );
      expect(await r.evaluate(() => document.activeElement?.textContent)).toBe('Vrijwilligers');
      // The request itself is matched now: no more searching.
      await r.locator('main').getByText('Vrijwilliger gevonden', { exact: true }).waitFor();
      expect(await r.getByRole('button', { name: 'Zoek opnieuw naar vrijwilligers' }).count()).toBe(0);
      await checkPage(r, 'request with a confirmed volunteer', 'match-resident-confirmed-nl-375');

      // 4. Victor now sees Ineke's details and address, and records the help given.
      await v.goto(matchUrl);
      await waitForHeading(v, 'Koppeling: Boodschappen');
      const volunteerContact = v.locator('.samenspel-contact-card');
      await volunteerContact.getByRole('heading', { name: 'Gegevens van Ineke' }).waitFor();
      const address = (await volunteerContact.textContent()) ?? '';
      expect(address).toContain('Ineke de Vries');
      expect(address).toContain('3318 AB, 8');
      expect(address).toContain('inwoner@dordrecht.example');
      await v.locator('.samenspel-message').filter({ hasText: 'Graag de Jumbo.' }).waitFor();
      await v.getByLabel('Hoe lang ongeveer?').selectOption('60');
      await v.getByRole('button', { name: 'Hulp vastleggen' }).click();
      await status(v, 'De hulp is vastgelegd.');
      await v.getByText('Totaal: 1 uur.').waitFor();
      await checkPage(v, 'confirmed match for the volunteer', 'match-volunteer-confirmed-nl-375');

      // The message limit: after 30 messages in an hour the form says how long to wait.
      const session = (await (await v.request.get('/api/session')).json()) as { csrfToken: string };
      const matchId = new URL(matchUrl).pathname.split('/').pop() ?? '';
      for (let i = 0; i < 40; i += 1) {
        const response = await v.request.post(`${API}/matches/${matchId}/messages`, {
          headers: { 'X-CSRF-Token': session.csrfToken, 'Content-Type': 'application/json' },
          data: { body: `Bericht ${i}` },
        });
        if (response.status() === 429) break;
        expect(response.status()).toBe(201);
      }
      await v.getByLabel('Uw bericht').fill('Nog één bericht.');
      await v.getByRole('button', { name: 'Bericht versturen' }).click();
      await v
        .locator('.samenspel-error-summary')
        .filter({ hasText: /U heeft het afgelopen uur veel berichten gestuurd\. Wacht \d+ minuten/ })
        .waitFor();
      expect(await v.evaluate(() => document.activeElement?.classList.contains('samenspel-error-summary'))).toBe(true);
      await expectAccessible(v, 'message limit reached');
      await screenshot(v, 'match-volunteer-rate-limited-nl-375');

      // 5. The resident reports nothing missing, and ends the match: the details disappear.
      await r.getByRole('link', { name: 'Berichten en meer over de koppeling met Victor' }).click();
      await waitForHeading(r, 'Koppeling: Boodschappen');
      await r.getByRole('heading', { name: 'Niet gekomen?' }).waitFor();
      await r.getByRole('button', { name: 'Koppeling stoppen' }).click();
      await r.locator('.samenspel-error-summary').filter({ hasText: 'Kies waarom de koppeling stopt.' }).waitFor();
      await r.getByLabel('De hulp is klaar').check();
      await r.getByRole('button', { name: 'Koppeling stoppen' }).click();
      await status(r, 'De koppeling is gestopt.');
      await r.locator('main').getByText('Deze koppeling is gestopt.').waitFor();
      await r.getByText('Reden: De hulp is klaar.').waitFor();
      expect(await r.locator('.samenspel-contact-card').count()).toBe(0);
      await checkPage(r, 'ended match for the resident', 'match-resident-ended-nl-375');

      expect(resident.pageErrors).toEqual([]);
      expect(volunteer.pageErrors).toEqual([]);
    } finally {
      await resident.context.close();
      await volunteer.context.close();
    }
    // Two people, a dozen pages and axe on each: more than the default 90 s on a busy machine.
  }, 180_000);

  it('lets a volunteer pick a suggested request and offer help', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, DEMO.volunteer);
      await page.locator('main').getByRole('link', { name: 'Hulpvragen die bij u passen' }).click();
      await waitForHeading(page, 'Hulpvragen die bij u passen');
      const first = page.locator('.samenspel-match-card').first();
      await first.waitFor();
      // No name and no address: only the postcode area.
      const text = (await first.textContent()) ?? '';
      expect(text).toMatch(/Postcodegebied \d{4}/);
      expect(text).not.toContain('Ineke');
      await checkPage(page, 'suggested requests', 'match-volunteer-suggestions-nl-375');

      const category = (await first.getByRole('heading').textContent()) ?? '';
      await first.getByRole('button', { name: 'Ik wil helpen' }).click();
      await waitForHeading(page, `Koppeling: ${category}`);
      await status(page, 'Dank u! Wij vragen het nu aan de inwoner.');
      await page.locator('main').getByText('U zei ja, de inwoner kiest nog').waitFor();
      expect(await page.getByRole('button', { name: 'Antwoord versturen' }).count()).toBe(0);
      await checkPage(page, 'match after offering help', 'match-volunteer-offered-nl-375');

      await page.getByRole('link', { name: 'Terug naar voorstellen en koppelingen' }).click();
      await waitForHeading(page, 'Voorstellen en koppelingen');
      await page.locator('section[aria-labelledby="matches-current"]').getByText('U zei ja, de inwoner kiest nog').first().waitFor();
      await expectAccessible(page, 'volunteer matches after offering');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a social worker the volunteers and candidates of a request, and lets them invite one', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, SOCIAL_WORKER);
      await page.goto(`/hulpvragen/${DEMO_REQUEST}`);
      await waitForHeading(page, 'Hulpvraag: Gezelschap en bezoek');
      const candidates = page.locator('section[aria-labelledby="request-candidates"]');
      await candidates.getByRole('heading', { name: 'Vrijwilligers die passen' }).waitFor();
      await page
        .locator('section[aria-labelledby="request-matches"]')
        .getByText(/^(Gevraagd: \d+\. Ja gezegd: \d+\. Gekoppeld: \d+\.|Er is nu niemand gevraagd\..*)$/)
        .waitFor();
      await candidates.locator('.samenspel-match-card, .utrecht-paragraph').first().waitFor();
      await expectAccessible(page, 'request with candidates for a social worker');
      await screenshot(page, 'match-coordinator-candidates-nl-1280');

      // Looking further away can only add volunteers, marked as such.
      const countBefore = await candidates.locator('.samenspel-match-card').count();
      const widened = page.waitForResponse((res) => res.url().includes('/candidates?widen=true'));
      await candidates.getByLabel('Zoek verder weg').check();
      await widened;
      await candidates.locator('.samenspel-loading').waitFor({ state: 'detached' });
      const cards = candidates.locator('.samenspel-match-card');
      expect(await cards.count()).toBeGreaterThanOrEqual(countBefore);
      await expectAccessible(page, 'widened candidates');
      await screenshot(page, 'match-coordinator-widened-nl-1280');

      const invite = candidates.getByRole('button', { name: /^Nodig .+ uit$/ }).first();
      // Victor already has this request (he offered above): the demo has others nearby to invite.
      await invite.waitFor();
      const name = ((await invite.textContent()) ?? '').replace(/^Nodig /, '').replace(/ uit$/, '');
      await invite.click();
      await status(page, `${name} is uitgenodigd.`);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vrijwilligers');
      await expectAccessible(page, 'after inviting a volunteer');

      // The invitation can be withdrawn again, with a reason.
      await page.getByRole('link', { name: `Berichten en meer over de koppeling met ${name}` }).first().click();
      await waitForHeading(page, 'Koppeling: Gezelschap en bezoek');
      await page.getByText('De vrijwilliger is gevraagd en heeft nog niet geantwoord.').waitFor();
      await expectAccessible(page, 'match page for a social worker');
      await screenshot(page, 'match-coordinator-match-nl-1280');
      await page.getByLabel('Besluit van de sociaal werker').check();
      await page.getByRole('button', { name: 'Voorstel intrekken' }).click();
      await status(page, 'Het voorstel is ingetrokken.');
      await page.getByText('Reden: Besluit van de sociaal werker.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Wat gebeurt er nu?');
      await expectAccessible(page, 'withdrawn proposal');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

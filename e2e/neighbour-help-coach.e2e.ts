/**
 * The coach in Chromium, with axe on every page in every state:
 * a coach turns a stalled weekly request into an approved rota of monthly
 * volunteers. The demo resident's weekly request for company is one that
 * no single volunteer can carry; the synthetic volunteers nearby offer
 * company once a month, and Victor (the demo volunteer) twice.
 * - the coach (desktop) finds it in the queue with its cause in plain
 *   words, follows the suggested step to the rota section, records someone
 *   from the resident's own network, tries a start date in the past, and
 *   approves the proposal; the approved rota shows its members and calendar;
 * - Victor says yes (through the API: the match pages are built elsewhere)
 *   and finds his turns marked in the rota under "Mijn roosters";
 * - the resident, on a phone, sees the calendar of her request, with
 *   Victor's name and the others still anonymous;
 * - the coach searches further away for another request, then refers it
 *   to formal support after a confirmation step;
 * - a policy officer reads the figures for a period.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, DESKTOP, expectAccessible, expectPageBasics, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

const e2e = useServerAndBrowser();
const WORKER = 'sociaalwerker@dordrecht.example';
const POLICY = 'beleid@dordrecht.example';
const API = '/api/municipalities/GM0505';
/** The demo resident's weekly request for company (server/demo/demo-data.ts). */
const REQUEST_ID = 'd0000000-0000-4000-8000-000000050501';
const CARD_TITLE = 'Gezelschap en bezoek voor Ineke de Vries';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

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

describe('the coach turns a stalled weekly request into a rota', () => {
  let rotaPath = '';

  it('lets a coach find the weekly request in the queue and approve a rota of monthly volunteers', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, WORKER);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wachtrij coach' }).click();
      await waitForHeading(page, 'Wachtrij coach');
      const card = page.locator('li.samenspel-coach-card').filter({ has: page.getByRole('link', { name: CARD_TITLE }) });
      await card.waitFor();
      const cardText = (await card.textContent()) ?? '';
      expect(cardText).toContain('Niemand kan dit alleen: het is elke week nodig.');
      expect(cardText).toMatch(/Vandaag gesteld\.|Wacht al \d+ dag(en)?\./);
      // No address anywhere in the queue: only the postcode area.
      expect(await page.locator('main').textContent()).not.toMatch(/3317\s?AB/);
      const rotaStep = card.getByRole('link', { name: /^Maak een rooster: \d+ vrijwilligers komen om de beurt\.$/ });
      expect(await card.getByRole('list', { name: 'Wat kunt u doen?' }).getByRole('link').first().textContent()).toBe(await rotaStep.textContent());
      expect(await card.getByRole('link', { name: 'Verwijs door naar formele hulp, met een reden.' }).count()).toBe(1);
      await expectPageBasics(page);
      await expectAccessible(page, 'coach queue');
      await screenshot(page, 'coach-queue-nl-1280');

      // The suggested step leads to the rota section of the coach's page, and focus starts there.
      await rotaStep.click();
      await page.waitForURL((url) => url.pathname === `/coach/hulpvragen/${REQUEST_ID}` && url.hash === '#rooster');
      await waitForHeading(page, CARD_TITLE);
      const rotaSection = page.getByRole('region', { name: 'Rooster' });
      const team = rotaSection.getByRole('table', { name: 'Voorgesteld team' });
      await team.waitFor();
      await expect.poll(() => focusedId(page)).toBe('rooster');
      const members = await team.locator('tbody tr').count();
      expect(members).toBeGreaterThanOrEqual(2);
      expect(await team.textContent()).toContain('Victor');
      const calendar = rotaSection.getByRole('list', { name: 'Wie komt wanneer' });
      expect(await calendar.getByRole('listitem').count()).toBe(12);
      expect(await calendar.getByText('nog open').count()).toBe(0);
      expect(await calendar.getByRole('listitem').first().textContent()).toMatch(/^di \d{1,2} \p{L}+, middag: \p{L}+/u);
      expect(await page.locator('main').textContent()).not.toMatch(/3317\s?AB/);
      await expectPageBasics(page);
      await expectAccessible(page, 'coach request page with the rota proposal');
      await screenshot(page, 'coach-request-proposal-nl-1280');

      // The resident's own network: add someone, record the answer.
      const network = page.getByRole('region', { name: 'Eigen netwerk van de inwoner' });
      await network.getByRole('button', { name: 'Toevoegen' }).click();
      await page.locator('.samenspel-error-summary').filter({ hasText: 'Vul een naam of omschrijving in.' }).waitFor();
      await expectAccessible(page, 'network form with errors');
      await network.getByLabel('Naam of omschrijving').fill('Ans, de buurvrouw');
      await network.getByLabel('Wie is het voor de inwoner?').selectOption('neighbour');
      await network.getByRole('button', { name: 'Toevoegen' }).click();
      await page.getByRole('status').getByText('Ans, de buurvrouw staat nu in het netwerk.').waitFor();
      await network.getByLabel('Antwoord van Ans, de buurvrouw').selectOption('cannot_help');
      await network.getByRole('button', { name: 'Opslaan voor Ans, de buurvrouw' }).click();
      await page.getByRole('status').getByText('Opgeslagen: Ans, de buurvrouw, kan niet helpen.').waitFor();
      await expectAccessible(page, 'coach request page with a network contact');

      // A start date in the past is refused before anything is sent.
      const startsOn = page.getByLabel('Begindatum');
      const proposedStart = await startsOn.inputValue();
      expect(proposedStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await startsOn.fill('2020-01-06');
      await page.getByRole('button', { name: 'Rooster goedkeuren' }).click();
      const summary = page.locator('.samenspel-error-summary').filter({ hasText: 'Deze datum is al voorbij.' });
      await summary.waitFor();
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await startsOn.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'rota approval with an error');
      await screenshot(page, 'coach-request-approve-error-nl-1280');

      // Approve with the proposed start, by keyboard.
      await startsOn.fill(proposedStart);
      await page.getByRole('button', { name: 'Rooster goedkeuren' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Het rooster is goedgekeurd. De vrijwilligers krijgen een bericht.').waitFor();
      const approved = rotaSection.getByRole('heading', { name: 'Goedgekeurd rooster' });
      await approved.waitFor();
      await expect.poll(() => focusedId(page)).toBe('rota-approved');
      const rotaMembers = rotaSection.getByRole('table', { name: 'Vrijwilligers in het rooster' });
      expect(await rotaMembers.locator('tbody tr').count()).toBe(members);
      expect(await rotaMembers.getByText('Gevraagd, nog geen antwoord').count()).toBe(members);
      const approvedCalendar = rotaSection.getByRole('list', { name: 'Wie komt wanneer' });
      expect(await approvedCalendar.getByRole('listitem').count()).toBe(12);
      expect(await approvedCalendar.getByText('(nog niet bevestigd)').count()).toBe(12);
      await rotaSection.getByText('Nodig: 4,3 keer per maand. Ingepland: 4,3 keer. Daarvan bevestigd: 0 keer. Alle keren zijn ingepland.').waitFor();
      // The stall ended with a rota: the page says so, and so does the history.
      await page.getByRole('region', { name: 'Waarom lukt het niet?' }).getByText('Deze hulpvraag staat niet (meer) in de wachtrij.').waitFor();
      await page.getByRole('region', { name: 'Geschiedenis' }).getByText(/een rooster nodig\. Opgelost op .+: met een rooster\./).waitFor();
      await expectAccessible(page, 'coach request page with the approved rota');
      await screenshot(page, 'coach-request-approved-nl-1280');

      // The same page on a phone: nothing wider than the screen.
      await page.setViewportSize(PHONE);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'coach request page on a phone');
      await screenshot(page, 'coach-request-approved-nl-375');
      await page.setViewportSize(DESKTOP);

      await rotaSection.getByRole('link', { name: 'Rooster bekijken' }).click();
      await waitForHeading(page, 'Rooster');
      rotaPath = new URL(page.url()).pathname;
      expect(rotaPath).toMatch(/^\/roosters\/[0-9a-f-]{36}$/);
      expect(await page.getByRole('list', { name: 'Wie komt wanneer' }).getByRole('listitem').count()).toBe(12);
      await expectPageBasics(page);
      await expectAccessible(page, 'rota page for the coach');
      await screenshot(page, 'rota-coach-nl-1280');

      // The request has left the queue.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wachtrij coach' }).click();
      await waitForHeading(page, 'Wachtrij coach');
      await page.locator('main p').first().waitFor();
      await expect.poll(async () => page.getByRole('link', { name: CARD_TITLE }).count()).toBe(0);
      await expectAccessible(page, 'coach queue after the approval');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a member who said yes find the rota with his own turns marked', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, DEMO.volunteer);
      const mine = await api<Array<{ id: string; rotaId: string | null; state: string }>>(page, 'GET', `${API}/me/matches`);
      const match = mine.find((m) => m.rotaId && rotaPath.endsWith(m.rotaId));
      expect(match?.state).toBe('proposed');
      const decided = await api<{ state: string }>(page, 'POST', `${API}/matches/${match!.id}/decision`, { decision: 'accept' });
      expect(decided.state).toBe('confirmed');

      await page.getByRole('link', { name: 'Mijn roosters' }).click();
      await waitForHeading(page, 'Mijn roosters');
      await expectAccessible(page, 'my rotas');
      await page.getByRole('link', { name: 'Rooster: Gezelschap en bezoek' }).click();
      await waitForHeading(page, 'Rooster');
      expect(new URL(page.url()).pathname).toBe(rotaPath);
      const calendar = page.getByRole('list', { name: 'Wie komt wanneer' });
      const turns = await calendar.getByText('Uw beurt').count();
      expect(turns).toBeGreaterThan(0);
      expect(turns).toBeLessThan(12);
      await page.getByText('Victor (u): doet mee').waitFor();
      await page.getByText(/Daarvan bevestigd: 2 keer./).waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'rota page for a member');
      await screenshot(page, 'rota-member-nl-1280');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the resident on a phone the calendar of her request', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, DEMO.resident);
      await page.goto(`/mijn-hulpvragen/${REQUEST_ID}/rooster`);
      await waitForHeading(page, 'Rooster: Gezelschap en bezoek');
      const calendar = page.getByRole('list', { name: 'Wie komt wanneer' });
      expect(await calendar.getByRole('listitem').count()).toBe(12);
      // Victor said yes: his name shows. The others have not: they stay anonymous.
      expect(await calendar.getByText('Victor', { exact: true }).count()).toBeGreaterThan(0);
      expect(await calendar.getByText(/^Een vrijwilliger \(nog niet bevestigd\)$/).count()).toBeGreaterThan(0);
      expect(await calendar.getByText('Uw beurt').count()).toBe(0);
      await page.getByRole('link', { name: 'Terug naar de hulpvraag' }).waitFor();
      await expectPageBasics(page);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, 'rota page for the resident');
      await screenshot(page, 'rota-resident-nl-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a coach search further away, and refer a request to formal support after a confirmation step', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, WORKER);
      await page.goto('/coach');
      await waitForHeading(page, 'Wachtrij coach');
      const card = page
        .locator('li.samenspel-coach-card')
        .filter({ has: page.getByRole('link', { name: /^Zoek verder weg: met 3 km extra/ }) })
        .first();
      await card.waitFor();
      const title = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
      await card.getByRole('link', { name: /^Zoek verder weg/ }).click();
      await waitForHeading(page, title);
      await expect.poll(() => focusedId(page)).toBe('vrijwilligers');
      const volunteers = page.getByRole('region', { name: 'Vrijwilligers uitnodigen' });
      await volunteers.getByRole('button', { name: 'Zoek verder weg' }).click();
      await page.getByRole('status').getByText('Wij zoeken nu ook tot 3 km verder weg.').waitFor();
      await volunteers.getByText('Verder weg dan de vrijwilliger zelf wil reizen').first().waitFor();
      await expectAccessible(page, 'candidates further away');

      // Marking the request as sensitive, and back.
      const sensitive = page.getByRole('region', { name: 'Gevoelige hulpvraag' });
      await sensitive.getByLabel('Deze hulpvraag is gevoelig').check();
      await sensitive.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').getByText('De hulpvraag staat nu als gevoelig in uw wachtrij.').waitFor();
      await expectAccessible(page, 'a request marked sensitive');
      await sensitive.getByLabel('Deze hulpvraag is gevoelig').uncheck();
      await sensitive.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').getByText('De hulpvraag is niet meer als gevoelig gemarkeerd.').waitFor();

      // The step on the page itself jumps to the referral section.
      await page.getByRole('region', { name: 'Waarom lukt het niet?' }).getByRole('link', { name: 'Verwijs door naar formele hulp, met een reden.' }).click();
      await expect.poll(() => focusedId(page)).toBe('doorverwijzen');
      const refer = page.getByRole('region', { name: 'Doorverwijzen naar formele hulp' });
      await refer.getByRole('button', { name: 'Doorverwijzen' }).click();
      await page.locator('.samenspel-error-summary').filter({ hasText: 'Schrijf op waarom u doorverwijst.' }).waitFor();
      await expectAccessible(page, 'referral with an error');
      await refer.getByLabel('Reden').fill('Er is meer nodig dan buurthulp: de inwoner krijgt hulp via de Wmo.');
      await refer.getByRole('button', { name: 'Doorverwijzen' }).click();
      const confirm = refer.getByRole('heading', { name: 'Weet u zeker dat u wilt doorverwijzen?' });
      await confirm.waitFor();
      await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'referral confirmation');
      await screenshot(page, 'coach-refer-confirm-nl-1280');
      await refer.getByRole('button', { name: 'Ja, doorverwijzen' }).click();
      await page.getByRole('status').getByText('De hulpvraag is doorverwezen naar formele hulp.').waitFor();
      await page.getByText('Doorverwezen', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Geschiedenis' }).getByText(/: doorverwezen naar formele hulp\./).waitFor();
      await refer.getByText('Deze hulpvraag is afgesloten. U kunt hier niets meer doen.').waitFor();
      await expectAccessible(page, 'a referred request');

      await page.getByRole('link', { name: 'Terug naar de wachtrij' }).click();
      await waitForHeading(page, 'Wachtrij coach');
      await page.locator('li.samenspel-coach-card').first().waitFor();
      expect(await page.getByRole('link', { name: title, exact: true }).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a policy officer read the figures of a period', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, POLICY);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cijfers' }).click();
      await waitForHeading(page, 'Cijfers buurthulp');
      await page.getByText('Tijd tot de eerste reactie').waitFor();
      await page.getByText('Bij de coach beland').waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'figures');
      await screenshot(page, 'figures-nl-1280');

      // An end before the start is refused at the field.
      const from = await page.getByRole('textbox', { name: 'Vanaf' }).inputValue();
      await page.getByRole('textbox', { name: 'Tot en met' }).fill('2020-01-01');
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.locator('.samenspel-error-summary').filter({ hasText: 'Deze datum ligt voor de begindatum.' }).waitFor();
      await expectAccessible(page, 'figures with an error');

      await page.getByRole('textbox', { name: 'Vanaf' }).fill('2020-01-01');
      await page.getByRole('textbox', { name: 'Tot en met' }).fill(from);
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.getByRole('status').getByText(/^U ziet nu de cijfers van .*2020 tot en met /).waitFor();
      await expect.poll(() => focusedId(page)).toBe('figures-results');
      await expectAccessible(page, 'figures of a longer period');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Notifications (meldingen) and safety in Chromium, with axe on every page:
 * - the volunteer Victor, on a phone, sees the unread count in the menu
 *   after a resident's request is proposed to him and she sends a message;
 *   opens Meldingen, follows a notification to its match, marks all read,
 *   and changes how he gets e-mail;
 * - the resident Ineke, on a phone, who reported and blocked Victor (through
 *   the API: the match page that holds SafetyActions lives on another
 *   branch), lifts the block with the keyboard after a confirmation step;
 * - a social worker on a desktop finds the report under Gemelde problemen
 *   and decides on it.
 *
 * Deterministic: Victor lives in 3317, travels 5 km and helps with groceries
 * on Tuesday afternoon; a monthly groceries request in 3318 on Tuesday
 * afternoon is proposed to him. Each test posts its own request.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, DESKTOP, expectAccessible, expectPageBasics, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

const e2e = useServerAndBrowser();
const API = '/api/municipalities/GM0505';
const SOCIAL_WORKER = 'sociaalwerker@dordrecht.example';

/** A JSON request with the signed-in person's session and CSRF token. */
async function api<T>(page: Page, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: { 'X-CSRF-Token': session.csrfToken, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The resident posts a monthly groceries request in 3318; returns the id of
 * the match the platform proposed to Victor, as Victor sees it.
 */
async function requestThatVictorIsProposedFor(resident: Page, victor: Page, description: string): Promise<string> {
  const categories = await api<Array<{ id: string; code: string }>>(resident, 'GET', `${API}/help-categories`);
  const groceries = categories.find((c) => c.code === 'groceries');
  if (!groceries) throw new Error('no groceries category in the demo data');
  await api(resident, 'POST', `${API}/help-requests`, {
    categoryId: groceries.id,
    description,
    schedule: 'monthly',
    dayParts: ['tue:afternoon'],
    durationMinutes: 60,
    postcode: '3318 AB',
    houseNumber: 9,
  });
  const matches = await api<Array<{ id: string; request: { description: string } }>>(victor, 'GET', `${API}/me/matches`);
  const match = matches.find((m) => m.request.description === description);
  if (!match) throw new Error('the request was not proposed to Victor');
  return match.id;
}

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
const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const unique = () => Date.now().toString(36);

describe('notifications', () => {
  it('shows Victor the unread count, leads him on, marks all read and keeps his e-mail choice', async () => {
    const victor = await e2e.openPage(PHONE);
    const resident = await e2e.openPage(PHONE);
    try {
      const v = victor.page;
      await signIn(v, DEMO.volunteer);
      // Nothing new yet: the menu item has no count.
      await menu(v).getByRole('link', { name: 'Meldingen', exact: true }).waitFor();

      await signIn(resident.page, DEMO.resident);
      const matchId = await requestThatVictorIsProposedFor(resident.page, v, `Boodschappen, eens per maand. (${unique()})`);
      await api(resident.page, 'POST', `${API}/matches/${matchId}/messages`, { body: 'Dag Victor, kunt u op dinsdag?' });

      // The count is asked again on navigation: two new ones.
      await menu(v).getByRole('link', { name: 'Mijn profiel' }).click();
      await waitForHeading(v, 'Mijn profiel');
      const withCount = menu(v).getByRole('link', { name: 'Meldingen 2 nieuw' });
      await withCount.waitFor();
      await menu(v).getByRole('link', { name: 'Start' }).click();
      await v.getByText('U heeft 2 nieuwe meldingen. Kies hoe vaak u een e-mail krijgt.').waitFor();
      await checkPage(v, 'home with unread notifications', 'notifications-home-badge-nl-375');

      await withCount.click();
      await waitForHeading(v, 'Meldingen');
      await v.getByText('U heeft 2 nieuwe meldingen.', { exact: true }).waitFor();
      const items = v.locator('li.samenspel-notification');
      expect(await items.count()).toBe(2);
      // Newest first, in plain Dutch; nothing from the request or the message itself.
      expect(await items.nth(0).textContent()).toContain('U heeft een nieuw bericht.');
      expect(await items.nth(1).textContent()).toContain('Er is een hulpvraag die bij u past.');
      expect(await v.locator('main').textContent()).not.toMatch(/Boodschappen|dinsdag|Ineke|3318/);
      await checkPage(v, 'notifications with two unread', 'notifications-list-nl-375');

      // A notification leads to its match, by id; opening it marks it read.
      await v.getByRole('link', { name: 'Er is een hulpvraag die bij u past.' }).click();
      await v.waitForURL((url) => url.pathname === `/koppelingen/${matchId}`);
      await menu(v).getByRole('link', { name: 'Meldingen 1 nieuw' }).waitFor();
      await v.goBack();
      await waitForHeading(v, 'Meldingen');
      await v.getByText('U heeft 1 nieuwe melding.', { exact: true }).waitFor();
      await menu(v).getByRole('link', { name: 'Meldingen 1 nieuw' }).waitFor();

      const markAll = v.getByRole('button', { name: 'Alles als gelezen markeren' });
      await markAll.focus();
      await v.keyboard.press('Enter');
      await status(v, 'Alle meldingen zijn als gelezen gemarkeerd.');
      await v.getByText('U heeft alle meldingen gelezen.', { exact: true }).waitFor();
      await menu(v).getByRole('link', { name: 'Meldingen', exact: true }).waitFor();
      expect(await markAll.count()).toBe(0);
      expect(await v.locator('li.samenspel-notification--unread').count()).toBe(0);
      await checkPage(v, 'notifications all read', 'notifications-all-read-nl-375');
      const after = await api<{ unread: number }>(v, 'GET', `${API}/me/notifications?countOnly=true`);
      expect(after.unread).toBe(0);

      // E-mail: straight away at most five a week, then one summary a week.
      const choices = v.getByRole('group', { name: 'Wanneer wilt u een e-mail krijgen?' });
      expect(await choices.getByLabel('Direct een e-mail').isChecked()).toBe(true);
      await v.getByText('Hoogstens 3 per week. Zijn er meer meldingen? Dan krijgt u de rest in één overzicht per week.').waitFor();
      await v.getByLabel('Hoeveel e-mails wilt u hoogstens krijgen per week?').selectOption('5');
      await v.getByText(/^Hoogstens 5 per week\./).waitFor();
      await v.getByRole('button', { name: 'Keuze opslaan' }).click();
      await status(v, 'Uw keuze voor e-mail is opgeslagen.');
      expect(await api<{ email: string; maxEmailsPerWeek: number }>(v, 'GET', `${API}/me/notification-preferences`)).toEqual({
        email: 'immediate',
        maxEmailsPerWeek: 5,
      });

      await choices.getByLabel('Eén overzicht per week').check();
      // The weekly cap only matters for e-mail straight away.
      expect(await v.getByLabel('Hoeveel e-mails wilt u hoogstens krijgen per week?').count()).toBe(0);
      await v.getByRole('button', { name: 'Keuze opslaan' }).click();
      await status(v, 'Uw keuze voor e-mail is opgeslagen.');
      await checkPage(v, 'notifications with e-mail choice saved', 'notifications-email-choice-nl-375');
      await v.reload();
      await waitForHeading(v, 'Meldingen');
      await choices.getByLabel('Eén overzicht per week').waitFor();
      expect(await choices.getByLabel('Eén overzicht per week').isChecked()).toBe(true);
      expect(await api<{ email: string }>(v, 'GET', `${API}/me/notification-preferences`)).toMatchObject({ email: 'digest' });
      expect(victor.pageErrors).toEqual([]);
      expect(resident.pageErrors).toEqual([]);
    } finally {
      await victor.context.close();
      await resident.context.close();
    }
  });
});

describe('safety', () => {
  it('lets a resident who blocked a volunteer lift the block with the keyboard, after a confirmation step', async () => {
    const resident = await e2e.openPage(PHONE);
    const victor = await e2e.openPage(PHONE);
    try {
      const r = resident.page;
      await signIn(r, DEMO.resident);
      await signIn(victor.page, DEMO.volunteer);
      const matchId = await requestThatVictorIsProposedFor(r, victor.page, `Boodschappen voor de blokkade. (${unique()})`);
      await api(r, 'POST', `${API}/matches/${matchId}/block`);
      // Victor only hears that the proposal stopped.
      const seen = await api<{ items: Array<{ kind: string; refId: string }> }>(victor.page, 'GET', `${API}/me/notifications`);
      expect(seen.items).toContainEqual(expect.objectContaining({ kind: 'match.withdrawn', refId: matchId }));

      await r.getByRole('link', { name: 'Geblokkeerde personen' }).click();
      await waitForHeading(r, 'Geblokkeerde personen');
      const card = r.locator('li.samenspel-card').filter({ has: r.getByRole('heading', { name: 'Victor', exact: true }) });
      await card.waitFor();
      expect(await card.textContent()).not.toContain('Jansen');
      await checkPage(r, 'my blocks', 'blocks-list-nl-375');

      const lift = card.getByRole('button', { name: 'Blokkade van Victor opheffen' });
      await lift.focus();
      await r.keyboard.press('Enter');
      const confirm = r.getByRole('heading', { name: 'Blokkade van Victor opheffen?' });
      await confirm.waitFor();
      expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await checkPage(r, 'my blocks, confirming', 'blocks-confirm-nl-375');
      // "Nee" keeps the block and puts focus back on the button.
      await r.getByRole('button', { name: 'Nee, ga terug' }).focus();
      await r.keyboard.press('Enter');
      await lift.waitFor();
      expect(await lift.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await api<unknown[]>(r, 'GET', `${API}/me/blocks`)).toHaveLength(1);

      await r.keyboard.press('Enter');
      await r.getByRole('button', { name: 'Ja, hef de blokkade op' }).focus();
      await r.keyboard.press('Enter');
      await status(r, 'De blokkade van Victor is opgeheven.');
      await r.getByText('U heeft niemand geblokkeerd.').waitFor();
      await checkPage(r, 'my blocks, empty', 'blocks-empty-nl-375');
      expect(await api<unknown[]>(r, 'GET', `${API}/me/blocks`)).toEqual([]);
      expect(resident.pageErrors).toEqual([]);
    } finally {
      await resident.context.close();
      await victor.context.close();
    }
  });

  it('lets a social worker find a reported problem and decide on it', async () => {
    const resident = await e2e.openPage(PHONE);
    const victor = await e2e.openPage(PHONE);
    const worker = await e2e.openPage(DESKTOP);
    const details = `Hij stuurde veel berichten op de avond. (${unique()})`;
    try {
      await signIn(resident.page, DEMO.resident);
      await signIn(victor.page, DEMO.volunteer);
      const matchId = await requestThatVictorIsProposedFor(resident.page, victor.page, `Boodschappen, met een melding. (${unique()})`);
      await api(resident.page, 'POST', `${API}/abuse-reports`, { matchId, category: 'harassment', details });

      const w = worker.page;
      await signIn(w, SOCIAL_WORKER);
      await menu(w).getByRole('link', { name: 'Gemelde problemen' }).click();
      await waitForHeading(w, 'Gemelde problemen');
      const card = w.locator('li.samenspel-card').filter({ hasText: details });
      await card.waitFor();
      await card.getByRole('heading', { name: 'Ik word lastiggevallen: melding over Victor' }).waitFor();
      expect(await card.textContent()).toContain('Ineke');
      expect(await card.getByRole('link', { name: 'Bekijk de koppeling' }).getAttribute('href')).toBe(`/koppelingen/${matchId}`);
      await checkPage(w, 'reported problems', 'reports-open-nl-1280');

      // Deciding without a choice says what is missing.
      await card.getByRole('button', { name: 'Besluit opslaan' }).click();
      const summary = card.locator('.samenspel-error-summary');
      await summary.filter({ hasText: 'Kies wat u met deze melding doet.' }).waitFor();
      await expectAccessible(w, 'reported problems, decision missing');
      await screenshot(w, 'reports-decision-error-nl-1280');

      await card.getByLabel('Waarschuwen').check();
      await card.getByRole('button', { name: 'Besluit opslaan' }).click();
      await status(w, 'De melding over Victor is afgehandeld. U koos: Waarschuwen.');
      await w.locator('li.samenspel-card').filter({ hasText: details }).waitFor({ state: 'detached' });
      await checkPage(w, 'reported problems after a decision', 'reports-after-decision-nl-1280');

      await w.getByRole('button', { name: 'Alle meldingen' }).click();
      const handled = w.locator('li.samenspel-card').filter({ hasText: details });
      await handled.waitFor();
      expect(await handled.textContent()).toMatch(/Afgehandeld: gewaarschuwd op \d{1,2} \p{L}+ \d{4}/u);
      expect(await handled.getByRole('button', { name: 'Besluit opslaan' }).count()).toBe(0);
      await checkPage(w, 'all reported problems', 'reports-all-nl-1280');

      // Handled once: a second decision is refused.
      const reports = await api<Array<{ id: string; details: string }>>(w, 'GET', `${API}/abuse-reports?status=all`);
      const id = reports.find((x) => x.details === details)?.id;
      const again = await w.request.post(`${API}/abuse-reports/${id}/handle`, {
        headers: { 'X-CSRF-Token': ((await (await w.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken },
        data: { outcome: 'dismissed' },
      });
      expect(again.status()).toBe(409);
      expect(worker.pageErrors).toEqual([]);
    } finally {
      await resident.context.close();
      await victor.context.close();
      await worker.context.close();
    }
  });

  it('lets a resident report and block from the match page (SafetyActions)', async () => {
    const resident = await e2e.openPage(PHONE);
    const victor = await e2e.openPage(PHONE);
    try {
      const r = resident.page;
      await signIn(r, DEMO.resident);
      await signIn(victor.page, DEMO.volunteer);
      const matchId = await requestThatVictorIsProposedFor(r, victor.page, `Boodschappen, melden en blokkeren. (${unique()})`);
      await r.goto(`/koppelingen/${matchId}`);
      const safety = r.getByRole('region', { name: 'Gaat er iets niet goed?' });
      await safety.getByRole('button', { name: 'Meld een probleem' }).click();
      await r.getByRole('heading', { name: 'Een probleem melden' }).waitFor();
      await safety.getByRole('button', { name: 'Melding versturen' }).click();
      await safety.locator('.samenspel-error-summary').filter({ hasText: 'Kies wat er aan de hand is.' }).waitFor();
      await expectAccessible(r, 'report form with errors');
      await safety.getByLabel('De ander kwam niet op de afspraak').check();
      await safety.getByRole('button', { name: 'Melding versturen' }).click();
      await status(r, /^Bedankt\. Uw melding is verstuurd\./);
      await safety.getByRole('button', { name: 'Blokkeer deze persoon' }).click();
      await r.getByRole('heading', { name: 'Weet u het zeker?' }).waitFor();
      await r.getByText('U wordt dan niet meer aan deze persoon gekoppeld.', { exact: false }).waitFor();
      await expectAccessible(r, 'block confirmation');
      await safety.getByRole('button', { name: 'Ja, blokkeer deze persoon' }).click();
      await status(r, 'U heeft deze persoon geblokkeerd. De koppeling is gestopt.');
      expect(await api<unknown[]>(r, 'GET', `${API}/me/blocks`)).toHaveLength(1);
      await api(r, 'DELETE', `${API}/me/blocks/a0000000-0000-4000-8000-000000050503`);
    } finally {
      await resident.context.close();
      await victor.context.close();
    }
  });
});

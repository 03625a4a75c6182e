/**
 * One plan around the resident (issue 5), end to end: the Dordrecht social
 * worker opens a file for a resident (Victor, who can sign in), makes the
 * plan with him, adds his network, records two measurements and sees the
 * trend as a chart and a table; Victor signs in on a phone, sees his plan
 * and gives feedback; the uninvolved professional is refused (the server
 * answers 403, the page says "Geen toegang"). The coordinator changes the
 * BSN and household, links Ineke's help request to her plan and hands her
 * plan to a new social worker. Every main page state is
 * checked with axe, at phone and desktop width, without sideways scrolling.
 *
 * Deterministic: the demo has a file for Ineke (inwoner@) only, so Victor
 * starts without one; 123456782 passes the 11-proof, 123456789 does not.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, DESKTOP, expectAccessible, expectPageBasics, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

const e2e = useServerAndBrowser();
const SOCIAL_WORKER = 'sociaalwerker@dordrecht.example';
const PROFESSIONAL = 'professional@dordrecht.example';
const POLICY_OFFICER = 'beleid@dordrecht.example';
const GOAL = 'Ik wil mijn geldzaken weer zelf regelen.';
const FEEDBACK = 'Het plan is duidelijk. Ik weet nu wie wat doet.';
let fileId = '';

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  if (scroll > client + 1) throw new Error(`${label} scrolls sideways: ${scroll}px content in ${client}px`);
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

describe('one plan around the resident', () => {
  it('lets the coordinator make a plan with a resident, add the network, record two measurements and see the trend', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, SOCIAL_WORKER);
      await menu(page).getByRole('link', { name: 'Plannen' }).click();
      await waitForHeading(page, 'Plannen');
      // The demo file of Ineke, coordinated by Sanne, with its open wish.
      await page.getByRole('link', { name: 'Ineke de Vries' }).waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'plans list');

      await page.getByRole('link', { name: 'Nieuw plan maken' }).click();
      await waitForHeading(page, 'Nieuw plan maken');
      await page.getByLabel('Zoek de inwoner op naam of e-mailadres').fill('Victor');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByLabel('Victor Jansen').check();
      // A BSN that fails the 11-proof: a clear message, nothing sent.
      await page.getByLabel('Burgerservicenummer (BSN)').fill('123456789');
      await page.getByRole('button', { name: 'Plan maken' }).click();
      const summary = page.locator('.samenspel-error-summary');
      await summary.getByRole('link', { name: /Dit BSN klopt niet/ }).waitFor();
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'new plan with an invalid BSN');
      await screenshot(page, 'household-new-invalid-bsn-nl-1280');
      await page.getByLabel('Burgerservicenummer (BSN)').fill('123456782');
      await page.getByRole('button', { name: 'Huisgenoot toevoegen' }).click();
      await page.getByLabel('Naam', { exact: true }).fill('Sam Jansen');
      await page.getByLabel('Wie is dit voor de inwoner?').selectOption('child');
      await page.getByRole('button', { name: 'Plan maken' }).click();
      await waitForHeading(page, 'Plan van Victor Jansen');
      fileId = new URL(page.url()).pathname.split('/').pop() ?? '';
      expect(fileId).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByText('Bekend, eindigt op 782').waitFor();
      await page.getByRole('cell', { name: 'Sam Jansen' }).or(page.getByRole('rowheader', { name: 'Sam Jansen' })).waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'new file');

      // The coordinator changes the BSN and the household. The server checks the BSN (11-proof):
      // its message shows in the summary and under the field, and nothing typed is lost.
      const who = page.locator('section#wie');
      await who.getByRole('button', { name: 'Gegevens wijzigen' }).click();
      await who.getByRole('heading', { name: 'BSN en huishouden wijzigen', level: 3 }).waitFor();
      expect(await who.getByRole('textbox', { name: /^BSN/ }).inputValue()).toBe('123456782');
      await who.getByRole('textbox', { name: /^BSN/ }).fill('123456789');
      await who.getByRole('group', { name: 'Huisgenoot 1' }).getByLabel(/^Geboortejaar/).fill('2015');
      await who.getByRole('button', { name: 'Huisgenoot toevoegen' }).click();
      const second = who.getByRole('group', { name: 'Huisgenoot 2' });
      await second.getByLabel('Naam', { exact: true }).fill('Mila Jansen');
      await second.getByLabel('Wie is dit voor de inwoner?').selectOption('child');
      const refused = page.waitForResponse((r) => r.url().endsWith(`/resident-files/${fileId}`) && r.request().method() === 'PATCH');
      await who.getByRole('button', { name: 'Opslaan' }).click();
      expect((await refused).status()).toBe(400);
      const editSummary = who.locator('.samenspel-error-summary');
      await editSummary.getByRole('link', { name: /Dit BSN klopt niet/ }).waitFor();
      expect(await editSummary.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect(who.getByRole('textbox', { name: /^BSN/ }).getAttribute('aria-describedby')).resolves.toMatch(/error/);
      expect(await second.getByLabel('Naam', { exact: true }).inputValue()).toBe('Mila Jansen');
      await expectAccessible(page, 'file details with an invalid BSN');
      await screenshot(page, 'household-edit-invalid-bsn-nl-1280');
      await who.getByRole('textbox', { name: /^BSN/ }).fill('111 222 333');
      await who.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').filter({ hasText: 'De gegevens zijn opgeslagen.' }).waitFor();
      await who.getByText('Bekend, eindigt op 333').waitFor();
      await who.getByRole('rowheader', { name: 'Mila Jansen' }).waitFor();
      await who.getByRole('row', { name: /Sam Jansen/ }).getByRole('cell', { name: '2015' }).waitFor();
      // Focus goes back to the button that opened the form.
      expect(await who.getByRole('button', { name: 'Gegevens wijzigen' }).evaluate((el) => el === document.activeElement)).toBe(true);
      // Taking someone out of the household.
      await who.getByRole('button', { name: 'Gegevens wijzigen' }).click();
      await who.getByRole('button', { name: 'Huisgenoot 2 weghalen' }).click();
      await who.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').filter({ hasText: 'De gegevens zijn opgeslagen.' }).waitFor();
      await who.getByRole('rowheader', { name: 'Sam Jansen' }).waitFor();
      await expect(who.getByRole('rowheader', { name: 'Mila Jansen' }).count()).resolves.toBe(0);

      // Someone to work on the plan, found by name (the name travels in the request body, not the URL).
      const people = page.locator('section#betrokkenen');
      await people.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await people.locator('.samenspel-error-summary').getByRole('link', { name: /Typ minstens 2 letters/ }).waitFor();
      await people.getByLabel('Zoek op naam').fill('Aisha');
      await people.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await people.getByRole('button', { name: 'Aisha Prins toevoegen' }).click();
      await page.getByRole('status').filter({ hasText: 'Aisha Prins werkt nu mee aan het plan.' }).waitFor();
      await people.getByRole('rowheader', { name: 'Aisha Prins' }).waitFor();
      await expectAccessible(page, 'file with someone added to the plan');

      // The plan, made together: a goal in his own words, an agreement, the domains, and why.
      await page.getByRole('button', { name: 'Plan maken' }).click();
      await page.getByLabel('Doel 1').fill(GOAL);
      await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
      await page.getByLabel('Wat wordt er gedaan?').fill('Samen een overzicht van alle rekeningen maken');
      await page.getByLabel('Wie doet het?').selectOption({ label: 'Sanne Bakker (coördinator)' });
      await page.getByLabel('Formele hulp (door een professional)').check();
      await page.getByLabel('Klaar op').fill(isoDay(-30));
      await page.getByLabel('Sociaal netwerk').check();
      await page.getByLabel('Financiën').check();
      await page.getByLabel('Datum van de volgende evaluatie').fill(isoDay(-60));
      await expectAccessible(page, 'plan form');
      await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
      // The reason is asked for: without it nothing is saved.
      await page.locator('.samenspel-error-summary').getByRole('link', { name: /Schrijf waarom het plan verandert/ }).waitFor();
      await page.getByLabel('Waarom verandert het plan?').fill('Eerste plan, samen met Victor gemaakt.');
      await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
      await page.getByRole('status').filter({ hasText: 'Het plan is opgeslagen als versie 1.' }).waitFor();
      const plan = page.locator('section#plan');
      await plan.getByText(`“${GOAL}”`).waitFor();
      await plan.getByRole('rowheader', { name: 'Samen een overzicht van alle rekeningen maken' }).waitFor();
      await plan.getByRole('cell', { name: 'Eerste plan, samen met Victor gemaakt.' }).waitFor();
      await plan.getByRole('cell', { name: 'Nog niet' }).waitFor();

      // The agreement is done: the coordinator fills in the day, and "Wat ieder bijdroeg" counts it.
      await plan.getByRole('button', { name: 'Plan wijzigen' }).click();
      await plan.getByLabel('Gedaan op').fill(isoDay(1));
      await plan.getByLabel('Hoort bij doel').selectOption({ label: `1. ${GOAL}` });
      await plan.getByLabel('Waarom verandert het plan?').fill('Het overzicht van de rekeningen is klaar.');
      await expectAccessible(page, 'plan form with a done date');
      await plan.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
      await page.getByRole('status').filter({ hasText: 'Het plan is opgeslagen als versie 2.' }).waitFor();
      await plan.getByRole('cell', { name: /^Gedaan op / }).waitFor();
      await plan.getByRole('heading', { name: 'Wat ieder bijdroeg', level: 3 }).waitFor();
      const contributions = plan.getByRole('table', { name: 'Afspraken per rol: gedaan, nog open en voor welke doelen' });
      const coordinatorRow = contributions.getByRole('row', { name: /^Coördinator/ });
      expect(await coordinatorRow.getByRole('cell').allTextContents()).toEqual(['1', '0', `“${GOAL}”`]);
      await expectAccessible(page, 'plan with what each role contributed');

      // The network: two people, the map and the table say the same.
      const network = page.locator('section#netwerk');
      await network.getByText('Er staat nog niemand op de netwerkkaart.').waitFor();
      for (const person of [
        { circle: 'Buren', name: 'Buurvrouw Els', strength: 'Sterk', support: 'Praktische hulp' },
        { circle: 'Organisaties', name: 'Woonstichting Rivierstad', strength: 'Licht', support: 'Informatie en advies' },
      ]) {
        await network.getByRole('button', { name: 'Iemand toevoegen aan de netwerkkaart' }).click();
        await network.getByLabel('Kring').selectOption({ label: person.circle });
        await network.getByLabel('Naam', { exact: true }).fill(person.name);
        await network.getByLabel(person.support).check();
        await network.getByLabel('Hoe sterk is de steun?').selectOption({ label: person.strength });
        await network.getByRole('button', { name: 'Toevoegen', exact: true }).click();
        await page.getByRole('status').filter({ hasText: `${person.name} staat nu op de netwerkkaart.` }).waitFor();
        await network.getByRole('rowheader', { name: person.name }).waitFor();
      }
      // The map's nodes are buttons a keyboard reaches.
      const els = network.getByRole('button', { name: /^Buurvrouw Els: Buren, steun: Sterk/ });
      await els.focus();
      await page.keyboard.press('Enter');
      await network.getByRole('heading', { name: 'Buurvrouw Els', level: 3 }).waitFor();
      await network.getByText(/Betrokken in de laatste 12 maanden: \d+ \(professionals: \d+, organisaties: \d+\)/).waitFor();
      await expectAccessible(page, 'network map');
      await network.screenshot({ path: `${process.env.E2E_SCREENSHOTS_DIR ?? '/tmp'}/household-network-nl-1280.png` }).catch(() => undefined);

      // Two measurements, a month apart; then the trend as a chart and as a table.
      const outcomes = page.locator('section#uitkomsten');
      await outcomes.getByText('Er zijn nog geen metingen.').waitFor();
      for (const m of [
        { on: isoDay(30), social: '2', money: '3', mark: '5' },
        { on: isoDay(0), social: '4', money: '3', mark: '7' },
      ]) {
        await outcomes.getByRole('button', { name: 'Meting vastleggen' }).click();
        await outcomes.getByLabel('Datum van de meting').fill(m.on);
        await outcomes.getByRole('combobox', { name: /^Sociaal netwerk/ }).selectOption(m.social);
        await outcomes.getByRole('combobox', { name: /^Financiën/ }).selectOption(m.money);
        await outcomes.getByLabel('Cijfer van de inwoner zelf').selectOption(m.mark);
        await outcomes.getByRole('button', { name: 'Meting opslaan' }).click();
        await page.getByRole('status').filter({ hasText: 'De meting is opgeslagen.' }).waitFor();
      }
      const table = outcomes.getByRole('table', { name: 'Zelfredzaamheid per meting' });
      await table.waitFor();
      await table.getByRole('cell', { name: '4 – Voldoende zelfredzaam' }).waitFor();
      await table.getByRole('cell', { name: '2 – Niet zelfredzaam' }).waitFor();
      expect(await table.locator('tbody tr').count()).toBe(2);
      const chart = outcomes.locator('figure.samenspel-hh-chart');
      await chart.locator('svg.recharts-surface').first().waitFor();
      expect(await chart.locator('.recharts-line').count()).toBe(2);
      await outcomes.getByText('Het laatste cijfer dat de inwoner zelf gaf: 7 van 10.').waitFor();
      await expectAccessible(page, 'outcomes with a trend');
      await screenshot(page, 'household-file-coordinator-nl-1280');
      await chart.screenshot({ path: `${process.env.E2E_SCREENSHOTS_DIR ?? '/tmp'}/household-trend-nl-1280.png` }).catch(() => undefined);

      // The plan as a PDF download: a file name without the resident's name, a tagged PDF in Dutch.
      const pdfLink = page.getByRole('link', { name: 'Download als PDF' });
      expect(await pdfLink.getAttribute('href')).toBe(`/api/municipalities/GM0505/resident-files/${fileId}/plan/export.pdf`);
      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
      expect(pdfDownload.suggestedFilename()).toMatch(new RegExp(`^plan-${fileId.slice(0, 8)}-v\\d+\\.pdf$`));
      const pdf = (await readFile((await pdfDownload.path())!)).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf.includes('/Lang (nl-NL)')).toBe(true);
      expect(pdf.includes('(Plan van Victor Jansen)')).toBe(true);

      // On paper: the plan without the menu, each part on its own page.
      await page.getByRole('link', { name: 'Plan afdrukken' }).click();
      await waitForHeading(page, 'Plan van Victor Jansen');
      await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.samenspel-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      // The goal in the list of goals (it also shows in "Wat ieder bijdroeg").
      await page.getByRole('listitem').filter({ hasText: `“${GOAL}”` }).waitFor();
      await page.getByRole('table', { name: 'Afspraken per rol: gedaan, nog open en voor welke doelen' }).waitFor();
      await screenshot(page, 'household-print-media-nl-1280');
      await page.emulateMedia({ media: 'screen' });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the resident see his plan on a phone and give feedback', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, DEMO.volunteer);
      await menu(page).getByRole('link', { name: 'Mijn plan' }).click();
      await waitForHeading(page, 'Mijn plan');
      await page.locator('section#plan').getByRole('listitem').filter({ hasText: `“${GOAL}”` }).waitFor();
      await page.locator('section#netwerk').getByRole('rowheader', { name: 'Buurvrouw Els' }).waitFor();
      await page.locator('section#uitkomsten').getByRole('table', { name: 'Zelfredzaamheid per meting' }).waitFor();
      // Who looked: the coordinator, by name.
      await page.locator('section#ingekeken').getByRole('cell', { name: /Sanne Bakker/ }).first().waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'my plan on a phone');
      await expectNoSidewaysScroll(page, 'my plan on a phone');
      await screenshot(page, 'household-my-plan-nl-375');

      const voice = page.locator('section#stem');
      await voice.getByRole('button', { name: 'Versturen' }).click();
      await voice.locator('.samenspel-error-summary').getByRole('link', { name: /Kies of het een mening of een wens is/ }).waitFor();
      await voice.getByLabel('Mening').check();
      await voice.getByLabel('In uw eigen woorden').fill(FEEDBACK);
      await voice.getByRole('button', { name: 'Versturen' }).click();
      await page.getByRole('status').filter({ hasText: 'Dank u wel. Uw mening is opgeslagen.' }).waitFor();
      await voice.getByText(FEEDBACK).waitFor();
      await expectAccessible(page, 'my plan after feedback');
      await expectNoSidewaysScroll(page, 'my plan after feedback');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a social worker at the front who already coordinates, and nothing of the plan', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, SOCIAL_WORKER);
      // Ineke's demo request; she has the demo plan, coordinated by Sanne.
      await page.goto('/hulpvragen/d0000000-0000-4000-8000-000000050501');
      await waitForHeading(page, 'Hulpvraag: Gezelschap en bezoek');
      const box = page.locator('section[aria-labelledby="involvement-heading"]');
      await box.getByRole('heading', { name: 'Wie is er al betrokken?' }).waitFor();
      await box.getByText(/is de regievoerder\.$/).waitFor();
      await box.getByText('Meer ziet u niet', { exact: false }).waitFor();
      expect(await box.textContent()).not.toContain('geldzaken');
      await expectAccessible(page, 'help request with who is involved');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses a professional who is not on the plan', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, PROFESSIONAL);
      const refused = page.waitForResponse((r) => r.url().endsWith(`/resident-files/${fileId}`) && r.request().method() === 'GET');
      await page.goto(`/plannen/${fileId}`);
      expect((await refused).status()).toBe(403);
      await waitForHeading(page, 'Geen toegang');
      await expect(page.getByText('Victor Jansen').count()).resolves.toBe(0);
      await expectAccessible(page, 'plan refused');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("lets the coordinator link the resident's help request to the plan and hand the plan to another social worker", async () => {
    // A second social worker in Dordrecht (the demo has one): the administrator makes one.
    const admin = await e2e.openPage(DESKTOP);
    const familyName = `Visser${Date.now().toString(36)}`;
    try {
      await signIn(admin.page, DEMO.admin);
      await admin.page.goto('/beheer/gebruikers/nieuw');
      await waitForHeading(admin.page, 'Nieuwe gebruiker');
      await admin.page.getByLabel('Voornaam').fill('Joris');
      await admin.page.getByLabel('Achternaam').fill(familyName);
      await admin.page.getByLabel(/^E-mailadres/).fill(`${familyName.toLowerCase()}@voorbeeld.example`);
      await admin.page.getByLabel('Sociaal werker').check();
      await admin.page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      await admin.page.getByRole('status').filter({ hasText: 'is aangemaakt' }).waitFor();
    } finally {
      await admin.context.close();
    }

    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, SOCIAL_WORKER);
      await page.goto('/plannen');
      await page.getByRole('link', { name: 'Ineke de Vries' }).click();
      await waitForHeading(page, 'Plan van Ineke de Vries');

      // Neighbour help: her own request that belongs to no plan yet, with a button to link it.
      const help = page.locator('section#buurthulp');
      await help.getByText('Er hangt nog geen hulpvraag onder dit plan.').waitFor();
      const row = help.getByRole('table', { name: 'Hulpvragen die nog niet bij een plan horen' }).getByRole('row', { name: /Gezelschap en bezoek/ });
      await row.getByRole('button', { name: 'Koppel aan dit plan' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'De hulpvraag Gezelschap en bezoek hoort nu bij dit plan.' }).waitFor();
      await help.getByRole('table', { name: 'Hulpvragen onder dit plan' }).getByRole('rowheader', { name: 'Gezelschap en bezoek' }).waitFor();
      await help.getByText('De inwoner heeft geen andere hulpvragen die u kunt koppelen.').waitFor();
      await expectAccessible(page, 'help request linked to the plan');
      await help.screenshot({ path: `${process.env.E2E_SCREENSHOTS_DIR ?? '/tmp'}/household-help-linked-nl-1280.png` }).catch(() => undefined);

      // Hand-over: find a social worker by name, choose, confirm.
      const people = page.locator('section#betrokkenen');
      await people.getByRole('heading', { name: 'Plan overdragen', level: 3 }).waitFor();
      await people.getByRole('button', { name: 'Sociaal werker zoeken' }).click();
      await people.locator('.samenspel-error-summary').getByRole('link', { name: /Typ minstens 2 letters/ }).waitFor();
      await people.getByRole('searchbox', { name: 'Zoek een sociaal werker op naam' }).fill('Joris');
      await people.getByRole('button', { name: 'Sociaal werker zoeken' }).click();
      await people.getByRole('group', { name: 'Aan wie geeft u het plan?' }).waitFor();
      await people.getByRole('button', { name: 'Plan overdragen' }).click();
      await people.locator('.samenspel-error-summary').getByRole('link', { name: /Kies aan wie u het plan geeft/ }).waitFor();
      await people.getByLabel(`Joris ${familyName}`).check();
      await people.getByRole('button', { name: 'Plan overdragen' }).click();
      await people.getByRole('heading', { name: `Plan overdragen aan Joris ${familyName}?` }).waitFor();
      await expectAccessible(page, 'hand-over confirmation');
      await people.screenshot({ path: `${process.env.E2E_SCREENSHOTS_DIR ?? '/tmp'}/household-handover-confirm-nl-1280.png` }).catch(() => undefined);
      await people.getByRole('button', { name: 'Ja, overdragen' }).click();
      // Sanne is no longer on the plan: back to her list, where Ineke's plan is gone.
      await waitForHeading(page, 'Plannen');
      await page.getByRole('status').filter({ hasText: `Het plan is overgedragen aan Joris ${familyName}.` }).waitFor();
      await page.getByRole('link', { name: 'Victor Jansen' }).waitFor();
      await expect(page.getByRole('link', { name: 'Ineke de Vries' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'plans list after a hand-over');
      await screenshot(page, 'household-after-handover-nl-1280');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps every main page accessible at phone and desktop width', async () => {
    const pages: Array<{ who: string; path: string; heading: string | RegExp }> = [
      { who: SOCIAL_WORKER, path: '/plannen', heading: 'Plannen' },
      { who: SOCIAL_WORKER, path: `/plannen/${fileId}`, heading: 'Plan van Victor Jansen' },
      { who: SOCIAL_WORKER, path: `/plannen/${fileId}/afdrukken`, heading: 'Plan van Victor Jansen' },
      { who: DEMO.resident, path: '/mijn-plan', heading: 'Mijn plan' },
      { who: POLICY_OFFICER, path: '/luisteren', heading: 'Wensen van inwoners' },
      { who: DEMO.admin, path: '/beheer/huishoudplan', heading: 'Instellingen plannen' },
    ];
    for (const size of [PHONE, DESKTOP]) {
      for (const who of [...new Set(pages.map((p) => p.who))]) {
        const { context, page, pageErrors } = await e2e.openPage(size);
        try {
          await signIn(page, who);
          for (const p of pages.filter((x) => x.who === who)) {
            await page.goto(p.path);
            await waitForHeading(page, p.heading);
            await expect.poll(() => page.getByRole('status').filter({ hasText: 'Bezig met laden' }).count(), { timeout: 15_000 }).toBe(0);
            await expectPageBasics(page);
            await expectAccessible(page, `${p.path} at ${size.width}px`);
            await expectNoSidewaysScroll(page, `${p.path} at ${size.width}px`);
            const name = p.path.replace(fileId, 'id').replace(/\//g, '-').replace(/^-/, '');
            await screenshot(page, `household-${name}-nl-${size.width}`);
          }
          expect(pageErrors).toEqual([]);
        } finally {
          await context.close();
        }
      }
    }
  }, 180_000);
});

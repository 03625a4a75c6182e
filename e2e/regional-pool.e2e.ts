/**
 * The regional pool: Gorinchem's administrator sees the pool shared with
 * Dordrecht, leaves it (after a confirmation) and joins again; a resident of
 * Gorinchem, on a phone, says a volunteer from a neighbouring municipality is
 * welcome; Gorinchem's social worker then finds the demo's regional driver
 * from Dordrecht among the request's volunteers, marked as such.
 *
 * Deterministic: the demo pool holds both demo municipalities, and the one
 * volunteer of Dordrecht who opted in (Ruud, 3313, 20 km) drives people to
 * appointments on weekday mornings; 4201 is about 13 km from 3313.
 */
import { describe, expect, it } from 'vitest';
import { DEMO, DESKTOP, expectAccessible, expectPageBasics, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

const e2e = useServerAndBrowser();
const RESIDENT_GORINCHEM = 'inwoner@gorinchem.example';
const SOCIAL_WORKER_GORINCHEM = 'sociaalwerker@gorinchem.example';
let requestId = '';

describe('the regional pool', () => {
  it("lets Gorinchem's administrator see, leave and join the pool", async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, DEMO.adminGorinchem);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regionale samenwerking' }).click();
      await waitForHeading(page, 'Regionale samenwerking');
      await page.getByText('Uw gemeente zit in de pool Regio Zuid-Holland Zuid.').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Dordrecht' }).waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'regional pool');
      await screenshot(page, 'regional-pool-admin-nl-1280');

      // A new pool without a name: a clear error, nothing sent.
      await page.getByRole('button', { name: 'Pool starten' }).click();
      const summary = page.locator('.samenspel-error-summary');
      await summary.getByRole('link', { name: /Geef de pool een naam van minstens 2 tekens\./ }).waitFor();
      // The summary takes focus, and its link leads to the field.
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'regional pool with an error');

      // Leaving asks first; focus goes to the question.
      await page.getByRole('button', { name: 'Uit deze pool stappen' }).click();
      const question = page.getByRole('heading', { name: 'Weet u zeker dat uw gemeente uit Regio Zuid-Holland Zuid stapt?' });
      await question.waitFor();
      expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.getByRole('button', { name: 'Ja, uit de pool stappen' }).click();
      await page.getByRole('status').filter({ hasText: 'Uw gemeente zit niet meer in de pool.' }).waitFor();
      await page.getByText('Uw gemeente zit nog niet in een regionale pool.').waitFor();

      // And back in.
      await page.getByLabel('Pool', { exact: true }).selectOption({ label: 'Regio Zuid-Holland Zuid (Dordrecht)' });
      await page.getByRole('button', { name: 'Aansluiten' }).click();
      await page.getByRole('status').filter({ hasText: 'Uw gemeente zit nu in de pool Regio Zuid-Holland Zuid.' }).waitFor();
      // Back in, but sharing waits for a yes from a municipality in the pool.
      await page.getByText('Uw gemeente wacht op een ja van een gemeente die al in deze pool zit.', { exact: false }).waitFor();
      await expectAccessible(page, 'regional pool, waiting for a yes');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("lets Dordrecht's administrator let Gorinchem back in", async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, DEMO.admin);
      await page.goto('/beheer/regio');
      await waitForHeading(page, 'Regionale samenwerking');
      await page.getByRole('heading', { name: 'Gemeenten die willen meedoen' }).waitFor();
      await expectAccessible(page, 'regional pool with a municipality waiting');
      await page.getByRole('button', { name: 'Gorinchem toelaten' }).click();
      await page.getByRole('status').filter({ hasText: 'Gorinchem doet nu mee in de pool.' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Gorinchem' }).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a resident of Gorinchem welcome a volunteer from a neighbouring municipality, on a phone', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, RESIDENT_GORINCHEM);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulp vragen', exact: true }).click();
      await waitForHeading(page, 'Hulp vragen');
      await page.getByLabel('Vervoer naar een afspraak', { exact: true }).check();
      await page.getByLabel('Vertel in een paar zinnen wat u nodig heeft').fill('Wie rijdt mij eens per maand naar de fysiotherapeut in de stad?');
      await page.getByLabel('Elke maand', { exact: true }).check();
      await page.getByRole('group', { name: 'Maandag' }).getByLabel('Ochtend').check();
      await page.getByLabel('Hoe lang duurt de hulp ongeveer?').selectOption('60');
      await page.getByLabel('Postcode', { exact: true }).fill('4201 AA');
      await page.getByLabel('Huisnummer', { exact: true }).fill('5');
      const pool = page.getByLabel('Een vrijwilliger uit een buurgemeente is ook welkom');
      await page.getByText('Uw gemeente werkt samen met Dordrecht. Zo vinden wij misschien sneller iemand.').waitFor();
      await pool.check();
      await expectAccessible(page, 'request form with the regional choice');
      await screenshot(page, 'regional-pool-request-nl-375');
      await page.getByRole('button', { name: 'Hulpvraag versturen' }).click();
      await waitForHeading(page, 'Uw hulpvraag is verstuurd');
      await page.getByRole('link', { name: 'Bekijk uw hulpvraag' }).click();
      await waitForHeading(page, 'Hulpvraag: Vervoer naar een afspraak');
      requestId = new URL(page.url()).pathname.split('/').pop() ?? '';
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows Gorinchem's social worker the driver from Dordrecht among the request's volunteers", async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, SOCIAL_WORKER_GORINCHEM);
      await page.goto(`/hulpvragen/${requestId}`);
      await waitForHeading(page, 'Hulpvraag: Vervoer naar een afspraak');
      await page.locator('section[aria-labelledby="request-candidates"]').getByRole('heading', { name: 'Vrijwilligers die passen' }).waitFor();
      const ruud = page.locator('.samenspel-match-card').filter({ has: page.getByRole('heading', { name: 'Ruud', exact: true }) });
      await ruud.getByText('uit Dordrecht').waitFor();
      await expectAccessible(page, 'request with a regional volunteer');
      await screenshot(page, 'regional-pool-coordinator-nl-1280');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a volunteer of Dordrecht who opted in offer help with a request in Gorinchem', async () => {
    const resident = await e2e.openPage(PHONE);
    const volunteer = await e2e.openPage(PHONE);
    const description = `Wie doet op dinsdagmiddag boodschappen met mij? (${Date.now().toString(36)})`;
    try {
      const r = resident.page;
      await signIn(r, RESIDENT_GORINCHEM);
      await r.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulp vragen', exact: true }).click();
      await waitForHeading(r, 'Hulp vragen');
      await r.getByLabel('Boodschappen', { exact: true }).check();
      await r.getByLabel('Vertel in een paar zinnen wat u nodig heeft').fill(description);
      await r.getByLabel('Elke maand', { exact: true }).check();
      await r.getByRole('group', { name: 'Dinsdag' }).getByLabel('Middag').check();
      await r.getByLabel('Hoe lang duurt de hulp ongeveer?').selectOption('60');
      await r.getByLabel('Postcode', { exact: true }).fill('4205 AA');
      await r.getByLabel('Huisnummer', { exact: true }).fill('9');
      await r.getByLabel('Een vrijwilliger uit een buurgemeente is ook welkom').check();
      await r.getByRole('button', { name: 'Hulpvraag versturen' }).click();
      await waitForHeading(r, 'Uw hulpvraag is verstuurd');

      // Victor (Dordrecht, 3317) opts in and travels up to 25 km: Gorinchem is about 22 km away.
      const v = volunteer.page;
      await signIn(v, DEMO.volunteer);
      await v.goto('/vrijwilliger');
      await waitForHeading(v, 'Mijn hulpaanbod');
      await v.getByText('U krijgt dan ook hulpvragen uit Gorinchem.', { exact: false }).waitFor();
      await v.getByLabel('Hoe ver wilt u hoogstens reizen?').selectOption('25');
      await v.getByLabel('Ik wil ook helpen in andere gemeenten in de regio').check();
      await v.getByRole('button', { name: 'Hulpaanbod opslaan' }).click();
      await v.getByRole('status').filter({ hasText: 'Uw hulpaanbod is opgeslagen.' }).waitFor();

      await v.goto('/passende-hulpvragen');
      await waitForHeading(v, 'Hulpvragen die bij u passen');
      const card = v.locator('.samenspel-match-card').filter({ hasText: description });
      await card.getByText('In de gemeente Gorinchem (regionale samenwerking)').waitFor();
      await expectAccessible(v, 'suggestions with a request of a partner municipality');
      await screenshot(v, 'regional-pool-suggestion-nl-375');
      await card.getByRole('button', { name: 'Ik wil helpen' }).click();
      await waitForHeading(v, 'Koppeling: Boodschappen');
      await v.getByText('Gemeente Gorinchem').first().waitFor();
      await v.getByRole('status').filter({ hasText: 'Deze koppeling hoort bij de gemeente Gorinchem' }).waitFor();
      await expectAccessible(v, 'match in the partner municipality');
      expect(resident.pageErrors).toEqual([]);
      expect(volunteer.pageErrors).toEqual([]);
    } finally {
      await resident.context.close();
      await volunteer.context.close();
    }
  });
});

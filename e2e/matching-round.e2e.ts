/**
 * The city-wide matching round (koppelronde) in Chromium, with axe in each
 * state: a social worker starts the round from the coach's queue with the
 * keyboard only, lands on the result, and follows the request that needs a
 * rota to the coach's page; on a phone the result fits the screen. In the
 * demo every open request nobody is asked for yet is the weekly request for
 * company (Ineke), which no single volunteer carries: the round proposes
 * nothing and lists it for a rota.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, expectPageBasics, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

const e2e = useServerAndBrowser();
const WORKER = 'sociaalwerker@dordrecht.example';
const REQUEST_ID = 'd0000000-0000-4000-8000-000000050501';

describe('the city-wide matching round', () => {
  it('lets a social worker run the round by keyboard and follow a request that needs a rota', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, WORKER);
      await page.goto('/coach');
      await waitForHeading(page, 'Wachtrij coach');
      const section = page.getByRole('region', { name: 'Koppelronde voor de hele gemeente' });
      await section.waitFor();
      const start = section.getByRole('button', { name: 'Start de koppelronde' });
      await expectAccessible(page, 'coach queue with the matching round');
      await start.focus();
      await page.keyboard.press('Enter');
      const heading = section.getByRole('heading', { level: 3, name: /De koppelronde is klaar: \d+ nieuwe voorstellen\./ });
      await heading.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('matching-round-result');
      expect(await page.getByRole('status').textContent()).toMatch(/De koppelronde is klaar/);
      const text = (await section.textContent()) ?? '';
      expect(text).toMatch(/Bekeken: \d+ hulpvragen en \d+ vrijwilligers met ruimte\./);
      expect(text).toContain('Er zijn geen nieuwe voorstellen.');
      // Nothing personal in the result: category and postcode area only.
      expect(text).not.toMatch(/Ineke|3317\s?AB/);
      const teams = section.getByRole('table', { name: 'Deze vragen hebben een rooster nodig' });
      const row = teams.getByRole('row').filter({ hasText: '3317' });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toMatch(/4,3 keer per maand/);
      await expectPageBasics(page);
      await expectAccessible(page, 'matching round result');
      await screenshot(page, 'matching-round-nl-1280');

      await row.getByRole('link', { name: 'Gezelschap en bezoek' }).click();
      await page.waitForURL((url) => url.pathname === `/coach/hulpvragen/${REQUEST_ID}`);
      await waitForHeading(page, 'Gezelschap en bezoek voor Ineke de Vries');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a phone and a second round proposes nothing twice', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, WORKER);
      await page.goto('/coach');
      await waitForHeading(page, 'Wachtrij coach');
      const section = page.getByRole('region', { name: 'Koppelronde voor de hele gemeente' });
      await section.getByRole('button', { name: 'Start de koppelronde' }).click();
      await section.getByRole('heading', { level: 3, name: 'De koppelronde is klaar: 0 nieuwe voorstellen.' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
      await expectAccessible(page, 'matching round result on a phone');
      await screenshot(page, 'matching-round-nl-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

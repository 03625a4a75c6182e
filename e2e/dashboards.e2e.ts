/**
 * The outcome dashboard (issue 6): Dordrecht's policy officer opens
 * "Uitkomsten" on the demo history, sees figures with their tables and the
 * area map, filters one postcode area, then goes on to the effect calculator
 * and exports a calculation as PDF. A professional sees only their own
 * organisation; a resident is refused. axe checks every state; on a phone
 * the page does not scroll sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, expectPageBasics, fillSmallEffectCase, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

// This spec reads the synthetic history the demo loads (server/demo/history-demo.ts).
const e2e = useServerAndBrowser({ env: { DEMO_HISTORY: 'true' } });

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(width);
}

/** A figure of the data lists, by its data-figure name. */
const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`);

describe('the outcome dashboard', () => {
  it('lets a policy officer read the figures, filter an area and export an effect calculation', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, 'beleid@dordrecht.example');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitkomsten' }).click();
      await waitForHeading(page, 'Uitkomsten');
      await expectPageBasics(page);
      await page.getByText('Groepen van minder dan 10 inwoners tellen niet mee.', { exact: false }).waitFor();
      // The demo history is counted at start: the whole municipality has figures.
      await expect.poll(() => figure(page, 'requests').textContent(), { timeout: 15_000 }).toMatch(/^\d[\d.]*$/);
      await page.getByRole('table', { name: 'Hulpvragen per kwartaal' }).waitFor();
      await page.getByRole('table', { name: 'Zelfredzaamheid per leefgebied' }).getByRole('row', { name: /Financiën/ }).waitFor();
      await page.getByRole('table', { name: 'Bijdrage per rol' }).getByRole('row', { name: /De inwoner zelf/ }).waitFor();
      await page.getByRole('img', { name: /Kaart van de postcodegebieden/ }).waitFor();
      await expectAccessible(page, 'outcome dashboard, whole municipality');
      await screenshot(page, 'dashboard-nl-1280');

      // One area: the map and the per-area table give way to that area's figures.
      const area = await page.locator('#dashboard-filter option[value^="pc4:"]').first().getAttribute('value');
      await page.locator('#dashboard-filter').selectOption(area!);
      await page.getByRole('button', { name: 'Toon cijfers' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dashboard-results');
      await expect.poll(() => page.getByRole('table', { name: 'Hulpvragen per postcodegebied' }).count()).toBe(0);
      await expect.poll(() => figure(page, 'requests').textContent()).toMatch(/^(\d[\d.]*|Te weinig gegevens)$/);
      await expectAccessible(page, 'outcome dashboard, one area');

      // On to the effect calculator: a small case, saved and exported as PDF.
      await page.getByRole('link', { name: /Naar de effectencalculator/ }).click();
      await waitForHeading(page, 'Effectencalculator');
      await fillSmallEffectCase(page, 'Buurthulp wijk, voorbeeld');
      await page.getByRole('button', { name: 'Berekening opslaan' }).click();
      await page.waitForURL(/\/effectencalculator\/berekeningen\/[0-9a-f-]{36}$/);
      const pdfLink = page.getByRole('link', { name: 'Download als PDF' });
      const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
      expect(download.suggestedFilename()).toMatch(/^effectberekening-GM0505-[0-9a-f]{8}-v1\.pdf$/);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says at the field when the period ends before it starts', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, 'beleid@dordrecht.example');
      await page.goto('/cijfers/uitkomsten');
      await waitForHeading(page, 'Uitkomsten');
      await expect.poll(() => figure(page, 'requests').textContent(), { timeout: 15_000 }).toMatch(/^\d[\d.]*$/);
      const quarters = await page.locator('#dashboard-from option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const [earliest, latest] = [quarters[0]!, quarters.at(-1)!];
      expect(earliest < latest, 'the demo history spans more than one quarter').toBe(true);

      await page.locator('#dashboard-from').selectOption(latest);
      await page.locator('#dashboard-to').selectOption(earliest);
      await page.getByRole('button', { name: 'Toon cijfers' }).click();

      // The message sits at "Tot en met", tied to it for screen readers, and the summary links there.
      const message = 'Dit kwartaal ligt voor het begin van de periode. Kies hetzelfde kwartaal als bij Van, of een later kwartaal.';
      const to = page.locator('#dashboard-to');
      await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
      expect((await to.getAttribute('aria-describedby'))?.split(' ')).toContain('dashboard-to-error');
      expect(await page.locator('#dashboard-to-error').textContent()).toContain(message);
      expect(await page.locator('#dashboard-from').getAttribute('aria-invalid')).toBeNull();
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('samenspel-error-summary'))).toBe(true);
      await page.getByRole('link', { name: `Tot en met: ${message}` }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dashboard-to');
      // No general error in place of the figures.
      expect(await page.getByText('Niet alles is goed ingevuld').count()).toBe(0);
      await expectAccessible(page, 'outcome dashboard, period ends before it starts');

      // The API refuses the same period and names the field, for any other client.
      const res = await page.request.get(`/api/municipalities/GM0505/dashboards/outcomes?from=${latest}&to=${earliest}`);
      expect(res.status()).toBe(400);
      expect(res.headers()['content-type']).toContain('application/problem+json');
      expect(((await res.json()) as { invalidParams: unknown[] }).invalidParams).toEqual([expect.objectContaining({ name: 'to', code: 'invalid_value' })]);

      // Put right, the message goes and the figures come.
      await to.selectOption(latest);
      await page.getByRole('button', { name: 'Toon cijfers' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dashboard-results');
      expect(await to.getAttribute('aria-invalid')).toBeNull();
      expect(await page.locator('#dashboard-to-error').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a phone', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, 'beleid@dordrecht.example');
      await page.goto('/cijfers/uitkomsten');
      await waitForHeading(page, 'Uitkomsten');
      await expect.poll(() => figure(page, 'requests').textContent(), { timeout: 15_000 }).toMatch(/^\d[\d.]*$/);
      await noSidewaysScroll(page);
      await expectAccessible(page, 'outcome dashboard on a phone');
      await screenshot(page, 'dashboard-nl-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a professional only their own organisation, and refuses a resident', async () => {
    const { context, page } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, 'professional@dordrecht.example');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitkomsten' }).click();
      await waitForHeading(page, 'Uitkomsten');
      await page.getByText(/U ziet de cijfers van uw eigen organisatie/).waitFor();
      expect(await page.locator('#dashboard-filter').count()).toBe(0);
      await expectAccessible(page, 'outcome dashboard for a professional');
    } finally {
      await context.close();
    }
    const second = await e2e.openPage(DESKTOP);
    try {
      await signIn(second.page, 'inwoner@dordrecht.example');
      await second.page.goto('/cijfers/uitkomsten');
      await waitForHeading(second.page, 'Geen toegang');
    } finally {
      await second.context.close();
    }
  });
});

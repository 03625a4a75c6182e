/**
 * The effect calculator (issue 6): Dordrecht's policy officer opens the
 * calculator, enters a small case, sees the net effect with its plain-Dutch
 * explanation and sources, saves it and downloads the CSV and the PDF; the saved
 * calculation on a phone does not scroll sideways; the tariffs page keeps
 * history; a resident is refused. axe checks every state.
 *
 * The case (price year 2024, Kostenhandleiding prices):
 *   cost: coordination 2 h a month × 12 months × € 68,67 = € 1.648,08
 *   avoided: 30% × 4 h a week × 52 weeks × € 35,15 (household help) = € 2.193,36
 *   net: € 2.193,36 − € 1.648,08 = € 545,28
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, expectPageBasics, fillSmallEffectCase, PHONE, screenshot, signIn, useServerAndBrowser, waitForHeading } from './harness';

const e2e = useServerAndBrowser();
const POLICY_OFFICER = 'beleid@dordrecht.example';
const RESIDENT = 'inwoner@dordrecht.example';
let savedPath = '';

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(width);
}

describe('the effect calculator', () => {
  it('lets a policy officer compute a small case, see it explained, save it and download the CSV and the PDF', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, POLICY_OFFICER);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Effectencalculator' }).click();
      await waitForHeading(page, 'Effectencalculator');
      await expectPageBasics(page);
      // An empty form: the preview names what is missing, without taking focus.
      await page.getByText('Nog niet alles is goed ingevuld. Pas deze velden aan:').waitFor();
      await expectAccessible(page, 'empty effect calculator');

      await fillSmallEffectCase(page, 'Alleenwonende oudere, buurthulp');

      const net = page.locator('[data-figure="net"]');
      await expect.poll(() => net.textContent(), { timeout: 10_000 }).toMatch(/^€\s545,28$/);
      await page.getByText(/Het netto effect is €\s2\.193,36 − €\s1\.648,08 = €\s545,28: de hulp bespaart meer dan zij kost\./).waitFor();
      await page.getByText(/Zonder deze hulp is er een kans van 30% dat dit nodig is: Huishoudelijke hulp/).waitFor();
      await page.getByText('bron: Kostenhandleiding Zorginstituut, prijspeil 2024').first().waitFor();
      await page.getByRole('table', { name: 'Kosten en besparing per betaler' }).getByRole('row', { name: /Gemeente \(Wmo\)/ }).waitFor();
      await expectAccessible(page, 'effect calculator with a result');
      await screenshot(page, 'effects-result-nl-1280');

      // Keyboard only: add a care line with Enter, then remove it again.
      await page.getByRole('button', { name: 'Zorgregel toevoegen' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#eff-reference-1-label').waitFor();
      await page.getByRole('button', { name: 'Zorgregel 2 verwijderen' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#eff-reference-1-label').count()).toBe(0);

      await page.getByRole('button', { name: 'Berekening opslaan' }).click();
      await page.waitForURL(/\/effectencalculator\/berekeningen\/[0-9a-f-]{36}$/);
      savedPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: 'Opgeslagen berekening: Alleenwonende oudere, buurthulp' }).waitFor();
      await page.getByText('Dit is versie 1, opgeslagen door Lotte Smit.').waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'saved effect calculation');
      await screenshot(page, 'effects-saved-nl-1280');

      const link = page.getByRole('link', { name: 'Download als CSV (voor Excel)' });
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/api\/municipalities\/GM0505\/effect-calculations\/[0-9a-f-]{36}\/export\.csv$/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^effectberekening-GM0505-[0-9a-f]{8}-v1\.csv$/);
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const csv = await res.text();
      expect(csv).toMatch(/totaal;netto;.*;545,28\r\n/);
      expect(csv).toContain('referentie;');

      const pdfLink = page.getByRole('link', { name: 'Download als PDF' });
      const pdfHref = await pdfLink.getAttribute('href');
      expect(pdfHref).toBe(href!.replace(/\.csv$/, '.pdf'));
      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
      expect(pdfDownload.suggestedFilename()).toMatch(/^effectberekening-GM0505-[0-9a-f]{8}-v1\.pdf$/);
      const pdfRes = await page.request.get(pdfHref!);
      expect(pdfRes.status()).toBe(200);
      expect(pdfRes.headers()['content-type']).toBe('application/pdf');
      const pdf = Buffer.from(await pdfRes.body()).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf.includes('/Lang (nl-NL)')).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the saved calculation on a phone without sideways scrolling', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, POLICY_OFFICER);
      await page.goto(savedPath);
      await waitForHeading(page, 'Effectencalculator');
      await expect.poll(() => page.locator('[data-figure="net"]').textContent(), { timeout: 10_000 }).toMatch(/545,28/);
      await noSidewaysScroll(page);
      await expectAccessible(page, 'saved effect calculation on a phone');
      await screenshot(page, 'effects-saved-nl-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps the municipality's tariffs with their history", async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, POLICY_OFFICER);
      await page.goto('/effectencalculator/tarieven');
      await waitForHeading(page, 'Tarieven van de gemeente');
      await expectPageBasics(page);
      await expectAccessible(page, 'tariffs, none yet');
      for (const [price, from] of [
        ['36,90', '2024-01-01'],
        ['38,40', '2024-07-01'],
      ] as const) {
        await page.getByLabel('Code van de eenheid').fill('homecare_household');
        await page.getByLabel('Prijs per eenheid (euro)').fill(price);
        await page.getByLabel('Geldig vanaf').fill(from);
        await page.getByLabel('Bron', { exact: true }).fill('Tarievenlijst Wmo (synthetisch)');
        await page.getByRole('button', { name: 'Tarief opslaan' }).click();
        await page.getByRole('status').filter({ hasText: 'Het tarief is opgeslagen.' }).waitFor();
      }
      const rows = page.getByRole('table').getByRole('row');
      await expect.poll(() => rows.count()).toBe(3);
      await page.getByRole('cell', { name: /36,90/ }).waitFor();
      await page.getByRole('cell', { name: /38,40/ }).waitFor();
      await noSidewaysScroll(page);
      await expectAccessible(page, 'tariffs with history');
      await screenshot(page, 'effects-tariffs-nl-375');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses a resident', async () => {
    const { context, page, pageErrors } = await e2e.openPage(DESKTOP);
    try {
      await signIn(page, RESIDENT);
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Effectencalculator' }).count()).toBe(0);
      await page.goto('/effectencalculator');
      await waitForHeading(page, 'Geen toegang');
      await expectAccessible(page, 'effect calculator refused');
      const res = await page.request.get('/api/municipalities/GM0505/effect-calculations');
      expect(res.status()).toBe(403);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * An administrator reads the audit log: checks the hash chain, filters by
 * action, and gets a clear message for a date range that ends before it
 * starts.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  expectAccessible,
  expectPageBasics,
  PHONE,
  screenshot,
  signIn,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

describe('audit log', () => {
  it('verifies the chain and filters events', async () => {
    const { context, page, pageErrors } = await e2e.openPage(PHONE);
    try {
      await signIn(page, DEMO.admin);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click();
      await waitForHeading(page, 'Auditlog');
      const table = page.getByRole('table', { name: 'Gebeurtenissen, nieuwste eerst' });
      await table.waitFor();
      await expectPageBasics(page);
      await expectAccessible(page, 'audit log');

      await page.getByRole('button', { name: 'Controleer keten' }).click();
      await page.getByRole('status').filter({ hasText: 'De keten is in orde.' }).waitFor();
      await expectAccessible(page, 'audit log after verifying the chain');
      await screenshot(page, 'audit-log-verified-375');

      await page.getByLabel('Actie').selectOption({ label: 'Persoon aangemaakt' });
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await table.getByRole('cell', { name: 'Persoon aangemaakt' }).first().waitFor();
      const actions = await table.locator('tbody tr td:nth-child(4)').allTextContents();
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['Persoon aangemaakt']));

      await page.getByLabel('Vanaf datum').fill('2026-03-10');
      await page.getByLabel('Tot en met datum').fill('2026-03-01');
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.locator('.samenspel-error-summary').filter({ hasText: 'Deze datum ligt voor de begindatum.' }).waitFor();
      expect(await page.getByLabel('Tot en met datum').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'audit log filter with a wrong date range');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Keyboard only: Tab reaches the skip link first, Enter on it moves to the
 * content, Tab reaches the sign-in fields, and Enter signs in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  screenshot,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? '', id: el?.id ?? '', text: el?.textContent?.trim() ?? '' };
  });

describe('keyboard only', () => {
  it('signs in with Tab and Enter, starting from the skip link', async () => {
    const { context, page, pageErrors } = await e2e.openPage();
    try {
      await page.goto('/inloggen');
      await waitForHeading(page, 'Inloggen');
      await expectAccessible(page, 'sign-in');

      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Naar de inhoud' });
      // The skip link appears when it has focus, with a visible focus style.
      const skipLink = page.getByRole('link', { name: 'Naar de inhoud' });
      const box = await skipLink.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);
      const outline = await skipLink.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');

      await screenshot(page, 'skip-link-focused-1280');
      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatchObject({ tag: 'MAIN', id: 'inhoud' });
      expect(new URL(page.url()).hash).toBe('');

      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe('sign-in-email');
      await page.keyboard.type(DEMO.admin);
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe('sign-in-password');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');

      await waitForHeading(page, /^Welkom, /);
      expect(new URL(page.url()).pathname).toBe('/');
      await expectAccessible(page, 'home after keyboard sign-in');

      // After signing in, focus is on the new page's h1.
      expect((await focused(page)).tag).toBe('H1');
      // On a fresh load the skip link is again the first Tab stop.
      await page.reload();
      await waitForHeading(page, /^Welkom, /);
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe('Naar de inhoud');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

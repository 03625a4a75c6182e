/**
 * Sign in and see the home page, on a phone and on a desktop, in Dutch and
 * in English. Every page is checked with axe, the layout must not scroll
 * sideways, and the language choice survives signing in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_PASSWORD,
  DESKTOP,
  expectAccessible,
  expectPageBasics,
  PHONE,
  screenshot,
  waitForHeading,
  useServerAndBrowser,
} from './harness';

const e2e = useServerAndBrowser();

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

const TEXT = {
  nl: { welcome: 'Welkom bij samenspel', signIn: 'Inloggen', home: /^Welkom, /, tasks: 'Wat wilt u doen?', profile: 'Mijn profiel' },
  en: { welcome: 'Welcome to samenspel', signIn: 'Sign in', home: /^Welcome, /, tasks: 'What would you like to do?', profile: 'My profile' },
} as const;

const CASES = [
  { locale: 'nl', viewport: PHONE, email: DEMO.resident },
  { locale: 'nl', viewport: DESKTOP, email: DEMO.admin },
  { locale: 'en', viewport: PHONE, email: DEMO.admin },
  { locale: 'en', viewport: DESKTOP, email: DEMO.resident },
] as const;

describe('sign in and home', () => {
  for (const { locale, viewport, email } of CASES) {
    it(`works at ${viewport.width}px in ${locale === 'nl' ? 'Dutch' : 'English'} for ${email}`, async () => {
      const text = TEXT[locale];
      const { context, page, pageErrors } = await e2e.openPage(viewport);
      const shot = (state: string) => screenshot(page, `${state}-${locale}-${viewport.width}`);
      try {
        await page.goto('/');
        await waitForHeading(page, TEXT.nl.welcome);
        expect(await page.locator('html').getAttribute('lang')).toBe('nl');

        if (locale === 'en') {
          await page.getByRole('button', { name: 'English' }).click();
          await waitForHeading(page, text.welcome);
          expect(await page.locator('html').getAttribute('lang')).toBe('en');
        }
        await expectPageBasics(page);
        await expectNoSidewaysScroll(page);
        await expectAccessible(page, `home (signed out, ${locale}, ${viewport.width}px)`);
        await shot('home-signed-out');

        // In-app navigation moves focus to the new page's h1.
        await page.getByRole('navigation').getByRole('link', { name: text.signIn }).click();
        await waitForHeading(page, text.signIn);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        await expectPageBasics(page);
        await expectNoSidewaysScroll(page);
        await expectAccessible(page, `sign-in (${locale}, ${viewport.width}px)`);
        await shot('sign-in');

        await page.getByLabel(locale === 'nl' ? 'E-mailadres' : 'E-mail address').fill(email);
        await page.getByLabel(locale === 'nl' ? 'Wachtwoord' : 'Password', { exact: true }).fill(DEMO_PASSWORD);
        await page.locator('main form').getByRole('button', { name: text.signIn }).click();

        await waitForHeading(page, text.home);
        expect(new URL(page.url()).pathname).toBe('/');
        // The language chosen before signing in is kept.
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await page.getByRole('heading', { level: 2, name: text.tasks }).isVisible()).toBe(true);
        expect(await page.locator('main').getByRole('link', { name: text.profile }).isVisible()).toBe(true);
        await expectPageBasics(page);
        await expectNoSidewaysScroll(page);
        await expectAccessible(page, `home (signed in, ${locale}, ${viewport.width}px)`);
        await shot('home-signed-in');

        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

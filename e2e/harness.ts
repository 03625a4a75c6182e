/**
 * End-to-end harness: the real server on a free port with a fresh embedded
 * database in demo mode, Debian's Chromium through playwright-core, and an
 * axe-core check that every spec runs on every page it visits.
 *
 * Each spec file starts one server in `beforeAll` and stops it in
 * `afterAll`, so files never share state.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const START_TIMEOUT_MS = 90_000;

export const DEMO_PASSWORD = 'samenspel-demo-2026';
export const DEMO = {
  admin: 'beheer@dordrecht.example',
  resident: 'inwoner@dordrecht.example',
  volunteer: 'vrijwilliger@dordrecht.example',
  adminGorinchem: 'beheer@gorinchem.example',
} as const;

export const PHONE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A port nobody listens on right now: bind to port 0, read it, let go. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port'));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });
}

/** The test script builds web/dist first; build here only when that did not happen. */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed; see the output above');
}

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
  /** Server output so far, for failure messages. */
  output: () => string;
}

/**
 * `env` adds to the server's environment. The synthetic dashboard history
 * (5,000 residents) is left out unless a spec asks for it: it slows the start
 * and only the dashboard spec reads it.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  ensureWebBuild();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'samenspel-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';

  const child: ChildProcess = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Links in mails (password reset) must point at the address the browser uses.
      PUBLIC_URL: baseUrl,
      DATA_DIR: join(dataDir, 'data'),
      DEMO_MODE: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      DEMO_HISTORY: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with code ${child.exitCode} before it was healthy:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return { baseUrl, stop, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server was not healthy within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a spec fails on any. */
  pageErrors: string[];
}

/** A fresh browser context (own cookies and localStorage) at the given size. */
export async function openPage(browser: Browser, baseUrl: string, viewport: { width: number; height: number } = DESKTOP): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/**
 * Runs axe (WCAG 2.1 A and AA) on the page as it is now, and fails with a
 * readable list of violations, node by node.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `      - ${node.target.join(' ')}\n        ${node.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`axe found ${results.violations.length} accessibility violation(s) on ${label} (${page.url()}):\n${report}`);
}

/**
 * Saves a full-page screenshot when E2E_SCREENSHOTS_DIR is set, for a
 * person to look at; a no-op otherwise.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Waits until the page shows its h1 with the given text. */
export async function waitForHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ state: 'visible' });
}

/**
 * Signs in through the sign-in page and leaves the browser on the home page.
 * Checks both pages with axe on the way: every page a spec visits is checked.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await waitForHeading(page, /Inloggen|Sign in/);
  await expectAccessible(page, 'sign-in');
  await page.locator('#sign-in-email').fill(email);
  await page.locator('#sign-in-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/');
  await waitForHeading(page, /Welkom|Welcome/);
  await expectAccessible(page, `home of ${email}`);
}

/** Signs out with the header button; checks the signed-out home page with axe. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Uitloggen|Sign out/ }).click();
  await waitForHeading(page, /Welkom bij samenspel|Welcome to samenspel/);
  await expectAccessible(page, 'home after signing out');
}

/** Exactly one h1, and a page title that ends with "| samenspel". */
export async function expectPageBasics(page: Page): Promise<void> {
  const h1Count = await page.locator('h1').count();
  if (h1Count !== 1) throw new Error(`expected one h1 on ${page.url()}, found ${h1Count}`);
  const title = await page.title();
  if (!/\| samenspel$/.test(title)) throw new Error(`unexpected page title "${title}" on ${page.url()}`);
}

/**
 * Fills the effect calculator (already open) with the small case both the
 * calculator and the dashboard specs use: coordination 2 hours a month
 * against a 30% chance of 4 hours of household help a week, priced from the
 * price list (net € 545,28 at price year 2024; see effects.e2e.ts). Leaves
 * the case unsaved.
 */
export async function fillSmallEffectCase(page: Page, title: string): Promise<void> {
  await page.locator('#eff-title').fill(title);
  await page.locator('#eff-costs-0-label').fill('Coördinatie door sociaal werker');
  await page.locator('#eff-costs-0-quantity').fill('2');
  await page.locator('#eff-reference-0-label').fill('Huishoudelijke hulp');
  await page.locator('#eff-reference-0-probability').fill('30');
  await page.locator('#eff-reference-0-quantity').fill('4');
  // The unit price: search the price list, then choose.
  await page.locator('#eff-reference-0-price-shortVar-search').fill('household help');
  await page.locator('#eff-reference-0-price-shortVar').selectOption('homecare_household');
}

export interface E2EFixture {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh browser context and page on this file's server (desktop size unless given). */
  openPage(viewport?: { width: number; height: number }): Promise<TestPage>;
}

/**
 * One server (with its own fresh database) and one browser for a spec file:
 * started before its tests, stopped after them, so files never share state.
 */
export function useServerAndBrowser(options: { env?: Record<string, string> } = {}): E2EFixture {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error('the e2e server and browser start in beforeAll');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    openPage: (viewport) => openPage(started().browser, started().server.baseUrl, viewport),
  };
}

/**
 * Integration-test harness: a fresh database copied from the migrated
 * template (PGlite or PostgreSQL, per TEST_DB), the real app on it, a
 * controllable clock, an in-memory mail capture, and an agent that keeps
 * cookies and the CSRF token like a browser does.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildApp, type App } from '../server/app';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/core/logger';
import { openDatabase, type Database } from '../server/db/client';
import type { Deps } from '../server/http/env';
import type { Mailer, MailMessage } from '../server/mail/mailer';
import { DEMO_PASSWORD } from '../server/demo/demo-data';
import { PGLITE_TEMPLATE_FILE, TEMPLATE_DB, TEST_NOW, adminUrl, testDbKind } from './db-config';

export interface TestEnv {
  app: App;
  deps: Deps;
  database: Database;
  mail: MailMessage[];
  clock: { now: Date; advance(ms: number): void };
  /** Another connection's view as the owner (bypasses RLS): for checking what was written. */
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
    const database = await openDatabase({ pglite: client });
    return { database, drop: () => database.close() };
  }
  const name = `samenspel_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: adminUrl(name), poolSize: 4 });
  return {
    database,
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function createTestEnv(overrides: Record<string, string> = {}): Promise<TestEnv> {
  const { database, drop } = await openTestDatabase();
  const clock = {
    // A day after the demo data was loaded, so nothing it holds counts as "in the last hour".
    now: new Date(TEST_NOW.getTime() + 86_400_000),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const mail: MailMessage[] = [];
  const mailer: Mailer = {
    kind: 'outbox',
    async send(m) {
      mail.push(m);
    },
  };
  const config = loadConfig({ DEMO_MODE: 'true', PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', ...overrides });
  const deps: Deps = { config, database, mailer, logger: createLogger('silent'), now: () => clock.now };
  return { app: buildApp(deps), deps, database, mail, clock, close: drop };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token. */
export class Agent {
  private cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly app: App) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`http://localhost:3000${path}`, { method, headers: h, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && !/=;?$/.test(pair) && !/Max-Age=0/i.test(setCookie) ? pair : null;
    }
    return res;
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, body, headers);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);

  async signIn(email: string, password = DEMO_PASSWORD): Promise<this> {
    const res = await this.post('/api/session', { email, password });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    this.csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }
}

export async function signedIn(app: App, email: string): Promise<Agent> {
  return new Agent(app).signIn(email);
}

/**
 * Sign-in, sessions, CSRF, lockout, password reset and invitations, through
 * the real app on a real database. Several groups get a fresh environment
 * per test: the per-address rate limits live in the app instance, and a
 * lockout or a used token must not leak from one test into the next.
 */
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../shared/errors';
import { queryRows } from '../server/db/client';
import { DEMO_PASSWORD } from '../server/demo/demo-data';
import { A } from './fixtures';
import { Agent, createTestEnv, signedIn, type TestEnv } from './harness';

const ORIGIN = 'http://localhost:3000';
const MINUTE = 60_000;

interface Send {
  cookie?: string | null;
  csrf?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A raw request, for the cases where the browser-like Agent would hide what is tested. */
async function send(env: TestEnv, method: string, path: string, o: Send = {}): Promise<Response> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.cookie) headers.cookie = o.cookie;
  if (o.csrf) headers['x-csrf-token'] = o.csrf;
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    headers['content-type'] ??= 'application/json';
  }
  return env.app.request(`${ORIGIN}${path}`, { method, headers, body });
}

/** The `name=value` pair of the Set-Cookie header, or null when none was set. */
function cookiePair(res: Response): string | null {
  const header = res.headers.get('set-cookie');
  return header ? (header.split(';')[0] ?? null) : null;
}

async function signInRaw(env: TestEnv, email: string, password = DEMO_PASSWORD, o: Send = {}) {
  const res = await send(env, 'POST', '/api/session', { ...o, body: { email, password } });
  const json = (await res.clone().json()) as { csrfToken?: string } & Partial<Problem>;
  return { res, cookie: cookiePair(res), csrf: json.csrfToken ?? null, body: json };
}

async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as Problem;
}

/** A problem body without the per-request parts, to compare two answers. */
const comparable = ({ requestId: _r, ...rest }: Problem) => rest;

/** The reset or invitation token from an e-mail: it must travel in the URL fragment. */
function tokenFromMail(text: string): string {
  const link = text.split('\n').find((line) => line.startsWith(ORIGIN));
  expect(link).toBeDefined();
  const url = new URL(link!);
  expect(url.pathname).toBe('/wachtwoord-herstellen');
  expect(url.search).toBe('');
  const match = /^#token=([A-Za-z0-9_-]{20,128})$/.exec(url.hash);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe('the session cookie', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('is HttpOnly, SameSite=Lax, for the whole site, and lives as long as the session', async () => {
    const { res } = await signInRaw(env, A.resident.email);
    expect(res.status).toBe(200);
    const header = res.headers.get('set-cookie')!;
    expect(header).toMatch(/^samenspel_session=[A-Za-z0-9_-]{40,}/);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Path=\//);
    expect(header).toMatch(/;\s*Max-Age=43200/);
    expect(header).not.toMatch(/;\s*Domain=/i);
  });

  it('is not marked Secure on a plain-http deployment (the browser would drop it)', async () => {
    const { res } = await signInRaw(env, A.resident.email);
    expect(res.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });

  it('is never stored: the database keeps only its hash', async () => {
    const { cookie } = await signInRaw(env, A.resident.email);
    const value = cookie!.split('=')[1]!;
    const rows = await queryRows<{ id_hash: string }>(env.database.db, sql`select id_hash from sessions`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id_hash === value)).toBe(false);
  });
});

describe('the session cookie on an https deployment', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ PUBLIC_URL: 'https://samenspel.dordrecht.example' });
  });
  afterAll(() => env.close());

  it('is Secure and carries the __Host- prefix, HttpOnly and SameSite=Lax', async () => {
    const { res } = await signInRaw(env, A.resident.email);
    expect(res.status).toBe(200);
    const header = res.headers.get('set-cookie')!;
    expect(header).toMatch(/^__Host-samenspel_session=/);
    expect(header).toMatch(/;\s*Secure/i);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Path=\//);
    expect(header).not.toMatch(/;\s*Domain=/i);
  });

  it('signs the browser in with that cookie, and ignores a cookie without the prefix', async () => {
    const { cookie } = await signInRaw(env, A.resident.email);
    expect((await send(env, 'GET', '/api/session', { cookie })).status).toBe(200);
    const unprefixed = cookie!.replace(/^__Host-/, '');
    expect((await send(env, 'GET', '/api/session', { cookie: unprefixed })).status).toBe(401);
  });

  it('asks browsers to use https only (HSTS)', async () => {
    const res = await send(env, 'GET', '/api/health');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });
});

describe('wrong credentials and lockout', () => {
  let env: TestEnv;
  beforeEach(async () => {
    env = await createTestEnv();
  });
  afterEach(() => env.close());

  const UNKNOWN = 'niemand@dordrecht.example';

  it('answers a wrong password and an unknown e-mail address with the same 401', async () => {
    const wrongPassword = await signInRaw(env, A.resident.email, 'not-the-password');
    const unknownEmail = await signInRaw(env, UNKNOWN, 'not-the-password');
    expect(wrongPassword.res.status).toBe(401);
    expect(unknownEmail.res.status).toBe(401);
    expect(wrongPassword.cookie).toBeNull();
    expect(unknownEmail.cookie).toBeNull();
    const a = await problem(wrongPassword.res);
    const b = await problem(unknownEmail.res);
    expect(a.code).toBe('invalid_credentials');
    expect(comparable(a)).toEqual(comparable(b));
  });

  it('locks the e-mail address after 5 failures within 15 minutes, even for the right password', async () => {
    for (let i = 1; i <= 5; i += 1) {
      if (i > 1) env.clock.advance(2 * MINUTE); // five failures over eight minutes
      const { res } = await signInRaw(env, A.resident.email, `wrong-${i}`);
      expect(res.status).toBe(401); // the fifth failure itself still answers 401
    }
    const { res, cookie } = await signInRaw(env, A.resident.email, DEMO_PASSWORD);
    expect(res.status).toBe(429);
    expect(cookie).toBeNull();
    expect(res.headers.get('retry-after')).toBe(String(15 * 60));
    expect((await problem(res)).code).toBe('too_many_attempts');
  });

  it('locks an unknown e-mail address in exactly the same way (no account enumeration)', async () => {
    const answers: Array<{ status: number; retryAfter: string | null; body: unknown }> = [];
    for (const email of [A.resident.email, UNKNOWN]) {
      for (let i = 1; i <= 5; i += 1) await signInRaw(env, email, `wrong-${i}`);
      const { res } = await signInRaw(env, email, `wrong-6`);
      answers.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: comparable(await problem(res)) });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(429);
    expect(answers[0]!.retryAfter).toBe('900');
  });

  it('locks the address whatever capitals the attempts use', async () => {
    const variants = ['Inwoner@Dordrecht.example', 'INWONER@DORDRECHT.EXAMPLE', ' inwoner@dordrecht.example', 'inwoner@DORDRECHT.example', 'Inwoner@dordrecht.EXAMPLE'];
    expect(A.resident.email).toBe('inwoner@dordrecht.example');
    for (const email of variants) expect((await signInRaw(env, email.trim(), 'not-the-password')).res.status).toBe(401);
    expect((await signInRaw(env, A.resident.email)).res.status).toBe(429);
  });

  it('counts failures that arrive at the same time, so parallel guessing still locks the address', async () => {
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => signInRaw(env, A.resident.email, `parallel-guess-${i}`)));
    expect(attempts.every((a) => a.res.status === 401 || a.res.status === 429)).toBe(true);
    const { res } = await signInRaw(env, A.resident.email);
    expect(res.status).toBe(429);
  });

  it('does not lock when the failures are spread over more than 15 minutes', async () => {
    for (let i = 1; i <= 4; i += 1) await signInRaw(env, A.resident.email, `wrong-${i}`);
    env.clock.advance(16 * MINUTE);
    for (let i = 5; i <= 8; i += 1) expect((await signInRaw(env, A.resident.email, `wrong-${i}`)).res.status).toBe(401);
    expect((await signInRaw(env, A.resident.email)).res.status).toBe(200);
  });

  it('ends the lockout after 15 minutes', async () => {
    for (let i = 1; i <= 5; i += 1) await signInRaw(env, A.resident.email, `wrong-${i}`);
    env.clock.advance(15 * MINUTE - 1_000);
    const stillLocked = await signInRaw(env, A.resident.email);
    expect(stillLocked.res.status).toBe(429);
    expect(stillLocked.res.headers.get('retry-after')).toBe('1');
    env.clock.advance(1_000);
    const after = await signInRaw(env, A.resident.email);
    expect(after.res.status).toBe(200);
    expect(after.cookie).not.toBeNull();
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    for (let i = 1; i <= 4; i += 1) await signInRaw(env, A.resident.email, `wrong-${i}`);
    expect((await signInRaw(env, A.resident.email)).res.status).toBe(200);
    for (let i = 5; i <= 8; i += 1) expect((await signInRaw(env, A.resident.email, `wrong-${i}`)).res.status).toBe(401);
  });

  it('limits sign-in attempts from one address to 20 a minute, whatever the e-mail address', async () => {
    for (let i = 1; i <= 20; i += 1) {
      expect((await signInRaw(env, `iemand${i}@dordrecht.example`, 'not-the-password')).res.status).toBe(401);
    }
    const { res } = await signInRaw(env, A.admin.email);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('answers 401 to GET /api/session without a cookie, or with an unknown one', async () => {
    expect((await problem(await send(env, 'GET', '/api/session'))).code).toBe('unauthenticated');
    const res = await send(env, 'GET', '/api/session', { cookie: 'samenspel_session=made-up-value' });
    expect(res.status).toBe(401);
  });

  it('shows the signed-in account, its municipality and roles, and a CSRF token', async () => {
    const { cookie } = await signInRaw(env, A.admin.email);
    const res = await send(env, 'GET', '/api/session', { cookie });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { account: { email: string }; memberships: Array<{ municipality: { code: string }; personId: string; roles: Array<{ role: string }> }>; csrfToken: string };
    expect(view.account.email).toBe(A.admin.email);
    expect(view.memberships).toEqual([
      expect.objectContaining({ municipality: expect.objectContaining({ code: A.code }), personId: A.admin.id, roles: [{ role: 'admin', organisationId: null }] }),
    ]);
    expect(view.csrfToken.length).toBeGreaterThanOrEqual(20);
  });

  it('gives a new session id at sign-in; the cookie from before no longer works', async () => {
    const first = await signInRaw(env, A.resident.email);
    expect((await send(env, 'GET', '/api/session', { cookie: first.cookie })).status).toBe(200);
    // Signing in again from the same browser (sending the old cookie and its CSRF token).
    const second = await signInRaw(env, A.resident.email, DEMO_PASSWORD, { cookie: first.cookie, csrf: first.csrf });
    expect(second.res.status).toBe(200);
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrf).not.toBe(first.csrf);
    expect((await send(env, 'GET', '/api/session', { cookie: first.cookie })).status).toBe(401);
    expect((await send(env, 'GET', '/api/session', { cookie: second.cookie })).status).toBe(200);
  });

  it('ends the session at sign-out, also for a copy of the cookie', async () => {
    const { cookie, csrf } = await signInRaw(env, A.resident.email);
    const res = await send(env, 'DELETE', '/api/session', { cookie, csrf });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^samenspel_session=;.*Max-Age=0/i);
    expect((await send(env, 'GET', '/api/session', { cookie })).status).toBe(401);
    expect((await send(env, 'GET', `/api/municipalities/${A.code}/me`, { cookie })).status).toBe(401);
  });

  it('ends a session when its lifetime (12 hours by default) has passed', async () => {
    const { cookie } = await signInRaw(env, A.resident.email);
    env.clock.advance(12 * 60 * MINUTE - 1_000);
    expect((await send(env, 'GET', '/api/session', { cookie })).status).toBe(200);
    env.clock.advance(1_000);
    expect((await send(env, 'GET', '/api/session', { cookie })).status).toBe(401);
  });
});

describe('CSRF and content type', () => {
  let env: TestEnv;
  let admin: Agent;
  let cookie: string;
  let csrf: string;
  beforeAll(async () => {
    env = await createTestEnv();
    admin = await signedIn(env.app, A.admin.email);
    const signIn = await signInRaw(env, A.admin.email);
    cookie = signIn.cookie!;
    csrf = signIn.csrf!;
  });
  afterAll(() => env.close());

  /** Everything a refused request could have written. */
  async function snapshot(): Promise<string> {
    const rows = await Promise.all(
      [
        sql`select * from persons order by tenant_id, id`,
        sql`select * from role_assignments order by tenant_id, person_id, role`,
        sql`select count(*)::int as n from audit_events`,
        sql`select locale from accounts order by id`,
        sql`select id_hash from sessions order by id_hash`,
      ].map((q) => queryRows(env.database.db, q)),
    );
    return JSON.stringify(rows);
  }

  const STATE_CHANGES: Array<[string, string, unknown]> = [
    ['POST', `/api/municipalities/${A.code}/persons`, { givenName: 'Csrf', familyName: 'Proef', roles: [{ role: 'resident' }] }],
    ['PUT', `/api/municipalities/${A.code}/persons/${A.otherResidentId}/roles`, { roles: [{ role: 'admin' }] }],
    ['PATCH', `/api/municipalities/${A.code}/me`, { phone: '+31 6 1111 2222' }],
    ['DELETE', '/api/session', undefined],
  ];

  it.each(STATE_CHANGES)('refuses %s %s without the X-CSRF-Token header and writes nothing', async (method, path, body) => {
    const before = await snapshot();
    const res = await send(env, method, path, { cookie, body });
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe('csrf_failed');
    expect(await snapshot()).toBe(before);
  });

  it.each(STATE_CHANGES)('refuses %s %s with a wrong X-CSRF-Token and writes nothing', async (method, path, body) => {
    const before = await snapshot();
    const res = await send(env, method, path, { cookie, body, csrf: `${csrf}x` });
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe('csrf_failed');
    expect(await snapshot()).toBe(before);
  });

  it("refuses another session's CSRF token", async () => {
    const res = await send(env, 'PATCH', `/api/municipalities/${A.code}/me`, { cookie, csrf: admin.csrfToken!, body: { phone: '+31 6 1111 2222' } });
    expect(res.status).toBe(403);
  });

  it('accepts the same change with the right token (so the refusals above are not vacuous)', async () => {
    const before = await snapshot();
    const res = await send(env, 'PATCH', `/api/municipalities/${A.code}/me`, { cookie, csrf, body: { phone: '+31 6 1111 2222' } });
    expect(res.status).toBe(200);
    expect(await snapshot()).not.toBe(before);
  });

  it('refuses a request from a foreign Origin, even with the right token, and writes nothing', async () => {
    const before = await snapshot();
    const res = await send(env, 'PATCH', `/api/municipalities/${A.code}/me`, {
      cookie,
      csrf,
      body: { phone: '+31 6 3333 4444' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe('csrf_failed');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a sign-in posted from a foreign Origin (login CSRF) and sets no cookie', async () => {
    const { res, cookie: set } = await signInRaw(env, A.resident.email, DEMO_PASSWORD, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(set).toBeNull();
  });

  it('accepts our own Origin', async () => {
    const { res } = await signInRaw(env, A.resident.email, DEMO_PASSWORD, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a %s body with 415 and writes nothing',
    async (type) => {
      const before = await snapshot();
      const res = await send(env, 'PATCH', `/api/municipalities/${A.code}/me`, {
        cookie,
        csrf,
        body: JSON.stringify({ phone: '+31 6 5555 6666' }),
        headers: { 'content-type': type },
      });
      expect(res.status).toBe(415);
      expect((await problem(res)).code).toBe('unsupported_media_type');
      expect(await snapshot()).toBe(before);
    },
  );

  it('refuses a text/plain sign-in (what a cross-site form could send) with 415', async () => {
    const res = await send(env, 'POST', '/api/session', {
      body: JSON.stringify({ email: A.resident.email, password: DEMO_PASSWORD }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(cookiePair(res)).toBeNull();
  });
});

describe('password reset', () => {
  let env: TestEnv;
  beforeEach(async () => {
    env = await createTestEnv();
  });
  afterEach(() => env.close());

  const NEW_PASSWORD = 'nieuwe-fiets-2027';

  async function requestReset(email: string): Promise<Response> {
    return send(env, 'POST', '/api/password-resets', { body: { email } });
  }

  async function resetToken(email: string): Promise<string> {
    expect((await requestReset(email)).status).toBe(202);
    return tokenFromMail(env.mail.at(-1)!.text);
  }

  const confirm = (token: string, password: string) =>
    send(env, 'POST', '/api/password-resets/confirm', { body: { token, password } });

  it('mails one link to a known address, with the token in the URL fragment', async () => {
    const res = await requestReset(A.resident.email);
    expect(res.status).toBe(202);
    expect(env.mail).toHaveLength(1);
    expect(env.mail[0]!.to).toBe(A.resident.email);
    tokenFromMail(env.mail[0]!.text);
  });

  it('answers an unknown address in the same way and sends nothing', async () => {
    const known = await requestReset(A.resident.email);
    const unknown = await requestReset('niemand@dordrecht.example');
    expect(unknown.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    expect(env.mail.map((m) => m.to)).toEqual([A.resident.email]);
  });

  it('sends at most three reset mails an hour to one address', async () => {
    for (let i = 0; i < 3; i += 1) expect((await requestReset(A.resident.email)).status).toBe(202);
    const fourth = await requestReset(A.resident.email);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(env.mail).toHaveLength(3);
  });

  it('sets the new password: the old one stops working and the new one works', async () => {
    const token = await resetToken(A.resident.email);
    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
    expect((await signInRaw(env, A.resident.email, DEMO_PASSWORD)).res.status).toBe(401);
    expect((await signInRaw(env, A.resident.email, NEW_PASSWORD)).res.status).toBe(200);
  });

  it('ends every session of the account', async () => {
    const phone = await signInRaw(env, A.resident.email);
    const laptop = await signInRaw(env, A.resident.email);
    const other = await signInRaw(env, A.admin.email);
    const token = await resetToken(A.resident.email);
    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
    expect((await send(env, 'GET', '/api/session', { cookie: phone.cookie })).status).toBe(401);
    expect((await send(env, 'GET', '/api/session', { cookie: laptop.cookie })).status).toBe(401);
    expect((await send(env, 'GET', '/api/session', { cookie: other.cookie })).status).toBe(200);
  });

  it('accepts a token only once', async () => {
    const token = await resetToken(A.resident.email);
    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
    const again = await confirm(token, 'een-ander-wachtwoord-9');
    expect(again.status).toBe(400);
    expect((await problem(again)).code).toBe('reset_token_invalid');
    expect((await signInRaw(env, A.resident.email, NEW_PASSWORD)).res.status).toBe(200);
  });

  it('refuses a token after its hour has passed, and keeps the old password', async () => {
    const token = await resetToken(A.resident.email);
    env.clock.advance(60 * MINUTE + 1_000);
    const res = await confirm(token, NEW_PASSWORD);
    expect(res.status).toBe(400);
    expect((await problem(res)).code).toBe('reset_token_invalid');
    expect((await signInRaw(env, A.resident.email, DEMO_PASSWORD)).res.status).toBe(200);
  });

  it('refuses an unknown token', async () => {
    const res = await confirm('x'.repeat(43), NEW_PASSWORD);
    expect((await problem(res)).code).toBe('reset_token_invalid');
  });

  it('refuses a common password on the `password` field and keeps the token usable', async () => {
    const token = await resetToken(A.resident.email);
    const res = await confirm(token, 'Welkom123456');
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe('validation_failed');
    expect(body.invalidParams).toEqual([{ name: 'password', code: 'weak_password', reason: expect.any(String) }]);
    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
  });

  it('refuses a short password on the `password` field and keeps the token usable', async () => {
    const token = await resetToken(A.resident.email);
    const res = await confirm(token, 'kort-1');
    expect(res.status).toBe(400);
    expect((await problem(res)).invalidParams).toEqual([{ name: 'password', code: 'too_short', reason: expect.any(String) }]);
    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
  });

  it('refuses the e-mail address as password', async () => {
    const token = await resetToken(A.resident.email);
    const res = await confirm(token, A.resident.email);
    expect((await problem(res)).invalidParams).toEqual([{ name: 'password', code: 'weak_password', reason: expect.any(String) }]);
  });
});

describe('invitations', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('lets an invited person choose a password, sign in, and see the municipality', async () => {
    const admin = await signedIn(env.app, A.admin.email);
    const email = 'nieuwe.bewoner@dordrecht.example';
    const created = await admin.post(`/api/municipalities/${A.code}/persons`, {
      givenName: 'Nina',
      familyName: 'Nieuw',
      email,
      roles: [{ role: 'resident' }],
      invite: true,
    });
    expect(created.status).toBe(201);
    const person = (await created.json()) as { id: string; hasAccount: boolean };
    expect(person.hasAccount).toBe(true);
    expect(env.mail).toHaveLength(1);
    expect(env.mail[0]!.to).toBe(email);
    const token = tokenFromMail(env.mail[0]!.text);

    // Before choosing a password the account cannot be signed in to.
    expect((await signInRaw(env, email, '')).res.status).toBe(400);
    expect((await signInRaw(env, email, 'some-guess-12345')).res.status).toBe(401);

    // An invitation is valid for days, not the hour of a reset link.
    env.clock.advance(48 * 60 * MINUTE);
    const confirmed = await send(env, 'POST', '/api/password-resets/confirm', { body: { token, password: 'mijn-eigen-wachtwoord' } });
    expect(confirmed.status).toBe(204);

    const invited = await new Agent(env.app).signIn(email, 'mijn-eigen-wachtwoord');
    const session = (await (await invited.get('/api/session')).json()) as {
      memberships: Array<{ municipality: { code: string; name: string }; personId: string; displayName: string; roles: Array<{ role: string }> }>;
    };
    expect(session.memberships).toEqual([
      {
        municipality: expect.objectContaining({ code: A.code, name: 'Dordrecht' }),
        personId: person.id,
        displayName: 'Nina Nieuw',
        roles: [{ role: 'resident', organisationId: null }],
      },
    ]);
    expect((await invited.get(`/api/municipalities/${A.code}/me`)).status).toBe(200);
  });

  it('sends no invitation when the person is added without invite', async () => {
    const admin = await signedIn(env.app, A.admin.email);
    const before = env.mail.length;
    const res = await admin.post(`/api/municipalities/${A.code}/persons`, {
      givenName: 'Olga',
      familyName: 'Zonder',
      email: 'olga.zonder@dordrecht.example',
      roles: [{ role: 'resident' }],
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { hasAccount: boolean }).hasAccount).toBe(false);
    expect(env.mail).toHaveLength(before);
  });
});

describe('account language', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('writes problem titles in English after PATCH /api/account {locale: "en"}', async () => {
    const resident = await signedIn(env.app, A.resident.email);
    const forbiddenPath = `/api/municipalities/${A.code}/persons`;
    const dutch = await problem(await resident.get(forbiddenPath));
    expect(dutch.title).toBe('U heeft hier geen toegang toe.');

    const res = await resident.patch('/api/account', { locale: 'en' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: A.resident.email, locale: 'en' });

    const english = await problem(await resident.get(forbiddenPath));
    expect(english.code).toBe('forbidden');
    expect(english.title).toBe('You do not have access to this.');
    expect(((await (await resident.get('/api/session')).json()) as { account: { locale: string } }).account.locale).toBe('en');
  });

  it('refuses a language it does not speak', async () => {
    const resident = await signedIn(env.app, A.volunteer.email);
    const res = await resident.patch('/api/account', { locale: 'de' });
    expect(res.status).toBe(400);
    expect((await problem(res)).invalidParams).toEqual([{ name: 'locale', code: 'invalid_value', reason: expect.any(String) }]);
  });
});

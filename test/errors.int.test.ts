/**
 * How the API fails: every refusal is application/problem+json with a code,
 * the fields at fault and the request id; refused input writes nothing; an
 * internal error tells the caller nothing about the database; and neither
 * answers nor log lines carry personal data.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../shared/errors';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/core/logger';
import { queryRows } from '../server/db/client';
import type { Deps } from '../server/http/env';
import type { MailMessage } from '../server/mail/mailer';
import { A } from './fixtures';
import { TEST_NOW } from './db-config';
import { Agent, createTestEnv, openTestDatabase, signedIn, type TestEnv } from './harness';

const PERSONS = `/api/municipalities/${A.code}/persons`;
const validPerson = { givenName: 'Geldig', familyName: 'Persoon', roles: [{ role: 'resident' }] };

/** Checks the wire format every error shares, and returns the body. */
async function problem(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(status);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers.get('x-request-id')).toBe(body.requestId);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return body;
}

async function rowCounts(env: TestEnv): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    env.database.db,
    sql`select (select count(*)::int from persons) as persons,
               (select count(*)::int from role_assignments) as role_assignments,
               (select count(*)::int from audit_events) as audit_events`,
  );
  return row!;
}

describe('refused input', () => {
  let env: TestEnv;
  let admin: Agent;
  let counts: Record<string, number>;
  beforeAll(async () => {
    env = await createTestEnv();
    admin = await signedIn(env.app, A.admin.email);
    counts = await rowCounts(env);
  });
  afterAll(() => env.close());

  /** Each case must leave every table as it was; checked after each refusal. */
  async function expectNothingWritten() {
    expect(await rowCounts(env)).toEqual(counts);
  }

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await admin.post(PERSONS, '{"givenName": "Nina", "familyName": ');
    expect((await problem(res, 400)).code).toBe('malformed_json');
    await expectNothingWritten();
  });

  it('names a field of the wrong type, with code invalid_type', async () => {
    const res = await admin.post(PERSONS, { ...validPerson, givenName: 42 });
    const body = await problem(res, 400);
    expect(body.code).toBe('validation_failed');
    expect(body.invalidParams).toEqual([{ name: 'givenName', code: 'invalid_type', reason: expect.any(String) }]);
    await expectNothingWritten();
  });

  it('names a missing field, with code required', async () => {
    const { givenName: _omit, ...rest } = validPerson;
    const body = await problem(await admin.post(PERSONS, rest), 400);
    expect(body.invalidParams).toEqual([{ name: 'givenName', code: 'required', reason: expect.any(String) }]);
    await expectNothingWritten();
  });

  it('names a missing choice field (an enum), with code required', async () => {
    const body = await problem(await admin.patch('/api/account', {}), 400);
    expect(body.invalidParams).toEqual([{ name: 'locale', code: 'required', reason: expect.any(String) }]);
  });

  it('names an unknown field, with code unknown_field', async () => {
    const body = await problem(await admin.post(PERSONS, { ...validPerson, shoeSize: 44 }), 400);
    expect(body.invalidParams).toEqual([{ name: 'shoeSize', code: 'unknown_field', reason: expect.any(String) }]);
    await expectNothingWritten();
  });

  it('names a field inside a list by its path', async () => {
    const body = await problem(await admin.post(PERSONS, { ...validPerson, roles: [{ role: 'resident' }, { role: 'king' }] }), 400);
    expect(body.invalidParams).toEqual([{ name: 'roles.1.role', code: 'invalid_value', reason: expect.any(String) }]);
    await expectNothingWritten();
  });

  it('never echoes the submitted value', async () => {
    const value = 'geen-adres-SECRET-4711';
    const res = await admin.post(PERSONS, { ...validPerson, email: value });
    const text = await res.clone().text();
    expect((await problem(res, 400)).invalidParams).toEqual([{ name: 'email', code: 'invalid_format', reason: expect.any(String) }]);
    expect(text).not.toContain('SECRET-4711');
  });

  it('refuses a body over 64 KiB with 413 payload_too_large', async () => {
    const res = await admin.post(PERSONS, { ...validPerson, givenName: 'x'.repeat(65 * 1024) });
    expect((await problem(res, 413)).code).toBe('payload_too_large');
    await expectNothingWritten();
  });

  it('refuses a large body before anything else, also without a session', async () => {
    const res = await new Agent(env.app).post('/api/session', { email: 'a@b.example', password: 'y'.repeat(70 * 1024) });
    expect((await problem(res, 413)).code).toBe('payload_too_large');
  });

  it('reads a body just under 64 KiB (and then refuses the field as too long)', async () => {
    const res = await admin.post(PERSONS, { ...validPerson, givenName: 'x'.repeat(63 * 1024) });
    const body = await problem(res, 400);
    expect(body.invalidParams).toEqual([{ name: 'givenName', code: 'too_long', reason: expect.any(String) }]);
    await expectNothingWritten();
  });

  it('refuses a name with a NUL byte as invalid input, not as an internal error', async () => {
    const res = await admin.post(PERSONS, { ...validPerson, familyName: 'Nul\u0000Byte' });
    expect(res.status).toBe(400);
    expect((await problem(res, 400)).invalidParams?.[0]?.name).toBe('familyName');
    await expectNothingWritten();
  });

  it('answers an unknown /api route with a 404 problem, for any method', async () => {
    expect((await problem(await admin.get('/api/does-not-exist'), 404)).code).toBe('not_found');
    expect((await problem(await admin.post('/api/does-not-exist', {}), 404)).code).toBe('not_found');
    expect((await problem(await new Agent(env.app).get('/api/nope/nope'), 404)).code).toBe('not_found');
  });

  it('answers an unknown municipality with 404 and a malformed code with 400', async () => {
    expect((await problem(await admin.get('/api/municipalities/GM9999/me'), 404)).code).toBe('not_found');
    const bad = await problem(await admin.get('/api/municipalities/dordrecht/me'), 400);
    expect(bad.invalidParams).toEqual([{ name: 'code', code: 'invalid_format', reason: expect.any(String) }]);
  });

  it('answers 401 unauthenticated to a municipality route without a session', async () => {
    expect((await problem(await new Agent(env.app).get(`/api/municipalities/${A.code}/me`), 401)).code).toBe('unauthenticated');
  });

  it('writes titles in Dutch by default and in English for Accept-Language: en', async () => {
    const anonymous = new Agent(env.app);
    const nl = await problem(await anonymous.get('/api/session'), 401);
    const en = await problem(await anonymous.get('/api/session', { 'accept-language': 'en' }), 401);
    const enGb = await problem(await anonymous.get('/api/session', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.8' }), 401);
    const de = await problem(await anonymous.get('/api/session', { 'accept-language': 'de-DE' }), 401);
    expect(nl.title).toBe('U bent niet ingelogd.');
    expect(en.title).toBe('You are not signed in.');
    expect(enGb.title).toBe('You are not signed in.');
    expect(de.title).toBe(nl.title);
    expect(en.code).toBe(nl.code);
  });

  it("uses the account's language over Accept-Language when signed in, and the header otherwise", async () => {
    const res = await admin.request('POST', PERSONS, { ...validPerson, givenName: 42 }, { 'accept-language': 'en' });
    // The account's own language (Dutch) wins over the header for a signed-in user.
    expect((await problem(res, 400)).title).toBe('Niet alle gegevens zijn goed ingevuld.');
    const anonymous = await new Agent(env.app).post('/api/password-resets', { email: 42 }, { 'accept-language': 'en' });
    expect((await problem(anonymous, 400)).title).toBe('Some fields are not filled in correctly.');
  });
});

describe('internal errors', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  /** The driver's own error text for a query, to prove the answer does not repeat it. */
  async function driverMessages(query: ReturnType<typeof sql>): Promise<string[]> {
    const err = await env.database.db.execute(query).then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(err).not.toBeNull();
    return [err!.message, err!.cause?.message ?? ''].filter((m) => m.length > 0);
  }

  async function expectBareInternal(res: Response, leaks: string[]) {
    const text = await res.clone().text();
    const body = await problem(res, 500);
    expect(body.code).toBe('internal');
    expect(Object.keys(body).sort()).toEqual(['code', 'requestId', 'status', 'title', 'type']);
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // a stack frame
    expect(text).not.toMatch(/select|from "|relation|pglite|pool/i); // SQL or driver words
    for (const leak of leaks) {
      expect(text).not.toContain(leak);
      for (const line of leak.split('\n')) if (line.trim().length > 8) expect(text).not.toContain(line.trim());
    }
  }

  it('answers a failing query with a bare 500 problem: no stack, no SQL, no driver message', async () => {
    await env.database.db.execute(sql`alter table municipalities rename to municipalities_gone`);
    try {
      const leaks = await driverMessages(sql`select id from municipalities`);
      await expectBareInternal(await new Agent(env.app).get('/api/municipalities'), leaks);
    } finally {
      await env.database.db.execute(sql`alter table municipalities_gone rename to municipalities`);
    }
    expect((await new Agent(env.app).get('/api/municipalities')).status).toBe(200);
  });

  it('answers with a bare 500 problem when the database is gone', async () => {
    await env.database.close();
    // Closing twice would fail; the harness closes again in afterAll.
    env.database.close = async () => undefined;
    const leaks = await driverMessages(sql`select 1`);
    await expectBareInternal(await new Agent(env.app).get('/api/municipalities'), leaks);
    await expectBareInternal(await new Agent(env.app).get('/api/municipalities', { 'accept-language': 'en' }), leaks);
  });
});

describe('log lines', () => {
  const lines: string[] = [];
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let drop: () => Promise<void>;
  const mail: MailMessage[] = [];

  // Distinctive personal data, so a leak cannot be a coincidence.
  const person = { givenName: 'Wilhelmina', familyName: 'Quakernaat', email: 'w.quakernaat@dordrecht.example', phone: '+31 6 4242 1717' };
  const WRONG_PASSWORD = 'Verkeerd-Wachtwoord-8261';

  beforeAll(async () => {
    const opened = await openTestDatabase();
    drop = opened.drop;
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const now = new Date(TEST_NOW.getTime() + 3600_000);
    deps = {
      config: loadConfig({ DEMO_MODE: 'true', PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'trace' }),
      database: opened.database,
      mailer: { kind: 'outbox', send: async (m) => void mail.push(m) },
      logger: createLogger('trace', stream),
      now: () => now,
    };
    app = buildApp(deps);
  });
  afterAll(() => drop());

  const compactPhone = person.phone.replace(/ /g, '');
  function expectNoPersonalData(extra: string[] = []) {
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join('');
    for (const secret of [person.givenName, person.familyName, person.email, person.phone, compactPhone, WRONG_PASSWORD, ...extra]) {
      expect(log).not.toContain(secret);
    }
  }

  it('logs one line per API request, by route pattern', async () => {
    const before = lines.length;
    await new Agent(app).get('/api/health');
    const added = lines.slice(before).map((l) => JSON.parse(l) as { msg: string; method: string; status: number; requestId: string });
    expect(added).toEqual([expect.objectContaining({ msg: 'request', method: 'GET', route: '/api/health', status: 200, requestId: expect.any(String) })]);
  });

  it('keeps names, e-mail address and phone number out of the log when a person is added and read', async () => {
    const admin = await signedIn(app, A.admin.email);
    const created = await admin.post(PERSONS, { ...person, roles: [{ role: 'resident' }], invite: true });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await admin.get(`${PERSONS}/${id}`)).status).toBe(200);
    expect((await admin.get(`${PERSONS}?q=Quakernaat`)).status).toBe(200);
    expect(mail).toHaveLength(1);
    const resetToken = /#token=([A-Za-z0-9_-]+)/.exec(mail[0]!.text)?.[1];
    expect(resetToken).toBeDefined();
    // Routes are logged as patterns: not even the person's id appears.
    expectNoPersonalData([resetToken!, id]);
  });

  it('keeps the e-mail address, the password and the session cookie out of the log at sign-in', async () => {
    const failed = await new Agent(app).post('/api/session', { email: person.email, password: WRONG_PASSWORD });
    expect(failed.status).toBe(401);
    const unknown = await new Agent(app).post('/api/session', { email: 'onbekend.quakernaat@dordrecht.example', password: WRONG_PASSWORD });
    expect(unknown.status).toBe(401);
    const ok = await new Agent(app).post('/api/session', { email: A.resident.email, password: 'samenspel-demo-2026' });
    expect(ok.status).toBe(200);
    const cookieValue = ok.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const { csrfToken } = (await ok.json()) as { csrfToken: string };
    expectNoPersonalData([cookieValue, csrfToken, 'onbekend.quakernaat', 'samenspel-demo-2026', A.resident.email]);
  });

  it('keeps personal data out of the log when the database refuses a write that carries it', async () => {
    const admin = await signedIn(app, A.admin.email);
    // A constraint the application does not know about: the failing INSERT carries the person's data.
    await deps.database.db.execute(sql`alter table persons add constraint test_refuses_this_name check (family_name <> 'Quakernaat-Twee')`);
    try {
      const res = await admin.post(PERSONS, {
        givenName: person.givenName,
        familyName: 'Quakernaat-Twee',
        email: `tweede.${person.email}`,
        phone: person.phone,
        roles: [{ role: 'resident' }],
      });
      expect(res.status).toBe(500);
    } finally {
      await deps.database.db.execute(sql`alter table persons drop constraint test_refuses_this_name`);
    }
    const errorLines = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errorLines).toHaveLength(1); // the failure itself is logged...
    expectNoPersonalData([`tweede.${person.email}`]); // ...without what the person typed
  });
});

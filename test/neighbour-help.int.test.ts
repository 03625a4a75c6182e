/**
 * Neighbour help, first part: categories, volunteer offers with VOG
 * screening, and help requests posted by residents or by staff for them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { A } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;

async function count(env: TestEnv, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? -1;
}

describe('neighbour help: categories and volunteer offers', () => {
  let env: TestEnv;
  let volunteer: Agent;
  let categories: Array<{ id: string; code: string; name: string; vulnerable: boolean }>;

  beforeAll(async () => {
    env = await createTestEnv();
    volunteer = await signedIn(env.app, A.volunteer.email);
    categories = (await (await volunteer.get(`${base}/help-categories`)).json()) as typeof categories;
  });
  afterAll(() => env.close());

  it("lists the municipality's categories in Dutch, marking those with vulnerable people", () => {
    const company = categories.find((c) => c.code === 'company');
    expect(company).toMatchObject({ name: 'Gezelschap en bezoek', vulnerable: true });
    expect(categories.find((c) => c.code === 'groceries')?.vulnerable).toBe(false);
  });

  it('names the categories in English for an English account', async () => {
    await volunteer.patch('/api/account', { locale: 'en' });
    const english = (await (await volunteer.get(`${base}/help-categories`)).json()) as typeof categories;
    expect(english.find((c) => c.code === 'company')?.name).toBe('Company and visits');
    await volunteer.patch('/api/account', { locale: 'nl' });
  });

  it("shows the volunteer's offer with the VOG a coordinator recorded, valid for 36 months", async () => {
    const res = await volunteer.get(`${base}/me/volunteer-profile`);
    expect(res.status).toBe(200);
    const profile = (await res.json()) as { vog: { issuedOn: string; validUntil: string; valid: boolean }; place: string };
    expect(profile.vog).toEqual({ issuedOn: '2025-03-01', validUntil: '2028-03-01', valid: true });
    expect(profile.place).toBe('Dordrecht');
  });

  it('saves an offer with only the four digits of the postcode', async () => {
    const groceries = categories.find((c) => c.code === 'groceries')!.id;
    const res = await volunteer.put(`${base}/me/volunteer-profile`, {
      categoryIds: [groceries],
      dayParts: ['mon:evening', 'sat:morning'],
      sessionsPerMonth: 1,
      maxKm: 3,
      postcode: '3311',
      languages: ['nl', 'tr'],
    });
    expect(res.status).toBe(200);
    const profile = (await res.json()) as Record<string, unknown>;
    expect(profile).toMatchObject({ categoryIds: [groceries], dayParts: ['mon:evening', 'sat:morning'], sessionsPerMonth: 1, maxKm: 3, pc4: '3311', giftMode: true });
    expect(JSON.stringify(profile)).not.toMatch(/3311[A-Z]{2}/);
  });

  it('refuses a postcode outside the municipality and an unknown category, and keeps the old offer', async () => {
    const before = await (await volunteer.get(`${base}/me/volunteer-profile`)).text();
    const res = await volunteer.put(`${base}/me/volunteer-profile`, {
      categoryIds: [categories[0]!.id],
      dayParts: ['mon:evening'],
      sessionsPerMonth: 1,
      maxKm: 3,
      postcode: '4205',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { invalidParams: unknown[] }).invalidParams).toEqual([
      { name: 'postcode', code: 'invalid_value', reason: expect.any(String) },
    ]);
    const unknown = await volunteer.put(`${base}/me/volunteer-profile`, {
      categoryIds: ['00000000-0000-4000-8000-000000000000'],
      dayParts: ['mon:evening'],
      sessionsPerMonth: 1,
      maxKm: 3,
      postcode: '3311',
    });
    expect(((await unknown.json()) as { invalidParams: Array<{ name: string }> }).invalidParams[0]?.name).toBe('categoryIds.0');
    const after = JSON.parse(await (await volunteer.get(`${base}/me/volunteer-profile`)).text()) as { updatedAt: string };
    expect(after.updatedAt).toBe((JSON.parse(before) as { updatedAt: string }).updatedAt);
  });

  it('lets a social worker record a VOG, refuses a future date and non-volunteers', async () => {
    const worker = await signedIn(env.app, A.socialWorker.email);
    const ok = await worker.post(`${base}/persons/${A.volunteer.id}/vog-records`, { issuedOn: '2026-10-01' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ issuedOn: '2026-10-01', validUntil: '2029-10-01', valid: true });
    const future = await worker.post(`${base}/persons/${A.volunteer.id}/vog-records`, { issuedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    const notVolunteer = await worker.post(`${base}/persons/${A.resident.id}/vog-records`, { issuedOn: '2026-10-01' });
    expect(notVolunteer.status).toBe(400);
    const [row] = await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from audit_events where action = 'vog.record' and subject_person_id = ${A.volunteer.id}`);
    expect(row?.n).toBe(1);
  });
});

describe('neighbour help: asking for help', () => {
  let env: TestEnv;
  let resident: Agent;
  let worker: Agent;
  let categoryId: string;

  const request = (over: Record<string, unknown> = {}) => ({
    categoryId,
    description: 'Wie wil om de week boodschappen voor mij doen?',
    schedule: 'fortnightly',
    dayParts: ['tue:morning', 'thu:morning'],
    durationMinutes: 60,
    postcode: '3311 ab',
    houseNumber: 24,
    houseNumberAddition: 'b',
    ...over,
  });

  beforeAll(async () => {
    env = await createTestEnv();
    resident = await signedIn(env.app, A.resident.email);
    worker = await signedIn(env.app, A.socialWorker.email);
    const categories = (await (await resident.get(`${base}/help-categories`)).json()) as Array<{ id: string; code: string }>;
    categoryId = categories.find((c) => c.code === 'groceries')!.id;
  });
  afterAll(() => env.close());

  it('posts a request that shows the exact address to the resident only', async () => {
    const res = await resident.post(`${base}/help-requests`, request());
    expect(res.status).toBe(201);
    const posted = (await res.json()) as { id: string; address: unknown; pc4: string; sessionsPerMonth: number; status: string; postedOnBehalf: boolean };
    expect(posted).toMatchObject({ pc4: '3311', sessionsPerMonth: 2.2, status: 'open', postedOnBehalf: false });
    expect(posted.address).toEqual({ postcode: '3311AB', houseNumber: 24, houseNumberAddition: 'b' });

    const asWorker = (await (await worker.get(`${base}/help-requests/${posted.id}`)).json()) as { address: unknown; description: string };
    expect(asWorker.address).toBeNull();
    expect(asWorker.description).toContain('boodschappen');
    const list = await (await worker.get(`${base}/help-requests?mine=false`)).text();
    expect(list).toContain(posted.id);
    expect(list).not.toContain('3311AB');
    expect(list).not.toContain('"houseNumber"');
  });

  it('writes an audit event naming the resident when staff posts on their behalf', async () => {
    const residentWithoutAccount = A.otherResidentId;
    const res = await worker.post(`${base}/help-requests`, request({ residentPersonId: residentWithoutAccount, description: 'Aangemeld aan de balie: hulp bij de tuin gevraagd.' }));
    expect(res.status).toBe(201);
    const posted = (await res.json()) as { id: string; residentPersonId: string; postedOnBehalf: boolean; address: unknown };
    expect(posted).toMatchObject({ residentPersonId: residentWithoutAccount, postedOnBehalf: true, address: null });
    const [event] = await queryRows<{ actor_person_id: string; subject_person_id: string; on_behalf_of_person_id: string }>(
      env.database.db,
      sql`select actor_person_id, subject_person_id, on_behalf_of_person_id from audit_events where action = 'help_request.create' and resource_id = ${posted.id}`,
    );
    expect(event).toEqual({ actor_person_id: A.socialWorker.id, subject_person_id: residentWithoutAccount, on_behalf_of_person_id: residentWithoutAccount });
  });

  it('refuses a one-off request without a window, or with one that ends before it starts, writing nothing', async () => {
    const before = await count(env, 'help_requests');
    const noWindow = await resident.post(`${base}/help-requests`, request({ schedule: 'once' }));
    expect(noWindow.status).toBe(400);
    expect(((await noWindow.json()) as { invalidParams: Array<{ name: string; code: string }> }).invalidParams).toEqual([
      expect.objectContaining({ name: 'window', code: 'required' }),
    ]);
    const backwards = await resident.post(
      `${base}/help-requests`,
      request({ schedule: 'once', window: { start: '2026-11-20T10:00:00+01:00', end: '2026-11-20T09:00:00+01:00' } }),
    );
    expect(backwards.status).toBe(400);
    const badPostcode = await resident.post(`${base}/help-requests`, request({ postcode: '0000 AA' }));
    expect(((await badPostcode.json()) as { invalidParams: Array<{ name: string; code: string }> }).invalidParams[0]).toMatchObject({ name: 'postcode', code: 'invalid_format' });
    expect(await count(env, 'help_requests')).toBe(before);
    expect(await count(env, 'help_request_addresses')).toBe(before);
  });

  it('does not let a volunteer read another resident’s request, and audits the refusal', async () => {
    const volunteer = await signedIn(env.app, A.volunteer.email);
    const res = await volunteer.get(`${base}/help-requests/${A.helpRequestId}`);
    expect(res.status).toBe(403);
    const [row] = await queryRows<{ outcome: string }>(
      env.database.db,
      sql`select outcome from audit_events where action = 'help_request.read' and actor_person_id = ${A.volunteer.id} order by seq desc limit 1`,
    );
    expect(row?.outcome).toBe('denied');
    expect((await volunteer.get(`${base}/help-requests?mine=false`)).status).toBe(403);
  });

  it('lets the resident withdraw a request once', async () => {
    const posted = (await (await resident.post(`${base}/help-requests`, request())).json()) as { id: string };
    const first = await resident.post(`${base}/help-requests/${posted.id}/cancel`);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { status: string }).status).toBe('cancelled');
    expect((await resident.post(`${base}/help-requests/${posted.id}/cancel`)).status).toBe(409);
  });

  it('limits posting to ten requests an hour per person', async () => {
    const fresh = await createTestEnv();
    try {
      const r = await signedIn(fresh.app, A.resident.email);
      const cats = (await (await r.get(`${base}/help-categories`)).json()) as Array<{ id: string }>;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) statuses.push((await r.post(`${base}/help-requests`, request({ categoryId: cats[1]!.id }))).status);
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
      fresh.clock.advance(3601_000);
      expect((await r.post(`${base}/help-requests`, request({ categoryId: cats[1]!.id }))).status).toBe(201);
    } finally {
      await fresh.close();
    }
  });
});

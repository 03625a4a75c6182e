/**
 * The city-wide matching round (POST …/matching-rounds): the engine's
 * `solve` over every open request nobody is asked for yet, at once. Runs on
 * the demo data with every volunteer's offer switched off but the demo
 * volunteer's (Victor: groceries within 5 km of 3317, Tuesday afternoons,
 * 2 sessions a month, at most 2 residents), so each outcome is known.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;

interface Round {
  requests: number;
  volunteers: number;
  proposals: Array<{ requestId: string; categoryName: string; pc4: string; sessionsPerMonth: number; km: number }>;
  teams: Array<{ requestId: string; members: number; coveredSessionsPerMonth: number; openSessionsPerMonth: number }>;
  unserved: number;
  servedSessionsPerMonth: number;
  requestedSessionsPerMonth: number;
}

async function count(env: TestEnv, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from ${query}`);
  return row?.n ?? -1;
}

const GROCERIES = ['Boodschappen op dinsdagmiddag, eens per maand.', 'Samen naar de markt op dinsdag, eens per maand.', 'Hulp bij de boodschappen, eens per maand.'];

/** The resident posts a monthly grocery request at 3318 AB for Tuesday afternoons; returns its id. */
async function postGroceries(env: TestEnv, resident: Agent, description: string): Promise<string> {
  const categories = (await (await resident.get(`${base}/help-categories`)).json()) as Array<{ id: string; code: string }>;
  env.clock.advance(7 * 60_000); // stays under the posting limit of ten an hour
  const res = await resident.post(`${base}/help-requests`, {
    categoryId: categories.find((c) => c.code === 'groceries')!.id,
    description,
    schedule: 'monthly',
    dayParts: ['tue:afternoon'],
    durationMinutes: 60,
    postcode: '3318 AB',
    houseNumber: 12,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/**
 * Posts `n` monthly grocery requests near Victor while every offer is off (so the platform proposes
 * nobody), then switches Victor's offer on again, carrying nothing: the round is what finds him.
 */
async function postWhileNobodyOffers(env: TestEnv, resident: Agent, n: number): Promise<string[]> {
  await env.database.db.execute(sql`update volunteer_profiles set active = false where tenant_id = ${A.id}`);
  await env.database.db.execute(sql`delete from help_matches where tenant_id = ${A.id} and volunteer_person_id = ${A.volunteer.id}`);
  const ids: string[] = [];
  for (const description of GROCERIES.slice(0, n)) ids.push(await postGroceries(env, resident, description));
  for (const id of ids) expect(await count(env, sql`help_matches where request_id = ${id}`)).toBe(0);
  await env.database.db.execute(sql`update volunteer_profiles set active = true where tenant_id = ${A.id} and person_id = ${A.volunteer.id}`);
  return ids;
}

describe('the city-wide matching round', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let volunteer: Agent;
  const posted: string[] = [];

  const round = async (): Promise<Round> => {
    const res = await coordinator.post(`${base}/matching-rounds`, {});
    expect(res.status).toBe(200);
    return (await res.json()) as Round;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    volunteer = await signedIn(env.app, A.volunteer.email);
    posted.push(...(await postWhileNobodyOffers(env, resident, 3)));
  });
  afterAll(() => env.close());

  it('lists a weekly request nobody carries alone for the coach, and proposes nothing for it', async () => {
    // The demo's weekly request for company (Ineke) weighs most: the optimum gives it Victor's two sessions.
    const result = await round();
    expect(result.teams.find((t) => t.requestId === A.helpRequestId)).toMatchObject({ members: 1, coveredSessionsPerMonth: 2, openSessionsPerMonth: 4.3 });
    expect(result.proposals).toEqual([]);
    expect(await count(env, sql`help_matches where tenant_id = ${A.id} and volunteer_person_id = ${A.volunteer.id}`)).toBe(0);
    // The coach takes it on; from here on it waits for them, out of the rounds.
    await env.database.db.execute(sql`update help_requests set sensitive = true where id = ${A.helpRequestId}`);
  });

  it('proposes the volunteer for as many requests as his own limits allow, not for every one', async () => {
    const result = await round();
    const ours = result.proposals.filter((p) => posted.includes(p.requestId));
    // Two residents at most and 2 sessions a month: two of the three monthly requests.
    expect(ours).toHaveLength(2);
    for (const p of ours) {
      expect(p).toMatchObject({ sessionsPerMonth: 1, categoryName: 'Boodschappen', pc4: '3318' });
      expect(p.km).toBeGreaterThan(0);
      expect(p.km).toBeLessThan(5);
    }
    expect(result.volunteers).toBe(1);
    expect(result.requests).toBeGreaterThanOrEqual(3);
    expect(result.unserved).toBeGreaterThanOrEqual(1);
    const rows = await queryRows<{ request_id: string; state: string; origin: string; volunteer_person_id: string }>(
      env.database.db,
      sql`select request_id, state, origin, volunteer_person_id from help_matches where tenant_id = ${A.id} and volunteer_person_id = ${A.volunteer.id}`,
    );
    expect(rows.map((r) => r.request_id).sort()).toEqual(ours.map((p) => p.requestId).sort());
    expect(rows.every((r) => r.state === 'proposed' && r.origin === 'engine')).toBe(true);
    // Victor is told, and finds them under his matches with the engine's reasons.
    expect(await count(env, sql`notifications where person_id = ${A.volunteer.id} and kind = 'match.proposed'`)).toBe(2);
    const mine = (await (await volunteer.get(`${base}/me/matches`)).json()) as Array<{ requestId: string; state: string; reasons: { decidedBy: string[] } }>;
    const found = mine.filter((m) => posted.includes(m.requestId));
    expect(found).toHaveLength(2);
    expect(found.every((m) => m.state === 'proposed' && m.reasons.decidedBy.length > 0)).toBe(true);
  });

  it('audits every proposal with its resident, and the round itself without one', async () => {
    const proposed = await queryRows<{ resource_id: string; subject_person_id: string }>(
      env.database.db,
      sql`select resource_id, subject_person_id from audit_events where tenant_id = ${A.id} and action = 'help_match.propose' and resource_id in ${sql.raw(`('${posted.join("','")}')`)}`,
    );
    expect(proposed).toHaveLength(2);
    expect(proposed.every((e) => e.subject_person_id === A.resident.id)).toBe(true);
    expect(await count(env, sql`audit_events where tenant_id = ${A.id} and action = 'help_matching_round.run' and subject_person_id is null and actor_person_id = ${A.socialWorker.id}`)).toBe(2);
  });

  it('leaves requests that are being asked alone: a second round proposes nothing twice', async () => {
    const before = await count(env, sql`help_matches where tenant_id = ${A.id}`);
    const again = await round();
    expect(again.proposals).toEqual([]);
    expect(await count(env, sql`help_matches where tenant_id = ${A.id}`)).toBe(before);
  });

  it('never proposes a volunteer again for a request he declined, nor one the resident blocked', async () => {
    const mine = (await (await volunteer.get(`${base}/me/matches`)).json()) as Array<{ id: string; requestId: string }>;
    const declined = mine.find((m) => posted.includes(m.requestId))!;
    expect((await volunteer.post(`${base}/matches/${declined.id}/decision`, { decision: 'decline', reason: 'no_time' })).status).toBe(200);
    // He has room again (one resident, one session), but not for the request he said no to.
    const third = await round();
    const thirdOurs = third.proposals.filter((p) => posted.includes(p.requestId));
    expect(thirdOurs.map((p) => p.requestId)).not.toContain(declined.requestId);
    expect(thirdOurs).toHaveLength(1);
    expect(await count(env, sql`help_matches where request_id = ${declined.requestId}`)).toBe(1);
    // A block between the two: the round finds nobody for the resident's next request.
    await env.database.db.execute(
      sql`insert into person_blocks (tenant_id, blocker_person_id, blocked_person_id, created_at) values (${A.id}, ${A.resident.id}, ${A.volunteer.id}, now())`,
    );
    const live = await queryRows<{ id: string }>(env.database.db, sql`select id from help_matches where tenant_id = ${A.id} and volunteer_person_id = ${A.volunteer.id} and state = 'proposed'`);
    for (const m of live) expect((await volunteer.post(`${base}/matches/${m.id}/decision`, { decision: 'decline', reason: 'no_time' })).status).toBe(200);
    const blockedId = await postGroceries(env, resident, 'Boodschappen na een blokkade, eens per maand.');
    const fourth = await round();
    expect(fourth.proposals.map((p) => p.requestId)).not.toContain(blockedId);
    expect(await count(env, sql`help_matches where request_id = ${blockedId}`)).toBe(0);
  });

  it('tells nothing personal: no resident, no address, no volunteer name', async () => {
    const res = await coordinator.post(`${base}/matching-rounds`, {});
    const text = await res.text();
    expect(text).not.toContain(A.resident.id);
    expect(text).not.toContain(A.volunteer.id);
    expect(text).not.toMatch(/3318 ?AB|houseNumber|Victor/);
  });

  it('is for coordinators of this municipality only', async () => {
    for (const email of [A.resident.email, A.volunteer.email, A.professional.email, A.policyOfficer.email]) {
      const agent = await signedIn(env.app, email);
      const res = await agent.post(`${base}/matching-rounds`, {});
      expect(res.status, email).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const other = await signedIn(env.app, B.socialWorker.email);
    expect((await other.post(`${base}/matching-rounds`, {})).status).toBe(403);
    const admin = await signedIn(env.app, A.admin.email);
    expect((await admin.post(`${base}/matching-rounds`, {})).status).toBe(200);
  });
});

describe('two matching rounds at the same moment', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('ask the volunteer once: the second round waits for the first and sees its proposals', async () => {
    const resident = await signedIn(env.app, A.resident.email);
    const posted = await postWhileNobodyOffers(env, resident, 2);
    // The demo's weekly request waits for the coach, so Victor's room goes to the two monthly ones.
    await env.database.db.execute(sql`update help_requests set sensitive = true where id = ${A.helpRequestId}`);
    const [worker, admin] = [await signedIn(env.app, A.socialWorker.email), await signedIn(env.app, A.admin.email)];
    const results = await Promise.all([worker.post(`${base}/matching-rounds`, {}), admin.post(`${base}/matching-rounds`, {})]);
    const rounds = (await Promise.all(results.map((r) => r.json()))) as Round[];
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const proposed = rounds.flatMap((r) => r.proposals.map((p) => p.requestId)).filter((id) => posted.includes(id));
    expect(proposed.sort()).toEqual([...posted].sort());
    expect(await count(env, sql`help_matches where tenant_id = ${A.id} and volunteer_person_id = ${A.volunteer.id}`)).toBe(2);
  });
});

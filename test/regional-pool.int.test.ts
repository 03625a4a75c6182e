/**
 * The regional pool (ADR 0007): a volunteer of municipality A who opted in is
 * proposed for a request in partner municipality B that opted in, answers it
 * from B's side with the same account, and their load counts in both. Without
 * a shared pool, or without either opt-in, nobody crosses the border; only an
 * admin changes the pool; and A's rows of volunteers stay invisible to B except
 * through the pool's narrow database functions.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { inTenant } from '../server/db/tenant-scope';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const baseA = `/api/municipalities/${A.code}`;
const baseB = `/api/municipalities/${B.code}`;

interface PoolState {
  pool: null | { id: string; name: string; partners: Array<{ code: string; name: string }> };
  pools: Array<{ id: string; name: string; members: Array<{ code: string; name: string }> }>;
}
interface Match {
  id: string;
  state: string;
  viewerSide: string;
  volunteerGivenName: string | null;
  volunteerHomeMunicipality: string | null;
  contact: null | { volunteer: { name: string; email: string | null } | null };
  allowedActions: string[];
}

async function count(env: TestEnv, query: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${query}`));
  return row?.n ?? -1;
}

async function categoryId(agent: Agent, base: string, code: string): Promise<string> {
  const list = (await (await agent.get(`${base}/help-categories`)).json()) as Array<{ id: string; code: string }>;
  return list.find((c) => c.code === code)!.id;
}

/** A monthly groceries request in Gorinchem (4205), about 22 km from the demo volunteer in Dordrecht (3317). */
function groceriesInB(categoryIdB: string, regionalPool: boolean) {
  return {
    categoryId: categoryIdB,
    description: 'Boodschappen halen, eens per maand, op dinsdagmiddag.',
    schedule: 'monthly',
    dayParts: ['tue:afternoon'],
    durationMinutes: 60,
    postcode: '4205 AA',
    houseNumber: 3,
    regionalPool,
  };
}

describe('regional pool: a volunteer helps across the municipal border', () => {
  let env: TestEnv;
  let volunteer: Agent;
  let residentB: Agent;
  let adminA: Agent;
  let adminB: Agent;
  let socialWorkerA: Agent;
  let groceriesB: string;
  let matchId: string;

  beforeAll(async () => {
    env = await createTestEnv();
    volunteer = await signedIn(env.app, A.volunteer.email);
    residentB = await signedIn(env.app, B.resident.email);
    adminA = await signedIn(env.app, A.admin.email);
    adminB = await signedIn(env.app, B.admin.email);
    socialWorkerA = await signedIn(env.app, A.socialWorker.email);
    groceriesB = await categoryId(residentB, baseB, 'groceries');
    // Follow the demo volunteer alone: B's own volunteers and A's other pool volunteer step back.
    await env.database.db.execute(sql`update volunteer_profiles set active = false where tenant_id = ${B.id} or (tenant_id = ${A.id} and person_id <> ${A.volunteer.id})`);
  });
  afterAll(() => env.close());

  it('shows every member the pool and its partners (nothing personal in it)', async () => {
    const res = await volunteer.get(`${baseA}/regional-pool`);
    expect(res.status).toBe(200);
    const state = (await res.json()) as PoolState;
    expect(state.pool?.partners).toEqual([{ code: B.code, name: 'Gorinchem' }]);
  });

  it('proposes nobody from A while the volunteer has not opted in', async () => {
    const res = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, true));
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    expect(await count(env, `help_matches where tenant_id = '${B.id}' and request_id = '${id}'`)).toBe(0);
    await residentB.post(`${baseB}/help-requests/${id}/cancel`, { reason: 'Niet meer nodig.' });
  });

  it('lets the volunteer opt in, with a radius that reaches the partner municipality', async () => {
    const profile = (await (await volunteer.get(`${baseA}/me/volunteer-profile`)).json()) as Record<string, unknown> & { pc4: string };
    const { personId: _p, place: _pl, vog: _v, updatedAt: _u, pc4, ...rest } = profile;
    const res = await volunteer.put(`${baseA}/me/volunteer-profile`, { ...rest, postcode: pc4, maxKm: 30, regionalPool: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { regionalPool: boolean }).regionalPool).toBe(true);
  });

  it('proposes nobody from A for a request that did not opt in', async () => {
    const res = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, false));
    const id = ((await res.json()) as { id: string }).id;
    expect(await count(env, `help_matches where tenant_id = '${B.id}' and request_id = '${id}'`)).toBe(0);
    await residentB.post(`${baseB}/help-requests/${id}/cancel`, { reason: 'Niet meer nodig.' });
  });

  it('proposes nobody across the border while B is not in the pool, and only an admin changes that', async () => {
    expect((await socialWorkerA.delete(`${baseA}/regional-pool`)).status).toBe(403);
    const left = await adminB.delete(`${baseB}/regional-pool`);
    expect(left.status).toBe(200);
    const afterLeaving = (await left.json()) as PoolState;
    expect(afterLeaving.pool).toBeNull();
    const res = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, true));
    const id = ((await res.json()) as { id: string }).id;
    expect(await count(env, `help_matches where tenant_id = '${B.id}' and request_id = '${id}'`)).toBe(0);
    await residentB.post(`${baseB}/help-requests/${id}/cancel`, { reason: 'Niet meer nodig.' });
    // A sees the pool without partners now.
    expect(((await (await adminA.get(`${baseA}/regional-pool`)).json()) as PoolState).pool?.partners).toEqual([]);
    const poolId = afterLeaving.pools[0]!.id;
    // Joining an existing pool shares nothing until a municipality in it says yes.
    const back = await adminB.put(`${baseB}/regional-pool`, { poolId });
    expect(back.status).toBe(200);
    expect(((await back.json()) as PoolState).pool).toMatchObject({ accepted: false, partners: [] });
    const waitingForA = (await (await adminA.get(`${baseA}/regional-pool`)).json()) as PoolState & { pool: { waiting: Array<{ code: string }>; partners: unknown[] } };
    expect(waitingForA.pool.waiting).toEqual([{ code: B.code, name: 'Gorinchem' }]);
    expect(waitingForA.pool.partners).toEqual([]);
    const stillNobody = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, true));
    const pendingId = ((await stillNobody.json()) as { id: string }).id;
    expect(await count(env, `help_matches where tenant_id = '${B.id}' and request_id = '${pendingId}'`)).toBe(0);
    await residentB.post(`${baseB}/help-requests/${pendingId}/cancel`, { reason: 'Niet meer nodig.' });
    // Only an admin of a member lets B in; B cannot let itself in.
    expect((await socialWorkerA.post(`${baseA}/regional-pool/members/${B.code}/accept`)).status).toBe(403);
    expect((await adminB.post(`${baseB}/regional-pool/members/${B.code}/accept`)).status).toBe(404);
    const accepted = await adminA.post(`${baseA}/regional-pool/members/${B.code}/accept`);
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as PoolState).pool?.partners).toEqual([{ code: B.code, name: 'Gorinchem' }]);
    expect(((await (await adminB.get(`${baseB}/regional-pool`)).json()) as PoolState).pool?.partners).toEqual([{ code: A.code, name: 'Dordrecht' }]);
  });

  it('proposes the volunteer of A for a pooled request in B, and makes them known in B', async () => {
    const res = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, true));
    expect(res.status).toBe(201);
    const requestId = ((await res.json()) as { id: string }).id;
    const matches = (await (await residentB.get(`${baseB}/help-requests/${requestId}/matches`)).json()) as Match[];
    expect(matches).toHaveLength(1);
    matchId = matches[0]!.id;
    const [hosted] = await queryRows<{ personId: string; givenName: string; role: string }>(
      env.database.db,
      sql`select p.id as "personId", p.given_name as "givenName", r.role from regional_volunteers rv
            join persons p on p.tenant_id = rv.tenant_id and p.id = rv.person_id
            join role_assignments r on r.tenant_id = p.tenant_id and r.person_id = p.id
           where rv.tenant_id = ${B.id} and rv.home_tenant_id = ${A.id} and rv.home_person_id = ${A.volunteer.id}`,
    );
    expect(hosted).toMatchObject({ givenName: 'Victor', role: 'volunteer' });
    // Before anyone said yes, B holds only his first name: no family name, e-mail or phone.
    expect(await count(env, `persons where tenant_id = '${B.id}' and id = '${hosted!.personId}' and family_name = '' and email is null and phone is null`)).toBe(1);
    expect(await count(env, `persons where tenant_id = '${B.id}' and account_id = (select account_id from persons where tenant_id = '${A.id}' and id = '${A.volunteer.id}')`)).toBe(1);
    expect(await count(env, `audit_events where tenant_id = '${B.id}' and action = 'regional_volunteer.host' and subject_person_id = '${hosted!.personId}'`)).toBe(1);
    // Recorded as the platform's doing: the resident who posted stays out of the volunteer's access log.
    expect(await count(env, `audit_events where tenant_id = '${B.id}' and action = 'regional_volunteer.host' and actor_person_id is null and actor_account_id is null`)).toBe(1);
    const log = JSON.stringify(await (await volunteer.get(`${baseB}/me/access-log`)).json());
    expect(log).not.toContain('Fatima');
    expect(log).not.toContain('El Amrani');
  });

  it("lets the volunteer answer from B's side with the same account; contact appears once both said yes", async () => {
    const mine = (await (await volunteer.get(`${baseB}/me/matches`)).json()) as Match[];
    expect(mine.map((m) => m.id)).toEqual([matchId]);
    expect(mine[0]).toMatchObject({ viewerSide: 'volunteer', state: 'proposed', contact: null });
    expect((await volunteer.post(`${baseB}/matches/${matchId}/decision`, { decision: 'accept' })).status).toBe(200);
    const accepted = (await (await residentB.post(`${baseB}/matches/${matchId}/decision`, { decision: 'accept' })).json()) as Match;
    expect(accepted).toMatchObject({ state: 'confirmed', volunteerGivenName: 'Victor', volunteerHomeMunicipality: 'Dordrecht' });
    expect(accepted.contact?.volunteer?.name).toBe('Victor Jansen');
    expect(accepted.contact?.volunteer?.email).toBe(A.volunteer.email);
  });

  it("counts the match in B against the volunteer's capacity at home in A", async () => {
    const [load] = await inTenant(env.database.db, A.id, (tx) =>
      queryRows<{ personId: string; loadTenths: number; residents: number }>(
        tx,
        sql`select home_person_id as "personId", load_tenths as "loadTenths", residents from samenspel_hosted_loads(now() - interval '180 days')`,
      ),
    );
    expect(load).toEqual({ personId: A.volunteer.id, loadTenths: 10, residents: 1 });
    // And B sees the same volunteer with that load through the pool.
    const [seen] = await inTenant(env.database.db, B.id, (tx) =>
      queryRows<{ loadTenths: number; hosted: string | null }>(
        tx,
        sql`select load_tenths as "loadTenths", hosted_person_id as hosted from samenspel_pool_volunteers(now() - interval '180 days') where home_person_id = ${A.volunteer.id}`,
      ),
    );
    expect(seen?.loadTenths).toBeGreaterThanOrEqual(10);
    expect(seen?.hosted).not.toBeNull();
  });

  it("keeps A's volunteer rows invisible to B except through the pool's functions", async () => {
    const rows = await inTenant(env.database.db, B.id, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from volunteer_profiles where tenant_id = ${A.id}`),
    );
    expect(rows[0]?.n).toBe(0);
    // The pool function returns only volunteers who opted in (and are active), never B's own.
    const pool = await inTenant(env.database.db, B.id, (tx) =>
      queryRows<{ home: string }>(tx, sql`select home_tenant_id as home from samenspel_pool_volunteers(now())`),
    );
    expect(pool.every((r) => r.home === A.id)).toBe(true);
    const optedIn = await count(env, `volunteer_profiles where tenant_id = '${A.id}' and regional_pool and active and suspended_at is null`);
    expect(pool).toHaveLength(optedIn);
    // Someone who did not opt in cannot be fetched by id either.
    const [person] = await inTenant(env.database.db, B.id, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from samenspel_pool_volunteer_person(${A.id}, ${A.socialWorker.id})`),
    );
    expect(person?.n).toBe(0);
  });

  it('rejects bad pool input with problem+json and writes nothing', async () => {
    const before = await count(env, 'regional_pools');
    for (const body of [{}, { poolId: '00000000-0000-4000-8000-000000000000', name: 'Twee tegelijk' }, { name: 'x' }, { name: 'Regio Zuid-Holland Zuid' }, { poolId: '00000000-0000-4000-8000-000000000000' }, { name: 'Ok', extra: 1 }]) {
      const res = await adminA.put(`${baseA}/regional-pool`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { invalidParams?: Array<{ name: string }> };
      expect(problem.invalidParams?.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect(await count(env, 'regional_pools')).toBe(before);
    expect((await socialWorkerA.put(`${baseA}/regional-pool`, { name: 'Eigen pool' })).status).toBe(403);
    expect(await count(env, 'regional_pools')).toBe(before);
  });

  it('lets an admin start a new pool by name, which shares nothing until a partner joins', async () => {
    const res = await adminA.put(`${baseA}/regional-pool`, { name: 'Drechtsteden' });
    expect(res.status).toBe(200);
    const state = (await res.json()) as PoolState;
    expect(state.pool).toMatchObject({ name: 'Drechtsteden', partners: [] });
    expect(state.pools.map((p) => p.name)).toContain('Regio Zuid-Holland Zuid');
    const [n] = await inTenant(env.database.db, B.id, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from samenspel_pool_volunteers(now())`));
    expect(n?.n).toBe(0);
  });

  it('lets an admin join a pool nobody shares in without waiting for a yes', async () => {
    const started = ((await (await adminA.get(`${baseA}/regional-pool`)).json()) as PoolState).pool!;
    expect((await adminA.delete(`${baseA}/regional-pool`)).status).toBe(200);
    const res = await adminA.put(`${baseA}/regional-pool`, { poolId: started.id });
    expect(res.status).toBe(200);
    expect(((await res.json()) as PoolState).pool).toMatchObject({ id: started.id, name: 'Drechtsteden', accepted: true, partners: [] });
  });

  it('starts a pool once when two municipalities start the same name at the same moment; the other gets the usual answer', async () => {
    const [backA, backB] = await Promise.all([adminA.get(`${baseA}/regional-pool`), adminB.get(`${baseB}/regional-pool`)]);
    const before = { A: ((await backA.json()) as PoolState).pool!.id, B: ((await backB.json()) as PoolState).pool!.id };
    for (const name of ['Alblasserwaard', 'Vijfheerenlanden', 'Hoeksche Waard']) {
      const answers = await Promise.all([adminA.put(`${baseA}/regional-pool`, { name }), adminB.put(`${baseB}/regional-pool`, { name: name.toUpperCase() })]);
      expect(answers.map((r) => r.status).sort(), name).toEqual([200, 400]);
      const refused = answers.find((r) => r.status === 400)!;
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(((await refused.json()) as { invalidParams: Array<{ name: string }> }).invalidParams).toEqual([expect.objectContaining({ name: 'name', code: 'invalid_value' })]);
      expect(await count(env, `regional_pools where lower(name) = lower('${name}')`)).toBe(1);
      // Back where both were, for the next round and the cases after this one.
      for (const [agent, base, poolId] of [[adminA, baseA, before.A], [adminB, baseB, before.B]] as const) {
        const res = await agent.put(`${base}/regional-pool`, { poolId });
        expect(res.status).toBe(200);
      }
    }
  });

  it("lets B's coordinator suspend the volunteer in B after a report, without touching their offer at home", async () => {
    // Back in the shared pool first (the previous case moved A to a pool of its own).
    const shared = ((await (await adminB.get(`${baseB}/regional-pool`)).json()) as PoolState).pool!.id;
    expect((await adminA.put(`${baseA}/regional-pool`, { poolId: shared })).status).toBe(200);
    expect((await adminB.post(`${baseB}/regional-pool/members/${A.code}/accept`)).status).toBe(200);
    const reported = await residentB.post(`${baseB}/abuse-reports`, { matchId, category: 'inappropriate', details: 'Synthetische melding voor de test.' });
    expect(reported.status).toBe(201);
    const reportId = ((await reported.json()) as { id: string }).id;
    const coordinatorB = await signedIn(env.app, B.socialWorker.email);
    const handled = await coordinatorB.post(`${baseB}/abuse-reports/${reportId}/handle`, { outcome: 'suspended' });
    expect(handled.status).toBe(200);
    const inB = await inTenant(env.database.db, B.id, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from samenspel_pool_volunteers(now()) where home_person_id = ${A.volunteer.id}`),
    );
    expect(inB[0]?.n).toBe(0);
    const res = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, true));
    const id = ((await res.json()) as { id: string }).id;
    expect(await count(env, `help_matches where tenant_id = '${B.id}' and request_id = '${id}'`)).toBe(0);
    expect(await count(env, `volunteer_profiles where tenant_id = '${A.id}' and person_id = '${A.volunteer.id}' and suspended_at is null and active`)).toBe(1);
  });
});

describe('regional pool: a volunteer finds requests of the partner municipality', () => {
  let env: TestEnv;
  let volunteer: Agent;
  let residentB: Agent;
  let groceriesB: string;
  let requestId: string;

  beforeAll(async () => {
    env = await createTestEnv();
    volunteer = await signedIn(env.app, A.volunteer.email);
    residentB = await signedIn(env.app, B.resident.email);
    groceriesB = await categoryId(residentB, baseB, 'groceries');
    // Nobody else takes it: B's own volunteers step back, so the request stays open for Victor.
    await env.database.db.execute(sql`update volunteer_profiles set active = false where tenant_id = ${B.id}`);
    const res = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, true));
    requestId = ((await res.json()) as { id: string }).id;
  });
  afterAll(() => env.close());

  const suggestions = async () =>
    (await (await volunteer.get(`${baseA}/me/suggested-requests`)).json()) as Array<{ requestId: string; municipality: { code: string; name: string }; place: string }>;

  it('does not suggest them while the volunteer has not opted in', async () => {
    expect((await suggestions()).some((s) => s.requestId === requestId)).toBe(false);
    expect((await volunteer.post(`${baseA}/me/suggested-requests/${requestId}/offer`)).status).toBe(404);
    expect(await count(env, `help_matches where request_id = '${requestId}'`)).toBe(0);
  });

  it('suggests a pooled request of the partner, named by its municipality, once the volunteer opted in', async () => {
    const profile = (await (await volunteer.get(`${baseA}/me/volunteer-profile`)).json()) as Record<string, unknown> & { pc4: string };
    const { personId: _p, place: _pl, vog: _v, updatedAt: _u, pc4, ...rest } = profile;
    expect((await volunteer.put(`${baseA}/me/volunteer-profile`, { ...rest, postcode: pc4, maxKm: 30, regionalPool: true })).status).toBe(200);
    const found = (await suggestions()).find((s) => s.requestId === requestId);
    expect(found).toMatchObject({ municipality: { code: B.code, name: 'Gorinchem' }, place: 'Gorinchem' });
    // The read is recorded in Gorinchem too, where the requests live.
    expect(await count(env, `audit_events where tenant_id = '${B.id}' and action = 'help_request.suggestions.read' and actor_account_id is not null`)).toBeGreaterThan(0);
    expect(JSON.stringify(found)).not.toContain(B.resident.id);
  });

  it("lets the volunteer offer from their own municipality; the match lives in the resident's", async () => {
    const res = await volunteer.post(`${baseA}/me/suggested-requests/${requestId}/offer`);
    expect(res.status).toBe(201);
    const match = (await res.json()) as { id: string; state: string; municipality: { code: string } };
    expect(match).toMatchObject({ state: 'volunteer_accepted', municipality: { code: B.code } });
    expect(await count(env, `help_matches where tenant_id = '${B.id}' and id = '${match.id}'`)).toBe(1);
    expect(await count(env, `help_matches where tenant_id = '${A.id}' and request_id = '${requestId}'`)).toBe(0);
    // The resident in B sees Victor's yes, with where he comes from.
    const seen = (await (await residentB.get(`${baseB}/help-requests/${requestId}/matches`)).json()) as Array<{ id: string; volunteerGivenName: string | null; volunteerHomeMunicipality: string | null }>;
    expect(seen.find((m) => m.id === match.id)).toMatchObject({ volunteerGivenName: 'Victor', volunteerHomeMunicipality: 'Dordrecht' });
    // Offered once: the request is no longer suggested, and a second offer is refused.
    expect((await suggestions()).some((s) => s.requestId === requestId)).toBe(false);
    expect((await volunteer.post(`${baseA}/me/suggested-requests/${requestId}/offer`)).status).toBe(400);
  });

  it('does not offer a request of a municipality outside the pool', async () => {
    const shared = ((await (await volunteer.get(`${baseA}/regional-pool`)).json()) as PoolState).pool!.id;
    const adminB = await signedIn(env.app, B.admin.email);
    expect((await adminB.delete(`${baseB}/regional-pool`)).status).toBe(200);
    const res = await residentB.post(`${baseB}/help-requests`, groceriesInB(groceriesB, true));
    const other = ((await res.json()) as { id: string }).id;
    expect((await suggestions()).some((s) => s.requestId === other)).toBe(false);
    expect((await volunteer.post(`${baseA}/me/suggested-requests/${other}/offer`)).status).toBe(404);
    expect(await count(env, `help_matches where request_id = '${other}'`)).toBe(0);
    expect((await adminB.put(`${baseB}/regional-pool`, { poolId: shared })).status).toBe(200);
  });
});

describe('regional pool: two first invitations at once', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('makes the volunteer known once, however many invitations arrive together', async () => {
    const volunteer = await signedIn(env.app, A.volunteer.email);
    const residentB = await signedIn(env.app, B.resident.email);
    const coordinatorB = await signedIn(env.app, B.socialWorker.email);
    const groceriesB = await categoryId(residentB, baseB, 'groceries');
    await env.database.db.execute(sql`update volunteer_profiles set active = false where tenant_id = ${B.id}`);
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const res = await residentB.post(`${baseB}/help-requests`, { ...groceriesInB(groceriesB, true), houseNumber: 20 + n });
      ids.push(((await res.json()) as { id: string }).id);
    }
    const profile = (await (await volunteer.get(`${baseA}/me/volunteer-profile`)).json()) as Record<string, unknown> & { pc4: string };
    const { personId: _p, place: _pl, vog: _v, updatedAt: _u, pc4, ...rest } = profile;
    expect((await volunteer.put(`${baseA}/me/volunteer-profile`, { ...rest, postcode: pc4, maxKm: 30, regionalPool: true, maxResidents: 3, sessionsPerMonth: 4 })).status).toBe(200);
    const candidates = (await (await coordinatorB.get(`${baseB}/help-requests/${ids[0]}/candidates`)).json()) as Array<{ volunteerPersonId: string; homeMunicipality: string | null }>;
    const victor = candidates.find((c) => c.homeMunicipality === 'Dordrecht');
    expect(victor).toBeDefined();
    const answers = await Promise.all(ids.map((id) => coordinatorB.post(`${baseB}/help-requests/${id}/matches`, { volunteerPersonId: victor!.volunteerPersonId })));
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(await count(env, `regional_volunteers where tenant_id = '${B.id}' and home_person_id = '${A.volunteer.id}'`)).toBe(1);
    expect(await count(env, `persons where tenant_id = '${B.id}' and account_id = (select account_id from persons where tenant_id = '${A.id}' and id = '${A.volunteer.id}')`)).toBe(1);
    expect(await count(env, `help_matches where tenant_id = '${B.id}' and request_id in ('${ids[0]}', '${ids[1]}')`)).toBe(2);
  });

  it('refuses to accept a match of a volunteer suspended at home, and changes nothing', async () => {
    const volunteer = await signedIn(env.app, A.volunteer.email);
    const [match] = (await (await volunteer.get(`${baseB}/me/matches`)).json()) as Array<{ id: string; state: string }>;
    expect(match?.state).toBe('proposed');
    // The home municipality's coordinator suspended him after a report there.
    await env.database.db.execute(sql`update volunteer_profiles set suspended_at = now() where tenant_id = ${A.id} and person_id = ${A.volunteer.id}`);
    const res = await volunteer.post(`${baseB}/matches/${match!.id}/decision`, { decision: 'accept' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await count(env, `help_matches where id = '${match!.id}' and state = 'proposed'`)).toBe(1);
  });
});

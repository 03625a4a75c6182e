/**
 * The coach's queue, rotas for heavy recurring requests, the resident's own
 * network, referral, and the figures neighbour help keeps. Uses the demo
 * data: the demo resident's weekly request for company, which no single
 * volunteer can carry, and the synthetic volunteers who offer company once a
 * month.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { detectStallsEverywhere } from '../server/modules/neighbour-help/coach.service';
import { A } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;

async function count(env: TestEnv, query: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${query}`));
  return row?.n ?? -1;
}

interface QueueItem {
  stallId: string;
  cause: string;
  request: { id: string; schedule: string; residentDisplayName: string } & Record<string, unknown>;
  suggestions: Array<{ step: string; members?: number }>;
}
interface Proposal {
  startsOn: string;
  demandSessions: number;
  coveredSessions: number;
  complete: boolean;
  members: Array<{ volunteerPersonId: string; givenName: string; sessionsPerMonth: number }>;
  calendar: Array<{ date: string; memberId: string | null }>;
}
interface Rota {
  id: string;
  status: string;
  gapSessions: number;
  coveredSessions: number;
  members: Array<{ matchId: string | null; givenName: string | null; state: string; sessionsPerMonth: number; mine: boolean }>;
  calendar: Array<{ date: string; open: boolean; confirmed: boolean; givenName: string | null; mine: boolean }>;
}

describe('the coach turns a stalled weekly request into a rota', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let professional: Agent;
  let proposal: Proposal;
  let rota: Rota;

  beforeAll(async () => {
    env = await createTestEnv();
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    professional = await signedIn(env.app, A.professional.email);
  });
  afterAll(() => env.close());

  it('puts the weekly request that nobody can carry alone in the queue, suggesting a rota', async () => {
    const res = await coordinator.get(`${base}/coach/queue`);
    expect(res.status).toBe(200);
    const queue = (await res.json()) as QueueItem[];
    const item = queue.find((i) => i.request.id === A.helpRequestId);
    expect(item?.cause).toBe('needs_rota');
    expect(item?.suggestions[0]).toMatchObject({ step: 'split_into_rota' });
    expect(item?.suggestions.map((s) => s.step)).toContain('refer_formal');
    expect(JSON.stringify(queue)).not.toMatch(/3317AB|houseNumber/);
    expect(await count(env, `help_requests where id = '${A.helpRequestId}' and status = 'stalled'`)).toBe(1);
    // Reading the queue again opens no second stall.
    await coordinator.get(`${base}/coach/queue`);
    expect(await count(env, `help_request_stalls where request_id = '${A.helpRequestId}'`)).toBe(1);
  });

  it('records stalls for every municipality without anyone opening the queue', async () => {
    const fresh = await createTestEnv();
    try {
      expect(await detectStallsEverywhere(fresh.deps, fresh.clock.now)).toBeGreaterThan(0);
      expect(await count(fresh, `help_request_stalls where request_id = '${A.helpRequestId}' and cause = 'needs_rota'`)).toBe(1);
      // The coach is told, once per new stall.
      expect(await count(fresh, `notifications where person_id = '${A.socialWorker.id}' and kind = 'request.stalled' and ref_id = '${A.helpRequestId}'`)).toBe(1);
      expect(await detectStallsEverywhere(fresh.deps, fresh.clock.now)).toBe(0);
      expect(await count(fresh, `notifications where kind = 'request.stalled' and ref_id = '${A.helpRequestId}'`)).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('shows the coach one request on its own, with why it is stuck and the steps', async () => {
    const res = await coordinator.get(`${base}/help-requests/${A.helpRequestId}/coaching`);
    expect(res.status).toBe(200);
    const one = (await res.json()) as QueueItem;
    expect(one.cause).toBe('needs_rota');
    expect(one.suggestions[0]).toMatchObject({ step: 'split_into_rota' });
    expect(JSON.stringify(one)).not.toMatch(/3317AB|houseNumber/);
    expect((await professional.get(`${base}/help-requests/${A.helpRequestId}/coaching`)).status).toBe(403);
    // A request that is not stuck: no cause, and nothing to suggest once it is matched.
    const [matched] = await queryRows<{ id: string }>(env.database.db, sql`select id from help_requests where tenant_id = ${A.id} and status = 'matched' order by id limit 1`);
    const calm = (await (await coordinator.get(`${base}/help-requests/${matched!.id}/coaching`)).json()) as QueueItem;
    expect(calm).toMatchObject({ stallId: null, cause: null, suggestions: [] });
  });

  it('refuses the queue to anyone but coordinators', async () => {
    expect((await professional.get(`${base}/coach/queue`)).status).toBe(403);
    expect((await resident.get(`${base}/coach/queue`)).status).toBe(403);
    expect((await resident.get(`${base}/help-requests/${A.helpRequestId}/rota-proposal`)).status).toBe(403);
  });

  it('proposes the smallest team whose own limits cover the week, with a calendar', async () => {
    const res = await coordinator.get(`${base}/help-requests/${A.helpRequestId}/rota-proposal`);
    expect(res.status).toBe(200);
    proposal = (await res.json()) as Proposal;
    expect(proposal.demandSessions).toBe(4.3);
    expect(proposal.complete).toBe(true);
    expect(proposal.coveredSessions).toBeGreaterThanOrEqual(4.3);
    expect(proposal.members.length).toBeGreaterThanOrEqual(2);
    // Smallest: without its smallest member the rest would not cover the demand.
    const gives = proposal.members.map((m) => m.sessionsPerMonth).sort((a, b) => a - b);
    expect(gives.slice(1).reduce((s, g) => s + g, 0)).toBeLessThan(4.3);
    expect(proposal.calendar).toHaveLength(12);
    expect(proposal.calendar.every((e) => e.memberId !== null)).toBe(true);
  });

  it('refuses a rota with a member twice, or starting in the past, and writes nothing', async () => {
    const m = proposal.members[0]!;
    const twice = await coordinator.post(`${base}/help-requests/${A.helpRequestId}/rotas`, { startsOn: proposal.startsOn, members: [m, m] });
    expect(twice.status).toBe(400);
    const past = await coordinator.post(`${base}/help-requests/${A.helpRequestId}/rotas`, { startsOn: '2020-01-06', members: [m] });
    expect(past.status).toBe(400);
    const tooMuch = await coordinator.post(`${base}/help-requests/${A.helpRequestId}/rotas`, { startsOn: proposal.startsOn, members: [{ ...m, sessionsPerMonth: 31 }] });
    expect(tooMuch.status).toBe(400);
    expect(await count(env, `help_rotas`)).toBe(0);
  });

  it('approves the rota: members are asked, the stall ends as solved by a rota', async () => {
    const res = await coordinator.post(`${base}/help-requests/${A.helpRequestId}/rotas`, {
      startsOn: proposal.startsOn,
      members: proposal.members.map((m) => ({ volunteerPersonId: m.volunteerPersonId, sessionsPerMonth: m.sessionsPerMonth })),
    });
    expect(res.status).toBe(201);
    rota = (await res.json()) as Rota;
    expect(rota.status).toBe('approved');
    expect(rota.members.every((m) => m.state === 'proposed')).toBe(true);
    expect(rota.gapSessions).toBe(0);
    expect(await count(env, `help_matches where rota_id = '${rota.id}' and state = 'proposed'`)).toBe(proposal.members.length);
    expect(await count(env, `help_request_stalls where request_id = '${A.helpRequestId}' and outcome = 'rota' and resolved_at is not null`)).toBe(1);
    expect(await count(env, `notifications where kind = 'match.proposed' and ref_id in (select id from help_matches where rota_id = '${rota.id}')`)).toBe(proposal.members.length);
    expect(await count(env, `notifications where kind = 'rota.approved' and ref_id = '${rota.id}' and person_id = '${A.resident.id}'`)).toBe(1);
    const queue = (await (await coordinator.get(`${base}/coach/queue`)).json()) as QueueItem[];
    expect(queue.some((i) => i.request.id === A.helpRequestId)).toBe(false);
    const first = proposal.members[0]!;
    const again = await coordinator.post(`${base}/help-requests/${A.helpRequestId}/rotas`, {
      startsOn: proposal.startsOn,
      members: [{ volunteerPersonId: first.volunteerPersonId, sessionsPerMonth: first.sessionsPerMonth }],
    });
    expect(again.status).toBe(409);
  });

  it("confirms a member's part as soon as they say yes, and shows the resident the calendar", async () => {
    // Victor offers two sessions a month and lives in the request's own area: the smallest team includes him.
    expect(proposal.members.map((m) => m.volunteerPersonId)).toContain(A.volunteer.id);
    const victor = await signedIn(env.app, A.volunteer.email);
    const [mine] = await queryRows<{ id: string }>(env.database.db, sql`select id from help_matches where rota_id = ${rota.id} and volunteer_person_id = ${A.volunteer.id}`);
    const res = await victor.post(`${base}/matches/${mine!.id}/decision`, { decision: 'accept' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { state: string }).state).toBe('confirmed');
    const seen = (await (await victor.get(`${base}/rotas/${rota.id}`)).json()) as Rota;
    expect(seen.calendar.some((e) => e.mine)).toBe(true);
    const forResident = await resident.get(`${base}/help-requests/${A.helpRequestId}/rota`);
    expect(forResident.status).toBe(200);
    const view = (await forResident.json()) as Rota;
    expect(view.calendar).toHaveLength(12);
    expect(view.calendar.some((e) => e.confirmed && e.givenName)).toBe(true);
    // Members who have not said yes yet stay anonymous to the resident.
    expect(view.members.filter((m) => m.state === 'proposed').every((m) => m.givenName === null)).toBe(true);
    expect((await professional.get(`${base}/rotas/${rota.id}`)).status).toBe(403);
  });

  it('detects the gap when a member stops, tells the coach, and refills it', async () => {
    const members = await queryRows<{ id: string; volunteer_person_id: string }>(
      env.database.db,
      sql`select id, volunteer_person_id from help_matches where rota_id = ${rota.id} and state = 'proposed' order by id`,
    );
    const leaver = members[0]!;
    // The member declines (synthetic people cannot sign in: the state changes as the decision endpoint would).
    await env.database.db.execute(sql`update help_matches set state = 'declined', reason = 'no_time', declined_by = 'volunteer' where id = ${leaver.id}`);
    const gap = (await (await coordinator.get(`${base}/rotas/${rota.id}`)).json()) as Rota;
    expect(gap.gapSessions).toBeGreaterThan(0);
    expect(gap.calendar.some((e) => e.open)).toBe(true);
    const res = await coordinator.post(`${base}/rotas/${rota.id}/refill`);
    expect(res.status).toBe(200);
    const refilled = (await res.json()) as Rota;
    expect(refilled.gapSessions).toBe(0);
    expect(await count(env, `help_matches where rota_id = '${rota.id}' and volunteer_person_id = '${leaver.volunteer_person_id}' and state = 'proposed'`)).toBe(0);
    expect((await coordinator.post(`${base}/rotas/${rota.id}/refill`)).status).toBe(409);
  });
});

describe('the coach: deadline, network, referral, and the figures', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let volunteer: Agent;
  let policy: Agent;
  let groceries: string;

  /** Moves the clock on; sessions expire meanwhile, so everyone signs in again. */
  async function later(ms: number): Promise<void> {
    env.clock.advance(ms);
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    volunteer = await signedIn(env.app, A.volunteer.email);
    policy = await signedIn(env.app, A.policyOfficer.email);
  }

  beforeAll(async () => {
    env = await createTestEnv();
    await later(0);
    const list = (await (await resident.get(`${base}/help-categories`)).json()) as Array<{ id: string; code: string }>;
    groceries = list.find((c) => c.code === 'groceries')!.id;
    // Follow the demo volunteer alone, so the engine's choice is known.
    await env.database.db.execute(sql`update volunteer_profiles set active = false where tenant_id = ${A.id} and person_id <> ${A.volunteer.id}`);
  });
  afterAll(() => env.close());

  const post = async (description: string, extra: Record<string, unknown> = {}) => {
    const res = await resident.post(`${base}/help-requests`, {
      categoryId: groceries,
      description,
      schedule: 'monthly',
      dayParts: ['tue:afternoon'],
      durationMinutes: 60,
      postcode: '3318 AB',
      houseNumber: 4,
      ...extra,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('lands a request with the coach when nobody said yes within five days, and records the referral', async () => {
    const id = await post('Boodschappen, maar niemand reageert binnen vijf dagen.');
    expect(await count(env, `help_matches where request_id = '${id}' and state = 'proposed'`)).toBe(1);
    await later(4 * 86_400_000);
    let queue = (await (await coordinator.get(`${base}/coach/queue`)).json()) as QueueItem[];
    expect(queue.some((i) => i.request.id === id)).toBe(false);
    await later(1 * 86_400_000);
    queue = (await (await coordinator.get(`${base}/coach/queue`)).json()) as QueueItem[];
    expect(queue.find((i) => i.request.id === id)?.cause).toBe('no_match_in_time');
    const short = await coordinator.post(`${base}/help-requests/${id}/refer`, { reason: 'Nee' });
    expect(short.status).toBe(400);
    const res = await coordinator.post(`${base}/help-requests/${id}/refer`, { reason: 'Hulp bij het huishouden past beter bij de Wmo.' });
    expect(res.status).toBe(200);
    // One plan around the resident: the request hangs under their plan, with a formal action for the coach.
    const referred = (await res.json()) as { plan: { fileId: string; planVersion: number | null } };
    expect(referred.plan.planVersion).not.toBeNull();
    expect(await count(env, `plan_help_requests where file_id = '${referred.plan.fileId}' and request_id = '${id}'`)).toBe(1);
    const [latest] = await queryRows<{ version: number; content: { actions: Array<{ what: string; formal: boolean; who: { personId?: string } }> }; reason: string }>(
      env.database.db,
      sql`select version, content, reason from household_plan_versions where file_id = ${referred.plan.fileId} order by version desc limit 1`,
    );
    expect(latest?.version).toBe(referred.plan.planVersion);
    expect(latest?.reason).toContain('Doorverwezen vanuit buurthulp');
    expect(latest?.content.actions.at(-1)).toMatchObject({ formal: true, who: { personId: A.socialWorker.id } });
    expect(latest?.content.actions.at(-1)?.what).toContain('Hulp bij het huishouden past beter bij de Wmo.');
    expect(await count(env, `help_requests where id = '${id}' and status = 'referred'`)).toBe(1);
    expect(await count(env, `help_matches where request_id = '${id}' and state = 'withdrawn'`)).toBe(1);
    const stalls = (await (await coordinator.get(`${base}/help-requests/${id}/stalls`)).json()) as Array<{ cause: string; outcome: string }>;
    expect(stalls).toEqual([expect.objectContaining({ cause: 'no_match_in_time', outcome: 'referred' })]);
  });

  it("asks the resident's own network first and closes the request when they help", async () => {
    const id = await post('Iemand die met mij naar de markt gaat, op dinsdag.', { dayParts: ['mon:morning'] });
    const queue = (await (await coordinator.get(`${base}/coach/queue`)).json()) as QueueItem[];
    const item = queue.find((i) => i.request.id === id);
    expect(item?.cause).toBe('no_candidates');
    expect(item?.suggestions.map((s) => s.step)).toContain('ask_network');
    const added = await resident.post(`${base}/help-requests/${id}/network`, { name: 'Buurman Kees', relation: 'neighbour' });
    expect(added.status).toBe(201);
    const contact = (await added.json()) as { id: string };
    expect((await resident.post(`${base}/help-requests/${id}/network`, { name: 'Kees', relation: 'enemy' })).status).toBe(400);
    expect((await volunteer.get(`${base}/help-requests/${id}/network`)).status).toBe(403);
    const updated = await coordinator.patch(`${base}/help-requests/${id}/network/${contact.id}`, { status: 'will_help' });
    expect(updated.status).toBe(200);
    const done = await coordinator.post(`${base}/help-requests/${id}/resolved-by-network`, { note: 'Buurman Kees gaat mee.' });
    expect(done.status).toBe(200);
    expect(await count(env, `help_request_stalls where request_id = '${id}' and outcome = 'network'`)).toBe(1);
    expect((await coordinator.post(`${base}/help-requests/${id}/resolved-by-network`, {})).status).toBe(409);
  });

  it('widens the search for one request only for the coach, never for the platform', async () => {
    const id = await post('Boodschappen in Dordrecht-Oost, eens per maand.', { postcode: '3313 AA' });
    expect(await count(env, `help_matches where request_id = '${id}'`)).toBe(0);
    expect(((await (await coordinator.get(`${base}/help-requests/${id}/candidates`)).json()) as unknown[]).length).toBe(0);
    expect((await coordinator.patch(`${base}/help-requests/${id}/coaching`, {})).status).toBe(400);
    expect((await coordinator.patch(`${base}/help-requests/${id}/coaching`, { extraKm: 5 })).status).toBe(200);
    const wide = (await (await coordinator.get(`${base}/help-requests/${id}/candidates?widen=true`)).json()) as Array<{ volunteerPersonId: string; beyondOwnDistance: boolean }>;
    expect(wide).toEqual([expect.objectContaining({ volunteerPersonId: A.volunteer.id, beyondOwnDistance: true })]);
    // The platform's own proposals still respect the volunteer's limit.
    expect((await resident.post(`${base}/help-requests/${id}/find-volunteers`)).status).toBe(200);
    expect(await count(env, `help_matches where request_id = '${id}'`)).toBe(0);
  });

  it('holds a sensitive request for the coach: the platform proposes nobody and suggests it to nobody', async () => {
    await env.database.db.execute(sql`update volunteer_profiles set active = false where person_id = ${A.volunteer.id}`);
    const id = await post('Boodschappen, maar er zijn zorgen over veiligheid.');
    await env.database.db.execute(sql`update volunteer_profiles set active = true where person_id = ${A.volunteer.id}`);
    expect((await resident.patch(`${base}/help-requests/${id}/coaching`, { sensitive: true })).status).toBe(403);
    expect((await coordinator.patch(`${base}/help-requests/${id}/coaching`, { sensitive: true })).status).toBe(200);
    const suggestions = (await (await volunteer.get(`${base}/me/suggested-requests`)).json()) as Array<{ requestId: string }>;
    expect(suggestions.map((s) => s.requestId)).not.toContain(id);
    const again = (await (await coordinator.post(`${base}/help-requests/${id}/find-volunteers`)).json()) as { proposed: number };
    expect(again.proposed).toBe(0);
    const queue = (await (await coordinator.get(`${base}/coach/queue`)).json()) as QueueItem[];
    expect(queue.find((i) => i.request.id === id)?.cause).toBe('sensitive');
    // The coach can still invite someone on purpose.
    expect((await coordinator.post(`${base}/help-requests/${id}/matches`, { volunteerPersonId: A.volunteer.id })).status).toBe(201);
  });

  it('keeps the figures of a period: requests, matches, times, shares, volunteers and hours', async () => {
    // A quiet day of its own, far from the demo data and the other tests.
    await later(30 * 86_400_000);
    const day = env.clock.now.toISOString().slice(0, 10);
    const matched = await post('Boodschappen voor de cijfers, eens per maand.');
    const referred = await post('Nog een vraag voor de cijfers, eens per maand.', { dayParts: ['sun:evening'] });
    const [m] = await queryRows<{ id: string }>(env.database.db, sql`select id from help_matches where request_id = ${matched}`);
    env.clock.advance(2 * 3600_000);
    expect((await volunteer.post(`${base}/matches/${m!.id}/decision`, { decision: 'accept' })).status).toBe(200);
    env.clock.advance(1 * 3600_000);
    expect((await resident.post(`${base}/matches/${m!.id}/decision`, { decision: 'accept' })).status).toBe(200);
    expect((await volunteer.post(`${base}/matches/${m!.id}/sessions`, { happenedOn: day, minutes: 60 })).status).toBe(201);
    expect((await coordinator.post(`${base}/help-requests/${referred}/refer`, { reason: 'Past beter bij formele hulp.' })).status).toBe(200);

    expect((await resident.get(`${base}/neighbour-help/figures?from=${day}&to=${day}`)).status).toBe(403);
    expect((await policy.get(`${base}/neighbour-help/figures?from=${day}&to=2020-01-01`)).status).toBe(400);
    const res = await policy.get(`${base}/neighbour-help/figures?from=${day}&to=${day}`);
    expect(res.status).toBe(200);
    const f = (await res.json()) as Record<string, number | null>;
    const active = await count(
      env,
      `(select distinct volunteer_person_id from help_matches where tenant_id = '${A.id}' and confirmed_at is not null and confirmed_at < '${day}'::date + 1 and (closed_at is null or closed_at >= '${day}'::date)) v`,
    );
    expect(f).toMatchObject({
      requests: 2,
      matches: 1,
      medianHoursToFirstResponse: 2,
      medianHoursToMatch: 3,
      shareStalled: 0.5,
      shareResolvedInformally: 0.5,
      shareReferred: 0.5,
      hoursGiven: 1,
      activeVolunteers: active,
    });
    expect(active).toBeGreaterThan(0);
  });
});

/**
 * Neighbour help, matches: the platform proposes a volunteer for a new
 * request, the volunteer and the resident talk through messages and both say
 * yes, and only then do contact details (and the address) appear. Declines
 * need a reason, a no-show counts, the hard rules hold, outsiders are
 * refused and the refusal is audited, and bad input writes nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { inTenant } from '../server/db/tenant-scope';
import { candidatesForVolunteer, openCity } from '../server/modules/neighbour-help/matches.proposals';
import { A } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;

interface Match {
  id: string;
  requestId: string;
  state: string;
  viewerSide: string;
  volunteerGivenName: string | null;
  residentGivenName: string | null;
  volunteerPersonId: string | null;
  reasons: { km: number; dayPartsInCommon: string[]; decidedBy: string[]; candidates: number };
  contact: null | { volunteer: { name: string; email: string | null }; resident: { name: string; address: { postcode: string; houseNumber: number } | null } };
  allowedActions: string[];
  noShows: number;
  hoursGiven: number;
  request: { place: string; pc4: string; description: string };
}

async function count(env: TestEnv, query: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${query}`));
  return row?.n ?? -1;
}

/** The demo data holds many synthetic volunteers; these tests follow Victor alone, so his offer decides. */
async function onlyTheDemoVolunteer(env: TestEnv): Promise<void> {
  await env.database.db.execute(sql`update volunteer_profiles set active = false where tenant_id = ${A.id} and person_id <> ${A.volunteer.id}`);
}

async function categoryId(agent: Agent, code: string): Promise<string> {
  const list = (await (await agent.get(`${base}/help-categories`)).json()) as Array<{ id: string; code: string }>;
  return list.find((c) => c.code === code)!.id;
}

/** A monthly request for groceries near the demo volunteer (3317, 5 km, Tuesday afternoons). */
function groceriesRequest(groceries: string, overrides: Record<string, unknown> = {}) {
  return {
    categoryId: groceries,
    description: 'Boodschappen halen bij de supermarkt om de hoek, eens per maand.',
    schedule: 'monthly',
    dayParts: ['tue:afternoon'],
    durationMinutes: 60,
    postcode: '3318 AB',
    houseNumber: 12,
    ...overrides,
  };
}

describe('neighbour help: from proposal to confirmed match', () => {
  let env: TestEnv;
  let resident: Agent;
  let volunteer: Agent;
  let coordinator: Agent;
  let professional: Agent;
  let groceries: string;
  let requestId: string;
  let match: Match;

  beforeAll(async () => {
    env = await createTestEnv();
    resident = await signedIn(env.app, A.resident.email);
    volunteer = await signedIn(env.app, A.volunteer.email);
    coordinator = await signedIn(env.app, A.socialWorker.email);
    professional = await signedIn(env.app, A.professional.email);
    groceries = await categoryId(resident, 'groceries');
    await onlyTheDemoVolunteer(env);
  });
  afterAll(() => env.close());

  it('proposes the nearby volunteer as soon as the resident posts, with the reasons', async () => {
    const res = await resident.post(`${base}/help-requests`, groceriesRequest(groceries));
    expect(res.status).toBe(201);
    requestId = ((await res.json()) as { id: string }).id;
    const list = (await (await resident.get(`${base}/help-requests/${requestId}/matches`)).json()) as Match[];
    expect(list).toHaveLength(1);
    match = list[0]!;
    expect(match).toMatchObject({ state: 'proposed', viewerSide: 'resident', volunteerGivenName: null, volunteerPersonId: null, contact: null });
    expect(match.reasons.dayPartsInCommon).toEqual(['tue:afternoon']);
    expect(match.reasons.km).toBeGreaterThan(0);
    expect(match.reasons.km).toBeLessThan(5);
    expect(match.reasons.decidedBy.length).toBeGreaterThan(0);
  });

  it("shows the volunteer the request without the resident's name or address", async () => {
    const mine = (await (await volunteer.get(`${base}/me/matches`)).json()) as Match[];
    const seen = mine.find((m) => m.id === match.id)!;
    expect(seen).toMatchObject({ state: 'proposed', viewerSide: 'volunteer', residentGivenName: null, contact: null });
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'decline', 'message']));
    const text = JSON.stringify(mine);
    expect(text).not.toContain('3318AB');
    expect(text).not.toContain(A.resident.id);
    expect(seen.request.place).toBe('Dordrecht');
  });

  it('lets them talk through in-app messages before anyone shares a number', async () => {
    const sent = await volunteer.post(`${base}/matches/${match.id}/messages`, { body: 'Hallo! Welke supermarkt bedoelt u?' });
    expect(sent.status).toBe(201);
    env.clock.advance(60_000);
    const reply = await resident.post(`${base}/matches/${match.id}/messages`, { body: 'De Jumbo aan de Noordendijk.' });
    expect(reply.status).toBe(201);
    const messages = (await reply.json()) as Array<{ from: string; mine: boolean; senderName: string | null; body: string }>;
    expect(messages.map((m) => [m.from, m.mine])).toEqual([
      ['volunteer', false],
      ['resident', true],
    ]);
    // The resident does not see the volunteer's name before the volunteer said yes.
    expect(messages[0]!.senderName).toBeNull();
    const forVolunteer = (await (await volunteer.get(`${base}/matches/${match.id}/messages`)).json()) as typeof messages;
    expect(forVolunteer[1]).toMatchObject({ from: 'resident', senderName: null });
  });

  it('refuses the resident saying yes before the volunteer did, and changes nothing', async () => {
    const res = await resident.post(`${base}/matches/${match.id}/decision`, { decision: 'accept' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await count(env, `help_matches where id = '${match.id}' and state = 'proposed'`)).toBe(1);
  });

  it('needs a reason for a no, from the right list', async () => {
    const none = await volunteer.post(`${base}/matches/${match.id}/decision`, { decision: 'decline' });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { invalidParams: Array<{ name: string; code: string }> }).invalidParams).toEqual([
      expect.objectContaining({ name: 'reason', code: 'required' }),
    ]);
    const residentsReason = await volunteer.post(`${base}/matches/${match.id}/decision`, { decision: 'decline', reason: 'prefer_someone_else' });
    expect(residentsReason.status).toBe(400);
    const unknown = await volunteer.post(`${base}/matches/${match.id}/decision`, { decision: 'maybe' });
    expect(unknown.status).toBe(400);
    expect(await count(env, `help_matches where id = '${match.id}' and state = 'proposed'`)).toBe(1);
  });

  it('refuses outsiders and records the refusal', async () => {
    const before = await count(env, `audit_events where outcome = 'denied' and resource_id = '${match.id}'`);
    expect((await professional.get(`${base}/matches/${match.id}`)).status).toBe(403);
    expect((await professional.post(`${base}/matches/${match.id}/messages`, { body: 'Mag ik meelezen?' })).status).toBe(403);
    expect(await count(env, `audit_events where outcome = 'denied' and resource_id = '${match.id}'`)).toBe(before + 2);
    expect(await count(env, `match_messages where match_id = '${match.id}'`)).toBe(2);
  });

  it('shows the resident the volunteer\'s first name once the volunteer says yes, and records the first response', async () => {
    const res = await volunteer.post(`${base}/matches/${match.id}/decision`, { decision: 'accept' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Match).state).toBe('volunteer_accepted');
    const forResident = (await (await resident.get(`${base}/matches/${match.id}`)).json()) as Match;
    expect(forResident.volunteerGivenName).toBe('Victor');
    expect(forResident.contact).toBeNull();
    expect(forResident.allowedActions).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(await count(env, `help_requests where id = '${requestId}' and first_response_at is not null and matched_at is null`)).toBe(1);
  });

  it('reveals contact details and the address to both once the resident says yes', async () => {
    const res = await resident.post(`${base}/matches/${match.id}/decision`, { decision: 'accept' });
    expect(res.status).toBe(200);
    const confirmed = (await res.json()) as Match;
    expect(confirmed.state).toBe('confirmed');
    expect(confirmed.contact?.volunteer.name).toMatch(/^Victor /);
    const forVolunteer = (await (await volunteer.get(`${base}/matches/${match.id}`)).json()) as Match;
    expect(forVolunteer.residentGivenName).not.toBeNull();
    expect(forVolunteer.contact?.resident.address).toEqual({ postcode: '3318AB', houseNumber: 12, houseNumberAddition: null });
    expect(await count(env, `help_requests where id = '${requestId}' and status = 'matched' and matched_at is not null`)).toBe(1);
    expect(await count(env, `audit_events where action = 'help_match.contact.read' and resource_id = '${match.id}'`)).toBe(1);
  });

  it('keeps the hours given, recorded by the volunteer, and refuses a session in the future', async () => {
    const today = env.clock.now.toISOString().slice(0, 10);
    const ok = await volunteer.post(`${base}/matches/${match.id}/sessions`, { happenedOn: today, minutes: 90 });
    expect(ok.status).toBe(201);
    const future = await volunteer.post(`${base}/matches/${match.id}/sessions`, { happenedOn: '2030-01-01', minutes: 60 });
    expect(future.status).toBe(400);
    expect((await resident.post(`${base}/matches/${match.id}/sessions`, { happenedOn: today, minutes: 60 })).status).toBe(403);
    expect(await count(env, `help_sessions where match_id = '${match.id}'`)).toBe(1);
    const view = (await (await volunteer.get(`${base}/matches/${match.id}`)).json()) as Match;
    expect(view.hoursGiven).toBe(1.5);
  });

  it('counts a no-show reported by the resident, not by the volunteer', async () => {
    expect((await volunteer.post(`${base}/matches/${match.id}/no-show`)).status).toBe(403);
    const res = await resident.post(`${base}/matches/${match.id}/no-show`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Match).noShows).toBe(1);
  });

  it('closes the request when the help is completed, and stops the messages', async () => {
    const res = await volunteer.post(`${base}/matches/${match.id}/end`, { reason: 'help_completed' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Match).contact).toBeNull();
    expect(await count(env, `help_requests where id = '${requestId}' and status = 'closed'`)).toBe(1);
    expect((await volunteer.post(`${base}/matches/${match.id}/messages`, { body: 'Nog één ding' })).status).toBe(409);
  });

  it('lets a coordinator see candidates with reasons and invite one, but not a professional', async () => {
    const posted = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { description: 'Samen naar de markt op dinsdag, eens per maand.' }));
    const id = ((await posted.json()) as { id: string }).id;
    // The platform already asked Victor; withdraw it so the coordinator can invite him again.
    const [auto] = (await (await coordinator.get(`${base}/help-requests/${id}/matches`)).json()) as Match[];
    expect(auto).toBeDefined();
    expect((await coordinator.post(`${base}/matches/${auto!.id}/withdraw`, { reason: 'coach_decision' })).status).toBe(200);
    const candidates = await coordinator.get(`${base}/help-requests/${id}/candidates`);
    expect(candidates.status).toBe(200);
    expect((await professional.get(`${base}/help-requests/${id}/candidates`)).status).toBe(403);
    const invite = await coordinator.post(`${base}/help-requests/${id}/matches`, { volunteerPersonId: A.volunteer.id });
    expect(invite.status).toBe(201);
    expect(((await invite.json()) as Match & { origin: string }).origin).toBe('coach');
    const again = await coordinator.post(`${base}/help-requests/${id}/matches`, { volunteerPersonId: A.volunteer.id });
    expect(again.status).toBe(409);
    const notAVolunteer = await coordinator.post(`${base}/help-requests/${id}/matches`, { volunteerPersonId: A.professional.id });
    expect(notAVolunteer.status).toBe(400);
  });

  it('lets a resident start a match with a volunteer they met at a meet-up, and only then', async () => {
    const cafe = 'e0000000-0000-4000-8000-000000050504'; // held; Ineke and Victor were both there
    const upcoming = 'e0000000-0000-4000-8000-000000050501'; // Victor signed up, nobody attended yet
    await env.database.db.execute(sql`update volunteer_profiles set active = false where person_id = ${A.volunteer.id}`);
    const posted = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { description: 'Boodschappen met iemand van het buurtcafé.' }));
    const id = ((await posted.json()) as { id: string }).id;
    await env.database.db.execute(sql`update volunteer_profiles set active = true where person_id = ${A.volunteer.id}`);
    expect(await count(env, `help_matches where request_id = '${id}'`)).toBe(0);
    expect((await resident.post(`${base}/help-requests/${id}/matches`, { volunteerPersonId: A.volunteer.id })).status).toBe(403);
    const notMet = await resident.post(`${base}/help-requests/${id}/matches`, { volunteerPersonId: A.volunteer.id, meetupId: upcoming });
    expect(notMet.status).toBe(400);
    expect(((await notMet.json()) as { invalidParams: Array<{ name: string }> }).invalidParams[0]!.name).toBe('meetupId');
    const met = await resident.post(`${base}/help-requests/${id}/matches`, { volunteerPersonId: A.volunteer.id, meetupId: cafe });
    expect(met.status).toBe(201);
    expect(((await met.json()) as { origin: string; state: string })).toMatchObject({ origin: 'meetup', state: 'proposed' });
    expect(await count(env, `help_matches where request_id = '${id}' and meetup_id = '${cafe}'`)).toBe(1);
  });

  it('lets a coordinator find a resident to post for, residents only, and refuses others', async () => {
    const res = await coordinator.get(`${base}/neighbour-help/residents?q=Vries`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ id: string; displayName: string }> };
    expect(items.map((p) => p.id)).toContain(A.resident.id);
    const staff = (await (await coordinator.get(`${base}/neighbour-help/residents?q=Bakker`)).json()) as { items: Array<{ id: string }> };
    expect(staff.items.map((p) => p.id)).not.toContain(A.socialWorker.id);
    expect((await coordinator.get(`${base}/neighbour-help/residents?q=a`)).status).toBe(400);
    expect((await coordinator.get(`${base}/neighbour-help/residents`)).status).toBe(400);
    const one = (await (await coordinator.get(`${base}/neighbour-help/residents?id=${A.resident.id}`)).json()) as { items: unknown[] };
    expect(one.items).toHaveLength(1);
    expect((await professional.get(`${base}/neighbour-help/residents?q=Vries`)).status).toBe(403);
    expect((await resident.get(`${base}/neighbour-help/residents?q=Vries`)).status).toBe(403);
  });

  it("keeps the reason for a no with the one who said it and the coach", async () => {
    const posted = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { description: 'Boodschappen, waarop Victor nee zegt.' }));
    const id = ((await posted.json()) as { id: string }).id;
    const [m] = (await (await resident.get(`${base}/help-requests/${id}/matches`)).json()) as Match[];
    expect((await volunteer.post(`${base}/matches/${m!.id}/decision`, { decision: 'decline', reason: 'personal' })).status).toBe(200);
    const forResident = (await (await resident.get(`${base}/matches/${m!.id}`)).json()) as Match & { reason: string | null; declinedBy: string };
    expect(forResident).toMatchObject({ state: 'declined', declinedBy: 'volunteer', reason: null });
    const forVictor = (await (await volunteer.get(`${base}/matches/${m!.id}`)).json()) as { reason: string | null };
    expect(forVictor.reason).toBe('personal');
    const forCoach = (await (await coordinator.get(`${base}/matches/${m!.id}`)).json()) as { reason: string | null };
    expect(forCoach.reason).toBe('personal');
  });

  it('withdraws the open proposals when the resident cancels the request', async () => {
    const posted = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { description: 'Brood halen bij de bakker, eens per maand.' }));
    const id = ((await posted.json()) as { id: string }).id;
    expect(await count(env, `help_matches where request_id = '${id}' and state = 'proposed'`)).toBe(1);
    expect((await resident.post(`${base}/help-requests/${id}/cancel`)).status).toBe(200);
    expect(await count(env, `help_matches where request_id = '${id}' and state = 'withdrawn' and reason = 'request_cancelled'`)).toBe(1);
  });

  it('limits messages per hour with its own problem code', async () => {
    const posted = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { description: 'Medicijnen ophalen bij de apotheek, eens per maand.' }));
    const id = ((await posted.json()) as { id: string }).id;
    const [m] = (await (await resident.get(`${base}/help-requests/${id}/matches`)).json()) as Match[];
    const already = await count(env, `match_messages where sender_person_id = '${A.volunteer.id}' and created_at > now() - interval '100 years'`);
    let last: Response | null = null;
    for (let i = already; i <= 30; i++) last = await volunteer.post(`${base}/matches/${m!.id}/messages`, { body: `Bericht ${i}` });
    expect(last!.status).toBe(429);
    expect(((await last!.json()) as { code: string }).code).toBe('rate_limited');
    expect(await count(env, `match_messages where sender_person_id = '${A.volunteer.id}'`)).toBe(30);
  });

  it('shows each match in a list exactly as on its own: names, contact and hours stay with their match', async () => {
    // One more match for the same resident, confirmed, beside the others (ended, declined, withdrawn, proposed).
    const posted = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { description: 'Samen de week doornemen, eens per maand.', houseNumber: 14 }));
    const id = ((await posted.json()) as { id: string }).id;
    const [m] = (await (await resident.get(`${base}/help-requests/${id}/matches`)).json()) as Match[];
    expect((await volunteer.post(`${base}/matches/${m!.id}/decision`, { decision: 'accept' })).status).toBe(200);
    expect((await resident.post(`${base}/matches/${m!.id}/decision`, { decision: 'accept' })).status).toBe(200);

    const mine = (await (await volunteer.get(`${base}/me/matches`)).json()) as Array<Match & { sessions: unknown[] }>;
    expect(new Set(mine.map((x) => x.state))).toEqual(new Set(['confirmed', 'ended', 'declined', 'withdrawn', 'proposed']));
    // The resident's name and address only on the confirmed match, though every match is hers.
    for (const x of mine) {
      expect(x.residentGivenName !== null, x.state).toBe(x.state === 'confirmed');
      expect(x.contact !== null, x.state).toBe(x.state === 'confirmed');
    }
    expect(mine.find((x) => x.id === m!.id)!.contact?.resident.address).toEqual({ postcode: '3318AB', houseNumber: 14, houseNumberAddition: null });
    // The hours of the first match stay with it.
    expect(mine.find((x) => x.id === match.id)).toMatchObject({ hoursGiven: 1.5, sessions: [expect.objectContaining({ minutes: 90 })] });
    expect(mine.filter((x) => x.hoursGiven > 0).map((x) => x.id)).toEqual([match.id]);
    for (const x of mine) expect(x, x.state).toEqual(await (await volunteer.get(`${base}/matches/${x.id}`)).json());

    // The same for the resident's list of one request and the coordinator's.
    for (const [agent, side] of [[resident, 'resident'], [coordinator, 'coordinator']] as const) {
      for (const requestOf of [requestId, id]) {
        const list = (await (await agent.get(`${base}/help-requests/${requestOf}/matches`)).json()) as Match[];
        expect(list.length).toBeGreaterThan(0);
        for (const x of list) {
          expect(x.viewerSide).toBe(side);
          expect(x, x.state).toEqual(await (await agent.get(`${base}/matches/${x.id}`)).json());
        }
      }
    }
  });
});

describe('neighbour help: the hard rules of a proposal', () => {
  let env: TestEnv;
  let resident: Agent;
  let volunteer: Agent;
  let groceries: string;
  let company: string;

  beforeAll(async () => {
    env = await createTestEnv();
    resident = await signedIn(env.app, A.resident.email);
    volunteer = await signedIn(env.app, A.volunteer.email);
    groceries = await categoryId(resident, 'groceries');
    company = await categoryId(resident, 'company');
    await onlyTheDemoVolunteer(env);
  });
  afterAll(() => env.close());

  const proposalsFor = async (body: Record<string, unknown>) => {
    env.clock.advance(7 * 60_000); // stays under the posting limit of ten an hour
    const res = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, body));
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    return count(env, `help_matches where request_id = '${id}'`);
  };

  it('never proposes a volunteer beyond their travel distance (3313 is about 9 km away; the limit is 5)', async () => {
    expect(await proposalsFor({ postcode: '3313 AA', description: 'Boodschappen in Dordrecht-Oost, eens per maand.' })).toBe(0);
  });

  it('takes the day parts of a one-off request from its window', async () => {
    const once = { schedule: 'once', dayParts: undefined, description: 'Eenmalig boodschappen op dinsdagmiddag.' };
    expect(await proposalsFor({ ...once, window: { start: '2026-11-10T12:00:00Z', end: '2026-11-10T16:00:00Z' } })).toBe(1);
    expect(await proposalsFor({ ...once, window: { start: '2026-11-09T08:00:00Z', end: '2026-11-09T10:00:00Z' } })).toBe(0);
  });

  it('never proposes outside the day parts the volunteer gave', async () => {
    expect(await proposalsFor({ dayParts: ['mon:morning'], description: 'Boodschappen op maandagochtend, eens per maand.' })).toBe(0);
  });

  it('never proposes someone who speaks none of the languages asked', async () => {
    expect(await proposalsFor({ languages: ['ar'], description: 'Boodschappen met iemand die Arabisch spreekt.' })).toBe(0);
  });

  it('asks the resident their gender when they want someone of the same gender, and then respects it', async () => {
    const missing = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { sameGender: true }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { invalidParams: Array<{ name: string }> }).invalidParams[0]!.name).toBe('residentGender');
    expect(await proposalsFor({ sameGender: true, residentGender: 'female', description: 'Boodschappen met een vrouw, eens per maand.' })).toBe(0);
    expect(await proposalsFor({ sameGender: true, residentGender: 'male', description: 'Boodschappen met een man, eens per maand.' })).toBe(1);
  });

  it('does not give a volunteer more than they offered: a weekly request is left for a rota', async () => {
    expect(await proposalsFor({ schedule: 'weekly', description: 'Elke week boodschappen, op dinsdagmiddag.' })).toBe(0);
  });

  it('needs a valid VOG for a category with vulnerable people', async () => {
    expect(await proposalsFor({ categoryId: company, description: 'Gezelschap op dinsdagmiddag, eens per maand.' })).toBe(1);
    await env.database.db.execute(sql`update vog_records set issued_on = '2020-01-01' where person_id = ${A.volunteer.id}`);
    expect(await proposalsFor({ categoryId: company, description: 'Nog een keer gezelschap op dinsdag, eens per maand.' })).toBe(0);
  });

  it('never proposes someone the resident blocked', async () => {
    await env.database.db.execute(
      sql`insert into person_blocks (tenant_id, blocker_person_id, blocked_person_id, created_at) values (${A.id}, ${A.resident.id}, ${A.volunteer.id}, now())`,
    );
    expect(await proposalsFor({ description: 'Boodschappen na een blokkade, eens per maand.' })).toBe(0);
    await env.database.db.execute(sql`delete from person_blocks where blocker_person_id = ${A.resident.id}`);
  });

  it('suggests fitting open requests to a volunteer, who can offer to help', async () => {
    const res = await resident.post(`${base}/help-requests`, groceriesRequest(groceries, { description: 'Een boodschap op dinsdag, eens per maand.' }));
    const id = ((await res.json()) as { id: string }).id;
    // The platform proposed Victor already; as a suggestion it is not offered twice.
    const suggestions = (await (await volunteer.get(`${base}/me/suggested-requests`)).json()) as Array<{ requestId: string; description: string }>;
    expect(suggestions.map((s) => s.requestId)).not.toContain(id);
    expect(JSON.stringify(suggestions)).not.toContain(A.resident.id);
    const offer = await volunteer.post(`${base}/me/suggested-requests/${id}/offer`);
    expect(offer.status).toBe(400);
    // Best first, as the engine ranks them, and each with its own request's details.
    const ranked = await inTenant(env.database.db, A.id, async (tx) => candidatesForVolunteer(tx, await openCity(tx, A.id, env.clock.now), A.volunteer.id, 10));
    expect(ranked.length).toBeGreaterThan(1);
    expect(suggestions.map((s) => s.requestId)).toEqual(ranked.map((c) => c.requestId));
    const stored = await queryRows<{ id: string; description: string }>(env.database.db, sql`select id, description from help_requests where tenant_id = ${A.id}`);
    const descriptions = new Map(stored.map((r) => [r.id, r.description]));
    for (const s of suggestions) expect(s.description).toBe(descriptions.get(s.requestId));
  });

  it('stops proposing a volunteer after three no-shows in six months', async () => {
    await env.database.db.execute(sql`delete from person_blocks`);
    await env.database.db.execute(sql`update vog_records set issued_on = '2025-03-01' where person_id = ${A.volunteer.id}`);
    expect(await proposalsFor({ description: 'Boodschappen voor de no-show-test, maand.' })).toBe(1);
    await env.database.db.execute(sql`update help_matches set no_shows = 3, updated_at = ${env.clock.now} where volunteer_person_id = ${A.volunteer.id} and id = (select id from help_matches where volunteer_person_id = ${A.volunteer.id} order by created_at desc limit 1)`);
    expect(await proposalsFor({ description: 'Boodschappen na drie keer niet gekomen.' })).toBe(0);
  });
});

/**
 * Meet-ups (ontmoetingen): organisers plan them, residents and volunteers
 * sign up, organisers keep attendance, and someone who was there sees the
 * volunteers they met. Whole requests through the app on a real database.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { DEMO_MUNICIPALITIES } from '../server/demo/demo-data';
import { demoResidentId } from '../server/demo/seed';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;
const [dordrecht, gorinchem] = DEMO_MUNICIPALITIES;
/** Demo meet-ups of Dordrecht: Buurtcafé (Stichting Buurtkracht), full walk (Zorggroep), and one already held. */
const CAFE = dordrecht!.meetups[0]!.id;
const FULL_WALK = dordrecht!.meetups[2]!.id;
const HELD = dordrecht!.meetups[3]!.id;
const OF_B = gorinchem!.meetups[0]!.id;
const BUURTKRACHT = dordrecht!.organisations[1]!.id;
const ZORGGROEP = dordrecht!.organisations[0]!.id;
const DAY = 86_400_000;

interface Meetup {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  status: string;
  capacity: number;
  signedUp: number;
  seatsLeft: number;
  mySignup: { signedUpAt: string; attended: boolean | null } | null;
  canManage: boolean;
  pc4: string;
  area: string | null;
  startsAt: string;
}
interface Problem {
  code: string;
  invalidParams?: Array<{ name: string; code: string }>;
}

async function count(env: TestEnv, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? -1;
}

async function lastEvent(env: TestEnv, action: string) {
  const [row] = await queryRows<{ actor_person_id: string; subject_person_id: string | null; resource_id: string; purpose: string; outcome: string }>(
    env.database.db,
    sql`select actor_person_id, subject_person_id, resource_id, purpose, outcome from audit_events where action = ${action} order by seq desc limit 1`,
  );
  return row;
}

/** A meet-up two days after the test clock, 14:00–16:00 Dutch time. */
function newMeetup(env: TestEnv, over: Record<string, unknown> = {}) {
  const start = new Date(env.clock.now.getTime() + 2 * DAY);
  start.setUTCHours(13, 0, 0, 0);
  const end = new Date(start.getTime() + 2 * 3600_000);
  return {
    title: 'Spelletjesmiddag',
    place: 'Bibliotheek aan de Merwede (fictief), leeszaal',
    postcode: '3311 AB',
    startsAt: start.toISOString().replace('Z', '+00:00'),
    endsAt: end.toISOString().replace('Z', '+00:00'),
    capacity: 8,
    notes: 'Neem gerust een spel mee.',
    ...over,
  };
}

describe('meet-ups: planning, signing up, attendance and the people you met', () => {
  let env: TestEnv;
  let worker: Agent;
  let resident: Agent;
  let volunteer: Agent;
  let created: Meetup;

  const signInAll = async () => {
    worker = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    volunteer = await signedIn(env.app, A.volunteer.email);
  };
  /** Time passes; sessions expire on the way, so everyone signs in again. */
  const advance = async (ms: number) => {
    env.clock.advance(ms);
    await signInAll();
  };

  beforeAll(async () => {
    env = await createTestEnv();
    await signInAll();
  });
  afterAll(() => env.close());

  it('lists upcoming meet-ups soonest first with seats left, and no names of who signed up', async () => {
    const res = await resident.get(`${base}/meetups`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const list = JSON.parse(text) as { items: Meetup[]; total: number };
    expect(list.items.map((m) => m.id)).toEqual([CAFE, dordrecht!.meetups[1]!.id, FULL_WALK]);
    expect(list.items[0]).toMatchObject({ capacity: 20, signedUp: 4, seatsLeft: 16, status: 'open', mySignup: null, canManage: false, area: 'Dordrecht' });
    expect(list.items[2]).toMatchObject({ seatsLeft: 0, status: 'full' });
    expect(text).not.toContain('Jansen');
    expect(text).not.toContain(A.volunteer.id);
    const past = (await (await resident.get(`${base}/meetups?past=true`)).json()) as { items: Meetup[] };
    expect(past.items.map((m) => m.id)).toEqual([HELD]);
    expect(past.items[0]!.mySignup).toMatchObject({ attended: true });
    const paged = (await (await resident.get(`${base}/meetups?limit=1&offset=1`)).json()) as { items: Meetup[]; total: number };
    expect(paged).toMatchObject({ total: 3, items: [{ id: dordrecht!.meetups[1]!.id }] });
  });

  it('lets a social worker plan a meet-up for their own organisation, audited', async () => {
    const res = await worker.post(`${base}/meetups`, newMeetup(env));
    expect(res.status, await res.clone().text()).toBe(201);
    created = (await res.json()) as Meetup;
    expect(created).toMatchObject({ organisation: { id: BUURTKRACHT }, pc4: '3311', capacity: 8, signedUp: 0, seatsLeft: 8, status: 'open', canManage: true });
    expect(await lastEvent(env, 'meetup.create')).toMatchObject({ actor_person_id: A.socialWorker.id, resource_id: created.id, purpose: 'neighbour_help' });
  });

  it('signs a resident up, counts the seat, shows it under my meet-ups, and audits it', async () => {
    const res = await resident.post(`${base}/meetups/${created.id}/signup`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ signedUp: 1, seatsLeft: 7, mySignup: { attended: null } });
    expect(await lastEvent(env, 'meetup.signup')).toMatchObject({ actor_person_id: A.resident.id, subject_person_id: A.resident.id, resource_id: created.id, outcome: 'success' });
    // Twice is the same as once.
    const again = (await (await resident.post(`${base}/meetups/${created.id}/signup`)).json()) as Meetup;
    expect(again.signedUp).toBe(1);
    const mine = (await (await resident.get(`${base}/meetups?mine=true`)).json()) as { items: Meetup[] };
    expect(mine.items.map((m) => m.id)).toEqual([created.id]);
    expect((await volunteer.post(`${base}/meetups/${created.id}/signup`)).status).toBe(200);
  });

  it('shows the organiser who signed up, with full names, audited as a read of attendees', async () => {
    const res = await worker.get(`${base}/meetups/${created.id}/signups`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ personId: string; displayName: string; volunteer: boolean; attended: boolean | null }> };
    expect(items).toEqual([
      expect.objectContaining({ personId: A.resident.id, displayName: 'Ineke de Vries', volunteer: false, attended: null }),
      expect.objectContaining({ personId: A.volunteer.id, displayName: 'Victor Jansen', volunteer: true, attended: null }),
    ]);
    expect(await lastEvent(env, 'meetup.attendees.read')).toMatchObject({ actor_person_id: A.socialWorker.id, resource_id: created.id });
  });

  it('refuses attendance before the start, then keeps it, one audit event per person changed', async () => {
    const marks = { attendance: [{ personId: A.resident.id, attended: true }, { personId: A.volunteer.id, attended: true }] };
    const early = await worker.put(`${base}/meetups/${created.id}/attendance`, marks);
    expect(early.status).toBe(409);
    expect(((await early.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'startsAt' })]);

    await advance(2 * DAY + 5 * 3600_000);
    const before = await count(env, `audit_events where action = 'meetup.attendance.update'`);
    const res = await worker.put(`${base}/meetups/${created.id}/attendance`, marks);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ attended: boolean | null }> };
    expect(items.map((s) => s.attended)).toEqual([true, true]);
    expect(await count(env, `audit_events where action = 'meetup.attendance.update'`)).toBe(before + 2);
    // Nothing changed: nothing to audit.
    await worker.put(`${base}/meetups/${created.id}/attendance`, marks);
    expect(await count(env, `audit_events where action = 'meetup.attendance.update'`)).toBe(before + 2);

    const stranger = await worker.put(`${base}/meetups/${created.id}/attendance`, { attendance: [{ personId: A.otherResidentId, attended: true }] });
    expect(stranger.status).toBe(400);
    expect(((await stranger.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'attendance.0.personId', code: 'invalid_value' })]);
  });

  it('shows a resident who was there the volunteers they met, by id and first name only', async () => {
    const res = await resident.get(`${base}/meetups/${created.id}/met-volunteers`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { volunteers: Array<Record<string, string>> };
    expect(body).toEqual({ meetupId: created.id, volunteers: [{ personId: A.volunteer.id, givenName: 'Victor' }] });
    expect(await lastEvent(env, 'meetup.attendees.read')).toMatchObject({ actor_person_id: A.resident.id, subject_person_id: A.volunteer.id });
    // The volunteer met no other volunteer there.
    expect(((await (await volunteer.get(`${base}/meetups/${created.id}/met-volunteers`)).json()) as { volunteers: unknown[] }).volunteers).toEqual([]);
  });

  it('refuses the volunteers met to someone who was not there, and audits the refusal', async () => {
    await worker.put(`${base}/meetups/${created.id}/attendance`, { attendance: [{ personId: A.resident.id, attended: false }] });
    const res = await resident.get(`${base}/meetups/${created.id}/met-volunteers`);
    expect(res.status).toBe(403);
    expect(await lastEvent(env, 'meetup.attendees.read')).toMatchObject({ actor_person_id: A.resident.id, outcome: 'denied', resource_id: created.id });
  });

  it('exposes metVolunteers to the neighbour-help module', async () => {
    const { metVolunteers } = await import('../server/modules/meetups/meetups.service');
    const ctx = {
      requestId: 'test',
      locale: 'nl' as const,
      now: () => env.clock.now,
      tenant: { id: A.id, code: A.code, name: 'Dordrecht' },
      actor: { accountId: 'c' + A.resident.id.slice(1), personId: A.resident.id, roles: ['resident' as const], organisationIds: [] },
    };
    // The demo resident was at the café that was already held, with Victor and a synthetic volunteer (resident no. 4).
    expect(await metVolunteers(env.deps, ctx, HELD)).toEqual({
      meetupId: HELD,
      volunteers: [
        { personId: demoResidentId(A.code, 4), givenName: 'Olaf' },
        { personId: A.volunteer.id, givenName: 'Victor' },
      ],
    });
  });

  it('refuses signing up once the meet-up has started, and withdrawing too', async () => {
    const meal = dordrecht!.meetups[1]!.id;
    expect((await resident.post(`${base}/meetups/${meal}/signup`)).status).toBe(200);
    await advance(7 * DAY);
    const withdraw = await resident.delete(`${base}/meetups/${meal}/signup`);
    expect(withdraw.status).toBe(409);
    expect(((await withdraw.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'startsAt' })]);
    const late = await volunteer.post(`${base}/meetups/${meal}/signup`);
    expect(late.status).toBe(409);
    expect(((await late.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'startsAt' })]);
    // Staff do not sign themselves up, and that refusal is audited.
    expect((await worker.post(`${base}/meetups/${meal}/signup`)).status).toBe(403);
  });
});

describe('meet-ups: full, cancelled, and changing them', () => {
  let env: TestEnv;
  let worker: Agent;
  let resident: Agent;
  let volunteer: Agent;

  beforeAll(async () => {
    env = await createTestEnv();
    worker = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    volunteer = await signedIn(env.app, A.volunteer.email);
  });
  afterAll(() => env.close());

  it('refuses a sign-up for a full meet-up with a 409 that says so, and writes nothing', async () => {
    const signups = await count(env, 'meetup_signups');
    const events = await count(env, 'audit_events');
    const res = await resident.post(`${base}/meetups/${FULL_WALK}/signup`);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'conflict', invalidParams: [{ name: 'seatsLeft', code: 'invalid_value' }] });
    expect(await count(env, 'meetup_signups')).toBe(signups);
    expect(await count(env, 'audit_events')).toBe(events);
  });

  it('lets the last seat go to one person only', async () => {
    const meetup = (await (await worker.post(`${base}/meetups`, newMeetup(env, { capacity: 1 }))).json()) as Meetup;
    const [first, second] = await Promise.all([resident.post(`${base}/meetups/${meetup.id}/signup`), volunteer.post(`${base}/meetups/${meetup.id}/signup`)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    // Withdrawing frees the seat.
    const winner = first.status === 200 ? resident : volunteer;
    const other = first.status === 200 ? volunteer : resident;
    expect(((await (await winner.delete(`${base}/meetups/${meetup.id}/signup`)).json()) as Meetup).seatsLeft).toBe(1);
    expect(await lastEvent(env, 'meetup.signup.cancel')).toMatchObject({ outcome: 'success', resource_id: meetup.id });
    expect((await other.post(`${base}/meetups/${meetup.id}/signup`)).status).toBe(200);
  });

  it('does not let the capacity drop under the sign-ups', async () => {
    const res = await worker.patch(`${base}/meetups/${CAFE}`, { capacity: 3 });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'capacity' })]);
    const ok = await worker.patch(`${base}/meetups/${CAFE}`, { capacity: 4, notes: 'Nu met taart.' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ capacity: 4, seatsLeft: 0, status: 'full' });
    expect(await lastEvent(env, 'meetup.update')).toMatchObject({ actor_person_id: A.socialWorker.id, resource_id: CAFE });
  });

  it('cancels a meet-up once; then nobody can sign up, and those signed up can still withdraw', async () => {
    const meetup = (await (await worker.post(`${base}/meetups`, newMeetup(env))).json()) as Meetup;
    await volunteer.post(`${base}/meetups/${meetup.id}/signup`);
    const res = await worker.post(`${base}/meetups/${meetup.id}/cancel`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'cancelled' });
    const signUp = await resident.post(`${base}/meetups/${meetup.id}/signup`);
    expect(signUp.status).toBe(409);
    expect(((await signUp.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'cancelledAt' })]);
    expect((await worker.post(`${base}/meetups/${meetup.id}/cancel`)).status).toBe(409);
    expect((await worker.patch(`${base}/meetups/${meetup.id}`, { notes: 'Toch wel?' })).status).toBe(409);
    expect((await volunteer.delete(`${base}/meetups/${meetup.id}/signup`)).status).toBe(200);
  });

  it('lets an administrator plan for any organisation, naming it', async () => {
    const admin = await signedIn(env.app, A.admin.email);
    const without = await admin.post(`${base}/meetups`, newMeetup(env));
    expect(without.status).toBe(400);
    expect(((await without.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'organisationId', code: 'required' })]);
    const res = await admin.post(`${base}/meetups`, newMeetup(env, { organisationId: ZORGGROEP }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as Meetup).organisation.id).toBe(ZORGGROEP);
    const unknown = await admin.post(`${base}/meetups`, newMeetup(env, { organisationId: B.organisationId }));
    expect(((await unknown.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'organisationId', code: 'invalid_value' })]);
  });
});

describe('meet-ups: who may do what', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('lets a professional organise only for their own organisation, and audits a refusal on a meet-up', async () => {
    const professional = await signedIn(env.app, A.professional.email);
    const own = await professional.post(`${base}/meetups`, newMeetup(env));
    expect(own.status).toBe(201);
    expect(((await own.json()) as Meetup).organisation.id).toBe(ZORGGROEP);
    expect((await professional.post(`${base}/meetups`, newMeetup(env, { organisationId: BUURTKRACHT }))).status).toBe(403);
    const other = await professional.get(`${base}/meetups/${CAFE}/signups`);
    expect(other.status).toBe(403);
    expect(await lastEvent(env, 'meetup.attendees.read')).toMatchObject({ actor_person_id: A.professional.id, outcome: 'denied', resource_id: CAFE });
    expect((await professional.patch(`${base}/meetups/${CAFE}`, { notes: 'Overgenomen' })).status).toBe(403);
    expect(await lastEvent(env, 'meetup.update')).toMatchObject({ actor_person_id: A.professional.id, outcome: 'denied' });
    // Their own organisation's walk they do manage.
    expect((await professional.get(`${base}/meetups/${FULL_WALK}/signups`)).status).toBe(200);
  });

  it('does not let residents plan, or a policy officer sign up', async () => {
    const resident = await signedIn(env.app, A.resident.email);
    expect((await resident.post(`${base}/meetups`, newMeetup(env))).status).toBe(403);
    const officer = await signedIn(env.app, A.policyOfficer.email);
    expect((await officer.get(`${base}/meetups`)).status).toBe(200);
    expect((await officer.post(`${base}/meetups/${CAFE}/signup`)).status).toBe(403);
    expect(await lastEvent(env, 'meetup.signup')).toMatchObject({ actor_person_id: A.policyOfficer.id, outcome: 'denied' });
  });

  it("answers 404 for another municipality's meet-up inside this one, and 403 in the other municipality", async () => {
    const admin = await signedIn(env.app, A.admin.email);
    for (const path of [`/meetups/${OF_B}`, `/meetups/${OF_B}/signups`, `/meetups/${OF_B}/met-volunteers`]) {
      expect((await admin.get(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await admin.post(`${base}/meetups/${OF_B}/signup`)).status).toBe(404);
    const res = await admin.get(`/api/municipalities/${B.code}/meetups`);
    expect(res.status).toBe(403);
  });
});

describe('meet-ups: bad input', () => {
  let env: TestEnv;
  let worker: Agent;
  beforeAll(async () => {
    env = await createTestEnv();
    worker = await signedIn(env.app, A.socialWorker.email);
  });
  afterAll(() => env.close());

  const cases: Array<[string, (env: TestEnv) => Record<string, unknown>, string[]]> = [
    [
      'a start in the past',
      (e) => newMeetup(e, { startsAt: new Date(e.clock.now.getTime() - 3 * 3600_000).toISOString(), endsAt: new Date(e.clock.now.getTime() - 3600_000).toISOString() }),
      ['startsAt'],
    ],
    ['an end before the start', (e) => newMeetup(e, { endsAt: newMeetup(e).startsAt }), ['endsAt']],
    ['a date without an offset', (e) => newMeetup(e, { startsAt: '2026-11-20T14:00:00' }), ['startsAt']],
    ['no seats', (e) => newMeetup(e, { capacity: 0 }), ['capacity']],
    ['more than 500 seats', (e) => newMeetup(e, { capacity: 501 }), ['capacity']],
    ['a postcode in Gorinchem', (e) => newMeetup(e, { postcode: '4205' }), ['postcode']],
    ['a postcode that does not exist', (e) => newMeetup(e, { postcode: '0000 AA' }), ['postcode']],
    ['a control character in the title', (e) => newMeetup(e, { title: 'Koffie\u0000' }), ['title']],
    ['an unknown field', (e) => newMeetup(e, { price: 3 }), ['price']],
    ['no title and no place', (e) => newMeetup(e, { title: undefined, place: '  ' }), ['title', 'place']],
  ];

  it.each(cases)('refuses %s with the field at fault, and writes nothing', async (_label, body, fields) => {
    const before = [await count(env, 'meetups'), await count(env, 'audit_events')];
    const res = await worker.post(`${base}/meetups`, body(env));
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.invalidParams?.map((p) => p.name).sort()).toEqual([...fields].sort());
    expect([await count(env, 'meetups'), await count(env, 'audit_events')]).toEqual(before);
  });

  it('refuses a change to a time in the past and keeps the meet-up as it was', async () => {
    const before = await (await worker.get(`${base}/meetups/${CAFE}`)).json();
    const res = await worker.patch(`${base}/meetups/${CAFE}`, { startsAt: '2020-01-01T10:00:00+01:00' });
    expect(res.status).toBe(400);
    const after = await (await worker.get(`${base}/meetups/${CAFE}`)).json();
    expect(after).toEqual(before);
  });
});

/**
 * Notifications (in-app, and e-mail with a weekly cap and a digest), abuse
 * reports with a coordinator's decision, and blocks. Follows the demo
 * volunteer Victor and the demo resident Ineke.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { deliverNotifications, remindMeetups } from '../server/modules/notifications/notifications.service';
import { A } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;

async function count(env: TestEnv, query: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${query}`));
  return row?.n ?? -1;
}

describe('notifications, reports and blocks', () => {
  let env: TestEnv;
  let resident: Agent;
  let volunteer: Agent;
  let coordinator: Agent;
  let professional: Agent;
  let groceries: string;
  let matchId: string;

  async function later(ms: number): Promise<void> {
    env.clock.advance(ms);
    resident = await signedIn(env.app, A.resident.email);
    volunteer = await signedIn(env.app, A.volunteer.email);
    coordinator = await signedIn(env.app, A.socialWorker.email);
    professional = await signedIn(env.app, A.professional.email);
  }

  const post = async (description: string) => {
    const res = await resident.post(`${base}/help-requests`, {
      categoryId: groceries,
      description,
      schedule: 'monthly',
      dayParts: ['tue:afternoon'],
      durationMinutes: 60,
      postcode: '3318 AB',
      houseNumber: 9,
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    const [m] = await queryRows<{ id: string }>(env.database.db, sql`select id from help_matches where request_id = ${id} and volunteer_person_id = ${A.volunteer.id}`);
    return { id, matchId: m?.id };
  };

  beforeAll(async () => {
    env = await createTestEnv();
    await later(0);
    const list = (await (await resident.get(`${base}/help-categories`)).json()) as Array<{ id: string; code: string }>;
    groceries = list.find((c) => c.code === 'groceries')!.id;
    await env.database.db.execute(sql`update volunteer_profiles set active = false where tenant_id = ${A.id} and person_id <> ${A.volunteer.id}`);
    // Start from a clean slate: the demo data's own notifications are not what these tests count.
    await env.database.db.execute(sql`update notifications set read_at = now(), emailed = 'skipped'`);
  });
  afterAll(() => env.close());

  it('tells the volunteer in the app about a new proposal, and marks it read', async () => {
    matchId = (await post('Boodschappen, om de melding te zien.')).matchId!;
    const res = await volunteer.get(`${base}/me/notifications`);
    const body = (await res.json()) as { unread: number; items: Array<{ id: string; kind: string; refId: string }> };
    expect(body.unread).toBe(1);
    expect(body.items[0]).toMatchObject({ kind: 'match.proposed', refId: matchId });
    expect(JSON.stringify(body)).not.toContain('Boodschappen');
    const count1 = (await (await volunteer.get(`${base}/me/notifications?countOnly=true`)).json()) as { unread: number; items: unknown[] };
    expect(count1).toEqual({ unread: 1, items: [] });
    expect(((await (await volunteer.post(`${base}/me/notifications/read`, {})).json()) as { marked: number }).marked).toBe(1);
    expect(((await (await volunteer.get(`${base}/me/notifications?countOnly=true`)).json()) as { unread: number }).unread).toBe(0);
  });

  it('e-mails at most three times a week, then once in the weekly digest, without any personal detail', async () => {
    env.mail.length = 0;
    for (let i = 0; i < 5; i++) {
      expect((await resident.post(`${base}/matches/${matchId}/messages`, { body: `Vraagje ${i} over de boodschappen` })).status).toBe(201);
      await deliverNotifications(env.deps, env.clock.now);
      env.clock.advance(60_000);
    }
    const toVictor = env.mail.filter((m) => m.to === A.volunteer.email);
    expect(toVictor).toHaveLength(3);
    for (const m of toVictor) {
      expect(m.text).not.toMatch(/boodschappen|Ineke|3318/i);
      expect(m.text).toContain('/meldingen');
    }
    expect(await count(env, `notifications where person_id = '${A.volunteer.id}' and emailed = 'pending_digest'`)).toBe(2);
    // Nothing more in the same week…
    await deliverNotifications(env.deps, env.clock.now);
    expect(env.mail.filter((m) => m.to === A.volunteer.email)).toHaveLength(3);
    // …and one digest once the oldest waited a week.
    await later(7 * 86_400_000);
    await deliverNotifications(env.deps, env.clock.now);
    const after = env.mail.filter((m) => m.to === A.volunteer.email);
    expect(after).toHaveLength(4);
    expect(after[3]!.subject).toBe('Uw weekoverzicht van samenspel');
    expect(await count(env, `notifications where person_id = '${A.volunteer.id}' and emailed = 'pending_digest'`)).toBe(0);
  });

  it('sends no e-mail to someone who chose none, and checks the choice', async () => {
    expect((await volunteer.put(`${base}/me/notification-preferences`, { email: 'never', maxEmailsPerWeek: 3 })).status).toBe(400);
    expect((await volunteer.put(`${base}/me/notification-preferences`, { email: 'off', maxEmailsPerWeek: 3 })).status).toBe(200);
    env.mail.length = 0;
    expect((await resident.post(`${base}/matches/${matchId}/messages`, { body: 'Nog een vraag' })).status).toBe(201);
    await deliverNotifications(env.deps, env.clock.now);
    expect(env.mail.filter((m) => m.to === A.volunteer.email)).toHaveLength(0);
    expect(await count(env, `notifications where person_id = '${A.volunteer.id}' and emailed = 'skipped' and kind = 'message.received'`)).toBeGreaterThan(0);
    expect(((await (await volunteer.get(`${base}/me/notification-preferences`)).json()) as { email: string }).email).toBe('off');
  });

  it('reminds everyone signed up for a meet-up a day ahead, once', async () => {
    const cafe = 'e0000000-0000-4000-8000-000000050501'; // Victor and three residents signed up
    const [m] = await queryRows<{ starts_at: Date | string }>(env.database.db, sql`select starts_at from meetups where id = ${cafe}`);
    const start = new Date(m!.starts_at).getTime();
    const signedUp = await count(env, `meetup_signups where meetup_id = '${cafe}' and cancelled_at is null`);
    expect(signedUp).toBeGreaterThan(0);
    await remindMeetups(env.deps, new Date(start - 2 * 86_400_000));
    expect(await count(env, `notifications where kind = 'meetup.reminder' and ref_id = '${cafe}'`)).toBe(0);
    await remindMeetups(env.deps, new Date(start - 12 * 3600_000));
    expect(await count(env, `notifications where kind = 'meetup.reminder' and ref_id = '${cafe}'`)).toBe(signedUp);
    await remindMeetups(env.deps, new Date(start - 6 * 3600_000));
    expect(await count(env, `notifications where kind = 'meetup.reminder' and ref_id = '${cafe}'`)).toBe(signedUp);
  });

  it('lets someone on a match report the other person, and nobody else', async () => {
    expect((await professional.post(`${base}/abuse-reports`, { matchId, category: 'harassment' })).status).toBe(403);
    expect((await resident.post(`${base}/abuse-reports`, { matchId, category: 'gossip' })).status).toBe(400);
    expect(await count(env, 'abuse_reports')).toBe(0);
    const res = await resident.post(`${base}/abuse-reports`, { matchId, category: 'harassment', details: 'Hij stuurde veel berichten op de avond.' });
    expect(res.status).toBe(201);
    expect(await count(env, `abuse_reports where subject_person_id = '${A.volunteer.id}' and reporter_person_id = '${A.resident.id}'`)).toBe(1);
    expect((await resident.get(`${base}/abuse-reports`)).status).toBe(403);
    const reports = (await (await coordinator.get(`${base}/abuse-reports`)).json()) as Array<{ id: string; subject: { givenName: string } }>;
    expect(reports).toHaveLength(1);
    expect(reports[0]!.subject).toMatchObject({ givenName: 'Victor', isVolunteer: true });
  });

  it('suspends a volunteer on a report: their open proposals go and the platform proposes them to nobody', async () => {
    const [report] = (await (await coordinator.get(`${base}/abuse-reports`)).json()) as Array<{ id: string }>;
    const res = await coordinator.post(`${base}/abuse-reports/${report!.id}/handle`, { outcome: 'suspended' });
    expect(res.status).toBe(200);
    expect(await count(env, `volunteer_profiles where person_id = '${A.volunteer.id}' and suspended_at is not null`)).toBe(1);
    expect(await count(env, `help_matches where id = '${matchId}' and state = 'withdrawn'`)).toBe(1);
    expect((await post('Boodschappen na de schorsing.')).matchId).toBeUndefined();
    expect((await coordinator.post(`${base}/abuse-reports/${report!.id}/handle`, { outcome: 'dismissed' })).status).toBe(409);
    // Saving the offer again does not lift the suspension.
    await env.database.db.execute(sql`update volunteer_profiles set suspended_at = null where person_id = ${A.volunteer.id}`);
  });

  it('suspends only volunteers: a report about a resident can be dismissed or warned, not suspended', async () => {
    const { matchId: m } = await post('Boodschappen, melding over de inwoner.');
    expect((await volunteer.post(`${base}/abuse-reports`, { matchId: m, category: 'inappropriate' })).status).toBe(201);
    const open = (await (await coordinator.get(`${base}/abuse-reports`)).json()) as Array<{ id: string; subject: { personId: string; isVolunteer: boolean } }>;
    const aboutResident = open.find((r) => r.subject.personId === A.resident.id)!;
    expect(aboutResident.subject.isVolunteer).toBe(false);
    const refused = await coordinator.post(`${base}/abuse-reports/${aboutResident.id}/handle`, { outcome: 'suspended' });
    expect(refused.status).toBe(400);
    expect(await count(env, `abuse_reports where id = '${aboutResident.id}' and status = 'open'`)).toBe(1);
    expect((await coordinator.post(`${base}/abuse-reports/${aboutResident.id}/handle`, { outcome: 'warned' })).status).toBe(200);
  });

  it('blocks the other person of a match: the match stops and they are not matched again until unblocked', async () => {
    const { matchId: m } = await post('Boodschappen voor de blokkade.');
    expect(m).toBeDefined();
    expect((await professional.post(`${base}/matches/${m}/block`)).status).toBe(403);
    expect((await resident.post(`${base}/matches/${m}/block`)).status).toBe(200);
    expect(await count(env, `help_matches where id = '${m}' and state = 'withdrawn' and reason = 'blocked'`)).toBe(1);
    expect((await volunteer.post(`${base}/matches/${m}/messages`, { body: 'Hallo?' })).status).toBe(409);
    expect((await post('Boodschappen terwijl Victor geblokkeerd is.')).matchId).toBeUndefined();
    const blocks = (await (await resident.get(`${base}/me/blocks`)).json()) as Array<{ personId: string; givenName: string }>;
    expect(blocks).toEqual([expect.objectContaining({ personId: A.volunteer.id, givenName: 'Victor' })]);
    expect((await resident.delete(`${base}/me/blocks/${A.volunteer.id}`)).status).toBe(200);
    expect((await resident.delete(`${base}/me/blocks/${A.volunteer.id}`)).status).toBe(404);
    expect((await post('Boodschappen na het opheffen van de blokkade.')).matchId).toBeDefined();
  });
});

/**
 * One plan around the resident (issue 5): the resident's file with consent
 * and need-to-know, the household plan with versions, the network map,
 * outcomes, and the resident's voice. Whole requests on a real database.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantContext } from '../server/core/context';
import { queryRows } from '../server/db/client';
import { inTenant } from '../server/db/tenant-scope';
import { planFromReferral } from '../server/modules/household/household.service';
import { DEMO_MUNICIPALITIES } from '../server/demo/demo-data';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;
const [dordrecht] = DEMO_MUNICIPALITIES;
const ZORGGROEP = dordrecht!.organisations[0]!.id;
const WOONSTICHTING = dordrecht!.organisations[2]!.id;
const VALID_BSN = '111222333';

type Problem = { code: string; invalidParams?: Array<{ name: string; code: string; reason: string }> };
type FileView = {
  id: string;
  myRelation: string;
  myScopes: string[];
  resident: { personId: string; displayName: string; bsn: string | null } | null;
  householdMembers: Array<{ name: string; relation: string }> | null;
  participants: Array<{ personId: string; organisation: { id: string } | null }>;
  consents: Array<{ id: string; inForce: boolean; withdrawnAt: string | null; scopes: string[] }>;
};
type Plan = {
  version: number;
  reason: string | null;
  goals: Array<{ id: string; text: string }>;
  actions: Array<{ id: string; goalId: string | null; who: { personId: string; displayName: string } | { helperName: string }; formal: boolean; what: string; doneOn: string | null }>;
  domains: string[];
  contributions: Array<{ role: string; done: number; open: number; goals: Array<{ id: string; text: string }> }>;
};

async function count(env: TestEnv, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, query);
  return row?.n ?? -1;
}

/**
 * A member of staff of municipality A who can sign in (same demo password):
 * the demo data has one professional and one social worker, the tests need
 * colleagues who are not on the plan.
 */
async function addStaff(env: TestEnv, localPart: string, role: string, organisationId: string | null): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const accountId = randomUUID();
  const email = `${localPart}@dordrecht.example`;
  await env.database.db.execute(sql`insert into accounts (id, email, password_hash, locale)
    select ${accountId}, ${email}, password_hash, 'en' from accounts where email = ${A.professional.email}`);
  await env.database.db.execute(sql`insert into persons (tenant_id, id, account_id, given_name, family_name, email, created_at, updated_at)
    values (${A.id}, ${id}, ${accountId}, 'Test', ${localPart}, ${email}, now(), now())`);
  await env.database.db.execute(sql`insert into role_assignments (tenant_id, person_id, role, organisation_id, granted_at)
    values (${A.id}, ${id}, ${role}, ${organisationId}, now())`);
  return { id, email };
}

describe('household plan: the resident file, consent and need-to-know', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let professional: Agent;
  let otherProfessional: Agent;
  let otherWorker: Agent;
  let admin: Agent;
  let fileId = '';
  let otherProfessionalId = '';

  beforeAll(async () => {
    env = await createTestEnv();
    const p2 = await addStaff(env, 'professional2', 'professional', WOONSTICHTING);
    otherProfessionalId = p2.id;
    const w2 = await addStaff(env, 'sociaalwerker2', 'social_worker', dordrecht!.organisations[1]!.id);
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    professional = await signedIn(env.app, A.professional.email);
    otherProfessional = await signedIn(env.app, p2.email);
    otherWorker = await signedIn(env.app, w2.email);
    admin = await signedIn(env.app, A.admin.email);
  });
  afterAll(() => env.close());

  it('refuses an invalid BSN with problem+json and writes nothing', async () => {
    const before = await count(env, sql`select count(*)::int as n from resident_files`);
    const failsProof = await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id, bsn: '123456789' });
    expect(failsProof.status).toBe(400);
    expect(failsProof.headers.get('content-type')).toContain('application/problem+json');
    const body = (await failsProof.json()) as Problem;
    expect(body.invalidParams).toEqual([{ name: 'bsn', code: 'invalid', reason: expect.any(String) }]);
    expect(JSON.stringify(body)).not.toContain('123456789');
    const shape = await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id, bsn: '12345' });
    expect(((await shape.json()) as Problem).invalidParams?.[0]).toMatchObject({ name: 'bsn', code: 'invalid_format' });
    expect(await count(env, sql`select count(*)::int as n from resident_files`)).toBe(before);
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'resident_file.create'`)).toBe(0);
  });

  it('lets a social worker open a file and coordinate it; only social workers may open one', async () => {
    const refused = await professional.post(`${base}/resident-files`, { residentPersonId: A.resident.id });
    expect(refused.status).toBe(403);
    const res = await coordinator.post(`${base}/resident-files`, {
      residentPersonId: A.resident.id,
      bsn: VALID_BSN,
      householdMembers: [{ name: 'Henk de Vries', relation: 'partner', birthYear: 1951 }],
    });
    expect(res.status).toBe(201);
    const file = (await res.json()) as FileView & { coordinator: { personId: string } };
    fileId = file.id;
    expect(file).toMatchObject({ myRelation: 'coordinator', resident: { personId: A.resident.id, bsn: VALID_BSN }, coordinator: { personId: A.socialWorker.id } });
    expect(file.householdMembers).toEqual([{ id: expect.any(String), name: 'Henk de Vries', relation: 'partner', birthYear: 1951 }]);
    const again = await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id });
    expect(again.status).toBe(409);
  });

  it('refuses professionals, social workers and the administrator who are not on the plan, and audits each refusal', async () => {
    for (const [agent, personId] of [
      [otherProfessional, otherProfessionalId],
      [otherWorker, null],
      [admin, A.admin.id],
      [professional, A.professional.id],
    ] as const) {
      const res = await agent.get(`${base}/resident-files/${fileId}`);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const text = await res.text();
      expect(text).not.toContain('Vries');
      expect(text).not.toContain(VALID_BSN);
      if (personId) {
        const denied = await count(
          env,
          sql`select count(*)::int as n from audit_events where action = 'resident_file.read' and outcome = 'denied'
                and actor_person_id = ${personId} and subject_person_id = ${A.resident.id} and resource_id = ${fileId}`,
        );
        expect(denied).toBe(1);
      }
    }
    expect((await otherProfessional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(403);
  });

  it('lets the coordinator find people to put on the plan by name, and nobody else', async () => {
    const res = await coordinator.post(`${base}/resident-files/${fileId}/participant-candidates`, { q: 'pet' });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ personId: string; displayName: string; roles: string[]; organisation: string | null }> };
    expect(items).toContainEqual(expect.objectContaining({ personId: A.professional.id, displayName: 'Peter Visser', roles: ['professional'] }));
    // Residents are not offered, nor is the coordinator.
    expect(items.every((i) => i.roles.length > 0 && i.personId !== A.resident.id && i.personId !== A.socialWorker.id)).toBe(true);
    expect((await coordinator.post(`${base}/resident-files/${fileId}/participant-candidates`, { q: 'p' })).status).toBe(400);
    expect((await professional.post(`${base}/resident-files/${fileId}/participant-candidates`, { q: 'pet' })).status).toBe(403);
    expect((await resident.post(`${base}/resident-files/${fileId}/participant-candidates`, { q: 'pet' })).status).toBe(403);
  });

  it('shows a person on the plan only what a valid consent shares with them or their organisation', async () => {
    const added = await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.professional.id });
    expect(added.status).toBe(200);
    expect(((await added.json()) as FileView).participants).toEqual([expect.objectContaining({ personId: A.professional.id, organisation: expect.objectContaining({ id: ZORGGROEP }) })]);
    // On the plan, but no consent yet: still refused.
    expect((await professional.get(`${base}/resident-files/${fileId}`)).status).toBe(403);
    const consent = await coordinator.post(`${base}/resident-files/${fileId}/consents`, {
      recipient: { organisationId: ZORGGROEP },
      scopes: ['plan', 'outcomes'],
      purpose: 'Thuisbegeleiding afstemmen',
      validUntil: '2027-11-01',
    });
    expect(consent.status).toBe(201);
    const res = await professional.get(`${base}/resident-files/${fileId}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as FileView;
    expect(view.myRelation).toBe('participant');
    expect(view.myScopes).toEqual(['outcomes', 'plan']);
    // No identity or household scope: no name, no BSN, no household.
    expect(view.resident).toBeNull();
    expect(view.householdMembers).toBeNull();
    expect(JSON.stringify(view)).not.toContain(VALID_BSN);
    expect((await professional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(200);
    // The colleague of another organisation, not on the plan, stays refused.
    expect((await otherProfessional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(403);
    // The consent was recorded by the coordinator on the resident's behalf.
    const [event] = await queryRows<{ on_behalf_of_person_id: string }>(env.database.db, sql`select on_behalf_of_person_id from audit_events where action = 'consent.record'`);
    expect(event?.on_behalf_of_person_id).toBe(A.resident.id);
  });

  it('refuses a consent for an unknown recipient or a period that ends before it starts, writing nothing', async () => {
    const before = await count(env, sql`select count(*)::int as n from consent_records`);
    const unknown = await resident.post(`${base}/resident-files/${fileId}/consents`, {
      recipient: { personId: randomUUID() }, scopes: ['plan'], purpose: 'Iets', validUntil: '2027-01-01',
    });
    expect(unknown.status).toBe(400);
    const backwards = await resident.post(`${base}/resident-files/${fileId}/consents`, {
      recipient: { organisationId: ZORGGROEP }, scopes: ['plan'], purpose: 'Iets', validFrom: '2027-02-01', validUntil: '2027-01-01',
    });
    expect(((await backwards.json()) as Problem).invalidParams?.map((p) => p.name)).toEqual(['validUntil']);
    const badScope = await resident.post(`${base}/resident-files/${fileId}/consents`, {
      recipient: { organisationId: ZORGGROEP }, scopes: ['everything'], purpose: 'Iets', validUntil: '2027-01-01',
    });
    expect(badScope.status).toBe(400);
    expect(await count(env, sql`select count(*)::int as n from consent_records`)).toBe(before);
  });

  it('lets the resident see their own file with everything in it', async () => {
    const res = await resident.get(`${base}/me/resident-file`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as FileView;
    expect(view).toMatchObject({ id: fileId, myRelation: 'resident', resident: { bsn: VALID_BSN } });
    expect(view.consents).toHaveLength(1);
    expect((await professional.get(`${base}/me/resident-file`)).status).toBe(404);
  });

  it('ends access at once when the resident withdraws consent', async () => {
    const file = (await (await resident.get(`${base}/me/resident-file`)).json()) as FileView;
    const consentId = file.consents[0]!.id;
    expect((await professional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(200);
    const withdrawn = await resident.post(`${base}/resident-files/${fileId}/consents/${consentId}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as FileView).consents[0]).toMatchObject({ inForce: false, withdrawnAt: expect.any(String) });
    // The very next request is refused, and the refusal is audited.
    expect((await professional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(403);
    expect((await professional.get(`${base}/resident-files/${fileId}`)).status).toBe(403);
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'household_plan.read' and outcome = 'denied' and actor_person_id = ${A.professional.id}`)).toBe(1);
    expect((await resident.post(`${base}/resident-files/${fileId}/consents/${consentId}/withdraw`)).status).toBe(409);
    // Only the resident or the coordinator withdraws; a person on the plan cannot give themself consent.
    const self = await professional.post(`${base}/resident-files/${fileId}/consents`, {
      recipient: { personId: A.professional.id }, scopes: ['identity'], purpose: 'Zelf', validUntil: '2027-01-01',
    });
    expect(self.status).toBe(403);
  });

  it('stops a consent at the end of its period', async () => {
    const res = await resident.post(`${base}/resident-files/${fileId}/consents`, {
      recipient: { personId: A.professional.id }, scopes: ['plan'], purpose: 'Kort overleg', validUntil: '2026-11-03',
    });
    expect(res.status).toBe(201);
    expect((await professional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(200);
    // The next day the consent has ended.
    env.clock.advance(16 * 3600_000);
    const tomorrow = await signedIn(env.app, A.professional.email);
    const nextDay = await tomorrow.get(`${base}/resident-files/${fileId}/plan`);
    env.clock.advance(-16 * 3600_000);
    expect(nextDay.status).toBe(403);
    // A lasting consent for the tests that follow.
    await resident.post(`${base}/resident-files/${fileId}/consents`, {
      recipient: { personId: A.professional.id }, scopes: ['plan'], purpose: 'Thuisbegeleiding', validUntil: '2027-11-01',
    });
  });

  it('ends access at once when someone is taken off the plan', async () => {
    expect((await professional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(200);
    const res = await coordinator.delete(`${base}/resident-files/${fileId}/participants/${A.professional.id}`);
    expect(res.status).toBe(200);
    expect((await professional.get(`${base}/resident-files/${fileId}/plan`)).status).toBe(403);
    // Back on the plan for the tests that follow.
    expect((await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.professional.id })).status).toBe(200);
    expect((await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.resident.id })).status).toBe(400);
  });

  it("shows the resident who looked at their file, refusals included, and nobody else sees that list", async () => {
    const res = await resident.get(`${base}/resident-files/${fileId}/access-log`);
    expect(res.status).toBe(200);
    const log = (await res.json()) as { items: Array<{ actorDisplayName: string | null; actorOrganisations: string[]; action: string; outcome: string }> };
    expect(log.items).toContainEqual(expect.objectContaining({ actorDisplayName: 'Peter Visser', action: 'household_plan.read', outcome: 'success', actorOrganisations: ['Zorggroep Oude Haven (fictief)'] }));
    expect(log.items).toContainEqual(expect.objectContaining({ actorDisplayName: 'Test professional2', action: 'resident_file.read', outcome: 'denied' }));
    expect(log.items).toContainEqual(expect.objectContaining({ actorDisplayName: 'Sanne Bakker', action: 'resident_file.create' }));
    expect((await coordinator.get(`${base}/resident-files/${fileId}/access-log`)).status).toBe(403);
    expect((await admin.get(`${base}/resident-files/${fileId}/access-log`)).status).toBe(403);
  });

  it('lists the files a social worker coordinates and a professional is on', async () => {
    const mine = (await (await coordinator.get(`${base}/resident-files`)).json()) as { items: Array<{ id: string; relation: string; residentDisplayName: string | null }> };
    expect(mine.items).toEqual([expect.objectContaining({ id: fileId, relation: 'coordinator', residentDisplayName: 'Ineke de Vries' })]);
    const other = (await (await otherWorker.get(`${base}/resident-files`)).json()) as { items: unknown[] };
    expect(other.items).toEqual([]);
  });

  it('lets nobody of another municipality read the file', async () => {
    const ofB = await signedIn(env.app, B.admin.email);
    expect((await ofB.get(`${base}/resident-files/${fileId}`)).status).toBe(403);
    expect((await ofB.get(`/api/municipalities/${B.code}/resident-files/${fileId}`)).status).toBe(404);
    expect((await ofB.get(`/api/municipalities/${B.code}/resident-files/${fileId}/plan`)).status).toBe(404);
  });
});

describe('household plan: goals, actions and versions', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let professional: Agent;
  let fileId = '';

  const plan = (over: Record<string, unknown> = {}) => ({
    basedOnVersion: 0,
    reason: 'Eerste plan, samen met Ineke gemaakt',
    goals: [{ id: GOAL, text: 'Ik wil weer zelf boodschappen doen.' }],
    actions: [
      { goalId: GOAL, who: { personId: A.professional.id }, what: 'Thuisbegeleiding twee keer per week', dueOn: '2027-02-01', formal: true },
      { goalId: GOAL, who: { helperName: 'Buurvrouw Els' }, what: 'Samen naar de markt op zaterdag', formal: false },
    ],
    reviewDates: ['2027-01-15'],
    domains: ['finances', 'social_network'],
    ...over,
  });
  const GOAL = randomUUID();

  beforeAll(async () => {
    env = await createTestEnv();
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    professional = await signedIn(env.app, A.professional.email);
    fileId = ((await (await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id })).json()) as { id: string }).id;
    await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.professional.id });
  });
  afterAll(() => env.close());

  const versions = () => count(env, sql`select count(*)::int as n from household_plan_versions where file_id = ${fileId}`);

  it('refuses an action for a person who is not on the plan and writes nothing', async () => {
    const res = await coordinator.put(`${base}/resident-files/${fileId}/plan`, plan({
      actions: [{ who: { personId: A.volunteer.id }, what: 'Wandelen', formal: false }],
    }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as Problem).invalidParams).toEqual([{ name: 'actions.0.who.personId', code: 'invalid_value', reason: expect.any(String) }]);
    expect(await versions()).toBe(0);
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'household_plan.update'`)).toBe(0);
  });

  it('refuses a change without a reason, formal help by a helper named only, and an unknown domain', async () => {
    expect((await coordinator.put(`${base}/resident-files/${fileId}/plan`, plan({ reason: undefined }))).status).toBe(400);
    const formal = await coordinator.put(`${base}/resident-files/${fileId}/plan`, plan({ actions: [{ who: { helperName: 'Els' }, what: 'Zorg', formal: true }] }));
    expect(((await formal.json()) as Problem).invalidParams?.[0]?.name).toBe('actions.0.formal');
    const domain = await coordinator.put(`${base}/resident-files/${fileId}/plan`, plan({ domains: ['astrology'] }));
    expect(((await domain.json()) as Problem).invalidParams?.[0]?.name).toBe('domains.0');
    const badDate = await coordinator.put(`${base}/resident-files/${fileId}/plan`, plan({ reviewDates: ['2027-02-30'] }));
    expect(badDate.status).toBe(400);
    expect(await versions()).toBe(0);
  });

  it('keeps every version with the reason for the change, each readable as it was', async () => {
    const first = await coordinator.put(`${base}/resident-files/${fileId}/plan`, plan());
    expect(first.status).toBe(200);
    expect((await first.json()) as Plan).toMatchObject({ version: 1, reason: 'Eerste plan, samen met Ineke gemaakt' });
    const second = await resident.put(`${base}/resident-files/${fileId}/plan`, plan({
      basedOnVersion: 1,
      reason: 'Begeleiding een keer per week is genoeg',
      actions: [{ goalId: GOAL, who: { personId: A.professional.id }, what: 'Thuisbegeleiding een keer per week', formal: true }],
    }));
    expect(second.status).toBe(200);
    expect(((await second.json()) as Plan).version).toBe(2);

    const current = (await (await coordinator.get(`${base}/resident-files/${fileId}/plan`)).json()) as Plan;
    expect(current).toMatchObject({ version: 2, reason: 'Begeleiding een keer per week is genoeg', domains: ['finances', 'social_network'] });
    expect(current.actions).toEqual([expect.objectContaining({ what: 'Thuisbegeleiding een keer per week', who: { personId: A.professional.id, displayName: 'Peter Visser' } })]);

    const list = (await (await resident.get(`${base}/resident-files/${fileId}/plan/versions`)).json()) as { items: Array<{ version: number; reason: string; author: { displayName: string } }> };
    expect(list.items.map((v) => [v.version, v.reason, v.author.displayName])).toEqual([
      [2, 'Begeleiding een keer per week is genoeg', 'Ineke de Vries'],
      [1, 'Eerste plan, samen met Ineke gemaakt', 'Sanne Bakker'],
    ]);
    const v1 = (await (await coordinator.get(`${base}/resident-files/${fileId}/plan/versions/1`)).json()) as Plan;
    expect(v1.actions.map((a) => a.what)).toEqual(['Thuisbegeleiding twee keer per week', 'Samen naar de markt op zaterdag']);
    expect(v1.actions[1]!.who).toEqual({ helperName: 'Buurvrouw Els' });
    expect((await coordinator.get(`${base}/resident-files/${fileId}/plan/versions/3`)).status).toBe(404);
  });

  it('refuses a change based on an old version (someone changed the plan meanwhile)', async () => {
    const res = await coordinator.put(`${base}/resident-files/${fileId}/plan`, plan({ basedOnVersion: 1, reason: 'Te laat' }));
    expect(res.status).toBe(409);
    expect(await versions()).toBe(2);
  });

  it('lets a person on the plan change it only with the plan scope, and refuses others', async () => {
    const noConsent = await professional.put(`${base}/resident-files/${fileId}/plan`, plan({ basedOnVersion: 2, reason: 'Aanpassing' }));
    expect(noConsent.status).toBe(403);
    await resident.post(`${base}/resident-files/${fileId}/consents`, { recipient: { personId: A.professional.id }, scopes: ['plan'], purpose: 'Plan bijhouden', validUntil: '2027-06-01' });
    const ok = await professional.put(`${base}/resident-files/${fileId}/plan`, plan({ basedOnVersion: 2, reason: 'Evaluatie met Ineke' }));
    expect(ok.status).toBe(200);
    const volunteer = await signedIn(env.app, A.volunteer.email);
    expect((await volunteer.put(`${base}/resident-files/${fileId}/plan`, plan({ basedOnVersion: 3, reason: 'Niet van mij' }))).status).toBe(403);
    expect(await versions()).toBe(3);
  });

  it('keeps the day an action was done in the version, refuses a day still to come, and shows what each role added', async () => {
    // A version stored before actions had a done day (written as the old code did): its actions read as open.
    const current = (await (await coordinator.get(`${base}/resident-files/${fileId}/plan`)).json()) as Plan;
    const old = {
      goals: current.goals,
      actions: [
        { id: randomUUID(), goalId: GOAL, who: { personId: A.professional.id }, what: 'Thuisbegeleiding', dueOn: null, formal: true },
        { id: randomUUID(), goalId: GOAL, who: { helperName: 'Buurvrouw Els' }, what: 'Samen naar de markt', dueOn: null, formal: false },
        { id: randomUUID(), goalId: null, who: { personId: A.resident.id }, what: 'Zelf de huur betalen', dueOn: null, formal: false },
      ],
      reviewDates: [],
      domains: [],
    };
    await env.database.db.execute(sql`insert into household_plan_versions (tenant_id, file_id, version, content, reason, author_person_id, created_at)
      values (${A.id}, ${fileId}, ${current.version + 1}, ${JSON.stringify(old)}::jsonb, 'Oude versie', ${A.socialWorker.id}, now())`);
    const before = (await (await coordinator.get(`${base}/resident-files/${fileId}/plan`)).json()) as Plan;
    expect(before.actions.map((a) => a.doneOn)).toEqual([null, null, null]);
    expect(before.contributions).toEqual([
      { role: 'resident', done: 0, open: 1, goals: [] },
      { role: 'network', done: 0, open: 1, goals: [{ id: GOAL, text: 'Ik wil weer zelf boodschappen doen.' }] },
      { role: 'professional', done: 0, open: 1, goals: [{ id: GOAL, text: 'Ik wil weer zelf boodschappen doen.' }] },
    ]);

    const change = (doneOn: string) =>
      coordinator.put(`${base}/resident-files/${fileId}/plan`, {
        basedOnVersion: before.version,
        reason: 'Markt gaat goed',
        goals: before.goals,
        actions: old.actions.map((a, i) => ({ id: a.id, goalId: a.goalId, who: a.who, what: a.what, formal: a.formal, ...(i === 1 ? { doneOn } : {}) })),
      });
    // The test clock stands at 3 November 2026 (10:00 in the Netherlands).
    const future = await change('2026-11-04');
    expect(future.status).toBe(400);
    expect(((await future.json()) as Problem).invalidParams).toEqual([{ name: 'actions.1.doneOn', code: 'invalid_value', reason: expect.any(String) }]);
    expect((await change('2016-01-01')).status).toBe(400);
    const ok = await change('2026-11-03');
    expect(ok.status).toBe(200);
    const saved = (await ok.json()) as Plan;
    expect(saved.actions.map((a) => a.doneOn)).toEqual([null, '2026-11-03', null]);
    expect(saved.contributions.find((c) => c.role === 'network')).toEqual({ role: 'network', done: 1, open: 0, goals: [{ id: GOAL, text: 'Ik wil weer zelf boodschappen doen.' }] });

    // Stored under exactly this name, where the outcome dashboards read it in SQL.
    const [stored] = await queryRows<{ done_on: string | null }>(
      env.database.db,
      sql`select content->'actions'->1->>'doneOn' as done_on from household_plan_versions where file_id = ${fileId} and version = ${saved.version}`,
    );
    expect(stored?.done_on).toBe('2026-11-03');
    // The earlier version stays as it was.
    const earlier = (await (await resident.get(`${base}/resident-files/${fileId}/plan/versions/${before.version}`)).json()) as Plan;
    expect(earlier.actions.map((a) => a.doneOn)).toEqual([null, null, null]);
    // A new version that leaves the action as it is keeps its day.
    const next = await resident.put(`${base}/resident-files/${fileId}/plan`, {
      basedOnVersion: saved.version,
      reason: 'Datum evaluatie erbij',
      goals: saved.goals,
      actions: saved.actions.map((a) => ({ id: a.id, goalId: a.goalId, who: 'personId' in a.who ? { personId: a.who.personId } : { helperName: a.who.helperName }, what: a.what, formal: a.formal, doneOn: a.doneOn })),
      reviewDates: ['2027-01-15'],
    });
    expect(((await next.json()) as Plan).actions.map((a) => a.doneOn)).toEqual([null, '2026-11-03', null]);
  });

  it('shows what each role added only to who may read the plan, and audits it as a plan read', async () => {
    const reads = () => count(env, sql`select count(*)::int as n from audit_events where action = 'household_plan.read' and subject_person_id = ${A.resident.id} and outcome = 'success'`);
    const n = await reads();
    const volunteer = await signedIn(env.app, A.volunteer.email);
    const refused = await volunteer.get(`${base}/resident-files/${fileId}/plan`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('contributions');
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'household_plan.read' and subject_person_id = ${A.resident.id} and outcome = 'denied'`)).toBeGreaterThan(0);
    expect(((await (await resident.get(`${base}/resident-files/${fileId}/plan`)).json()) as Plan).contributions.length).toBeGreaterThan(0);
    expect(await reads()).toBe(n + 1);
  });

  it('exports the current plan as a PDF download with the same need-to-know as reading it, audited as an export', async () => {
    const exports = (outcome: string, actor: string) =>
      count(env, sql`select count(*)::int as n from audit_events where action = 'household_plan.export' and outcome = ${outcome}
        and actor_person_id = ${actor} and subject_person_id = ${A.resident.id} and resource_id = ${fileId}`);
    const current = (await (await coordinator.get(`${base}/resident-files/${fileId}/plan`)).json()) as Plan;
    const url = `${base}/resident-files/${fileId}/plan/export.pdf`;

    for (const [agent, personId] of [[coordinator, A.socialWorker.id], [resident, A.resident.id]] as const) {
      const res = await agent.get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('cache-control')).toContain('no-store');
      // The file name carries the file id and version, never the resident's name or BSN.
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="plan-${fileId.slice(0, 8)}-v${current.version}.pdf"`);
      const raw = Buffer.from(await res.arrayBuffer()).toString('latin1');
      expect(raw.startsWith('%PDF-1.7')).toBe(true);
      expect(raw).toContain('/Lang (nl-NL)');
      // The document title (outside the compressed page streams) names the resident for who may see them.
      expect(raw).toContain('(Plan van Ineke de Vries)');
      expect(await exports('success', personId)).toBe(1);
    }

    // A person on the plan with only the 'plan' scope gets the plan, not who the resident is.
    const asParticipant = await professional.get(url);
    expect(asParticipant.status).toBe(200);
    const participantPdf = Buffer.from(await asParticipant.arrayBuffer()).toString('latin1');
    expect(participantPdf).toContain('(Plan)');
    expect(participantPdf).not.toContain('Vries');

    // A professional who is not on the plan is refused, and the refusal is audited as an export.
    const outsider = await addStaff(env, 'professional3', 'professional', WOONSTICHTING);
    const refused = await (await signedIn(env.app, outsider.email)).get(url);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await exports('denied', outsider.id)).toBe(1);

    // Withdrawn consent ends the export at once.
    const file = (await (await resident.get(`${base}/me/resident-file`)).json()) as FileView;
    for (const c of file.consents.filter((c) => c.inForce)) {
      expect((await resident.post(`${base}/resident-files/${fileId}/consents/${c.id}/withdraw`)).status).toBe(200);
    }
    expect((await professional.get(url)).status).toBe(403);
    expect(await exports('denied', A.professional.id)).toBe(1);

    // Another municipality finds no such file.
    const ofB = await signedIn(env.app, B.admin.email);
    expect((await ofB.get(`/api/municipalities/${B.code}/resident-files/${fileId}/plan/export.pdf`)).status).toBe(404);
    expect((await ofB.get(url)).status).toBe(403);
  });

  it('stores versions that cannot be changed afterwards by the application role', async () => {
    await expect(
      env.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'samenspel_app', true), set_config('app.tenant_id', ${A.id}, true)`);
        await tx.execute(sql`update household_plan_versions set reason = 'herschreven' where file_id = ${fileId}`);
      }),
    ).rejects.toThrow();
  });
});

describe('household plan: the network map and the fragmentation signal', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let professional: Agent;
  let admin: Agent;
  let fileId = '';
  type Network = { members: Array<{ id: string; circle: string; name: string; strength: number }>; fragmentation: { professionals: number; organisations: number; total: number; threshold: number; warning: boolean } };

  beforeAll(async () => {
    env = await createTestEnv();
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    professional = await signedIn(env.app, A.professional.email);
    admin = await signedIn(env.app, A.admin.email);
    fileId = ((await (await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id })).json()) as { id: string }).id;
    await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.professional.id });
  });
  afterAll(() => env.close());

  it('keeps people and organisations in circles with the kind and strength of their support, edited with the resident', async () => {
    const neighbour = await resident.post(`${base}/resident-files/${fileId}/network`, { circle: 'neighbours', name: 'Buurvrouw Els', supportKinds: ['practical', 'company'], strength: 3 });
    expect(neighbour.status).toBe(201);
    const school = await coordinator.post(`${base}/resident-files/${fileId}/network`, {
      circle: 'organisations', name: 'Basisschool', organisationId: dordrecht!.organisations[3]!.id, organisationKind: 'school', supportKinds: ['information'], strength: 1,
    });
    expect(school.status).toBe(201);
    const map = (await school.json()) as Network;
    expect(map.members.map((m) => [m.circle, m.name])).toEqual([['neighbours', 'Buurvrouw Els'], ['organisations', 'Basisschool']]);
    const els = map.members.find((m) => m.name === 'Buurvrouw Els')!;
    const changed = await resident.patch(`${base}/resident-files/${fileId}/network/${els.id}`, { strength: 2 });
    expect(((await changed.json()) as Network).members.find((m) => m.id === els.id)?.strength).toBe(2);
    const removed = await coordinator.delete(`${base}/resident-files/${fileId}/network/${els.id}`);
    expect(((await removed.json()) as Network).members.map((m) => m.name)).toEqual(['Basisschool']);
  });

  it('refuses a strength outside its scale, an unknown circle and a period that ends before it starts, writing nothing', async () => {
    const before = await count(env, sql`select count(*)::int as n from network_members`);
    expect((await coordinator.post(`${base}/resident-files/${fileId}/network`, { circle: 'neighbours', name: 'X', supportKinds: [], strength: 4 })).status).toBe(400);
    expect((await coordinator.post(`${base}/resident-files/${fileId}/network`, { circle: 'aliens', name: 'X', supportKinds: [], strength: 1 })).status).toBe(400);
    const period = await coordinator.post(`${base}/resident-files/${fileId}/network`, {
      circle: 'professionals', name: 'X', supportKinds: [], strength: 1, involvedSince: '2026-05-01', involvedUntil: '2026-01-01',
    });
    expect(((await period.json()) as Problem).invalidParams?.[0]?.name).toBe('involvedUntil');
    expect(await count(env, sql`select count(*)::int as n from network_members`)).toBe(before);
  });

  it('shows the map only within consent, and lets only the resident and coordinator edit it', async () => {
    expect((await professional.get(`${base}/resident-files/${fileId}/network`)).status).toBe(403);
    await resident.post(`${base}/resident-files/${fileId}/consents`, { recipient: { personId: A.professional.id }, scopes: ['network'], purpose: 'Netwerk', validUntil: '2027-06-01' });
    expect((await professional.get(`${base}/resident-files/${fileId}/network`)).status).toBe(200);
    expect((await professional.post(`${base}/resident-files/${fileId}/network`, { circle: 'friends', name: 'Y', supportKinds: [], strength: 1 })).status).toBe(403);
    expect((await admin.get(`${base}/resident-files/${fileId}/network`)).status).toBe(403);
  });

  it('counts distinct professionals and organisations of the last twelve months and warns above the municipality threshold', async () => {
    const before = (await (await coordinator.get(`${base}/resident-files/${fileId}/network`)).json()) as Network;
    // The coordinator (Buurtkracht), the professional on the plan (Zorggroep) and the school.
    expect(before.fragmentation).toMatchObject({ professionals: 2, organisations: 3, total: 5, threshold: 5, warning: false });
    await coordinator.post(`${base}/resident-files/${fileId}/network`, { circle: 'professionals', name: 'Huisarts Jansen', supportKinds: ['care'], strength: 2 });
    await coordinator.post(`${base}/resident-files/${fileId}/network`, { circle: 'professionals', name: 'huisarts jansen', supportKinds: ['care'], strength: 2 });
    await coordinator.post(`${base}/resident-files/${fileId}/network`, { circle: 'organisations', name: 'Politie', organisationKind: 'police', supportKinds: [], strength: 1, involvedSince: '2025-01-01', involvedUntil: '2025-06-01' });
    const after = (await (await coordinator.get(`${base}/resident-files/${fileId}/network`)).json()) as Network;
    expect(after.fragmentation).toMatchObject({ professionals: 3, organisations: 3, total: 6, warning: true });
    // The municipality raises its threshold; only an administrator may.
    expect((await coordinator.put(`${base}/household-settings`, { fragmentationThreshold: 10, outcomeDomains: null })).status).toBe(403);
    expect((await admin.put(`${base}/household-settings`, { fragmentationThreshold: 10, outcomeDomains: null })).status).toBe(200);
    const raised = (await (await coordinator.get(`${base}/resident-files/${fileId}/network`)).json()) as Network;
    expect(raised.fragmentation).toMatchObject({ total: 6, threshold: 10, warning: false });
  });
});

describe('household plan: outcomes', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let professional: Agent;
  let admin: Agent;
  let fileId = '';
  const GOAL = randomUUID();
  type Trend = {
    domains: Array<{ code: string; name: string; inPlan: boolean; points: Array<{ measuredOn: string; score: number; source: string }> }>;
    goals: Array<{ goalId: string; text: string | null; points: Array<{ measuredOn: string; attainment: number }> }>;
    residentScore: Array<{ measuredOn: string; score: number }>;
    scale: Array<{ score: number; code: string }>;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    professional = await signedIn(env.app, A.professional.email);
    admin = await signedIn(env.app, A.admin.email);
    fileId = ((await (await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id })).json()) as { id: string }).id;
    await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.professional.id });
    await resident.post(`${base}/resident-files/${fileId}/consents`, { recipient: { personId: A.professional.id }, scopes: ['outcomes'], purpose: 'Resultaten', validUntil: '2027-06-01' });
    const planned = await coordinator.put(`${base}/resident-files/${fileId}/plan`, {
      basedOnVersion: 0,
      reason: 'Eerste plan',
      goals: [{ id: GOAL, text: 'Mijn rekeningen zelf betalen' }],
      actions: [],
      domains: ['finances', 'social_network'],
    });
    expect(planned.status).toBe(200);
  });
  afterAll(() => env.close());

  const measurements = () => count(env, sql`select count(*)::int as n from outcome_measurements`);

  it('offers the 13 ZRM 2017 domains by default, configurable per municipality', async () => {
    const settings = (await (await coordinator.get(`${base}/household-settings`)).json()) as { defaultDomains: boolean; domains: Array<{ code: string; name: string }> };
    expect(settings.defaultDomains).toBe(true);
    expect(settings.domains).toHaveLength(13);
    expect(settings.domains[0]).toMatchObject({ code: 'finances', name: 'Financiën' });
    const ofB = await signedIn(env.app, B.admin.email);
    const own = await admin.put(`${base}/household-settings`, {
      fragmentationThreshold: 5,
      outcomeDomains: [{ code: 'finances', nameNl: 'Geld', nameEn: 'Money' }, { code: 'social_network', nameNl: 'Netwerk', nameEn: 'Network' }, { code: 'language', nameNl: 'Taal', nameEn: 'Language' }],
    });
    expect(((await own.json()) as { domains: unknown[] }).domains).toHaveLength(3);
    // The other municipality keeps its own (default) set.
    const theirs = (await (await ofB.get(`/api/municipalities/${B.code}/household-settings`)).json()) as { domains: unknown[] };
    expect(theirs.domains).toHaveLength(13);
    const dup = await admin.put(`${base}/household-settings`, { fragmentationThreshold: 5, outcomeDomains: [{ code: 'a1', nameNl: 'A', nameEn: 'A' }, { code: 'a1', nameNl: 'B', nameEn: 'B' }] });
    expect(dup.status).toBe(400);
  });

  it('refuses a score outside the 5-point scale with problem+json and writes nothing', async () => {
    for (const score of [0, 6, 2.5]) {
      const res = await coordinator.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-11-01', scores: [{ domain: 'finances', score }] });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as Problem).invalidParams?.[0]?.name).toBe('scores.0.score');
    }
    const attainment = await coordinator.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-11-01', goals: [{ goalId: GOAL, attainment: 3 }] });
    expect(attainment.status).toBe(400);
    const residentScore = await resident.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-11-01', residentScore: 11 });
    expect(residentScore.status).toBe(400);
    expect(await measurements()).toBe(0);
  });

  it('records only the domains chosen for this plan and goals of the plan, and no future dates', async () => {
    const other = await coordinator.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-11-01', scores: [{ domain: 'finances', score: 2 }, { domain: 'housing', score: 3 }] });
    expect(((await other.json()) as Problem).invalidParams).toEqual([{ name: 'scores.1.domain', code: 'invalid_value', reason: expect.any(String) }]);
    const goal = await coordinator.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-11-01', goals: [{ goalId: randomUUID(), attainment: 0 }] });
    expect(((await goal.json()) as Problem).invalidParams?.[0]?.name).toBe('goals.0.goalId');
    const future = await coordinator.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2027-11-01', scores: [{ domain: 'finances', score: 2 }] });
    expect(((await future.json()) as Problem).invalidParams?.[0]?.name).toBe('measuredOn');
    expect(await measurements()).toBe(0);
  });

  it('shows the trend per domain and goal over time, with the resident\'s own mark apart', async () => {
    const first = await coordinator.post(`${base}/resident-files/${fileId}/measurements`, {
      measuredOn: '2026-06-01',
      scores: [{ domain: 'finances', score: 1 }, { domain: 'social_network', score: 2 }],
      goals: [{ goalId: GOAL, attainment: -2 }],
    });
    expect(first.status).toBe(201);
    expect((await first.json()) as { source: string }).toMatchObject({ source: 'professional', planVersion: 1, recordedBy: { displayName: 'Sanne Bakker' } });
    expect((await professional.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-09-01', scores: [{ domain: 'finances', score: 3 }], goals: [{ goalId: GOAL, attainment: 0 }] })).status).toBe(201);
    const own = await resident.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-10-01', scores: [{ domain: 'finances', score: 4 }], residentScore: 7 });
    expect(((await own.json()) as { source: string }).source).toBe('resident');

    const trend = (await (await professional.get(`${base}/resident-files/${fileId}/outcomes/trend`)).json()) as Trend;
    expect(trend.scale.map((s) => s.score)).toEqual([1, 2, 3, 4, 5]);
    const finances = trend.domains.find((d) => d.code === 'finances')!;
    expect(finances).toMatchObject({ name: 'Geld', inPlan: true });
    expect(finances.points).toEqual([
      { measuredOn: '2026-06-01', score: 1, source: 'professional' },
      { measuredOn: '2026-09-01', score: 3, source: 'professional' },
      { measuredOn: '2026-10-01', score: 4, source: 'resident' },
    ]);
    expect(trend.domains.find((d) => d.code === 'social_network')!.points).toHaveLength(1);
    expect(trend.goals).toEqual([{ goalId: GOAL, text: 'Mijn rekeningen zelf betalen', points: [{ measuredOn: '2026-06-01', attainment: -2, source: 'professional' }, { measuredOn: '2026-09-01', attainment: 0, source: 'professional' }] }]);
    expect(trend.residentScore).toEqual([{ measuredOn: '2026-10-01', score: 7, source: 'resident' }]);
    const list = (await (await resident.get(`${base}/resident-files/${fileId}/measurements`)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(3);
  });

  it('keeps the outcomes from anyone without the outcomes scope', async () => {
    expect((await admin.get(`${base}/resident-files/${fileId}/outcomes/trend`)).status).toBe(403);
    const volunteer = await signedIn(env.app, A.volunteer.email);
    expect((await volunteer.get(`${base}/resident-files/${fileId}/measurements`)).status).toBe(403);
    const file = (await (await resident.get(`${base}/me/resident-file`)).json()) as FileView;
    await resident.post(`${base}/resident-files/${fileId}/consents/${file.consents[0]!.id}/withdraw`);
    expect((await professional.get(`${base}/resident-files/${fileId}/outcomes/trend`)).status).toBe(403);
    expect((await professional.post(`${base}/resident-files/${fileId}/measurements`, { measuredOn: '2026-11-01', scores: [{ domain: 'finances', score: 4 }] })).status).toBe(403);
  });
});

describe("household plan: the resident's voice", () => {
  let env: TestEnv;
  let coordinator: Agent;
  let resident: Agent;
  let professional: Agent;
  let policyOfficer: Agent;
  let fileId = '';
  type Entry = { id: string; kind: string; body: string; onBehalf: boolean; open: boolean; answer: { text: string } | null };

  beforeAll(async () => {
    env = await createTestEnv();
    coordinator = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    professional = await signedIn(env.app, A.professional.email);
    policyOfficer = await signedIn(env.app, A.policyOfficer.email);
    fileId = ((await (await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id })).json()) as { id: string }).id;
    await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.professional.id });
  });
  afterAll(() => env.close());

  it('records feedback and wishes in the resident\'s own words, by the resident or on their behalf', async () => {
    const wish = await resident.post(`${base}/resident-files/${fileId}/voice`, { kind: 'wish', occasion: 'review', body: 'Ik wil liever één vast gezicht bij de thuisbegeleiding.' });
    expect(wish.status).toBe(201);
    expect((await wish.json()) as Entry).toMatchObject({ kind: 'wish', onBehalf: false, open: true, answer: null });
    // On the plan without the voice scope: refused.
    expect((await professional.post(`${base}/resident-files/${fileId}/voice`, { kind: 'feedback', occasion: 'contact', body: 'Fijn gesprek gehad.' })).status).toBe(403);
    await resident.post(`${base}/resident-files/${fileId}/consents`, { recipient: { personId: A.professional.id }, scopes: ['voice'], purpose: 'Stem van Ineke', validUntil: '2027-06-01' });
    const onBehalf = await professional.post(`${base}/resident-files/${fileId}/voice`, { kind: 'feedback', occasion: 'contact', body: 'Ineke zegt: het gesprek was fijn.' });
    expect(((await onBehalf.json()) as Entry).onBehalf).toBe(true);
    const [event] = await queryRows<{ on_behalf_of_person_id: string }>(
      env.database.db,
      sql`select on_behalf_of_person_id from audit_events where action = 'resident_voice.create' and outcome = 'success' and actor_person_id = ${A.professional.id}`,
    );
    expect(event?.on_behalf_of_person_id).toBe(A.resident.id);
    expect((await resident.post(`${base}/resident-files/${fileId}/voice`, { kind: 'complaint', occasion: 'contact', body: 'x x' })).status).toBe(400);
  });

  it('keeps open wishes in view of the coordinator and the listening overview until answered, and records the answer', async () => {
    const open = (await (await coordinator.get(`${base}/resident-files/${fileId}/voice?open=true`)).json()) as { items: Entry[] };
    expect(open.items.map((e) => e.body)).toEqual(['Ik wil liever één vast gezicht bij de thuisbegeleiding.']);
    const files = (await (await coordinator.get(`${base}/resident-files`)).json()) as { items: Array<{ openWishes: number | null }> };
    expect(files.items[0]?.openWishes).toBe(1);

    const overview = await policyOfficer.get(`${base}/listening-overview`);
    expect(overview.status).toBe(200);
    const text = await overview.text();
    expect(JSON.parse(text)).toEqual({ items: [expect.objectContaining({ body: 'Ik wil liever één vast gezicht bij de thuisbegeleiding.', coordinatorDisplayName: 'Sanne Bakker', daysOpen: 0 })] });
    // Without who the resident is.
    expect(text).not.toContain('Vries');
    expect(text).not.toContain(A.resident.id);
    expect(text).not.toContain(fileId);
    expect((await coordinator.get(`${base}/listening-overview`)).status).toBe(403);
    expect((await professional.get(`${base}/listening-overview`)).status).toBe(403);
    // The resident sees that the overview showed their wish.
    const log = (await (await resident.get(`${base}/resident-files/${fileId}/access-log`)).json()) as { items: Array<{ action: string; actorDisplayName: string }> };
    expect(log.items).toContainEqual(expect.objectContaining({ action: 'listening_overview.read', actorDisplayName: 'Lotte Smit' }));

    // Only the coordinator answers.
    const entryId = open.items[0]!.id;
    expect((await professional.post(`${base}/resident-files/${fileId}/voice/${entryId}/answer`, { answer: 'Wij regelen het.' })).status).toBe(403);
    const answered = await coordinator.post(`${base}/resident-files/${fileId}/voice/${entryId}/answer`, { answer: 'Vanaf december komt steeds Peter.' });
    expect(answered.status).toBe(200);
    expect((await answered.json()) as Entry).toMatchObject({ open: false, answer: { text: 'Vanaf december komt steeds Peter.' } });
    expect((await coordinator.post(`${base}/resident-files/${fileId}/voice/${entryId}/answer`, { answer: 'Nog eens.' })).status).toBe(409);
    expect(((await (await policyOfficer.get(`${base}/listening-overview`)).json()) as { items: unknown[] }).items).toEqual([]);
    const mine = (await (await resident.get(`${base}/resident-files/${fileId}/voice`)).json()) as { items: Entry[] };
    expect(mine.items.find((e) => e.id === entryId)?.answer?.text).toBe('Vanaf december komt steeds Peter.');
  });
});

describe('household plan: knowledge at the front and neighbour help', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let professional: Agent;
  let otherProfessional: Agent;

  beforeAll(async () => {
    env = await createTestEnv();
    coordinator = await signedIn(env.app, A.socialWorker.email);
    professional = await signedIn(env.app, A.professional.email);
    otherProfessional = await signedIn(env.app, (await addStaff(env, 'balie', 'professional', WOONSTICHTING)).email);
  });
  afterAll(() => env.close());

  it('shows a professional at the front who coordinates and which organisations are involved, nothing of the plan, and audits the look', async () => {
    const none = await otherProfessional.get(`${base}/persons/${A.resident.id}/involvement`);
    expect(await none.json()).toEqual({ hasPlan: false, coordinator: null, organisations: [], peopleInvolved: 0 });
    const fileId = ((await (await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id, bsn: VALID_BSN })).json()) as { id: string }).id;
    await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: A.professional.id });
    await coordinator.put(`${base}/resident-files/${fileId}/plan`, { basedOnVersion: 0, reason: 'Eerste plan', goals: [{ text: 'Geheim doel' }], actions: [] });
    const res = await otherProfessional.get(`${base}/persons/${A.resident.id}/involvement`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      hasPlan: true,
      coordinator: { personId: A.socialWorker.id, displayName: 'Sanne Bakker', organisation: 'Stichting Buurtkracht (fictief)', email: A.socialWorker.email, phone: null },
      organisations: [
        { name: 'Stichting Buurtkracht (fictief)', kind: 'welfare_organisation' },
        { name: 'Zorggroep Oude Haven (fictief)', kind: 'care_provider' },
      ],
      peopleInvolved: 2,
    });
    expect(text).not.toContain('Geheim doel');
    expect(text).not.toContain(VALID_BSN);
    expect(text).not.toContain('Peter');
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'involvement.read' and subject_person_id = ${A.resident.id}`)).toBe(2);
    // Not for residents, volunteers or the administrator; not for someone who is no resident.
    for (const email of [A.resident.email, A.volunteer.email, A.admin.email, A.policyOfficer.email]) {
      expect((await (await signedIn(env.app, email)).get(`${base}/persons/${A.resident.id}/involvement`)).status).toBe(403);
    }
    // Each refusal is recorded with the resident as subject, and shows in their own access log.
    const denied = await queryRows<{ actor_person_id: string; resource_id: string | null }>(
      env.database.db,
      sql`select actor_person_id, resource_id from audit_events where action = 'involvement.read' and outcome = 'denied' and subject_person_id = ${A.resident.id} order by seq`,
    );
    expect(denied).toEqual([A.resident.id, A.volunteer.id, A.admin.id, A.policyOfficer.id].map((id) => ({ actor_person_id: id, resource_id: fileId })));
    const log = (await (await (await signedIn(env.app, A.resident.email)).get(`${base}/resident-files/${fileId}/access-log`)).json()) as { items: Array<{ action: string; outcome: string }> };
    expect(log.items.filter((i) => i.action === 'involvement.read' && i.outcome === 'denied')).toHaveLength(4);
    // Asked about someone who is no resident: the same refusal, recorded without a subject.
    expect((await (await signedIn(env.app, A.volunteer.email)).get(`${base}/persons/${A.admin.id}/involvement`)).status).toBe(403);
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'involvement.read' and outcome = 'denied' and subject_person_id is null`)).toBe(1);
    expect((await professional.get(`${base}/persons/${A.admin.id}/involvement`)).status).toBe(404);
  });

  it("hangs a resident's help request under their plan and shows its confirmed volunteers in the network map", async () => {
    const [match] = await queryRows<{ request_id: string; resident_person_id: string; given_name: string; volunteer_person_id: string }>(
      env.database.db,
      sql`select m.request_id, r.resident_person_id, p.given_name, m.volunteer_person_id
            from help_matches m join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
            join persons p on p.tenant_id = m.tenant_id and p.id = m.volunteer_person_id
           where m.tenant_id = ${A.id} and m.state = 'confirmed' and r.resident_person_id <> ${A.resident.id}
           order by m.id limit 1`,
    );
    expect(match).toBeDefined();
    const fileId = ((await (await coordinator.post(`${base}/resident-files`, { residentPersonId: match!.resident_person_id })).json()) as { id: string }).id;
    // The coordinator sees the resident's own requests that hang under no plan yet; nobody else does.
    const linkable = async () =>
      ((await (await coordinator.get(`${base}/resident-files/${fileId}/linkable-help-requests`)).json()) as { items: Array<{ requestId: string; category: { name: string } }> }).items;
    const before = await linkable();
    expect(before.map((i) => i.requestId)).toContain(match!.request_id);
    expect(before.map((i) => i.requestId)).not.toContain(A.helpRequestId);
    expect(before.every((i) => i.category.name.length > 0)).toBe(true);
    expect((await professional.get(`${base}/resident-files/${fileId}/linkable-help-requests`)).status).toBe(403);
    expect((await (await signedIn(env.app, A.resident.email)).get(`${base}/resident-files/${fileId}/linkable-help-requests`)).status).toBe(403);
    // A request of another resident cannot hang under this plan.
    const wrong = await coordinator.post(`${base}/resident-files/${fileId}/help-requests`, { requestId: A.helpRequestId });
    expect(wrong.status).toBe(400);
    expect((await professional.post(`${base}/resident-files/${fileId}/help-requests`, { requestId: match!.request_id })).status).toBe(403);
    const linked = await coordinator.post(`${base}/resident-files/${fileId}/help-requests`, { requestId: match!.request_id });
    expect(linked.status).toBe(201);
    expect(((await linked.json()) as { items: Array<{ requestId: string }> }).items.map((i) => i.requestId)).toEqual([match!.request_id]);
    expect((await coordinator.post(`${base}/resident-files/${fileId}/help-requests`, { requestId: match!.request_id })).status).toBe(409);
    expect((await linkable()).map((i) => i.requestId)).not.toContain(match!.request_id);
    const map = (await (await coordinator.get(`${base}/resident-files/${fileId}/network`)).json()) as { fromNeighbourHelp: Array<{ name: string; personId: string; circle: string }> };
    expect(map.fromNeighbourHelp).toContainEqual(expect.objectContaining({ circle: 'volunteers', name: match!.given_name, personId: match!.volunteer_person_id }));
  });
});

describe('household plan: changing the file and handing it over', () => {
  let env: TestEnv;
  let coordinator: Agent;
  let fileId = '';
  let colleague = { id: '', email: '' };

  beforeAll(async () => {
    env = await createTestEnv();
    colleague = await addStaff(env, 'sociaalwerker3', 'social_worker', dordrecht!.organisations[1]!.id);
    coordinator = await signedIn(env.app, A.socialWorker.email);
    fileId = ((await (await coordinator.post(`${base}/resident-files`, { residentPersonId: A.resident.id })).json()) as { id: string }).id;
  });
  afterAll(() => env.close());

  it('refuses an invalid BSN on a change and keeps the file as it was', async () => {
    const res = await coordinator.patch(`${base}/resident-files/${fileId}`, { bsn: '111222334', householdMembers: [{ name: 'Henk', relation: 'partner' }] });
    expect(res.status).toBe(400);
    expect(await count(env, sql`select count(*)::int as n from household_members`)).toBe(0);
    const ok = await coordinator.patch(`${base}/resident-files/${fileId}`, { bsn: '123456782' });
    expect(((await ok.json()) as FileView).resident?.bsn).toBe('123456782');
    const future = await coordinator.patch(`${base}/resident-files/${fileId}`, { householdMembers: [{ name: 'Kind', relation: 'child', birthYear: 2030 }] });
    expect(((await future.json()) as Problem).invalidParams?.[0]?.name).toBe('householdMembers.0.birthYear');
  });

  it('lists the most recently changed files first', async () => {
    const [other] = await queryRows<{ id: string }>(
      env.database.db,
      sql`select p.id from persons p join role_assignments r on r.tenant_id = p.tenant_id and r.person_id = p.id
           where p.tenant_id = ${A.id} and r.role = 'resident' and p.id <> ${A.resident.id} order by p.id limit 1`,
    );
    const olderId = randomUUID();
    const daysAgo = (n: number) => new Date(env.clock.now.getTime() - n * 86_400_000).toISOString();
    await env.database.db.execute(sql`insert into resident_files (tenant_id, id, resident_person_id, coordinator_person_id, created_by_person_id, created_at, updated_at)
      values (${A.id}, ${olderId}, ${other!.id}, ${A.socialWorker.id}, ${A.socialWorker.id}, ${daysAgo(2)}::timestamptz, ${daysAgo(1)}::timestamptz)`);
    const ids = async () => ((await (await coordinator.get(`${base}/resident-files`)).json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
    expect(await ids()).toEqual([fileId, olderId]);
    env.clock.advance(60_000);
    expect((await coordinator.patch(`${base}/resident-files/${olderId}`, { bsn: null })).status).toBe(200);
    expect(await ids()).toEqual([olderId, fileId]);
  });

  it('finds social workers to hand the file to by name, people on the plan included, and nobody else', async () => {
    const prof = await addStaff(env, 'overdrachtprof', 'professional', ZORGGROEP);
    await coordinator.post(`${base}/resident-files/${fileId}/participants`, { personId: colleague.id });
    const found = async (body: object) =>
      ((await (await coordinator.post(`${base}/resident-files/${fileId}/participant-candidates`, body)).json()) as { items: Array<{ personId: string; roles: string[] }> }).items;
    const forHandover = await found({ q: 'Test', for: 'coordinator' });
    expect(forHandover.map((c) => c.personId)).toContain(colleague.id);
    expect(forHandover.map((c) => c.personId)).not.toContain(prof.id);
    expect(forHandover.every((c) => c.roles.includes('social_worker'))).toBe(true);
    expect((await found({ q: 'Sanne', for: 'coordinator' })).map((c) => c.personId)).not.toContain(A.socialWorker.id);
    // For the plan: the colleague is on it already, the professional can join.
    const forPlan = await found({ q: 'Test' });
    expect(forPlan.map((c) => c.personId)).toContain(prof.id);
    expect(forPlan.map((c) => c.personId)).not.toContain(colleague.id);
    expect((await coordinator.post(`${base}/resident-files/${fileId}/participant-candidates`, { q: 'Test', for: 'boss' })).status).toBe(400);
    expect((await (await signedIn(env.app, colleague.email)).post(`${base}/resident-files/${fileId}/participant-candidates`, { q: 'Test', for: 'coordinator' })).status).toBe(403);
  });

  it('hands the file to another social worker; the old coordinator loses access unless put on the plan', async () => {
    expect((await coordinator.patch(`${base}/resident-files/${fileId}`, { coordinatorPersonId: A.professional.id })).status).toBe(400);
    const res = await coordinator.patch(`${base}/resident-files/${fileId}`, { coordinatorPersonId: colleague.id });
    expect(res.status).toBe(200);
    expect((await res.json()) as FileView).toMatchObject({ myRelation: 'none', resident: null, participants: [], consents: [] });
    expect((await coordinator.get(`${base}/resident-files/${fileId}`)).status).toBe(403);
    const next = await signedIn(env.app, colleague.email);
    const view = (await (await next.get(`${base}/resident-files/${fileId}`)).json()) as FileView;
    expect(view.myRelation).toBe('coordinator');
    // The new coordinator was on the plan: now they coordinate it instead.
    expect(view.participants.map((p) => p.personId)).not.toContain(colleague.id);
    // The hand-over is its own audit event, naming the new coordinator, and shows in the resident's access log.
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'resident_file.handover' and resource_id = ${colleague.id} and subject_person_id = ${A.resident.id}`)).toBe(1);
    const log = (await (await (await signedIn(env.app, A.resident.email)).get(`${base}/resident-files/${fileId}/access-log`)).json()) as { items: Array<{ action: string }> };
    expect(log.items.map((i) => i.action)).toContain('resident_file.handover');
  });
});

describe('household plan: two referrals at once for a resident without a file', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  /** Two help requests of a resident (the demo resident's own, or posted by them). */
  async function twoRequests(email: string): Promise<string[]> {
    const resident = await signedIn(env.app, email);
    const categories = (await (await resident.get(`${base}/help-categories`)).json()) as Array<{ id: string; code: string }>;
    const categoryId = categories.find((c) => c.code === 'groceries')!.id;
    const ask = async (description: string) => {
      const res = await resident.post(`${base}/help-requests`, {
        categoryId,
        description,
        schedule: 'monthly',
        dayParts: ['tue:afternoon'],
        durationMinutes: 60,
        postcode: '3318 AB',
        houseNumber: 4,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    return [await ask('Boodschappen doen, eens per maand.'), await ask('Hulp bij de boodschappenlijst, eens per maand.')];
  }

  it('makes one file, and the second referral uses the file the first made', async () => {
    const coordinator = await signedIn(env.app, A.socialWorker.email);
    expect(await count(env, sql`select count(*)::int as n from resident_files where resident_person_id = ${A.resident.id}`)).toBe(0);
    const requests = await twoRequests(A.resident.email);
    const answers = await Promise.all(requests.map((id) => coordinator.post(`${base}/help-requests/${id}/refer`, { reason: 'Past beter bij formele hulp.' })));
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const plans = await Promise.all(answers.map(async (r) => ((await r.json()) as { plan: { fileId: string; planVersion: number } }).plan));
    expect(plans[0]!.fileId).toBe(plans[1]!.fileId);
    expect(plans.map((p) => p.planVersion).sort()).toEqual([1, 2]);
    expect(await count(env, sql`select count(*)::int as n from resident_files where resident_person_id = ${A.resident.id}`)).toBe(1);
    expect(await count(env, sql`select count(*)::int as n from plan_help_requests where file_id = ${plans[0]!.fileId}`)).toBe(2);
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'resident_file.create' and subject_person_id = ${A.resident.id}`)).toBe(1);
    const plan = (await (await coordinator.get(`${base}/resident-files/${plans[0]!.fileId}/plan`)).json()) as Plan;
    expect(plan.actions.filter((a) => a.formal)).toHaveLength(2);
  });

  it('uses the file a referral running at the same moment made, once that one commits', async () => {
    // Through the API the two referrals above queue on the audit chain before they look for a file;
    // here the second looks while the first has made the file but not yet committed it.
    const [resident] = await queryRows<{ id: string; email: string }>(
      env.database.db,
      sql`select p.id, a.email from persons p join accounts a on a.id = p.account_id
            join role_assignments r on r.tenant_id = p.tenant_id and r.person_id = p.id and r.role = 'resident'
           where p.tenant_id = ${A.id} and p.id <> ${A.resident.id}
             and not exists (select 1 from resident_files f where f.tenant_id = p.tenant_id and f.resident_person_id = p.id)
           order by p.id limit 1`,
    );
    const requests = await twoRequests(resident!.email);
    const [worker] = await queryRows<{ account_id: string }>(env.database.db, sql`select account_id from persons where tenant_id = ${A.id} and id = ${A.socialWorker.id}`);
    const ctx: TenantContext = {
      requestId: 'race',
      locale: 'nl',
      now: () => env.clock.now,
      tenant: { id: A.id, code: A.code, name: 'A' },
      actor: { accountId: worker!.account_id, personId: A.socialWorker.id, roles: ['social_worker'], organisationIds: [] },
    };
    const refer = (tx: Parameters<typeof planFromReferral>[0], requestId: string) =>
      planFromReferral(tx, ctx, { requestId, residentPersonId: resident!.id, category: 'Boodschappen', reason: 'Past beter bij formele hulp.' });
    let firstMadeIt: () => void = () => {};
    const made = new Promise<void>((resolve) => (firstMadeIt = resolve));
    const [first, second] = await Promise.all([
      inTenant(env.database.db, A.id, async (tx) => {
        const plan = await refer(tx, requests[0]!);
        firstMadeIt();
        await new Promise((resolve) => setTimeout(resolve, 300));
        return plan;
      }),
      made.then(() => inTenant(env.database.db, A.id, (tx) => refer(tx, requests[1]!))),
    ]);
    expect(second.fileId).toBe(first.fileId);
    expect([first.planVersion, second.planVersion]).toEqual([1, 2]);
    expect(await count(env, sql`select count(*)::int as n from resident_files where resident_person_id = ${resident!.id}`)).toBe(1);
    expect(await count(env, sql`select count(*)::int as n from audit_events where action = 'resident_file.create' and subject_person_id = ${resident!.id}`)).toBe(1);
  });

  it('answers a second social worker opening the same file at the same moment with 409, not 500', async () => {
    const [other] = await queryRows<{ id: string }>(
      env.database.db,
      sql`select p.id from persons p join role_assignments r on r.tenant_id = p.tenant_id and r.person_id = p.id and r.role = 'resident'
           where p.tenant_id = ${A.id} and not exists (select 1 from resident_files f where f.tenant_id = p.tenant_id and f.resident_person_id = p.id)
           order by p.id limit 1`,
    );
    const coordinator = await signedIn(env.app, A.socialWorker.email);
    const answers = await Promise.all([0, 1].map(() => coordinator.post(`${base}/resident-files`, { residentPersonId: other!.id })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count(env, sql`select count(*)::int as n from resident_files where resident_person_id = ${other!.id}`)).toBe(1);
  });
});

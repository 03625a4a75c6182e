/**
 * Authorisation matrix: every role x every action, in the caller's own
 * municipality and in the other one. The expectations are written out by
 * hand (not derived from the policy files), so a policy change that widens
 * access shows up here as a failing cell.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { DEMO_MUNICIPALITIES } from '../server/demo/demo-data';
import { demoResidentId } from '../server/demo/seed';
import { ROLES, type Role } from '../shared/roles';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const PERSON_OF_A = A.otherResidentId;
let seq = 0;

interface Action {
  method: string;
  /** Path under /api with {code} for the municipality. */
  path: (self: string) => string;
  body?: () => unknown;
  /** Roles allowed in their own municipality; 'all' means every member. */
  allowed: Role[] | 'all';
}

const ACTIONS: Record<string, Action> = {
  'read own record': { method: 'GET', path: () => '/municipalities/{code}/me', allowed: 'all' },
  'change own record': { method: 'PATCH', path: () => '/municipalities/{code}/me', body: () => ({ phone: '078 123 4567' }), allowed: 'all' },
  'read own access log': { method: 'GET', path: () => '/municipalities/{code}/me/access-log', allowed: 'all' },
  'read own record by id': { method: 'GET', path: (self) => `/municipalities/{code}/persons/${self}`, allowed: 'all' },
  'list organisations': { method: 'GET', path: () => '/municipalities/{code}/organisations', allowed: 'all' },
  'search people': { method: 'GET', path: () => '/municipalities/{code}/persons', allowed: ['admin'] },
  'read another person': { method: 'GET', path: () => `/municipalities/{code}/persons/${PERSON_OF_A}`, allowed: ['admin'] },
  'add a person': {
    method: 'POST',
    path: () => '/municipalities/{code}/persons',
    body: () => ({ givenName: 'Nieuw', familyName: `Persoon ${++seq}`, email: `nieuw${seq}@dordrecht.example`, roles: [{ role: 'resident' }] }),
    allowed: ['admin'],
  },
  "change another person's roles": {
    method: 'PUT',
    path: () => `/municipalities/{code}/persons/${PERSON_OF_A}/roles`,
    body: () => ({ roles: [{ role: 'resident' }] }),
    allowed: ['admin'],
  },
  'add an organisation': {
    method: 'POST',
    path: () => '/municipalities/{code}/organisations',
    body: () => ({ name: `Organisatie ${++seq}`, kind: 'other' }),
    allowed: ['admin'],
  },
  'search the audit log': { method: 'GET', path: () => '/municipalities/{code}/audit-events', allowed: ['admin'] },
  'verify the audit chain': { method: 'POST', path: () => '/municipalities/{code}/audit-events/verify', allowed: ['admin'] },
  'list help categories': { method: 'GET', path: () => '/municipalities/{code}/help-categories', allowed: 'all' },
  'read own volunteer offer': { method: 'GET', path: () => '/municipalities/{code}/me/volunteer-profile', allowed: ['volunteer'] },
  'save own volunteer offer': {
    method: 'PUT',
    path: () => '/municipalities/{code}/me/volunteer-profile',
    body: () => ({ categoryIds: [categoryOfA], dayParts: ['sat:morning'], sessionsPerMonth: 1, maxKm: 3, postcode: '3317' }),
    allowed: ['volunteer'],
  },
  "record a volunteer's VOG": {
    method: 'POST',
    path: () => `/municipalities/{code}/persons/${A.volunteer.id}/vog-records`,
    body: () => ({ issuedOn: '2026-06-01' }),
    allowed: ['social_worker', 'admin'],
  },
  'ask for help': {
    method: 'POST',
    path: () => '/municipalities/{code}/help-requests',
    body: () => ({ categoryId: categoryOfA, description: 'Wie helpt mij met de tuin?', schedule: 'monthly', dayParts: ['sat:morning'], durationMinutes: 60, postcode: '3311AB', houseNumber: 3 }),
    allowed: ['resident'],
  },
  'list own help requests': { method: 'GET', path: () => '/municipalities/{code}/help-requests?mine=true', allowed: 'all' },
  'list all help requests': { method: 'GET', path: () => '/municipalities/{code}/help-requests?mine=false', allowed: ['social_worker', 'admin'] },
  // The matrix's resident is the owner of this request.
  "read the demo resident's help request": { method: 'GET', path: () => `/municipalities/{code}/help-requests/${A.helpRequestId}`, allowed: ['resident', 'social_worker', 'admin'] },
  "list the matches of the demo resident's request": {
    method: 'GET',
    path: () => `/municipalities/{code}/help-requests/${A.helpRequestId}/matches`,
    allowed: ['resident', 'social_worker', 'admin'],
  },
  'see the candidates for a request': { method: 'GET', path: () => `/municipalities/{code}/help-requests/${A.helpRequestId}/candidates`, allowed: ['social_worker', 'admin'] },
  'list own matches as a volunteer': { method: 'GET', path: () => '/municipalities/{code}/me/matches', allowed: ['volunteer'] },
  'see requests that fit my offer': { method: 'GET', path: () => '/municipalities/{code}/me/suggested-requests', allowed: ['volunteer'] },
  // A demo match between two synthetic people: only coordinators are on it.
  "read someone else's match": { method: 'GET', path: () => `/municipalities/{code}/matches/${matchOfA}`, allowed: ['social_worker', 'admin'] },
  "read someone else's messages": { method: 'GET', path: () => `/municipalities/{code}/matches/${matchOfA}/messages`, allowed: ['social_worker', 'admin'] },
  "write in someone else's match": {
    method: 'POST',
    path: () => `/municipalities/{code}/matches/${matchOfA}/messages`,
    body: () => ({ body: `Bericht van de coördinator ${++seq}` }),
    allowed: ['social_worker', 'admin'],
  },
  'read the coach queue': { method: 'GET', path: () => '/municipalities/{code}/coach/queue', allowed: ['social_worker', 'admin'] },
  'see a rota proposal': { method: 'GET', path: () => `/municipalities/{code}/help-requests/${A.helpRequestId}/rota-proposal`, allowed: ['social_worker', 'admin'] },
  'see a request as the coach': { method: 'GET', path: () => `/municipalities/{code}/help-requests/${A.helpRequestId}/coaching`, allowed: ['social_worker', 'admin'] },
  "see the stalls of a request": { method: 'GET', path: () => `/municipalities/{code}/help-requests/${A.helpRequestId}/stalls`, allowed: ['social_worker', 'admin'] },
  "list the network of the demo resident's request": {
    method: 'GET',
    path: () => `/municipalities/{code}/help-requests/${A.helpRequestId}/network`,
    allowed: ['resident', 'social_worker', 'admin'],
  },
  'find a resident to post for': { method: 'GET', path: () => '/municipalities/{code}/neighbour-help/residents?q=Vries', allowed: ['social_worker', 'admin'] },
  'read own notifications': { method: 'GET', path: () => '/municipalities/{code}/me/notifications', allowed: 'all' },
  'choose how to get e-mail': { method: 'PUT', path: () => '/municipalities/{code}/me/notification-preferences', body: () => ({ email: 'digest', maxEmailsPerWeek: 2 }), allowed: 'all' },
  'list own blocks': { method: 'GET', path: () => '/municipalities/{code}/me/blocks', allowed: 'all' },
  'read abuse reports': { method: 'GET', path: () => '/municipalities/{code}/abuse-reports', allowed: ['social_worker', 'admin'] },
  // Nobody in the matrix is on this synthetic match, so nobody can report or block through it.
  "report someone on another's match": {
    method: 'POST',
    path: () => '/municipalities/{code}/abuse-reports',
    body: () => ({ matchId: matchOfA, category: 'other' }),
    allowed: [],
  },
  "block someone on another's match": { method: 'POST', path: () => `/municipalities/{code}/matches/${matchOfA}/block`, allowed: [] },
  'read the neighbour-help figures': {
    method: 'GET',
    path: () => '/municipalities/{code}/neighbour-help/figures?from=2026-01-01&to=2026-12-31',
    allowed: ['social_worker', 'policy_officer', 'admin'],
  },
  // Meet-ups. The demo café and the café already held are Stichting Buurtkracht's, the social worker's organisation;
  // the professional works for another one. The demo resident and volunteer were at the held café.
  'list meet-ups': { method: 'GET', path: () => '/municipalities/{code}/meetups', allowed: 'all' },
  'read a meet-up': { method: 'GET', path: () => `/municipalities/{code}/meetups/${CAFE}`, allowed: 'all' },
  'plan a meet-up for Stichting Buurtkracht': {
    method: 'POST',
    path: () => '/municipalities/{code}/meetups',
    body: () => ({ organisationId: BUURTKRACHT, title: 'Koffie', place: 'Wijkcentrum (fictief)', postcode: '3317', startsAt: '2026-12-10T14:00:00+01:00', endsAt: '2026-12-10T16:00:00+01:00', capacity: 10 }),
    allowed: ['social_worker', 'admin'],
  },
  "change Stichting Buurtkracht's meet-up": { method: 'PATCH', path: () => `/municipalities/{code}/meetups/${CAFE}`, body: () => ({ notes: 'Met taart.' }), allowed: ['social_worker', 'admin'] },
  "cancel Stichting Buurtkracht's meet-up": {
    method: 'POST',
    // Each role cancels a meet-up of its own, planned in beforeAll, so one cancellation does not decide the next cell.
    path: (self) => `/municipalities/{code}/meetups/${meetupToCancel.get(self) ?? CAFE}/cancel`,
    allowed: ['social_worker', 'admin'],
  },
  'sign up for a meet-up': { method: 'POST', path: () => `/municipalities/{code}/meetups/${CAFE}/signup`, allowed: ['resident', 'volunteer'] },
  'withdraw my sign-up': { method: 'DELETE', path: () => `/municipalities/{code}/meetups/${CAFE}/signup`, allowed: ['resident', 'volunteer'] },
  "see who signed up for Stichting Buurtkracht's meet-up": { method: 'GET', path: () => `/municipalities/{code}/meetups/${CAFE}/signups`, allowed: ['social_worker', 'admin'] },
  "keep attendance at Stichting Buurtkracht's meet-up": {
    method: 'PUT',
    path: () => `/municipalities/{code}/meetups/${HELD}/attendance`,
    body: () => ({ attendance: [{ personId: A.resident.id, attended: true }] }),
    allowed: ['social_worker', 'admin'],
  },
  'see the volunteers I met at a meet-up I attended': { method: 'GET', path: () => `/municipalities/{code}/meetups/${HELD}/met-volunteers`, allowed: ['resident', 'volunteer'] },
  // Household plan. The demo resident's file is coordinated by the social worker; the professional is on the plan with
  // consent for the plan, network, outcomes and voice (not identity); nobody else is on it.
  'open a resident file': {
    method: 'POST',
    path: () => '/municipalities/{code}/resident-files',
    body: () => ({ residentPersonId: demoResidentId(A.code, 2) }),
    allowed: ['social_worker'],
  },
  'list the files I am on': { method: 'GET', path: () => '/municipalities/{code}/resident-files', allowed: 'all' },
  "read the demo resident's file": { method: 'GET', path: () => `/municipalities/{code}/resident-files/${fileOfA}`, allowed: ['resident', 'social_worker', 'professional'] },
  "change the demo resident's household": {
    method: 'PATCH',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}`,
    body: () => ({ householdMembers: [{ name: 'Henk', relation: 'partner' }] }),
    allowed: ['social_worker'],
  },
  "put someone on the demo resident's plan": {
    method: 'POST',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/participants`,
    body: () => ({ personId: A.volunteer.id }),
    allowed: ['social_worker'],
  },
  "record the demo resident's consent": {
    method: 'POST',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/consents`,
    body: () => ({ recipient: { organisationId: BUURTKRACHT }, scopes: ['network'], purpose: 'Netwerk in kaart brengen', validUntil: '2027-06-01' }),
    allowed: ['resident', 'social_worker'],
  },
  "read who looked at the demo resident's file": { method: 'GET', path: () => `/municipalities/{code}/resident-files/${fileOfA}/access-log`, allowed: ['resident'] },
  "read the demo resident's plan": { method: 'GET', path: () => `/municipalities/{code}/resident-files/${fileOfA}/plan`, allowed: ['resident', 'social_worker', 'professional'] },
  "export the demo resident's plan as PDF": {
    method: 'GET',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/plan/export.pdf`,
    allowed: ['resident', 'social_worker', 'professional'],
  },
  "read the versions of the demo resident's plan": {
    method: 'GET',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/plan/versions`,
    allowed: ['resident', 'social_worker', 'professional'],
  },
  'read the household settings': { method: 'GET', path: () => '/municipalities/{code}/household-settings', allowed: ['social_worker', 'professional', 'policy_officer', 'admin'] },
  'change the household settings': {
    method: 'PUT',
    path: () => '/municipalities/{code}/household-settings',
    body: () => ({ fragmentationThreshold: 5, outcomeDomains: null }),
    allowed: ['admin'],
  },
  "read the demo resident's network map": { method: 'GET', path: () => `/municipalities/{code}/resident-files/${fileOfA}/network`, allowed: ['resident', 'social_worker', 'professional'] },
  "add to the demo resident's network map": {
    method: 'POST',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/network`,
    body: () => ({ circle: 'friends', name: `Vriendin ${++seq}`, supportKinds: ['company'], strength: 2 }),
    allowed: ['resident', 'social_worker'],
  },
  "read the demo resident's outcome trend": { method: 'GET', path: () => `/municipalities/{code}/resident-files/${fileOfA}/outcomes/trend`, allowed: ['resident', 'social_worker', 'professional'] },
  "measure the demo resident's self-sufficiency": {
    method: 'POST',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/measurements`,
    body: () => ({ measuredOn: '2026-10-01', scores: [{ domain: 'finances', score: 3 }] }),
    allowed: ['resident', 'social_worker', 'professional'],
  },
  "give feedback for the demo resident": {
    method: 'POST',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/voice`,
    body: () => ({ kind: 'wish', occasion: 'contact', body: `Een wens ${++seq}` }),
    allowed: ['resident', 'social_worker', 'professional'],
  },
  "read the demo resident's feedback": { method: 'GET', path: () => `/municipalities/{code}/resident-files/${fileOfA}/voice`, allowed: ['resident', 'social_worker', 'professional'] },
  'read the listening overview': { method: 'GET', path: () => '/municipalities/{code}/listening-overview', allowed: ['policy_officer'] },
  'see who is involved with a resident': { method: 'GET', path: () => `/municipalities/{code}/persons/${A.resident.id}/involvement`, allowed: ['social_worker', 'professional'] },
  "list the help requests under the demo resident's plan": {
    method: 'GET',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/help-requests`,
    allowed: ['resident', 'social_worker', 'professional'],
  },
  "list the demo resident's help requests that can hang under the plan": {
    method: 'GET',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/linkable-help-requests`,
    allowed: ['social_worker'],
  },
  "find a social worker to hand the demo resident's plan to": {
    method: 'POST',
    path: () => `/municipalities/{code}/resident-files/${fileOfA}/participant-candidates`,
    body: () => ({ q: 'Sanne', for: 'coordinator' }),
    allowed: ['social_worker'],
  },
  // The effect calculator: policy officers and administrators change and preview; social workers read.
  'list the reference prices': { method: 'GET', path: () => '/municipalities/{code}/effect-prices', allowed: ['social_worker', 'policy_officer', 'admin'] },
  'list the municipal tariffs': { method: 'GET', path: () => '/municipalities/{code}/effect-tariffs', allowed: ['social_worker', 'policy_officer', 'admin'] },
  'add a municipal tariff': {
    method: 'POST',
    path: () => '/municipalities/{code}/effect-tariffs',
    body: () => ({ shortVar: 'homecare_household', price: 38 + (++seq % 100) / 100, validFrom: '2024-01-01', source: 'Tarievenlijst (synthetisch)' }),
    allowed: ['policy_officer', 'admin'],
  },
  'preview an effect calculation': { method: 'POST', path: () => '/municipalities/{code}/effect-calculations/preview', body: () => EFFECT_INPUT, allowed: ['policy_officer', 'admin'] },
  'list effect calculations': { method: 'GET', path: () => '/municipalities/{code}/effect-calculations', allowed: ['social_worker', 'policy_officer', 'admin'] },
  'save an effect calculation': { method: 'POST', path: () => '/municipalities/{code}/effect-calculations', body: () => ({ input: EFFECT_INPUT }), allowed: ['policy_officer', 'admin'] },
  'read the outcome dashboard': { method: 'GET', path: () => '/municipalities/{code}/dashboards/outcomes', allowed: ['professional', 'policy_officer', 'admin'] },
  'refresh the outcome dashboard': { method: 'POST', path: () => '/municipalities/{code}/dashboards/refresh', allowed: ['policy_officer', 'admin'] },
  'read an effect calculation': { method: 'GET', path: () => `/municipalities/{code}/effect-calculations/${calculationOfA}`, allowed: ['social_worker', 'policy_officer', 'admin'] },
  'save a new version of an effect calculation': {
    method: 'PUT',
    // Each role changes a calculation of its own, saved in beforeAll, so one new version does not decide the next cell.
    path: (self) => `/municipalities/{code}/effect-calculations/${calculationToChange.get(self) ?? calculationOfA}`,
    body: () => ({ basedOnVersion: 1, reason: 'Bijgesteld', input: EFFECT_INPUT }),
    allowed: ['policy_officer', 'admin'],
  },
  'export an effect calculation': { method: 'GET', path: () => `/municipalities/{code}/effect-calculations/${calculationOfA}/export.csv`, allowed: ['social_worker', 'policy_officer', 'admin'] },
  'export an effect calculation as PDF': { method: 'GET', path: () => `/municipalities/{code}/effect-calculations/${calculationOfA}/export.pdf`, allowed: ['social_worker', 'policy_officer', 'admin'] },
  // Last: a round makes proposals, which the cells above do not expect.
  'run a city-wide matching round': { method: 'POST', path: () => '/municipalities/{code}/matching-rounds', allowed: ['social_worker', 'admin'] },
};

/** A small effect calculation without names. */
const EFFECT_INPUT = {
  scope: 'programme',
  title: 'Buurthulp wijk Noord 2024',
  priceYear: 2024,
  costs: [{ id: 'c1', kind: 'coordination', label: 'Coördinatie', payer: 'municipality_wmo', quantity: 2, quantityUnit: 'hour', period: 'month', duration: 12, price: { shortVar: 'homecare_guidance_hour' } }],
  reference: [{ id: 'r1', label: 'Huishoudelijke hulp', payer: 'municipality_wmo', persons: 10, probability: 0.3, quantity: 2, quantityUnit: 'hour', period: 'week', duration: 52, price: { shortVar: 'homecare_household' } }],
};
/** An effect calculation of municipality A, saved in beforeAll; and per role one to change. */
let calculationOfA = '';
const calculationToChange = new Map<string, string>();

/** Actions on the demo resident's own request: the volunteer (also a resident) does not own it. */
const OWNER_ONLY = new Set([
  "read the demo resident's help request",
  "list the matches of the demo resident's request",
  "list the network of the demo resident's request",
  "read the demo resident's file",
  "record the demo resident's consent",
  "read who looked at the demo resident's file",
  "read the demo resident's plan",
  "export the demo resident's plan as PDF",
  "read the versions of the demo resident's plan",
  "read the demo resident's network map",
  "add to the demo resident's network map",
  "read the demo resident's outcome trend",
  "measure the demo resident's self-sufficiency",
  "give feedback for the demo resident",
  "read the demo resident's feedback",
  "list the help requests under the demo resident's plan",
]);

/** The demo resident's file, opened in beforeAll. */
let fileOfA = '';

/** A confirmed demo match of municipality A, looked up once the database is there. */
let matchOfA = '';

const [dordrecht] = DEMO_MUNICIPALITIES;
const CAFE = dordrecht!.meetups[0]!.id;
const HELD = dordrecht!.meetups[3]!.id;
const BUURTKRACHT = dordrecht!.organisations[1]!.id;
/** Person id of each role's demo person -> a meet-up that role may try to cancel. */
const meetupToCancel = new Map<string, string>();

/** A help category of municipality A, looked up once the app runs. */
let categoryOfA = '';

/** A demo person of municipality A for each role (the volunteer is also a resident). */
const PERSON_BY_ROLE: Record<Role, { id: string; email: string }> = {
  resident: A.resident,
  volunteer: A.volunteer,
  social_worker: A.socialWorker,
  professional: A.professional,
  policy_officer: A.policyOfficer,
  mediator: A.mediator,
  arbiter: A.arbiter,
  admin: A.admin,
};

describe('authorisation matrix', () => {
  let env: TestEnv;
  const agents = new Map<Role, Agent>();

  beforeAll(async () => {
    env = await createTestEnv();
    for (const role of ROLES) agents.set(role, await signedIn(env.app, PERSON_BY_ROLE[role].email));
    const categories = (await (await agents.get('admin')!.get(`/api/municipalities/${A.code}/help-categories`)).json()) as Array<{ id: string; code: string }>;
    categoryOfA = categories.find((c) => c.code === 'garden')!.id;
    const [m] = await queryRows<{ id: string }>(env.database.db, sql`select id from help_matches where tenant_id = ${A.id} and state = 'confirmed' order by id limit 1`);
    matchOfA = m!.id;
    const worker = agents.get('social_worker')!;
    fileOfA = ((await (await worker.post(`/api/municipalities/${A.code}/resident-files`, { residentPersonId: A.resident.id })).json()) as { id: string }).id;
    await worker.post(`/api/municipalities/${A.code}/resident-files/${fileOfA}/participants`, { personId: A.professional.id });
    await worker.post(`/api/municipalities/${A.code}/resident-files/${fileOfA}/consents`, {
      recipient: { personId: A.professional.id },
      scopes: ['plan', 'network', 'outcomes', 'voice'],
      purpose: 'Thuisbegeleiding',
      validUntil: '2027-06-01',
    });
    await worker.put(`/api/municipalities/${A.code}/resident-files/${fileOfA}/plan`, { basedOnVersion: 0, reason: 'Eerste plan', goals: [], actions: [], domains: ['finances'] });
    const save = async () => ((await (await agents.get('policy_officer')!.post(`/api/municipalities/${A.code}/effect-calculations`, { input: EFFECT_INPUT })).json()) as { id: string }).id;
    calculationOfA = await save();
    for (const role of ROLES) calculationToChange.set(PERSON_BY_ROLE[role].id, await save());
    for (const role of ROLES) {
      const res = await agents.get('admin')!.post(`/api/municipalities/${A.code}/meetups`, ACTIONS['plan a meet-up for Stichting Buurtkracht']!.body!());
      meetupToCancel.set(PERSON_BY_ROLE[role].id, ((await res.json()) as { id: string }).id);
    }
  });
  afterAll(() => env.close());

  const cells = ROLES.flatMap((role) => Object.keys(ACTIONS).map((action) => [role, action] as const));

  it.each(cells)('%s: %s in their own municipality', async (role, name) => {
    const a = ACTIONS[name]!;
    const agent = agents.get(role)!;
    const path = `/api${a.path(PERSON_BY_ROLE[role].id).replace('{code}', A.code)}`;
    const res = await agent.request(a.method, path, a.body?.());
    // The demo volunteer is also a resident; the resident-only request read is about another resident's request.
    const ownsDemoRequest = OWNER_ONLY.has(name);
    const allowed =
      a.allowed === 'all' || a.allowed.includes(role) || (role === 'volunteer' && a.allowed.includes('resident') && !ownsDemoRequest);
    if (allowed) {
      expect(res.status, await res.text()).toBeLessThan(300);
    } else {
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it.each(cells)('%s: %s in the other municipality is refused', async (role, name) => {
    const a = ACTIONS[name]!;
    const path = `/api${a.path(B.resident.id).replace('{code}', B.code).replace(A.helpRequestId, B.helpRequestId)}`;
    const res = await agents.get(role)!.request(a.method, path, a.body?.());
    expect(res.status).toBe(403);
  });

  it('refuses every municipality route without a session', async () => {
    for (const a of Object.values(ACTIONS)) {
      const res = await env.app.request(`/api${a.path(PERSON_OF_A).replace('{code}', A.code)}`, {
        method: a.method,
        headers: { 'content-type': 'application/json' },
        body: a.body ? JSON.stringify(a.body()) : undefined,
      });
      expect(res.status).toBe(401);
    }
  });
});

/**
 * Tenant isolation: every API route, walked from the OpenAPI document, as a
 * user of municipality A against data of municipality B. Nothing of B may be
 * read or changed. A route added without a case here fails this test, so
 * the matrix cannot silently fall behind the API.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../server/db/tenant-scope';
import { persons } from '../server/db/schema/index';
import { queryRows } from '../server/db/client';
import { DEMO_MUNICIPALITIES } from '../server/demo/demo-data';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

/** `roleFirst`: the administrator is refused by role before the id is looked at (403 for any id, so nothing leaks either way). */
type Case = { body?: unknown; query?: string; roleFirst?: boolean };

/** A valid effect calculation input (no lines), for the effect calculator's routes. */
const EFFECT_INPUT = { scope: 'programme', title: 'Indringer', priceYear: 2024, costs: [], reference: [] };

/** Every tenant-scoped operation, with a request that would succeed in the caller's own municipality. */
const TENANT_ROUTES: Record<string, Case> = {
  'GET /municipalities/{code}/me': {},
  'PATCH /municipalities/{code}/me': { body: { givenName: 'Overgenomen' } },
  'GET /municipalities/{code}/me/access-log': {},
  'GET /municipalities/{code}/persons': { query: '?q=a' },
  'POST /municipalities/{code}/persons': { body: { givenName: 'Indringer', familyName: 'Test', roles: [{ role: 'resident' }] } },
  'GET /municipalities/{code}/persons/{personId}': {},
  'PUT /municipalities/{code}/persons/{personId}/roles': { body: { roles: [{ role: 'admin' }] } },
  'GET /municipalities/{code}/organisations': {},
  'POST /municipalities/{code}/organisations': { body: { name: 'Indringer BV', kind: 'other' } },
  'GET /municipalities/{code}/audit-events': {},
  'POST /municipalities/{code}/audit-events/verify': {},
  'GET /municipalities/{code}/help-categories': {},
  'GET /municipalities/{code}/me/volunteer-profile': {},
  'PUT /municipalities/{code}/me/volunteer-profile': {
    body: { categoryIds: ['5a1e0c2d-0000-4000-8000-000000051201'], dayParts: ['mon:morning'], sessionsPerMonth: 1, maxKm: 5, postcode: '4205' },
  },
  'POST /municipalities/{code}/persons/{personId}/vog-records': { body: { issuedOn: '2026-01-01' } },
  'POST /municipalities/{code}/help-requests': {
    body: {
      residentPersonId: B.resident.id,
      categoryId: '5a1e0c2d-0000-4000-8000-000000051201',
      description: 'Indringer wil hulp vragen namens iemand anders.',
      schedule: 'weekly',
      dayParts: ['mon:morning'],
      durationMinutes: 60,
      postcode: '4205AA',
      houseNumber: 1,
    },
  },
  'GET /municipalities/{code}/help-requests': { query: '?mine=false' },
  'GET /municipalities/{code}/help-requests/{requestId}': {},
  'POST /municipalities/{code}/help-requests/{requestId}/cancel': {},
  'GET /municipalities/{code}/help-requests/{requestId}/matches': {},
  'POST /municipalities/{code}/help-requests/{requestId}/find-volunteers': {},
  'GET /municipalities/{code}/help-requests/{requestId}/candidates': { query: '?widen=true' },
  'POST /municipalities/{code}/help-requests/{requestId}/matches': { body: { volunteerPersonId: B.resident.id } },
  'GET /municipalities/{code}/me/matches': {},
  'GET /municipalities/{code}/me/suggested-requests': {},
  'POST /municipalities/{code}/me/suggested-requests/{requestId}/offer': { roleFirst: true },
  'GET /municipalities/{code}/matches/{matchId}': {},
  'POST /municipalities/{code}/matches/{matchId}/decision': { body: { decision: 'accept' } },
  'POST /municipalities/{code}/matches/{matchId}/withdraw': { body: { reason: 'coach_decision' } },
  'POST /municipalities/{code}/matches/{matchId}/end': { body: { reason: 'help_completed' } },
  'POST /municipalities/{code}/matches/{matchId}/no-show': {},
  'GET /municipalities/{code}/matches/{matchId}/messages': {},
  'POST /municipalities/{code}/matches/{matchId}/messages': { body: { body: 'Indringer stuurt een bericht.' } },
  'POST /municipalities/{code}/matches/{matchId}/sessions': { body: { happenedOn: '2026-11-02', minutes: 60 } },
  'GET /municipalities/{code}/coach/queue': {},
  'POST /municipalities/{code}/matching-rounds': {},
  'GET /municipalities/{code}/help-requests/{requestId}/stalls': {},
  'GET /municipalities/{code}/help-requests/{requestId}/coaching': {},
  'PATCH /municipalities/{code}/help-requests/{requestId}/coaching': { body: { extraKm: 5 } },
  'POST /municipalities/{code}/help-requests/{requestId}/refer': { body: { reason: 'Indringer verwijst door.' } },
  'POST /municipalities/{code}/help-requests/{requestId}/resolved-by-network': { body: {} },
  'GET /municipalities/{code}/help-requests/{requestId}/network': {},
  'POST /municipalities/{code}/help-requests/{requestId}/network': { body: { name: 'Indringer', relation: 'other' } },
  'PATCH /municipalities/{code}/help-requests/{requestId}/network/{contactId}': { body: { status: 'will_help' } },
  'GET /municipalities/{code}/help-requests/{requestId}/rota-proposal': {},
  'POST /municipalities/{code}/help-requests/{requestId}/rotas': { body: { startsOn: '2027-01-04', members: [{ volunteerPersonId: B.resident.id, sessionsPerMonth: 1 }] } },
  'GET /municipalities/{code}/help-requests/{requestId}/rota': {},
  'GET /municipalities/{code}/rotas/{rotaId}': {},
  'POST /municipalities/{code}/rotas/{rotaId}/refill': {},
  'GET /municipalities/{code}/neighbour-help/figures': { query: '?from=2026-01-01&to=2026-12-31' },
  'GET /municipalities/{code}/neighbour-help/residents': { query: '?q=an' },
  'GET /municipalities/{code}/me/notifications': {},
  'POST /municipalities/{code}/me/notifications/read': { body: {} },
  'GET /municipalities/{code}/me/notification-preferences': {},
  'PUT /municipalities/{code}/me/notification-preferences': { body: { email: 'off', maxEmailsPerWeek: 0 } },
  'POST /municipalities/{code}/abuse-reports': { body: { matchId: '00000000-0000-4000-8000-000000000000', category: 'other' } },
  'GET /municipalities/{code}/abuse-reports': {},
  'POST /municipalities/{code}/abuse-reports/{reportId}/handle': { body: { outcome: 'suspended' } },
  'POST /municipalities/{code}/matches/{matchId}/block': {},
  'GET /municipalities/{code}/me/blocks': {},
  'DELETE /municipalities/{code}/me/blocks/{personId}': {},
  'GET /municipalities/{code}/meetups': { query: '?mine=false' },
  'POST /municipalities/{code}/meetups': {
    body: {
      organisationId: B.organisationId,
      title: 'Indringerscafé',
      place: 'Ergens in Gorinchem',
      postcode: '4205',
      startsAt: '2027-01-10T14:00:00+01:00',
      endsAt: '2027-01-10T16:00:00+01:00',
      capacity: 10,
    },
  },
  'GET /municipalities/{code}/meetups/{meetupId}': {},
  'PATCH /municipalities/{code}/meetups/{meetupId}': { body: { notes: 'Overgenomen' } },
  'POST /municipalities/{code}/meetups/{meetupId}/cancel': {},
  'POST /municipalities/{code}/meetups/{meetupId}/signup': {},
  'DELETE /municipalities/{code}/meetups/{meetupId}/signup': {},
  'GET /municipalities/{code}/meetups/{meetupId}/signups': {},
  'PUT /municipalities/{code}/meetups/{meetupId}/attendance': { body: { attendance: [{ personId: B.resident.id, attended: true }] } },
  'GET /municipalities/{code}/meetups/{meetupId}/met-volunteers': {},
  'GET /municipalities/{code}/regional-pool': {},
  'PUT /municipalities/{code}/regional-pool': { body: { name: 'Indringerspool' } },
  'DELETE /municipalities/{code}/regional-pool': {},
  'POST /municipalities/{code}/regional-pool/members/{memberCode}/accept': {},
  'POST /municipalities/{code}/resident-files': { body: { residentPersonId: B.resident.id } },
  'GET /municipalities/{code}/resident-files': {},
  'GET /municipalities/{code}/me/resident-file': {},
  'GET /municipalities/{code}/resident-files/{fileId}': {},
  'PATCH /municipalities/{code}/resident-files/{fileId}': { body: { bsn: null } },
  'POST /municipalities/{code}/resident-files/{fileId}/participant-candidates': { body: { q: 'Pe' } },
  'POST /municipalities/{code}/resident-files/{fileId}/participants': { body: { personId: B.admin.id } },
  'DELETE /municipalities/{code}/resident-files/{fileId}/participants/{personId}': {},
  'POST /municipalities/{code}/resident-files/{fileId}/consents': {
    body: { recipient: { personId: B.admin.id }, scopes: ['identity'], purpose: 'Indringer', validUntil: '2027-01-01' },
  },
  'POST /municipalities/{code}/resident-files/{fileId}/consents/{consentId}/withdraw': {},
  'GET /municipalities/{code}/resident-files/{fileId}/access-log': {},
  'GET /municipalities/{code}/resident-files/{fileId}/plan': {},
  'PUT /municipalities/{code}/resident-files/{fileId}/plan': { body: { basedOnVersion: 1, reason: 'Indringer', goals: [], actions: [] } },
  'GET /municipalities/{code}/resident-files/{fileId}/plan/versions': {},
  'GET /municipalities/{code}/resident-files/{fileId}/plan/versions/{version}': {},
  'GET /municipalities/{code}/resident-files/{fileId}/plan/export.pdf': {},
  'GET /municipalities/{code}/household-settings': {},
  'PUT /municipalities/{code}/household-settings': { body: { fragmentationThreshold: 1, outcomeDomains: null } },
  'GET /municipalities/{code}/resident-files/{fileId}/network': {},
  'POST /municipalities/{code}/resident-files/{fileId}/network': { body: { circle: 'friends', name: 'Indringer', supportKinds: [], strength: 1 } },
  'PATCH /municipalities/{code}/resident-files/{fileId}/network/{memberId}': { body: { strength: 1 } },
  'DELETE /municipalities/{code}/resident-files/{fileId}/network/{memberId}': {},
  'POST /municipalities/{code}/resident-files/{fileId}/measurements': { body: { measuredOn: '2026-10-01', scores: [{ domain: 'finances', score: 5 }] } },
  'GET /municipalities/{code}/resident-files/{fileId}/measurements': {},
  'GET /municipalities/{code}/resident-files/{fileId}/outcomes/trend': {},
  'POST /municipalities/{code}/resident-files/{fileId}/voice': { body: { kind: 'wish', occasion: 'contact', body: 'Indringer' } },
  'GET /municipalities/{code}/resident-files/{fileId}/voice': {},
  'POST /municipalities/{code}/resident-files/{fileId}/voice/{entryId}/answer': { body: { answer: 'Indringer' } },
  'GET /municipalities/{code}/listening-overview': {},
  'GET /municipalities/{code}/persons/{personId}/involvement': { roleFirst: true },
  'GET /municipalities/{code}/resident-files/{fileId}/help-requests': {},
  'POST /municipalities/{code}/resident-files/{fileId}/help-requests': { body: { requestId: B.helpRequestId } },
  'GET /municipalities/{code}/resident-files/{fileId}/linkable-help-requests': {},
  'GET /municipalities/{code}/effect-prices': {},
  'GET /municipalities/{code}/effect-tariffs': {},
  'POST /municipalities/{code}/effect-tariffs': { body: { shortVar: 'homecare_household', price: 1, validFrom: '2024-01-01', source: 'Indringer' } },
  'POST /municipalities/{code}/effect-calculations/preview': { body: EFFECT_INPUT },
  'GET /municipalities/{code}/effect-calculations': {},
  'POST /municipalities/{code}/effect-calculations': { body: { input: EFFECT_INPUT } },
  'GET /municipalities/{code}/effect-calculations/{calculationId}': {},
  'PUT /municipalities/{code}/effect-calculations/{calculationId}': { body: { basedOnVersion: 1, reason: 'Indringer', input: EFFECT_INPUT } },
  'GET /municipalities/{code}/effect-calculations/{calculationId}/export.csv': {},
  'GET /municipalities/{code}/effect-calculations/{calculationId}/export.pdf': {},
  'GET /municipalities/{code}/dashboards/outcomes': {},
  'POST /municipalities/{code}/dashboards/refresh': {},
};

/** A rota and a network contact of municipality B, made in the test database (the demo data has none). */
const rotaOfB = 'f0000000-0000-4000-8000-000000051201';
const contactOfB = 'f1000000-0000-4000-8000-000000051201';
const reportOfB = 'f2000000-0000-4000-8000-000000051201';
/** A resident file of municipality B with a consent, a plan, a network member, a measurement and a wish. */
const fileOfB = 'f3000000-0000-4000-8000-000000051201';
const consentOfB = 'f4000000-0000-4000-8000-000000051201';
const networkMemberOfB = 'f5000000-0000-4000-8000-000000051201';
const voiceOfB = 'f6000000-0000-4000-8000-000000051201';
const measurementOfB = 'f7000000-0000-4000-8000-000000051201';
/** An effect calculation of municipality B with one version, and a tariff. */
const calculationOfB = 'f8000000-0000-4000-8000-000000051201';

/** A match of municipality B (from the demo data), looked up once the database is there. */
let matchOfB = '';

/** A meet-up of municipality B (Gorinchem's demo coffee morning). */
const MEETUP_OF_B = DEMO_MUNICIPALITIES[1]!.meetups[0]!.id;

/** Fills a route template with municipality B's code or A's, and B's resource ids. */
const fill = (template: string, code: string): string =>
  template
    .replace('{code}', code)
    .replace('{personId}', B.resident.id)
    .replace('{requestId}', B.helpRequestId)
    .replace('{matchId}', matchOfB)
    .replace('{rotaId}', rotaOfB)
    .replace('{contactId}', contactOfB)
    .replace('{reportId}', reportOfB)
    .replace('{meetupId}', MEETUP_OF_B)
    .replace('{fileId}', fileOfB)
    .replace('{consentId}', consentOfB)
    .replace('{memberId}', networkMemberOfB)
    .replace('{entryId}', voiceOfB)
    .replace('{calculationId}', calculationOfB)
    .replace('{version}', '1')
    .replace('{memberCode}', A.code);

/** Operations that belong to no municipality (the session, public settings, the demo outbox). */
const GLOBAL_ROUTES = new Set([
  'GET /health',
  'GET /config',
  'GET /municipalities',
  'GET /outbox',
  'GET /session',
  'POST /session',
  'DELETE /session',
  'PATCH /account',
  'POST /password-resets',
  'POST /password-resets/confirm',
]);

async function snapshotOfB(env: TestEnv): Promise<string> {
  const rows = await Promise.all(
    [
      sql`select * from persons where tenant_id = ${B.id} order by id`,
      sql`select * from role_assignments where tenant_id = ${B.id} order by person_id, role`,
      sql`select * from organisations where tenant_id = ${B.id} order by id`,
      sql`select * from help_requests where tenant_id = ${B.id} order by id`,
      sql`select * from help_request_addresses where tenant_id = ${B.id} order by request_id`,
      sql`select * from volunteer_profiles where tenant_id = ${B.id} order by person_id`,
      sql`select * from vog_records where tenant_id = ${B.id} order by id`,
      sql`select * from help_matches where tenant_id = ${B.id} order by id`,
      sql`select * from match_messages where tenant_id = ${B.id} order by id`,
      sql`select * from help_sessions where tenant_id = ${B.id} order by id`,
      sql`select * from help_rotas where tenant_id = ${B.id} order by id`,
      sql`select * from help_request_stalls where tenant_id = ${B.id} order by id`,
      sql`select * from help_request_network_contacts where tenant_id = ${B.id} order by id`,
      sql`select * from abuse_reports where tenant_id = ${B.id} order by id`,
      sql`select * from person_blocks where tenant_id = ${B.id} order by blocker_person_id, blocked_person_id`,
      sql`select * from notification_preferences where tenant_id = ${B.id} order by person_id`,
      sql`select * from notifications where tenant_id = ${B.id} order by id`,
      sql`select * from meetups where tenant_id = ${B.id} order by id`,
      sql`select * from meetup_signups where tenant_id = ${B.id} order by meetup_id, person_id`,
      sql`select * from regional_pool_members where tenant_id = ${B.id}`,
      sql`select * from regional_volunteers where tenant_id = ${B.id} or home_tenant_id = ${B.id} order by tenant_id, person_id`,
      sql`select * from resident_files where tenant_id = ${B.id} order by id`,
      sql`select * from household_members where tenant_id = ${B.id} order by id`,
      sql`select * from plan_participants where tenant_id = ${B.id} order by file_id, person_id`,
      sql`select * from consent_records where tenant_id = ${B.id} order by id`,
      sql`select * from household_plan_versions where tenant_id = ${B.id} order by file_id, version`,
      sql`select * from network_members where tenant_id = ${B.id} order by id`,
      sql`select * from outcome_measurements where tenant_id = ${B.id} order by id`,
      sql`select * from outcome_scores where tenant_id = ${B.id} order by measurement_id, domain`,
      sql`select * from goal_attainments where tenant_id = ${B.id} order by measurement_id, goal_id`,
      sql`select * from resident_voice_entries where tenant_id = ${B.id} order by id`,
      sql`select * from household_settings where tenant_id = ${B.id}`,
      sql`select * from plan_help_requests where tenant_id = ${B.id} order by file_id, request_id`,
      sql`select * from effect_tariffs where tenant_id = ${B.id} order by id`,
      sql`select * from effect_calculations where tenant_id = ${B.id} order by id`,
      sql`select * from effect_calculation_versions where tenant_id = ${B.id} order by calculation_id, version`,
      sql`select * from dashboard_cells where tenant_id = ${B.id} order by metric, dim, value, quarter, key`,
      sql`select * from dashboard_refreshes where tenant_id = ${B.id}`,
      sql`select seq, hash from audit_events where tenant_id = ${B.id} order by seq`,
      sql`select * from audit_chain_heads where tenant_id = ${B.id}`,
    ].map((q) => queryRows(env.database.db, q)),
  );
  return JSON.stringify(rows);
}

/** Strings that would betray B's personal data in a response. */
async function secretsOfB(env: TestEnv): Promise<string[]> {
  const rows = await queryRows<{ id: string; given_name: string; family_name: string; email: string | null }>(
    env.database.db,
    sql`select id, given_name, family_name, email from persons where tenant_id = ${B.id}`,
  );
  return [
    ...rows.flatMap((r) => [r.id, `${r.given_name} ${r.family_name}`, ...(r.email ? [r.email] : [])]),
    '111222333',
    'Huisgenoot van B',
    'Buurman van B',
    'Een wens van B',
    'Effectberekening van B',
    'Tarievenlijst van B',
  ];
}

describe('tenant isolation', () => {
  let env: TestEnv;
  let adminOfA: Agent;
  let operations: string[];

  beforeAll(async () => {
    env = await createTestEnv();
    adminOfA = await signedIn(env.app, A.admin.email);
    const [m] = await queryRows<{ id: string }>(env.database.db, sql`select id from help_matches where tenant_id = ${B.id} and state = 'confirmed' order by id limit 1`);
    matchOfB = m!.id;
    await env.database.db.execute(sql`insert into help_rotas (tenant_id, id, request_id, status, starts_on, proposed_by_person_id, approved_by_person_id, created_at, approved_at, updated_at)
      values (${B.id}, ${rotaOfB}, ${B.helpRequestId}, 'approved', '2026-11-09', ${B.admin.id}, ${B.admin.id}, now(), now(), now())`);
    await env.database.db.execute(sql`insert into help_request_network_contacts (tenant_id, id, request_id, name, relation, created_at, updated_at)
      values (${B.id}, ${contactOfB}, ${B.helpRequestId}, 'Buurvrouw', 'neighbour', now(), now())`);
    await env.database.db.execute(sql`insert into abuse_reports (tenant_id, id, reporter_person_id, subject_person_id, category, created_at)
      values (${B.id}, ${reportOfB}, ${B.resident.id}, ${B.admin.id}, 'other', now())`);
    await env.database.db.execute(sql`insert into resident_files (tenant_id, id, resident_person_id, bsn, coordinator_person_id, created_by_person_id, created_at, updated_at)
      values (${B.id}, ${fileOfB}, ${B.resident.id}, '111222333', ${B.admin.id}, ${B.admin.id}, now(), now())`);
    await env.database.db.execute(sql`insert into household_members (tenant_id, id, file_id, name, relation)
      values (${B.id}, gen_random_uuid(), ${fileOfB}, 'Huisgenoot van B', 'partner')`);
    await env.database.db.execute(sql`insert into plan_participants (tenant_id, file_id, person_id, added_by_person_id, added_at)
      values (${B.id}, ${fileOfB}, ${B.admin.id}, ${B.admin.id}, now())`);
    await env.database.db.execute(sql`insert into consent_records (tenant_id, id, file_id, recipient_person_id, scopes, purpose, valid_from, valid_until, recorded_by_person_id, recorded_at)
      values (${B.id}, ${consentOfB}, ${fileOfB}, ${B.admin.id}, '{plan}', 'Overleg', '2026-01-01', '2027-12-31', ${B.resident.id}, now())`);
    await env.database.db.execute(sql`insert into household_plan_versions (tenant_id, file_id, version, content, reason, author_person_id, created_at)
      values (${B.id}, ${fileOfB}, 1, '{"goals":[],"actions":[],"reviewDates":[],"domains":["finances"]}', 'Eerste plan', ${B.admin.id}, now())`);
    await env.database.db.execute(sql`insert into network_members (tenant_id, id, file_id, circle, name, strength, created_at, updated_at)
      values (${B.id}, ${networkMemberOfB}, ${fileOfB}, 'neighbours', 'Buurman van B', 2, now(), now())`);
    await env.database.db.execute(sql`insert into outcome_measurements (tenant_id, id, file_id, measured_on, source, plan_version, recorded_by_person_id, created_at)
      values (${B.id}, ${measurementOfB}, ${fileOfB}, '2026-10-01', 'professional', 1, ${B.admin.id}, now())`);
    await env.database.db.execute(sql`insert into outcome_scores (tenant_id, measurement_id, domain, score) values (${B.id}, ${measurementOfB}, 'finances', 2)`);
    await env.database.db.execute(sql`insert into resident_voice_entries (tenant_id, id, file_id, kind, occasion, body, recorded_by_person_id, created_at)
      values (${B.id}, ${voiceOfB}, ${fileOfB}, 'wish', 'contact', 'Een wens van B', ${B.resident.id}, now())`);
    await env.database.db.execute(sql`insert into effect_tariffs (tenant_id, id, short_var, price_cents, valid_from, source, created_by_person_id, created_at)
      values (${B.id}, gen_random_uuid(), 'homecare_household', 3900, '2024-01-01', 'Tarievenlijst van B', ${B.admin.id}, now())`);
    await env.database.db.execute(sql`insert into effect_calculations (tenant_id, id, scope, title, current_version, created_by_person_id, created_at, updated_at)
      values (${B.id}, ${calculationOfB}, 'programme', 'Effectberekening van B', 1, ${B.admin.id}, now(), now())`);
    await env.database.db.execute(sql`insert into effect_calculation_versions (tenant_id, calculation_id, version, input, reason, author_person_id, created_at)
      values (${B.id}, ${calculationOfB}, 1, '{"scope":"programme","title":"Effectberekening van B","priceYear":2024,"costs":[],"reference":[]}', 'Eerste versie', ${B.admin.id}, now())`);
    const doc = (await (await env.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/^\/api/, "")}`));
  });
  afterAll(() => env.close());

  it('has a case for every API operation', () => {
    const uncovered = operations.filter((op) => !(op in TENANT_ROUTES) && !GLOBAL_ROUTES.has(op));
    expect(uncovered, 'add these operations to TENANT_ROUTES or GLOBAL_ROUTES').toEqual([]);
    expect(Object.keys(TENANT_ROUTES).filter((op) => !operations.includes(op)), 'stale cases').toEqual([]);
  });

  it("refuses every route of municipality B to A's administrator and changes nothing of B", async () => {
    const before = await snapshotOfB(env);
    const secrets = await secretsOfB(env);
    for (const [op, c] of Object.entries(TENANT_ROUTES)) {
      const [method, template] = op.split(' ') as [string, string];
      const path = `/api${fill(template, B.code)}${c.query ?? ''}`;
      const res = await adminOfA.request(method, path, c.body);
      const text = await res.text();
      expect(res.status, op).toBe(403);
      for (const s of secrets) expect(text, `${op} leaks data of B`).not.toContain(s);
    }
    expect(await snapshotOfB(env)).toBe(before);
  });

  it("answers 404 when A's administrator names a resource of B inside municipality A", async () => {
    const before = await snapshotOfB(env);
    const secrets = await secretsOfB(env);
    const withPerson = Object.entries(TENANT_ROUTES).filter(([op]) => /\{(personId|requestId|matchId|rotaId|contactId|meetupId|reportId|fileId|consentId|memberId|entryId|calculationId)\}/.test(op));
    expect(withPerson.length).toBeGreaterThan(0);
    for (const [op, c] of withPerson) {
      const [method, template] = op.split(' ') as [string, string];
      const res = await adminOfA.request(method, `/api${fill(template, A.code)}`, c.body);
      const text = await res.text();
      expect(res.status, op).toBe(c.roleFirst ? 403 : 404);
      for (const s of secrets) expect(text, `${op} leaks data of B`).not.toContain(s);
    }
    expect(await snapshotOfB(env)).toBe(before);
  });

  it('shows nobody of B in the person search of A', async () => {
    const res = await adminOfA.get(`/api/municipalities/${A.code}/persons?limit=100`);
    const body = (await res.json()) as { items: Array<{ id: string }>; total: number };
    const idsOfB = new Set((await secretsOfB(env)).filter((s) => /^[0-9a-f-]{36}$/.test(s)));
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.filter((p) => idsOfB.has(p.id))).toEqual([]);
  });
});

describe('row-level security, the second wall', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it("hides B's rows from a query in A's scope that forgets its tenant filter", async () => {
    const rows = await inTenant(env.database.db, A.id, (tx) => tx.select({ tenantId: persons.tenantId }).from(persons));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenantId === A.id)).toBe(true);
  });

  it("refuses to write a row of B from A's scope", async () => {
    await expect(
      inTenant(env.database.db, A.id, (tx) =>
        tx.execute(sql`insert into persons (tenant_id, id, given_name, family_name, created_at, updated_at)
                       values (${B.id}, gen_random_uuid(), 'X', 'Y', now(), now())`),
      ),
    ).rejects.toThrow();
    const changed = await inTenant(env.database.db, A.id, (tx) =>
      tx.execute(sql`update persons set given_name = 'Z' where tenant_id = ${B.id}`),
    );
    expect((changed as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (changed as unknown as { affectedRows?: number }).affectedRows).toBe(0);
    const [row] = await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from persons where tenant_id = ${B.id} and given_name = 'Z'`);
    expect(row?.n).toBe(0);
  });

  it('guards every table with a tenant_id by a tenant policy', async () => {
    const rows = await queryRows<{ table: string; rls: boolean; policies: number }>(
      env.database.db,
      sql`select c.relname as table, c.relrowsecurity as rls,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
          order by 1`,
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !r.rls || r.policies !== 1)).toEqual([]);
  });

  it('shows nothing at all without a municipality set', async () => {
    const rows = await env.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'samenspel_app', true)`);
      return tx.select().from(persons);
    });
    expect(rows).toEqual([]);
  });
});

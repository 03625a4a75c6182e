/**
 * The outcome dashboards through the API (issue 6): figures agree with the
 * records they are counted from; no published cell rests on fewer than ten
 * residents; a group of nine is never shown, neither directly nor as the
 * difference of two views; roles, filters and bad input are handled.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { generateHistory } from '../server/demo/history';
import { areasOf } from '../server/modules/geo/pc4';
import { listCategories } from '../server/modules/neighbour-help/neighbour-help.repository';
import { DEMO_MUNICIPALITIES } from '../server/demo/demo-data';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}/dashboards`;
const baseB = `/api/municipalities/${B.code}/dashboards`;

interface Dashboard {
  minimumGroup: number;
  refreshedAt: string | null;
  filters: { from: string; to: string; pc4: string | null; category: string | null; organisation: string | null };
  applies: { requests: boolean; plans: boolean; meetups: boolean };
  requests: { total: number | null; outcomes: Array<{ key: string; n: number | null; share: number | null }>; stalledShare: number | null };
  timeToHelp: { n: number | null; meanDays: number | null };
  domains: Array<{ domain: string; n: number | null; meanChange: number | null }>;
  goals: { n: number | null };
  satisfaction: { n: number | null; mean: number | null };
  roles: Array<{ role: string; households: number | null; actionsDone: number | null }>;
  trend: Array<{ quarter: string; requests: number | null }>;
  areas: Array<{ pc4: string; requests: number | null }>;
  options: { quarters: string[]; areas: Array<{ pc4: string }>; categories: Array<{ code: string }>; organisations: Array<{ id: string }>; organisationChoice: boolean };
}
interface Problem {
  code: string;
  invalidParams?: Array<{ name: string }>;
}

const dordrecht = DEMO_MUNICIPALITIES.find((m) => m.cbsCode === A.code)!;

async function dashboard(agent: Agent, query = '', b = base): Promise<Dashboard> {
  const res = await agent.get(`${b}/outcomes${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Dashboard;
}

describe('outcome dashboards', () => {
  let env: TestEnv;
  let policy: Agent;
  let admin: Agent;
  let professional: Agent;
  let worker: Agent;
  let resident: Agent;
  let adminB: Agent;
  const period = '?from=2022-Q1&to=2030-Q4';

  beforeAll(async () => {
    env = await createTestEnv();
    const categories = await listCategories(env.database.db, A.id);
    await generateHistory(env.database.db, {
      tenantId: A.id,
      seed: 'dashboards-test',
      residents: 1500,
      fileShare: 0.5,
      maxMeasurements: 4,
      quarters: 4,
      now: env.clock.now,
      areas: areasOf(dordrecht.name).map((a) => a.pc4).slice(0, 4),
      categoryIds: categories.map((c) => c.id).slice(0, 3),
      coordinators: [
        { personId: A.socialWorker.id, organisationId: null },
        { personId: A.professional.id, organisationId: A.organisationId },
      ],
      meetupOrganisations: [{ organisationId: A.organisationId, createdByPersonId: A.professional.id }],
      domains: ['finances', 'social_network'],
    });
    policy = await signedIn(env.app, A.policyOfficer.email);
    admin = await signedIn(env.app, A.admin.email);
    professional = await signedIn(env.app, A.professional.email);
    worker = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    adminB = await signedIn(env.app, B.admin.email);
  });
  afterAll(() => env.close());

  it('has no figures before the first count, then counts on request', async () => {
    const before = await dashboard(policy, period);
    expect(before.refreshedAt).toBeNull();
    expect(before.requests.total).toBeNull();
    const res = await policy.post(`${base}/refresh`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { cells: number }).cells).toBeGreaterThan(0);
    const after = await dashboard(policy, period);
    expect(after.refreshedAt).not.toBeNull();
    expect(after.requests.total).toBeGreaterThan(1000);
  });

  it('adds up exactly the groups of ten or more residents of the records', async () => {
    // An oracle straight from the records: requests per quarter and outcome, groups under ten left out.
    const rows = await queryRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from help_requests r
           left join (select request_id, bool_or(outcome = 'network') network from help_request_stalls group by request_id) s on s.request_id = r.id
          where r.tenant_id = ${A.id}
          group by date_trunc('quarter', r.created_at at time zone 'Europe/Amsterdam'),
                   case when r.status = 'referred' then 'referred' when r.matched_at is not null or s.network then 'informal'
                        when r.status in ('closed', 'cancelled') then 'ended' else 'open' end
         having count(distinct r.resident_person_id) >= 10`,
    );
    const expected = rows.reduce((s, r) => s + r.n, 0);
    const d = await dashboard(policy, period);
    expect(d.requests.total).toBe(expected);
    const outcomes = d.requests.outcomes.reduce((s, o) => s + (o.n ?? 0), 0);
    expect(outcomes).toBe(expected);
    expect(d.trend.reduce((s, t) => s + (t.requests ?? 0), 0)).toBe(expected);
    // Plans too: the synthetic plans have measurements, goals, marks and done actions.
    expect(d.domains.find((x) => x.domain === 'finances')?.n).toBeGreaterThan(0);
    expect(d.goals.n).toBeGreaterThan(0);
    expect(d.satisfaction.mean).toBeGreaterThan(0);
    expect(d.roles.find((r) => r.role === 'resident')?.actionsDone).toBeGreaterThan(0);
    expect(d.roles.find((r) => r.role === 'network')?.households).toBeGreaterThan(0);
  });

  it('publishes no cell under ten residents, and what is held back adds up to none or ten or more', async () => {
    const small = await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from dashboard_cells where published and residents < 10`);
    expect(small[0]!.n).toBe(0);
    const held = await queryRows<{ held: number; cells: number; published: number }>(
      env.database.db,
      sql`select sum(residents) filter (where not published)::int as held, count(*)::int as cells, count(*) filter (where published)::int as published
            from dashboard_cells where dim <> 'total' group by tenant_id, metric, quarter, dim, key`,
    );
    expect(held.length).toBeGreaterThan(0);
    for (const t of held) {
      const ok = t.held === null || t.held >= 10 || t.published === 0;
      expect(ok, JSON.stringify(t)).toBe(true);
    }
  });

  it('never lets a difference of two views show a group under ten', async () => {
    const total = await dashboard(policy, period);
    for (const dim of ['pc4', 'category'] as const) {
      const values = dim === 'pc4' ? total.options.areas.map((a) => a.pc4) : total.options.categories.map((c) => c.code);
      const parts = await Promise.all(values.map((v) => dashboard(policy, `${period}&${dim}=${v}`)));
      for (const key of ['informal', 'referred', 'ended', 'open']) {
        const whole = total.requests.outcomes.find((o) => o.key === key)?.n ?? 0;
        const shown = parts.reduce((s, p) => s + (p.requests.outcomes.find((o) => o.key === key)?.n ?? 0), 0);
        const difference = whole - shown;
        expect(difference === 0 || difference >= 10, `${dim} ${key}: ${whole} - ${shown}`).toBe(true);
      }
    }
  });

  it('never shows a group of nine, not even by subtracting two filters', async () => {
    // Municipality B: one area with 9 residents, one with 30, same quarter and category, in a
    // quarter with no other requests of B.
    const [category] = await listCategories(env.database.db, B.id);
    const [small, large] = areasOf(DEMO_MUNICIPALITIES.find((m) => m.cbsCode === B.code)!.name).map((a) => a.pc4);
    const at = new Date('2026-04-15T10:00:00Z');
    const q2 = '?from=2026-Q2&to=2026-Q2';
    for (const [area, count] of [[small!, 9], [large!, 30]] as const) {
      for (let i = 0; i < count; i++) {
        await env.database.db.execute(sql`with p as (
            insert into persons (tenant_id, id, given_name, family_name, created_at, updated_at)
            values (${B.id}, gen_random_uuid(), 'Test', 'Negen', ${at}, ${at}) returning id)
          insert into help_requests (tenant_id, id, resident_person_id, created_by_person_id, category_id, description, schedule, day_parts,
                                     duration_minutes, pc4, status, created_at, updated_at, matched_at, closed_at)
          select ${B.id}, gen_random_uuid(), p.id, p.id, ${category!.id}, 'Synthetisch', 'weekly', 31, 60, ${area}, 'closed', ${at}, ${at}, ${at}, ${at} from p`);
      }
    }
    const res = await adminB.post(`${baseB}/refresh`);
    expect(res.status).toBe(200);
    const whole = await dashboard(adminB, q2, baseB);
    const ofSmall = await dashboard(adminB, `${q2}&pc4=${small}`, baseB);
    const ofLarge = await dashboard(adminB, `${q2}&pc4=${large}`, baseB);
    expect(whole.requests.total).toBe(39);
    expect(ofSmall.requests.total).toBeNull();
    // Showing the 30 would give away the 9 as the difference with the whole: held back too.
    expect(ofLarge.requests.total).toBeNull();
    expect(whole.areas.every((a) => a.requests === null)).toBe(true);
    // Nothing of B reaches A's view, and A's cells are A's.
    const ofA = await dashboard(policy, period);
    expect(ofA.options.areas.map((a) => a.pc4)).not.toContain(small);
  });

  it('lets a professional see only the plans of their own organisation', async () => {
    const own = await dashboard(professional, period);
    expect(own.filters.organisation).toBe(A.organisationId);
    expect(own.options.organisationChoice).toBe(false);
    expect(own.applies.requests).toBe(false);
    expect(own.requests.total).toBeNull();
    expect(own.satisfaction.n).toBeGreaterThan(0);
    const all = await dashboard(policy, period);
    expect(own.satisfaction.n!).toBeLessThan(all.satisfaction.n!);
    const viaFilter = await dashboard(policy, `${period}&organisation=${A.organisationId}`);
    expect(viaFilter.satisfaction).toEqual(own.satisfaction);
    const other = dordrecht.organisations[1]!.id;
    expect((await professional.get(`${base}/outcomes?organisation=${other}`)).status).toBe(403);
    expect((await professional.get(`${base}/outcomes?pc4=3311`)).status).toBe(400);
  });

  it('refuses residents, social workers and other municipalities', async () => {
    expect((await resident.get(`${base}/outcomes`)).status).toBe(403);
    expect((await worker.get(`${base}/outcomes`)).status).toBe(403);
    expect((await worker.post(`${base}/refresh`)).status).toBe(403);
    expect((await professional.post(`${base}/refresh`)).status).toBe(403);
    expect((await adminB.get(`${base}/outcomes`)).status).toBe(403);
    expect((await admin.get(`${base}/outcomes`)).status).toBe(200);
  });

  it('answers bad filters with problem+json naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['?from=2026-Q5', 'from'],
      ['?from=2026-Q3&to=2026-Q1', 'to'],
      ['?from=2000-Q1&to=2026-Q1', 'from'],
      ['?pc4=12', 'pc4'],
      ['?category=unknown', 'category'],
      ['?organisation=6f1c1d52-0000-4000-8000-000000000000', 'organisation'],
      ['?pc4=3311&category=company', 'category'],
      ['?colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const res = await policy.get(`${base}/outcomes${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as Problem;
      expect(problem.invalidParams?.map((p) => p.name), query).toContain(field);
    }
  });

  it('audits every view and every count, without a person in them', async () => {
    const rows = await queryRows<{ action: string; subject: string | null }>(
      env.database.db,
      sql`select action, subject_person_id as subject from audit_events where tenant_id = ${A.id} and action like 'dashboard.%'`,
    );
    expect(rows.some((r) => r.action === 'dashboard.read')).toBe(true);
    expect(rows.some((r) => r.action === 'dashboard.refresh')).toBe(true);
    expect(rows.every((r) => r.subject === null)).toBe(true);
  });
});

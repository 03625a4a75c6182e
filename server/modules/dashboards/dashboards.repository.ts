/**
 * The SQL of the outcome dashboards (ADR 0009): recomputing one
 * municipality's cells from the records, and adding up the published cells
 * a view asks for.
 *
 * Each metric is a query of facts, one row per record counted, with its
 * quarter, postcode area, help category, organisation, key, resident, value
 * and an extra value. The facts are counted into one-way tables with
 * GROUPING SETS; suppression (dashboards.suppression.ts) then decides which
 * cells are published.
 *
 * Quarters and dates are taken in Europe/Amsterdam. The area of a household
 * plan is the postcode area of the resident's latest help request ('' when
 * they never asked for neighbour help); its organisation is the
 * coordinator's organisation ('' for the municipality's own team).
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgArray, queryRows, type Queryable } from '../../db/client';

/** The suppression threshold: no figure rests on a group of fewer residents than this. */
export const MIN_RESIDENTS = 10;

export const METRICS = [
  'request_outcome',
  'request_stalled',
  'time_to_help',
  'domain_change',
  'goal_attainment',
  'fragmentation',
  'meetup_reach',
  'satisfaction',
  'role_contribution',
] as const;
export type Metric = (typeof METRICS)[number];

const quarterOf = (expr: SQL) => sql`date_trunc('quarter', ${expr})::date`;
const local = (col: SQL) => sql`(${col} at time zone 'Europe/Amsterdam')`;

/** The file's area and organisation, as the household metrics use them. */
/**
 * Each plan's area and organisation, looked up once per refresh into a
 * temporary table (dropped at commit) instead of twice per fact row: at a
 * million plans the per-row lookups were about half of the refresh.
 */
const FILE_DIMS = sql.raw('dashboard_file_dims');

async function prepareFileDims(q: Queryable, tenantId: string): Promise<void> {
  await q.execute(sql`drop table if exists ${FILE_DIMS}`);
  await q.execute(sql`create temporary table ${FILE_DIMS} on commit drop as
    select f.id as file_id, coalesce(lr.pc4, '') as pc4, coalesce(co.organisation, '') as organisation
      from resident_files f
      left join (select distinct on (r.resident_person_id) r.resident_person_id, r.pc4
                   from help_requests r where r.tenant_id = ${tenantId}
                  order by r.resident_person_id, r.created_at desc) lr on lr.resident_person_id = f.resident_person_id
      left join (select distinct on (ra.person_id) ra.person_id, ra.organisation_id::text as organisation
                   from role_assignments ra where ra.tenant_id = ${tenantId} and ra.organisation_id is not null
                  order by ra.person_id, ra.role) co on co.person_id = f.coordinator_person_id
     where f.tenant_id = ${tenantId}`);
  await q.execute(sql`create unique index on ${FILE_DIMS} (file_id)`);
  await q.execute(sql`analyze ${FILE_DIMS}`);
}

/**
 * Facts of the request metrics: one row per help request (`r`), with its
 * category (`c`) and its stalls (`s`: request_id, network), in the quarter it
 * was posted. `key`, `value` and `where` are the metric's own.
 */
function requestFacts(tenantId: string, m: { key: SQL; value?: SQL; where?: SQL }): SQL {
  return sql`
    select ${quarterOf(local(sql`r.created_at`))} as quarter, r.pc4, c.code as category, null::text as organisation,
           ${m.key} as key, r.resident_person_id as resident, ${m.value ?? sql`null::float8`} as v, null::float8 as extra
      from help_requests r
      join help_categories c on c.tenant_id = r.tenant_id and c.id = r.category_id
      left join (${stallsPerRequest(tenantId)}) s on s.request_id = r.id
     where r.tenant_id = ${tenantId} ${m.where ? sql`and ${m.where}` : sql``}`;
}

/** Joins a plan's dims (alias `dims`) to a row that has the plan as `f`. */
const withFileDims = sql`join ${FILE_DIMS} dims on dims.file_id = f.id`;

type Dim = 'pc4' | 'category' | 'organisation';

/** Per request that ever stalled: whether the resident's own network took it on. */
const stallsPerRequest = (tenantId: string) =>
  sql`select st.request_id, bool_or(st.outcome = 'network') as network
        from help_request_stalls st where st.tenant_id = ${tenantId} group by st.request_id`;

/** Columns of a facts query: quarter, pc4, category, organisation, key, resident, v, extra. */
interface MetricFacts {
  metric: Metric;
  dims: Dim[];
  facts: SQL;
}

function metricFacts(tenantId: string, today: string): MetricFacts[] {
  const requestDims: Dim[] = ['pc4', 'category'];
  const planDims: Dim[] = ['pc4', 'organisation'];
  return [
    {
      // Each request by how it ended (or not yet): helped informally (a confirmed match, or the
      // resident's own network after a stall), referred to formal support, ended otherwise, open.
      metric: 'request_outcome',
      dims: requestDims,
      facts: requestFacts(tenantId, {
        key: sql`case when r.status = 'referred' then 'referred'
                      when r.matched_at is not null or s.network then 'informal'
                      when r.status in ('closed', 'cancelled') then 'ended'
                      else 'open' end`,
      }),
    },
    {
      // Whether a request ever stalled (landed with the coach).
      metric: 'request_stalled',
      dims: requestDims,
      facts: requestFacts(tenantId, { key: sql`case when s.request_id is not null then 'yes' else 'no' end` }),
    },
    {
      // Requests that got a confirmed match: days from posting to the match; key: within 14 days.
      metric: 'time_to_help',
      dims: requestDims,
      facts: requestFacts(tenantId, {
        key: sql`case when r.matched_at - r.created_at <= interval '14 days' then 'yes' else 'no' end`,
        value: sql`extract(epoch from (r.matched_at - r.created_at))::float8 / 86400.0`,
        where: sql`r.matched_at is not null`,
      }),
    },
    {
      // Per plan and life domain with two or more professional measurements: last score minus
      // first, in the quarter of the last one; key: the domain and whether it improved.
      metric: 'domain_change',
      dims: planDims,
      facts: sql`
        with s as (
          select m.file_id, sc.domain, m.measured_on, sc.score,
                 row_number() over (partition by m.file_id, sc.domain order by m.measured_on, m.created_at, m.id) as first_rank,
                 row_number() over (partition by m.file_id, sc.domain order by m.measured_on desc, m.created_at desc, m.id desc) as last_rank
            from outcome_measurements m
            join outcome_scores sc on sc.tenant_id = m.tenant_id and sc.measurement_id = m.id
           where m.tenant_id = ${tenantId} and m.source = 'professional'),
        d as (
          select file_id, domain,
                 max(score) filter (where last_rank = 1) - max(score) filter (where first_rank = 1) as change,
                 max(measured_on) filter (where last_rank = 1) as last_on
            from s group by file_id, domain having count(*) >= 2)
        select ${quarterOf(sql`d.last_on`)} as quarter, dims.pc4, null::text as category, dims.organisation,
               d.domain || case when d.change > 0 then ':yes' else ':no' end as key,
               f.resident_person_id as resident, d.change::float8 as v, null::float8 as extra
          from d
          join resident_files f on f.tenant_id = ${tenantId} and f.id = d.file_id
          ${withFileDims}`,
    },
    {
      // Per goal its latest attainment (-2 .. +2); key: reached as expected or better (>= 0).
      metric: 'goal_attainment',
      dims: planDims,
      facts: sql`
        with g as (
          select distinct on (m.file_id, ga.goal_id) m.file_id, ga.attainment, m.measured_on
            from goal_attainments ga
            join outcome_measurements m on m.tenant_id = ga.tenant_id and m.id = ga.measurement_id
           where ga.tenant_id = ${tenantId}
           order by m.file_id, ga.goal_id, m.measured_on desc, m.created_at desc, m.id desc)
        select ${quarterOf(sql`g.measured_on`)} as quarter, dims.pc4, null::text as category, dims.organisation,
               case when g.attainment >= 0 then 'yes' else 'no' end as key,
               f.resident_person_id as resident, g.attainment::float8 as v, null::float8 as extra
          from g
          join resident_files f on f.tenant_id = ${tenantId} and f.id = g.file_id
          ${withFileDims}`,
    },
    {
      // Per plan, today: distinct professionals and organisations involved in the last 12 months
      // (network map and people on the plan, as on the plan page); key: above the threshold.
      metric: 'fragmentation',
      dims: planDims,
      facts: sql`
        -- Materialized: inlined, the per-plan count below ran twice per plan (once for the key,
        -- once for v); at a million plans 107 s became 94 s (BENCHMARKS.md, dashboards).
        with involved as materialized (
          select f.resident_person_id, (
                   select count(distinct k) from (
                     select case when nm.circle = 'professionals' then 'p:' || coalesce(nm.person_id::text, lower(btrim(nm.name)))
                                 else 'o:' || coalesce(nm.organisation_id::text, lower(btrim(nm.name))) end as k
                       from network_members nm
                      where nm.tenant_id = f.tenant_id and nm.file_id = f.id and nm.circle in ('professionals', 'organisations')
                        and (nm.involved_until is null or nm.involved_until >= ${today}::date - interval '12 months')
                        and (nm.involved_since is null or nm.involved_since <= ${today}::date)
                     union all
                     select 'o:' || nm.organisation_id::text
                       from network_members nm
                      where nm.tenant_id = f.tenant_id and nm.file_id = f.id and nm.circle = 'professionals' and nm.organisation_id is not null
                        and (nm.involved_until is null or nm.involved_until >= ${today}::date - interval '12 months')
                     union all
                     select v.k from plan_participants pp
                      cross join lateral (values ('p:' || pp.person_id::text), ('o:' || pp.organisation_id::text)) v(k)
                      where pp.tenant_id = f.tenant_id and pp.file_id = f.id and v.k is not null
                        and exists (select 1 from role_assignments ra where ra.tenant_id = pp.tenant_id and ra.person_id = pp.person_id and ra.role = 'professional')
                        and (pp.removed_at is null or pp.removed_at >= ${today}::date - interval '12 months')) u) as total,
                 coalesce((select hs.fragmentation_threshold from household_settings hs where hs.tenant_id = f.tenant_id), 5) as threshold,
                 dims.pc4, dims.organisation
            from resident_files f
            ${withFileDims}
           where f.tenant_id = ${tenantId})
        select ${quarterOf(sql`${today}::date`)} as quarter, pc4, null::text as category, organisation,
               case when total > threshold then 'yes' else 'no' end as key,
               resident_person_id as resident, total::float8 as v, null::float8 as extra
          from involved`,
    },
    {
      // Every attendance at a meet-up; residents: distinct people present.
      metric: 'meetup_reach',
      dims: planDims,
      facts: sql`
        select ${quarterOf(local(sql`u.starts_at`))} as quarter, u.pc4, null::text as category, u.organisation_id::text as organisation,
               '' as key, g.person_id as resident, null::float8 as v, null::float8 as extra
          from meetup_signups g
          join meetups u on u.tenant_id = g.tenant_id and u.id = g.meetup_id
         where g.tenant_id = ${tenantId} and g.attended and u.cancelled_at is null`,
    },
    {
      // The resident's own mark (1-10) for their situation; key: 7 or higher.
      metric: 'satisfaction',
      dims: planDims,
      facts: sql`
        select ${quarterOf(sql`m.measured_on`)} as quarter, dims.pc4, null::text as category, dims.organisation,
               case when m.resident_score >= 7 then 'yes' else 'no' end as key,
               f.resident_person_id as resident, m.resident_score::float8 as v, null::float8 as extra
          from outcome_measurements m
          join resident_files f on f.tenant_id = m.tenant_id and f.id = m.file_id
          ${withFileDims}
         where m.tenant_id = ${tenantId} and m.resident_score is not null`,
    },
    {
      // What each role added: per plan and role, the actions done in the current plan version
      // (v) and the distinct goals they served (extra), in the quarter of the last one done.
      metric: 'role_contribution',
      dims: planDims,
      facts: sql`
        with cur as (
          select distinct on (v.file_id) v.file_id, v.content
            from household_plan_versions v
           where v.tenant_id = ${tenantId}
           order by v.file_id, v.version desc),
        a as (
          select cur.file_id, (act->>'doneOn')::date as done_on, act->>'goalId' as goal_id,
                 act->'who'->>'personId' as person_id, act->'who'->>'helperName' as helper,
                 -- As a uuid, so the role look-ups below use role_assignments' primary key
                 -- (comparing ra.person_id::text scanned all of the municipality's roles per action).
                 case when act->'who'->>'personId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                      then (act->'who'->>'personId')::uuid end as person_uuid
            from cur cross join lateral jsonb_array_elements(coalesce(cur.content->'actions', '[]'::jsonb)) act
           where act->>'doneOn' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        r as (
          select a.*, f.resident_person_id,
                 case when a.helper is not null then 'network'
                      when a.person_id = f.resident_person_id::text then 'resident'
                      when a.person_id = f.coordinator_person_id::text then 'coordinator'
                      when exists (select 1 from role_assignments ra where ra.tenant_id = f.tenant_id and ra.person_id = a.person_uuid and ra.role = 'professional') then 'professional'
                      when exists (select 1 from role_assignments ra where ra.tenant_id = f.tenant_id and ra.person_id = a.person_uuid and ra.role = 'social_worker') then 'social_worker'
                      when exists (select 1 from role_assignments ra where ra.tenant_id = f.tenant_id and ra.person_id = a.person_uuid and ra.role = 'volunteer') then 'volunteer'
                      else 'other' end as role
            from a join resident_files f on f.tenant_id = ${tenantId} and f.id = a.file_id),
        per as (
          select file_id, resident_person_id, role, count(*) as done, count(distinct goal_id) as goals, max(done_on) as last_on
            from r group by file_id, resident_person_id, role)
        select ${quarterOf(sql`per.last_on`)} as quarter, dims.pc4, null::text as category, dims.organisation,
               per.role as key, per.resident_person_id as resident, per.done::float8 as v, per.goals::float8 as extra
          from per
          join resident_files f on f.tenant_id = ${tenantId} and f.id = per.file_id
          ${withFileDims}`,
    },
  ];
}

/** Counts a metric's facts into its one-way tables (published decided afterwards). */
function countFacts(tenantId: string, m: MetricFacts): SQL {
  const sets = [sql`(quarter, key)`, ...m.dims.map((d) => sql`(quarter, ${sql.raw(d)}, key)`)];
  const dimOf = sql.join(
    m.dims.map((d) => sql`when grouping(${sql.raw(d)}) = 0 then ${d}`),
    sql` `,
  );
  const valueOf = sql.join(
    m.dims.map((d) => sql`when grouping(${sql.raw(d)}) = 0 then coalesce(${sql.raw(d)}, '')`),
    sql` `,
  );
  return sql`insert into dashboard_cells
      (tenant_id, metric, quarter, dim, value, key, residents, n, value_sum, value_n, extra_sum, published)
    select ${tenantId}, ${m.metric}, quarter,
           case ${dimOf} else 'total' end,
           case ${valueOf} else '' end,
           key, count(distinct resident), count(*), coalesce(sum(v), 0), count(v), coalesce(sum(extra), 0),
           count(distinct resident) >= ${MIN_RESIDENTS}
      from (${m.facts}) facts
     group by grouping sets (${sql.join(sets, sql`, `)})`;
}

export interface CellSize {
  metric: string;
  quarter: string;
  dim: string;
  value: string;
  key: string;
  residents: number;
  published: boolean;
}

/**
 * Replaces the municipality's cells with freshly counted ones, then lets
 * `holdBack` choose the further cells to hold back; returns the cell count.
 * `onMetric` hears how long each metric took (the benchmark uses it).
 */
export async function recomputeCells(
  q: Queryable,
  tenantId: string,
  today: string,
  holdBack: (cells: CellSize[]) => CellSize[],
  onMetric?: (metric: Metric, ms: number) => void,
): Promise<number> {
  await q.execute(sql`delete from dashboard_cells where tenant_id = ${tenantId}`);
  // Sorts of a million rows stay in memory (the default 4 MB spilled to disk).
  await q.execute(sql`set local work_mem = '64MB'`);
  await prepareFileDims(q, tenantId);
  for (const m of metricFacts(tenantId, today)) {
    const started = performance.now();
    await q.execute(countFacts(tenantId, m));
    onMetric?.(m.metric, performance.now() - started);
  }
  // Only the tables with something held back can need more: read just those.
  const cells = await queryRows<CellSize & { quarter: string | Date }>(
    q,
    sql`select c.metric, c.quarter::text as quarter, c.dim, c.value, c.key, c.residents, c.published
          from dashboard_cells c
         where c.tenant_id = ${tenantId} and c.dim <> 'total'
           and exists (select 1 from dashboard_cells h
                        where h.tenant_id = c.tenant_id and h.metric = c.metric and h.dim = c.dim
                          and h.quarter = c.quarter and h.key = c.key and not h.published)`,
  );
  const more = holdBack(cells.map((c) => ({ ...c, quarter: String(c.quarter).slice(0, 10) })));
  if (more.length > 0) {
    await q.execute(sql`update dashboard_cells c set published = false
      from (select * from unnest(${pgArray(more.map((c) => c.metric))}::text[], ${pgArray(more.map((c) => c.quarter))}::date[], ${pgArray(more.map((c) => c.dim))}::text[],
                                 ${pgArray(more.map((c) => c.value))}::text[], ${pgArray(more.map((c) => c.key))}::text[]) as u(metric, quarter, dim, value, key)) u
     where c.tenant_id = ${tenantId} and c.metric = u.metric and c.quarter = u.quarter and c.dim = u.dim and c.value = u.value and c.key = u.key`);
  }
  const [row] = await queryRows<{ cells: number }>(q, sql`select count(*)::int as cells from dashboard_cells where tenant_id = ${tenantId}`);
  return row?.cells ?? 0;
}

export async function recordRefresh(q: Queryable, tenantId: string, at: Date, durationMs: number, cells: number): Promise<void> {
  await q.execute(sql`insert into dashboard_refreshes (tenant_id, refreshed_at, duration_ms, cells)
    values (${tenantId}, ${at}, ${durationMs}, ${cells})
    on conflict (tenant_id) do update set refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms, cells = excluded.cells`);
}

export async function lastRefresh(q: Queryable, tenantId: string): Promise<{ refreshedAt: Date; cells: number } | null> {
  const [row] = await queryRows<{ refreshed_at: Date | string; cells: number }>(
    q,
    sql`select refreshed_at, cells from dashboard_refreshes where tenant_id = ${tenantId}`,
  );
  return row ? { refreshedAt: new Date(row.refreshed_at), cells: row.cells } : null;
}

/** One table of a view: the total, or one value of one dimension. */
export interface CellFilter {
  fromQuarter: string;
  toQuarter: string;
  dim: 'total' | Dim;
  value: string;
  /** Total view only: the metrics to sum per area as well (the map's). */
  areaMetrics?: readonly Metric[];
}

/** Summed published cells, by metric and key, in total, per quarter, and (total view only) per area. */
export interface SumRow {
  metric: Metric;
  key: string;
  /** null: summed over quarters. */
  quarter: string | null;
  /** null: not split by area. */
  pc4: string | null;
  n: number;
  value_sum: number;
  value_n: number;
  extra_sum: number;
}

/**
 * Published cells of the filter's table, summed; for the total view also the areas of
 * `areaMetrics` (for the map). Only those: all metrics per area were ~16,000 rows for a
 * region of 539 areas, most of the time of a total view (BENCHMARKS.md, dashboards).
 */
export async function sumPublishedCells(q: Queryable, tenantId: string, f: CellFilter): Promise<SumRow[]> {
  const period = sql`tenant_id = ${tenantId} and published and quarter >= ${f.fromQuarter}::date and quarter <= ${f.toQuarter}::date`;
  const sums = sql`sum(n)::int as n, sum(value_sum)::float8 as value_sum, sum(value_n)::int as value_n, sum(extra_sum)::float8 as extra_sum`;
  const rows = await queryRows<SumRow & { quarter: string | Date | null }>(
    q,
    sql`select metric, key, case when grouping(quarter) = 0 then quarter::text end as quarter, null::text as pc4, ${sums}
          from dashboard_cells
         where ${period} and dim = ${f.dim} and value = ${f.value}
         group by grouping sets ((metric, key), (metric, key, quarter))
        ${
          f.dim === 'total' && f.areaMetrics?.length
            ? sql`union all
        select metric, key, null, value, ${sums}
          from dashboard_cells
         where ${period} and dim = 'pc4' and value <> '' and metric = any(${pgArray(f.areaMetrics)}::text[])
         group by metric, key, value`
            : sql``
        }`,
  );
  return rows.map((r) => ({ ...r, quarter: r.quarter === null ? null : String(r.quarter).slice(0, 10) }));
}

/** The areas and quarters that have cells at all (for the filter lists). */
export async function filterValues(q: Queryable, tenantId: string): Promise<{ pc4: string[]; quarters: string[] }> {
  const rows = await queryRows<{ kind: string; value: string }>(
    q,
    sql`select distinct 'pc4' as kind, value from dashboard_cells where tenant_id = ${tenantId} and dim = 'pc4' and value <> ''
        union all
        select distinct 'quarter', quarter::text from dashboard_cells where tenant_id = ${tenantId} and dim = 'total'`,
  );
  const pick = (k: string) => rows.filter((r) => r.kind === k).map((r) => String(r.value).slice(0, 10)).sort();
  return { pc4: pick('pc4'), quarters: pick('quarter') };
}

export async function listOrganisations(q: Queryable, tenantId: string): Promise<Array<{ id: string; name: string }>> {
  return queryRows(q, sql`select id::text as id, name from organisations where tenant_id = ${tenantId} order by name, id`);
}

/**
 * A synthetic history for the outcome dashboards (issue 6): residents with
 * help requests over the past quarters, household plans with measurements,
 * goals, done actions and a network map, and meet-ups with attendance.
 * Everything is invented and deterministic for the same seed: the names
 * come from short lists, ids are md5 hashes of the seed and a counter, and
 * "random" choices are hashes (hashtext) of the seed and the row number.
 *
 * Written as set-based SQL so that the same code fills the demo (a few
 * thousand residents, on PGlite) and the dashboard benchmark (a million
 * residents, on PostgreSQL). Runs as the owner, not as the app role; the
 * demo load records one audit event per municipality for it.
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgArray, queryRows, type Queryable } from '../db/client';

export interface HistoryParams {
  tenantId: string;
  /** Prefix of every id and hash, so two histories never collide. */
  seed: string;
  residents: number;
  /** Share of residents with a household plan, 0..1. */
  fileShare: number;
  /** Professional measurements per plan: 2 up to this number. */
  maxMeasurements: number;
  /** How many quarters back the history starts. */
  quarters: number;
  now: Date;
  areas: string[];
  categoryIds: string[];
  /** Coordinators of plans: existing staff, with the organisation they work for (or null). */
  coordinators: Array<{ personId: string; organisationId: string | null }>;
  /** Organisations that hold meet-ups; their first coordinator creates them. */
  meetupOrganisations: Array<{ organisationId: string; createdByPersonId: string }>;
  /** Life domains the plans measure. */
  domains: string[];
}

const GIVEN = ['Aaliyah', 'Bart', 'Cor', 'Dewi', 'Emre', 'Floor', 'Gijs', 'Hanna', 'Iris', 'Jeroen', 'Kees', 'Lieke', 'Mila', 'Noor', 'Otto', 'Priya', 'Rik', 'Saar', 'Thijs', 'Yara'];
const FAMILY = ['Aarts', 'Boer', 'Claassen', 'Dekker', 'Evers', 'Franken', 'Gerritsen', 'Hendriks', 'Kok', 'Lammers', 'Maas', 'Nijhuis', 'Peeters', 'Roos', 'Schouten', 'Timmer', 'Verbeek', 'Wouters'];

/**
 * Synthetic staff to coordinate the synthetic plans (so the demo's own
 * people do not get thousands of plans): persons without an account, with
 * the given role and organisation. Returns them as coordinators.
 */
export async function createSyntheticStaff(
  q: Queryable,
  p: { tenantId: string; seed: string; now: Date; staff: Array<{ role: 'social_worker' | 'professional'; organisationId: string | null }> },
): Promise<Array<{ personId: string; organisationId: string | null }>> {
  const out: Array<{ personId: string; organisationId: string | null }> = [];
  for (const [i, member] of p.staff.entries()) {
    const [row] = await queryRows<{ id: string }>(q, sql`select md5(${p.seed} || ':staff:' || ${i})::uuid::text as id`);
    const personId = row!.id;
    await q.execute(sql`insert into persons (tenant_id, id, given_name, family_name, created_at, updated_at)
      values (${p.tenantId}, ${personId}, ${`Coördinator ${i + 1}`}, '(synthetisch)', ${p.now}, ${p.now})`);
    await q.execute(sql`insert into role_assignments (tenant_id, person_id, role, organisation_id, granted_at)
      values (${p.tenantId}, ${personId}, ${member.role}, ${member.organisationId}, ${p.now})`);
    out.push({ personId, organisationId: member.organisationId });
  }
  return out;
}

/** Creates the history; returns the number of residents added. */
export async function generateHistory(q: Queryable, p: HistoryParams): Promise<number> {
  if (p.areas.length === 0 || p.categoryIds.length === 0 || p.coordinators.length === 0) return 0;
  const t = p.tenantId;
  const s = p.seed;
  const now = p.now;
  const days = p.quarters * 91;
  /** A deterministic number 0..2^31 from the seed, a tag and a row expression. */
  const h = (tag: string, expr: SQL) => sql`abs(hashtext(${s} || ${`:${tag}:`} || (${expr})::text))`;
  const uuidOf = (tag: string, expr: SQL) => sql`md5(${s} || ${`:${tag}:`} || (${expr})::text)::uuid`;
  const pick = (arr: string[], tag: string, expr: SQL, cast = 'text') =>
    sql`(${pgArray(arr)}::${sql.raw(cast)}[])[1 + ${h(tag, expr)} % ${arr.length}]`;
  const coordinatorIds = p.coordinators.map((c) => c.personId);

  // Residents: persons with the resident role, created before the history starts.
  await q.execute(sql`insert into persons (tenant_id, id, given_name, family_name, created_at, updated_at)
    select ${t}, ${uuidOf('person', sql`i`)}, ${pick(GIVEN, 'given', sql`i`)}, ${pick(FAMILY, 'family', sql`i`)},
           ${now}::timestamptz - make_interval(days => ${days + 30}), ${now}::timestamptz - make_interval(days => ${days + 30})
      from generate_series(1, ${p.residents}) i`);
  await q.execute(sql`insert into role_assignments (tenant_id, person_id, role, granted_at)
    select ${t}, ${uuidOf('person', sql`i`)}, 'resident', ${now}::timestamptz - make_interval(days => ${days + 30})
      from generate_series(1, ${p.residents}) i`);

  // Help requests: one to three per resident, spread over the period; the share helped
  // informally grows a little over time. All of them have ended (none enters matching).
  await q.execute(sql`insert into help_requests (tenant_id, id, resident_person_id, created_by_person_id, category_id, description,
        schedule, day_parts, duration_minutes, pc4, status, referral_reason, created_at, updated_at, first_response_at, matched_at, closed_at)
    select ${t}, ${uuidOf('request', sql`i || '.' || j`)}, ${uuidOf('person', sql`i`)}, ${uuidOf('person', sql`i`)},
           ${pick(p.categoryIds, 'cat', sql`i || '.' || j`, 'uuid')}, 'Synthetische hulpvraag (demo)', 'weekly', 31, 60,
           ${pick(p.areas, 'area', sql`i`)},
           case when o < 10 then 'referred' when o < 90 then 'closed' else 'cancelled' end,
           case when o < 10 then 'Synthetische verwijzing (demo)' end,
           created, created, case when o >= 10 and o < 80 then created + interval '1 day' end,
           case when o >= 10 and o < 80 then created + make_interval(days => 1 + ${h('wait', sql`i || '.' || j`)} % 28) end,
           least(${now}::timestamptz, created + interval '90 days')
      from generate_series(1, ${p.residents}) i
     cross join lateral generate_series(1, 1 + ${h('count', sql`i`)} % 3) j
     cross join lateral (select ${now}::timestamptz - make_interval(days => 95 + ${h('when', sql`i || '.' || j`)} % ${Math.max(1, days - 95)},
                                                                   hours => ${h('hour', sql`i || '.' || j`)} % 12) as created) c
     cross join lateral (select (${h('outcome', sql`i || '.' || j`)} % 100
                                 + (extract(epoch from (${now}::timestamptz - created)) / 86400 / 91)::int * 2) % 100 as o) x`);
  // Stalls: the referred ones, the ones the resident's own network took on, and a few helped late.
  await q.execute(sql`insert into help_request_stalls (tenant_id, id, request_id, cause, detected_at, outcome, resolved_at)
    select r.tenant_id, md5(${s} || ':stall:' || r.id::text)::uuid, r.id, 'no_match_in_time', r.created_at + interval '5 days',
           case when r.status = 'referred' then 'referred' when r.matched_at is null then 'network' else 'matched' end,
           r.created_at + interval '8 days'
      from help_requests r
     where r.tenant_id = ${t} and r.description = 'Synthetische hulpvraag (demo)'
       and (r.status = 'referred' or (r.status = 'closed' and r.matched_at is null)
            or (r.matched_at - r.created_at > interval '21 days'))`);

  // Household plans for a share of the residents, coordinated by the given staff.
  const fileFilter = sql`${h('file', sql`i`)} % 1000 < ${Math.round(p.fileShare * 1000)}`;
  await q.execute(sql`insert into resident_files (tenant_id, id, resident_person_id, coordinator_person_id, created_by_person_id, created_at, updated_at)
    select ${t}, ${uuidOf('file', sql`i`)}, ${uuidOf('person', sql`i`)}, coord, coord, created, created
      from generate_series(1, ${p.residents}) i
     cross join lateral (select ${pick(coordinatorIds, 'coord', sql`i`, 'uuid')} as coord,
                                ${now}::timestamptz - make_interval(days => 200 + ${h('fileday', sql`i`)} % ${Math.max(1, days - 200)}) as created) c
     where ${fileFilter}`);
  // The plan: two goals, four actions (resident, network, coordinator, a volunteer or the coordinator again), some done.
  await q.execute(sql`insert into household_plan_versions (tenant_id, file_id, version, content, reason, author_person_id, created_at)
    select f.tenant_id, f.id, 1,
           jsonb_build_object(
             'goals', jsonb_build_array(jsonb_build_object('id', g1, 'text', 'Synthetisch doel: grip op geld'),
                                        jsonb_build_object('id', g2, 'text', 'Synthetisch doel: meer mensen om me heen')),
             'actions', jsonb_build_array(
               jsonb_build_object('id', md5(f.id::text || 'a1')::uuid, 'goalId', g1, 'who', jsonb_build_object('personId', f.resident_person_id),
                                  'what', 'Post openen met hulp', 'dueOn', null, 'formal', false,
                                  'doneOn', case when x % 10 < 7 then to_char(f.created_at + interval '60 days', 'YYYY-MM-DD') end),
               jsonb_build_object('id', md5(f.id::text || 'a2')::uuid, 'goalId', g2, 'who', jsonb_build_object('helperName', 'Buurvrouw (synthetisch)'),
                                  'what', 'Samen naar de buurtkamer', 'dueOn', null, 'formal', false,
                                  'doneOn', case when x % 10 < 6 then to_char(f.created_at + interval '75 days', 'YYYY-MM-DD') end),
               jsonb_build_object('id', md5(f.id::text || 'a3')::uuid, 'goalId', g1, 'who', jsonb_build_object('personId', f.coordinator_person_id),
                                  'what', 'Schuldhulp aanvragen', 'dueOn', null, 'formal', true,
                                  'doneOn', case when x % 10 < 8 then to_char(f.created_at + interval '30 days', 'YYYY-MM-DD') end),
               jsonb_build_object('id', md5(f.id::text || 'a4')::uuid, 'goalId', g2, 'who', jsonb_build_object('personId', f.coordinator_person_id),
                                  'what', 'Netwerkgesprek plannen', 'dueOn', null, 'formal', true,
                                  'doneOn', case when x % 10 < 5 then to_char(f.created_at + interval '45 days', 'YYYY-MM-DD') end)),
             'reviewDates', jsonb_build_array(),
             'domains', to_jsonb(doms)),
           'Eerste plan (synthetisch)', f.coordinator_person_id, f.created_at
      from resident_files f
     cross join lateral (select md5(f.id::text || 'g1')::uuid as g1, md5(f.id::text || 'g2')::uuid as g2,
                                ${h('plan', sql`f.id`)} as x,
                                array[${pick(p.domains, 'd1', sql`f.id`)}, ${pick(p.domains, 'd2', sql`f.id`)}] as doms) c
     where f.tenant_id = ${t}
       and not exists (select 1 from household_plan_versions v0 where v0.tenant_id = f.tenant_id and v0.file_id = f.id)`);
  // Measurements every 90 days from the plan's start: by the professional, and the resident's own mark.
  await q.execute(sql`insert into outcome_measurements (tenant_id, id, file_id, measured_on, source, resident_score, plan_version, recorded_by_person_id, created_at)
    select f.tenant_id, md5(f.id::text || ':m:' || k)::uuid, f.id, (f.created_at + make_interval(days => 90 * k))::date,
           case when k % 2 = 0 then 'professional' else 'resident' end,
           case when k % 2 = 1 then least(10, 4 + k + ${h('mark', sql`f.id || '.' || k`)} % 3) end,
           1, f.coordinator_person_id, f.created_at + make_interval(days => 90 * k)
      from resident_files f
      join household_plan_versions v on v.tenant_id = f.tenant_id and v.file_id = f.id and v.reason = 'Eerste plan (synthetisch)'
     cross join lateral generate_series(0, 2 * (1 + ${h('nmeas', sql`f.id`)} % ${Math.max(1, p.maxMeasurements - 1)}) - 1) k
     where f.tenant_id = ${t} and f.created_at + make_interval(days => 90 * k) <= ${now}::timestamptz`);
  // Scores per domain of the plan: a start of 1-3, and most go up by a step per measurement.
  await q.execute(sql`insert into outcome_scores (tenant_id, measurement_id, domain, score)
    select m.tenant_id, m.id, d.domain,
           least(5, 1 + ${h('base', sql`m.file_id || d.domain`)} % 3
                    + case when ${h('trend', sql`m.file_id || d.domain`)} % 10 < 7 then (extract(epoch from (m.measured_on::timestamp - f.created_at::date::timestamp)) / 86400 / 180)::int else 0 end)
      from outcome_measurements m
      join resident_files f on f.tenant_id = m.tenant_id and f.id = m.file_id
      join household_plan_versions v on v.tenant_id = f.tenant_id and v.file_id = f.id and v.version = 1
     cross join lateral (select distinct jsonb_array_elements_text(v.content->'domains') as domain) d
     where m.tenant_id = ${t} and m.source = 'professional' and v.reason = 'Eerste plan (synthetisch)'`);
  await q.execute(sql`insert into goal_attainments (tenant_id, measurement_id, goal_id, attainment)
    select m.tenant_id, m.id, (g->>'id')::uuid, -1 + ${h('gas', sql`m.id || (g->>'id')`)} % 4
      from outcome_measurements m
      join household_plan_versions v on v.tenant_id = m.tenant_id and v.file_id = m.file_id and v.version = 1
     cross join lateral jsonb_array_elements(v.content->'goals') g
     where m.tenant_id = ${t} and m.source = 'professional' and m.measured_on > (m.created_at - interval '1 day')::date
       and v.reason = 'Eerste plan (synthetisch)'
       and exists (select 1 from outcome_measurements m0 where m0.tenant_id = m.tenant_id and m0.file_id = m.file_id and m0.measured_on < m.measured_on)`);
  // The network map: professionals and organisations around the resident (fragmentation).
  await q.execute(sql`insert into network_members (tenant_id, id, file_id, circle, name, strength, involved_since, created_at, updated_at)
    select f.tenant_id, md5(f.id::text || ':n:' || k)::uuid, f.id,
           case when k % 2 = 0 then 'professionals' else 'organisations' end,
           case when k % 2 = 0 then 'Hulpverlener ' || k || ' (synthetisch)' else 'Instantie ' || k || ' (synthetisch)' end,
           1 + k % 3, f.created_at::date, f.created_at, f.created_at
      from resident_files f
      join household_plan_versions v on v.tenant_id = f.tenant_id and v.file_id = f.id and v.reason = 'Eerste plan (synthetisch)'
     cross join lateral generate_series(1, 1 + ${h('net', sql`f.id`)} % 8) k
     where f.tenant_id = ${t}`);

  // Meet-ups: two per organisation per month, with residents who came.
  if (p.meetupOrganisations.length > 0) {
    const orgIds = p.meetupOrganisations.map((o) => o.organisationId);
    const creators = p.meetupOrganisations.map((o) => o.createdByPersonId);
    await q.execute(sql`insert into meetups (tenant_id, id, organisation_id, title, place, pc4, starts_at, ends_at, capacity, created_by_person_id, created_at, updated_at)
      select ${t}, md5(${s} || ':meetup:' || o || '.' || k)::uuid, (${pgArray(orgIds)}::uuid[])[o], 'Koffie-uur (synthetisch)', 'Buurthuis (synthetisch)',
             ${pick(p.areas, 'marea', sql`o || '.' || k`)}, st, st + interval '2 hours', 40, (${pgArray(creators)}::uuid[])[o], st - interval '14 days', st - interval '14 days'
        from generate_series(1, ${orgIds.length}) o
       cross join lateral generate_series(1, ${p.quarters * 6}) k
       cross join lateral (select ${now}::timestamptz - make_interval(days => 15 * k + 1) as st) c`);
    await q.execute(sql`insert into meetup_signups (tenant_id, meetup_id, person_id, signed_up_at, attended)
      select u.tenant_id, u.id, ${uuidOf('person', sql`1 + ${h('who', sql`u.id || '.' || j`)} % ${p.residents}`)}, u.created_at,
             ${h('came', sql`u.id || '.' || j`)} % 10 < 8
        from meetups u
       cross join lateral generate_series(1, 10 + ${h('size', sql`u.id`)} % 20) j
       where u.tenant_id = ${t} and u.title = 'Koffie-uur (synthetisch)'
      on conflict do nothing`);
  }
  return p.residents;
}

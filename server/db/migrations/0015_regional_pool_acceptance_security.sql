-- Consent on both sides (security review, session 3): a municipality that joins an existing pool
-- shares nothing until a municipality already in it accepts it. Pools that existed before this
-- migration were joined by both sides already: their members count as accepted.
UPDATE regional_pool_members SET accepted_at = joined_at WHERE accepted_at IS NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION samenspel_pool_partners() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT o.tenant_id FROM regional_pool_members mine
      JOIN regional_pool_members o ON o.pool_id = mine.pool_id AND o.tenant_id <> mine.tenant_id
     WHERE mine.tenant_id = samenspel_current_tenant()
       AND mine.accepted_at IS NOT NULL AND o.accepted_at IS NOT NULL
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION samenspel_pool_volunteers(p_since timestamptz)
  RETURNS TABLE (
    home_tenant_id uuid, home_person_id uuid, hosted_person_id uuid, home_municipality text, given_name text,
    pc4 text, day_parts integer, sessions_per_month_tenths integer, max_residents integer, max_km integer,
    skills text[], languages text[], gender text, category_codes text[], latest_vog text,
    load_tenths integer, residents integer, recent_no_shows integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    WITH pool AS (
      -- one row per person: someone who volunteers in two partner municipalities is proposed once
      SELECT DISTINCT ON (coalesce(p.account_id::text, v.tenant_id::text || v.person_id::text))
             v.*, p.account_id, p.given_name FROM volunteer_profiles v
        JOIN persons p ON p.tenant_id = v.tenant_id AND p.id = v.person_id
       WHERE v.tenant_id IN (SELECT samenspel_pool_partners())
         AND v.regional_pool AND v.active AND v.suspended_at IS NULL
         -- suspended here by this municipality's coordinator after a report
         AND NOT EXISTS (SELECT 1 FROM regional_volunteers s WHERE s.tenant_id = samenspel_current_tenant()
                          AND s.home_tenant_id = v.tenant_id AND s.home_person_id = v.person_id AND s.suspended_at IS NOT NULL)
         -- someone with their own offer here is proposed as a volunteer of here
         AND NOT EXISTS (SELECT 1 FROM persons h JOIN volunteer_profiles hv ON hv.tenant_id = h.tenant_id AND hv.person_id = h.id
                          WHERE h.tenant_id = samenspel_current_tenant() AND p.account_id IS NOT NULL AND h.account_id = p.account_id)
       ORDER BY coalesce(p.account_id::text, v.tenant_id::text || v.person_id::text), v.tenant_id, v.person_id
    ),
    identities AS (
      SELECT v.tenant_id AS home_tenant_id, v.person_id AS home_person_id, v.tenant_id AS t, v.person_id AS p FROM pool v
      UNION ALL
      SELECT rv.home_tenant_id, rv.home_person_id, rv.tenant_id, rv.person_id
        FROM regional_volunteers rv JOIN pool v ON v.tenant_id = rv.home_tenant_id AND v.person_id = rv.home_person_id
    ),
    loads AS (
      SELECT i.home_tenant_id, i.home_person_id,
             coalesce(sum(m.sessions_per_month_tenths) FILTER (WHERE m.state IN ('volunteer_accepted','confirmed')), 0)::int AS load_tenths,
             count(DISTINCT m.tenant_id::text || r.resident_person_id::text) FILTER (WHERE m.state IN ('volunteer_accepted','confirmed'))::int AS residents,
             coalesce(sum(m.no_shows) FILTER (WHERE m.updated_at >= p_since), 0)::int AS recent_no_shows
        FROM identities i
        LEFT JOIN help_matches m ON m.tenant_id = i.t AND m.volunteer_person_id = i.p
        LEFT JOIN help_requests r ON r.tenant_id = m.tenant_id AND r.id = m.request_id
       GROUP BY 1, 2
    )
    SELECT v.tenant_id, v.person_id, rv.person_id, mu.name, v.given_name,
           v.pc4, v.day_parts, v.sessions_per_month_tenths, v.max_residents, v.max_km,
           v.skills, v.languages, v.gender,
           coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM volunteer_categories vc
                       JOIN help_categories c ON c.tenant_id = vc.tenant_id AND c.id = vc.category_id
                      WHERE vc.tenant_id = v.tenant_id AND vc.person_id = v.person_id), '{}'),
           (SELECT max(g.issued_on)::text FROM vog_records g WHERE g.tenant_id = v.tenant_id AND g.person_id = v.person_id),
           l.load_tenths, l.residents, l.recent_no_shows
      FROM pool v
      JOIN municipalities mu ON mu.id = v.tenant_id
      JOIN loads l ON l.home_tenant_id = v.tenant_id AND l.home_person_id = v.person_id
      LEFT JOIN regional_volunteers rv ON rv.tenant_id = samenspel_current_tenant()
            AND rv.home_tenant_id = v.tenant_id AND rv.home_person_id = v.person_id
     ORDER BY v.tenant_id, v.person_id
  $$;
--> statement-breakpoint
ALTER FUNCTION samenspel_hosted_loads(timestamptz) SET search_path = pg_catalog, public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION samenspel_pool_volunteer_person(uuid, uuid) SET search_path = pg_catalog, public, pg_temp;
--> statement-breakpoint
-- Door 4: may this person still help here? Always for someone of this municipality; for a
-- volunteer of a partner only while the shared pool, their opt-in and their home offer hold and
-- neither municipality suspended them. Checked when a match is accepted.
CREATE FUNCTION samenspel_regional_volunteer_ok(p_person uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT NOT EXISTS (SELECT 1 FROM regional_volunteers rv WHERE rv.tenant_id = samenspel_current_tenant() AND rv.person_id = p_person)
        OR EXISTS (
          SELECT 1 FROM regional_volunteers rv
            JOIN volunteer_profiles v ON v.tenant_id = rv.home_tenant_id AND v.person_id = rv.home_person_id
           WHERE rv.tenant_id = samenspel_current_tenant() AND rv.person_id = p_person
             AND rv.suspended_at IS NULL AND v.regional_pool AND v.active AND v.suspended_at IS NULL
             AND rv.home_tenant_id IN (SELECT samenspel_pool_partners()))
  $$;
--> statement-breakpoint
-- Door 5: a municipality already in the pool accepts a newcomer to the same pool.
CREATE FUNCTION samenspel_accept_pool_member(p_tenant uuid) RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    WITH accepted AS (
      UPDATE regional_pool_members t
         SET accepted_at = now(), accepted_by_tenant_id = samenspel_current_tenant()
       WHERE t.tenant_id = p_tenant AND t.accepted_at IS NULL
         AND t.pool_id = (SELECT m.pool_id FROM regional_pool_members m
                           WHERE m.tenant_id = samenspel_current_tenant() AND m.accepted_at IS NOT NULL)
      RETURNING 1)
    SELECT count(*) > 0 FROM accepted
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION samenspel_regional_volunteer_ok(uuid), samenspel_accept_pool_member(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION samenspel_regional_volunteer_ok(uuid), samenspel_accept_pool_member(uuid) TO samenspel_app;

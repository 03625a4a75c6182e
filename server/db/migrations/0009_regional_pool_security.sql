-- Row-level security for the regional pool (0008) and the three narrow doors
-- through which one municipality sees another's volunteers (ADR 0007).
--
-- A pool's name and members are public within the platform. Everything about
-- a volunteer of a partner municipality is read only through the SECURITY
-- DEFINER functions below, which return only volunteers who opted in, of
-- municipalities that both joined the same pool, and only the fields the
-- matching engine needs (PC4 area, never an address).
GRANT SELECT, INSERT ON regional_pools TO samenspel_app;
--> statement-breakpoint
ALTER TABLE regional_pools ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pools_readable ON regional_pools FOR SELECT TO samenspel_app USING (true);
--> statement-breakpoint
CREATE POLICY pools_created_by_own ON regional_pools FOR INSERT TO samenspel_app
  WITH CHECK (created_by_tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON regional_pool_members TO samenspel_app;
--> statement-breakpoint
ALTER TABLE regional_pool_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regional_pool_members TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
CREATE POLICY pool_members_readable ON regional_pool_members FOR SELECT TO samenspel_app USING (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON regional_volunteers TO samenspel_app;
--> statement-breakpoint
ALTER TABLE regional_volunteers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regional_volunteers TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
-- The municipalities that share a pool with the current one.
CREATE FUNCTION samenspel_pool_partners() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT o.tenant_id FROM regional_pool_members mine
      JOIN regional_pool_members o ON o.pool_id = mine.pool_id AND o.tenant_id <> mine.tenant_id
     WHERE mine.tenant_id = samenspel_current_tenant()
  $$;
--> statement-breakpoint
-- Door 1: the willing volunteers of partner municipalities, as the engine needs
-- them, with their live load over every municipality they help in.
CREATE FUNCTION samenspel_pool_volunteers(p_since timestamptz)
  RETURNS TABLE (
    home_tenant_id uuid, home_person_id uuid, hosted_person_id uuid, home_municipality text, given_name text,
    pc4 text, day_parts integer, sessions_per_month_tenths integer, max_residents integer, max_km integer,
    skills text[], languages text[], gender text, category_codes text[], latest_vog text,
    load_tenths integer, residents integer, recent_no_shows integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH pool AS (
      SELECT v.*, p.account_id, p.given_name FROM volunteer_profiles v
        JOIN persons p ON p.tenant_id = v.tenant_id AND p.id = v.person_id
       WHERE v.tenant_id IN (SELECT samenspel_pool_partners())
         AND v.regional_pool AND v.active AND v.suspended_at IS NULL
         -- suspended here by this municipality's coordinator after a report
         AND NOT EXISTS (SELECT 1 FROM regional_volunteers s WHERE s.tenant_id = samenspel_current_tenant()
                          AND s.home_tenant_id = v.tenant_id AND s.home_person_id = v.person_id AND s.suspended_at IS NOT NULL)
         -- someone with their own offer here is proposed as a volunteer of here
         AND NOT EXISTS (SELECT 1 FROM persons h JOIN volunteer_profiles hv ON hv.tenant_id = h.tenant_id AND hv.person_id = h.id
                          WHERE h.tenant_id = samenspel_current_tenant() AND p.account_id IS NOT NULL AND h.account_id = p.account_id)
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
-- Door 2: what this municipality's own volunteers carry in partner
-- municipalities, so that their capacity counts everywhere.
CREATE FUNCTION samenspel_hosted_loads(p_since timestamptz)
  RETURNS TABLE (home_person_id uuid, load_tenths integer, residents integer, recent_no_shows integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT rv.home_person_id,
           coalesce(sum(m.sessions_per_month_tenths) FILTER (WHERE m.state IN ('volunteer_accepted','confirmed')), 0)::int,
           count(DISTINCT m.tenant_id::text || r.resident_person_id::text) FILTER (WHERE m.state IN ('volunteer_accepted','confirmed'))::int,
           coalesce(sum(m.no_shows) FILTER (WHERE m.updated_at >= p_since), 0)::int
      FROM regional_volunteers rv
      JOIN help_matches m ON m.tenant_id = rv.tenant_id AND m.volunteer_person_id = rv.person_id
      LEFT JOIN help_requests r ON r.tenant_id = m.tenant_id AND r.id = m.request_id
     WHERE rv.home_tenant_id = samenspel_current_tenant()
     GROUP BY 1
  $$;
--> statement-breakpoint
-- Door 3: the name and contact details of one willing volunteer of a partner
-- municipality, read once, when they are first proposed here.
CREATE FUNCTION samenspel_pool_volunteer_person(p_home_tenant uuid, p_home_person uuid)
  RETURNS TABLE (account_id uuid, given_name text, family_name text, email text, phone text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT p.account_id, p.given_name, p.family_name, p.email, p.phone
      FROM persons p
      JOIN volunteer_profiles v ON v.tenant_id = p.tenant_id AND v.person_id = p.id
     WHERE p.tenant_id = p_home_tenant AND p.id = p_home_person
       AND p_home_tenant IN (SELECT samenspel_pool_partners())
       AND v.regional_pool AND v.active AND v.suspended_at IS NULL
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION samenspel_pool_partners(), samenspel_pool_volunteers(timestamptz), samenspel_hosted_loads(timestamptz),
  samenspel_pool_volunteer_person(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION samenspel_pool_partners(), samenspel_pool_volunteers(timestamptz), samenspel_hosted_loads(timestamptz),
  samenspel_pool_volunteer_person(uuid, uuid) TO samenspel_app;

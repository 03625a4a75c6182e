-- Row-level security and grants for the effect calculator (issue 6), as in 0003 and 0011.
-- Tariffs and calculation versions are history: the app role may read and add, never change or
-- delete, so "every change is kept" holds in the database as well. A calculation's head row
-- (title, current version) is updated when a new version is saved.
--> statement-breakpoint
GRANT SELECT, INSERT ON effect_tariffs TO samenspel_app;
--> statement-breakpoint
ALTER TABLE effect_tariffs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON effect_tariffs;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON effect_tariffs TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON effect_calculations TO samenspel_app;
--> statement-breakpoint
ALTER TABLE effect_calculations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON effect_calculations;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON effect_calculations TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT ON effect_calculation_versions TO samenspel_app;
--> statement-breakpoint
ALTER TABLE effect_calculation_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON effect_calculation_versions;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON effect_calculation_versions TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());

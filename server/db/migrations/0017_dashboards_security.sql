-- Row-level security and grants for the outcome dashboards (issue 6, ADR 0009), as in 0003 and 0013.
-- The cells are recomputed as a whole per municipality (delete, insert, then secondary suppression
-- sets published, all in one transaction).
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON dashboard_cells TO samenspel_app;
--> statement-breakpoint
ALTER TABLE dashboard_cells ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON dashboard_cells;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON dashboard_cells TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON dashboard_refreshes TO samenspel_app;
--> statement-breakpoint
ALTER TABLE dashboard_refreshes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON dashboard_refreshes;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON dashboard_refreshes TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());

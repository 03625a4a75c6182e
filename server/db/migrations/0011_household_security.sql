-- Row-level security and grants for the household-plan tables (issue 5), as in 0003 and 0005.
-- Self-contained and idempotent: it can be re-applied after the household migration is regenerated.
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON household_settings TO samenspel_app;
--> statement-breakpoint
ALTER TABLE household_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON household_settings;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON household_settings TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON resident_files TO samenspel_app;
--> statement-breakpoint
ALTER TABLE resident_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON resident_files;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON resident_files TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON household_members TO samenspel_app;
--> statement-breakpoint
ALTER TABLE household_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON household_members;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON household_members TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_participants TO samenspel_app;
--> statement-breakpoint
ALTER TABLE plan_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON plan_participants;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plan_participants TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON consent_records TO samenspel_app;
--> statement-breakpoint
ALTER TABLE consent_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON consent_records;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON consent_records TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON household_plan_versions TO samenspel_app;
--> statement-breakpoint
ALTER TABLE household_plan_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON household_plan_versions;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON household_plan_versions TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON network_members TO samenspel_app;
--> statement-breakpoint
ALTER TABLE network_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON network_members;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON network_members TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON outcome_measurements TO samenspel_app;
--> statement-breakpoint
ALTER TABLE outcome_measurements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON outcome_measurements;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON outcome_measurements TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON outcome_scores TO samenspel_app;
--> statement-breakpoint
ALTER TABLE outcome_scores ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON outcome_scores;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON outcome_scores TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON goal_attainments TO samenspel_app;
--> statement-breakpoint
ALTER TABLE goal_attainments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON goal_attainments;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON goal_attainments TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON resident_voice_entries TO samenspel_app;
--> statement-breakpoint
ALTER TABLE resident_voice_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON resident_voice_entries;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON resident_voice_entries TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_help_requests TO samenspel_app;
--> statement-breakpoint
ALTER TABLE plan_help_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON plan_help_requests;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plan_help_requests TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
-- Plan versions are kept as written: the application only inserts them.
REVOKE UPDATE, DELETE ON household_plan_versions FROM samenspel_app;

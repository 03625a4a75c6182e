-- Row-level security: the second wall behind the application's tenant checks.
-- Every tenant-scoped request runs its transaction as the role samenspel_app
-- with app.tenant_id set (server/db/tenant-scope.ts); rows of any other
-- municipality are then invisible and cannot be written, even by a query
-- that forgot its WHERE clause. Roles are cluster-wide, so create it once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samenspel_app') THEN
    CREATE ROLE samenspel_app NOLOGIN;
  END IF;
  EXECUTE format('GRANT samenspel_app TO %I', current_user);
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO samenspel_app;
--> statement-breakpoint
GRANT SELECT ON municipalities TO samenspel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON accounts TO samenspel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON password_reset_tokens TO samenspel_app;
--> statement-breakpoint
GRANT INSERT ON outbox_messages TO samenspel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON organisations, persons, role_assignments TO samenspel_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events TO samenspel_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON audit_chain_heads TO samenspel_app;
--> statement-breakpoint
CREATE FUNCTION samenspel_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organisations TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON persons TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
ALTER TABLE role_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON role_assignments TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_events TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_chain_heads TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
-- The audit log is append-only for everyone, the owner included: a change or
-- deletion must go through disabling this trigger, which itself needs the
-- table owner and is what `npm run audit:verify` would then detect.
CREATE FUNCTION samenspel_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION samenspel_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION samenspel_audit_append_only();

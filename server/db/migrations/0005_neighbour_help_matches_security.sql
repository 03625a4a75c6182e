-- Row-level security and grants for the tables of 0004, as in 0001 and 0003.
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON help_rotas TO samenspel_app;
--> statement-breakpoint
ALTER TABLE help_rotas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON help_rotas TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON help_matches TO samenspel_app;
--> statement-breakpoint
ALTER TABLE help_matches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON help_matches TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON match_messages TO samenspel_app;
--> statement-breakpoint
ALTER TABLE match_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON match_messages TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON help_request_stalls TO samenspel_app;
--> statement-breakpoint
ALTER TABLE help_request_stalls ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON help_request_stalls TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON help_request_network_contacts TO samenspel_app;
--> statement-breakpoint
ALTER TABLE help_request_network_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON help_request_network_contacts TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON help_sessions TO samenspel_app;
--> statement-breakpoint
ALTER TABLE help_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON help_sessions TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON meetups TO samenspel_app;
--> statement-breakpoint
ALTER TABLE meetups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON meetups TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON meetup_signups TO samenspel_app;
--> statement-breakpoint
ALTER TABLE meetup_signups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON meetup_signups TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notifications TO samenspel_app;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON notifications TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preferences TO samenspel_app;
--> statement-breakpoint
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON notification_preferences TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON abuse_reports TO samenspel_app;
--> statement-breakpoint
ALTER TABLE abuse_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON abuse_reports TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON person_blocks TO samenspel_app;
--> statement-breakpoint
ALTER TABLE person_blocks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON person_blocks TO samenspel_app
  USING (tenant_id = samenspel_current_tenant()) WITH CHECK (tenant_id = samenspel_current_tenant());

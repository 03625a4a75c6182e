CREATE TABLE "abuse_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reporter_person_id" uuid NOT NULL,
	"subject_person_id" uuid NOT NULL,
	"match_id" uuid,
	"category" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"handled_by_person_id" uuid,
	"handled_at" timestamp with time zone,
	CONSTRAINT "abuse_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "abuse_category" CHECK ("abuse_reports"."category" in ('harassment','no_show','unsafe','inappropriate','other')),
	CONSTRAINT "abuse_status" CHECK ("abuse_reports"."status" in ('open','dismissed','warned','suspended'))
);
--> statement-breakpoint
CREATE TABLE "help_matches" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"volunteer_person_id" uuid NOT NULL,
	"state" text NOT NULL,
	"origin" text NOT NULL,
	"sessions_per_month_tenths" integer NOT NULL,
	"distance_m" integer NOT NULL,
	"explanation" jsonb NOT NULL,
	"rota_id" uuid,
	"meetup_id" uuid,
	"reason" text,
	"declined_by" text,
	"no_shows" integer DEFAULT 0 NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"volunteer_accepted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "help_matches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_match_state" CHECK ("help_matches"."state" in ('proposed','volunteer_accepted','confirmed','declined','withdrawn','ended')),
	CONSTRAINT "help_match_origin" CHECK ("help_matches"."origin" in ('engine','coach','volunteer','meetup')),
	CONSTRAINT "help_match_sessions" CHECK ("help_matches"."sessions_per_month_tenths" between 1 and 310),
	CONSTRAINT "help_match_no_shows" CHECK ("help_matches"."no_shows" >= 0)
);
--> statement-breakpoint
CREATE TABLE "help_request_network_contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"status" text DEFAULT 'not_asked' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "help_request_network_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_network_relation" CHECK ("help_request_network_contacts"."relation" in ('family','friend','neighbour','colleague','other')),
	CONSTRAINT "help_network_status" CHECK ("help_request_network_contacts"."status" in ('not_asked','asked','will_help','cannot_help'))
);
--> statement-breakpoint
CREATE TABLE "help_request_stalls" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"resolved_at" timestamp with time zone,
	"resolved_by_person_id" uuid,
	CONSTRAINT "help_request_stalls_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_stall_cause" CHECK ("help_request_stalls"."cause" in ('no_match_in_time','no_candidates','sensitive')),
	CONSTRAINT "help_stall_outcome" CHECK ("help_request_stalls"."outcome" is null or "help_request_stalls"."outcome" in ('matched','rota','network','referred','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "help_rotas" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text NOT NULL,
	"starts_on" date NOT NULL,
	"proposed_by_person_id" uuid NOT NULL,
	"approved_by_person_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"approved_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "help_rotas_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_rota_status" CHECK ("help_rotas"."status" in ('proposed','approved','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "help_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"happened_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "help_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_session_minutes" CHECK ("help_sessions"."minutes" between 5 and 720)
);
--> statement-breakpoint
CREATE TABLE "match_messages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"sender_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "match_messages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "match_message_length" CHECK (char_length("match_messages"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "meetup_signups" (
	"tenant_id" uuid NOT NULL,
	"meetup_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"attended" boolean,
	CONSTRAINT "meetup_signups_tenant_id_meetup_id_person_id_pk" PRIMARY KEY("tenant_id","meetup_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meetups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"pc4" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "meetup_capacity" CHECK ("meetups"."capacity" between 1 and 500),
	CONSTRAINT "meetup_times" CHECK ("meetups"."ends_at" > "meetups"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text DEFAULT 'immediate' NOT NULL,
	"max_emails_per_week" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id"),
	CONSTRAINT "notification_email_mode" CHECK ("notification_preferences"."email" in ('immediate','digest','off')),
	CONSTRAINT "notification_cap" CHECK ("notification_preferences"."max_emails_per_week" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"emailed" text DEFAULT 'none' NOT NULL,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notification_emailed" CHECK ("notifications"."emailed" in ('none','immediate','digest','pending_digest'))
);
--> statement-breakpoint
CREATE TABLE "person_blocks" (
	"tenant_id" uuid NOT NULL,
	"blocker_person_id" uuid NOT NULL,
	"blocked_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_blocks_tenant_id_blocker_person_id_blocked_person_id_pk" PRIMARY KEY("tenant_id","blocker_person_id","blocked_person_id"),
	CONSTRAINT "person_block_not_self" CHECK ("person_blocks"."blocker_person_id" <> "person_blocks"."blocked_person_id")
);
--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "resident_gender" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "regional_pool" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "extra_km" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "referral_reason" text;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "abuse_reports" ADD CONSTRAINT "abuse_reports_tenant_id_reporter_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reporter_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "abuse_reports" ADD CONSTRAINT "abuse_reports_tenant_id_subject_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subject_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_matches" ADD CONSTRAINT "help_matches_tenant_id_request_id_help_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."help_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_matches" ADD CONSTRAINT "help_matches_tenant_id_volunteer_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_matches" ADD CONSTRAINT "help_matches_tenant_id_rota_id_help_rotas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","rota_id") REFERENCES "public"."help_rotas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_network_contacts" ADD CONSTRAINT "help_request_network_contacts_tenant_id_request_id_help_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."help_requests"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_stalls" ADD CONSTRAINT "help_request_stalls_tenant_id_request_id_help_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."help_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_rotas" ADD CONSTRAINT "help_rotas_tenant_id_request_id_help_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."help_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_sessions" ADD CONSTRAINT "help_sessions_tenant_id_match_id_help_matches_tenant_id_id_fk" FOREIGN KEY ("tenant_id","match_id") REFERENCES "public"."help_matches"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_messages" ADD CONSTRAINT "match_messages_tenant_id_match_id_help_matches_tenant_id_id_fk" FOREIGN KEY ("tenant_id","match_id") REFERENCES "public"."help_matches"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetup_signups" ADD CONSTRAINT "meetup_signups_tenant_id_meetup_id_meetups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meetup_id") REFERENCES "public"."meetups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetup_signups" ADD CONSTRAINT "meetup_signups_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetups" ADD CONSTRAINT "meetups_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_blocks" ADD CONSTRAINT "person_blocks_tenant_id_blocker_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","blocker_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_blocks" ADD CONSTRAINT "person_blocks_tenant_id_blocked_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","blocked_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "abuse_reports_status_idx" ON "abuse_reports" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "help_matches_request_idx" ON "help_matches" USING btree ("tenant_id","request_id");--> statement-breakpoint
CREATE INDEX "help_matches_volunteer_idx" ON "help_matches" USING btree ("tenant_id","volunteer_person_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "help_matches_live_pair_uq" ON "help_matches" USING btree ("tenant_id","request_id","volunteer_person_id") WHERE state in ('proposed','volunteer_accepted','confirmed');--> statement-breakpoint
CREATE INDEX "help_network_request_idx" ON "help_request_network_contacts" USING btree ("tenant_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_request_stalls_open_uq" ON "help_request_stalls" USING btree ("tenant_id","request_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "help_rotas_request_idx" ON "help_rotas" USING btree ("tenant_id","request_id");--> statement-breakpoint
CREATE INDEX "help_sessions_match_idx" ON "help_sessions" USING btree ("tenant_id","match_id","happened_on");--> statement-breakpoint
CREATE INDEX "match_messages_match_idx" ON "match_messages" USING btree ("tenant_id","match_id","created_at");--> statement-breakpoint
CREATE INDEX "match_messages_sender_idx" ON "match_messages" USING btree ("tenant_id","sender_person_id","created_at");--> statement-breakpoint
CREATE INDEX "meetup_signups_person_idx" ON "meetup_signups" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "meetups_starts_idx" ON "meetups" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("tenant_id","person_id","created_at");--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_request_resident_gender" CHECK ("help_requests"."resident_gender" in ('female','male','other','unknown'));--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_request_extra_km" CHECK ("help_requests"."extra_km" between 0 and 25);
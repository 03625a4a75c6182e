CREATE TABLE "consent_records" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"recipient_person_id" uuid,
	"recipient_organisation_id" uuid,
	"scopes" text[] NOT NULL,
	"purpose" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_person_id" uuid,
	CONSTRAINT "consent_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "consent_one_recipient" CHECK (("consent_records"."recipient_person_id" is null) <> ("consent_records"."recipient_organisation_id" is null)),
	CONSTRAINT "consent_period" CHECK ("consent_records"."valid_until" >= "consent_records"."valid_from"),
	CONSTRAINT "consent_scopes_nonempty" CHECK (cardinality("consent_records"."scopes") > 0)
);
--> statement-breakpoint
CREATE TABLE "goal_attainments" (
	"tenant_id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"attainment" integer NOT NULL,
	CONSTRAINT "goal_attainments_tenant_id_measurement_id_goal_id_pk" PRIMARY KEY("tenant_id","measurement_id","goal_id"),
	CONSTRAINT "goal_attainment_scale" CHECK ("goal_attainments"."attainment" between -2 and 2)
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"birth_year" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "household_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "household_member_relation" CHECK ("household_members"."relation" in ('partner','child','parent','sibling','other'))
);
--> statement-breakpoint
CREATE TABLE "household_plan_versions" (
	"tenant_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"reason" text NOT NULL,
	"author_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "household_plan_versions_tenant_id_file_id_version_pk" PRIMARY KEY("tenant_id","file_id","version"),
	CONSTRAINT "household_plan_version_positive" CHECK ("household_plan_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "household_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"fragmentation_threshold" integer DEFAULT 5 NOT NULL,
	"outcome_domains" jsonb,
	"updated_at" timestamp with time zone,
	CONSTRAINT "household_fragmentation_threshold_range" CHECK ("household_settings"."fragmentation_threshold" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"circle" text NOT NULL,
	"name" text NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"organisation_kind" text,
	"support_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"strength" integer NOT NULL,
	"involved_since" date,
	"involved_until" date,
	"help_request_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "network_member_circle" CHECK ("network_members"."circle" in ('household','family','friends','neighbours','volunteers','professionals','organisations')),
	CONSTRAINT "network_member_strength" CHECK ("network_members"."strength" between 1 and 3),
	CONSTRAINT "network_member_period" CHECK ("network_members"."involved_until" is null or "network_members"."involved_since" is null or "network_members"."involved_until" >= "network_members"."involved_since")
);
--> statement-breakpoint
CREATE TABLE "outcome_measurements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"source" text NOT NULL,
	"resident_score" integer,
	"plan_version" integer NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outcome_measurements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "outcome_measurement_source" CHECK ("outcome_measurements"."source" in ('professional','resident')),
	CONSTRAINT "outcome_resident_score" CHECK ("outcome_measurements"."resident_score" is null or "outcome_measurements"."resident_score" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "outcome_scores" (
	"tenant_id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "outcome_scores_tenant_id_measurement_id_domain_pk" PRIMARY KEY("tenant_id","measurement_id","domain"),
	CONSTRAINT "outcome_score_scale" CHECK ("outcome_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "plan_help_requests" (
	"tenant_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"linked_by_person_id" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_help_requests_tenant_id_file_id_request_id_pk" PRIMARY KEY("tenant_id","file_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "plan_participants" (
	"tenant_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"added_by_person_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "plan_participants_tenant_id_file_id_person_id_pk" PRIMARY KEY("tenant_id","file_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "resident_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resident_person_id" uuid NOT NULL,
	"bsn" text,
	"coordinator_person_id" uuid NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resident_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resident_file_bsn_format" CHECK ("resident_files"."bsn" is null or "resident_files"."bsn" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "resident_voice_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occasion" text NOT NULL,
	"body" text NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by_person_id" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "resident_voice_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resident_voice_kind" CHECK ("resident_voice_entries"."kind" in ('feedback','wish')),
	CONSTRAINT "resident_voice_occasion" CHECK ("resident_voice_entries"."occasion" in ('contact','review','other')),
	CONSTRAINT "resident_voice_answer" CHECK (("resident_voice_entries"."answer" is null) = ("resident_voice_entries"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_tenant_id_recipient_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recipient_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_tenant_id_recipient_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recipient_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_attainments" ADD CONSTRAINT "goal_attainments_tenant_id_measurement_id_outcome_measurements_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measurement_id") REFERENCES "public"."outcome_measurements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_plan_versions" ADD CONSTRAINT "household_plan_versions_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_settings" ADD CONSTRAINT "household_settings_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_tenant_id_help_request_id_help_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","help_request_id") REFERENCES "public"."help_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_measurements" ADD CONSTRAINT "outcome_measurements_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_scores" ADD CONSTRAINT "outcome_scores_tenant_id_measurement_id_outcome_measurements_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measurement_id") REFERENCES "public"."outcome_measurements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_help_requests" ADD CONSTRAINT "plan_help_requests_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_help_requests" ADD CONSTRAINT "plan_help_requests_tenant_id_request_id_help_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."help_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_participants" ADD CONSTRAINT "plan_participants_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_participants" ADD CONSTRAINT "plan_participants_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_participants" ADD CONSTRAINT "plan_participants_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_files" ADD CONSTRAINT "resident_files_tenant_id_resident_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_files" ADD CONSTRAINT "resident_files_tenant_id_coordinator_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","coordinator_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_files" ADD CONSTRAINT "resident_files_tenant_id_created_by_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_voice_entries" ADD CONSTRAINT "resident_voice_entries_tenant_id_file_id_resident_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."resident_files"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_file_idx" ON "consent_records" USING btree ("tenant_id","file_id");--> statement-breakpoint
CREATE INDEX "household_members_file_idx" ON "household_members" USING btree ("tenant_id","file_id");--> statement-breakpoint
CREATE INDEX "network_members_file_idx" ON "network_members" USING btree ("tenant_id","file_id");--> statement-breakpoint
CREATE INDEX "outcome_measurements_file_idx" ON "outcome_measurements" USING btree ("tenant_id","file_id","measured_on");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_help_requests_request_uq" ON "plan_help_requests" USING btree ("tenant_id","request_id");--> statement-breakpoint
CREATE INDEX "plan_participants_person_idx" ON "plan_participants" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_files_resident_uq" ON "resident_files" USING btree ("tenant_id","resident_person_id");--> statement-breakpoint
CREATE INDEX "resident_files_coordinator_idx" ON "resident_files" USING btree ("tenant_id","coordinator_person_id");--> statement-breakpoint
CREATE INDEX "resident_voice_file_idx" ON "resident_voice_entries" USING btree ("tenant_id","file_id","created_at");--> statement-breakpoint
CREATE INDEX "resident_voice_open_idx" ON "resident_voice_entries" USING btree ("tenant_id","kind","answered_at");
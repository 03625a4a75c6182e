CREATE TABLE "help_categories" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"vulnerable" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "help_categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "help_request_addresses" (
	"tenant_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"postcode" text NOT NULL,
	"house_number" integer NOT NULL,
	"house_number_addition" text,
	CONSTRAINT "help_request_addresses_tenant_id_request_id_pk" PRIMARY KEY("tenant_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resident_person_id" uuid NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"description" text NOT NULL,
	"schedule" text NOT NULL,
	"window_start" timestamp with time zone,
	"window_end" timestamp with time zone,
	"day_parts" integer NOT NULL,
	"duration_minutes" integer NOT NULL,
	"pc4" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"same_gender" boolean DEFAULT false NOT NULL,
	"vog_required" boolean DEFAULT false NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"matched_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "help_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_request_schedule" CHECK ("help_requests"."schedule" in ('once','weekly','fortnightly','monthly')),
	CONSTRAINT "help_request_status" CHECK ("help_requests"."status" in ('open','matched','stalled','referred','closed','cancelled')),
	CONSTRAINT "help_request_urgency" CHECK ("help_requests"."urgency" in ('low','normal','high')),
	CONSTRAINT "help_request_day_parts" CHECK ("help_requests"."day_parts" between 1 and 2097151),
	CONSTRAINT "help_request_duration" CHECK ("help_requests"."duration_minutes" between 15 and 480),
	CONSTRAINT "help_request_window" CHECK (("help_requests"."schedule" = 'once') = ("help_requests"."window_start" is not null and "help_requests"."window_end" is not null))
);
--> statement-breakpoint
CREATE TABLE "neighbour_help_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"stall_after_days" integer DEFAULT 5 NOT NULL,
	"vog_valid_months" integer DEFAULT 36 NOT NULL,
	CONSTRAINT "stall_after_days_range" CHECK ("neighbour_help_settings"."stall_after_days" between 1 and 60),
	CONSTRAINT "vog_valid_months_range" CHECK ("neighbour_help_settings"."vog_valid_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "vog_records" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"issued_on" date NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vog_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_categories" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "volunteer_categories_tenant_id_person_id_category_id_pk" PRIMARY KEY("tenant_id","person_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_profiles" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"day_parts" integer NOT NULL,
	"sessions_per_month_tenths" integer NOT NULL,
	"max_residents" integer DEFAULT 1 NOT NULL,
	"max_km" integer NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{nl}'::text[] NOT NULL,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"pc4" text NOT NULL,
	"regional_pool" boolean DEFAULT false NOT NULL,
	"gift_mode" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "volunteer_profiles_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id"),
	CONSTRAINT "volunteer_day_parts_range" CHECK ("volunteer_profiles"."day_parts" between 1 and 2097151),
	CONSTRAINT "volunteer_sessions_range" CHECK ("volunteer_profiles"."sessions_per_month_tenths" between 1 and 310),
	CONSTRAINT "volunteer_max_residents_range" CHECK ("volunteer_profiles"."max_residents" between 1 and 20),
	CONSTRAINT "volunteer_max_km_range" CHECK ("volunteer_profiles"."max_km" between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "help_categories" ADD CONSTRAINT "help_categories_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_addresses" ADD CONSTRAINT "help_request_addresses_tenant_id_request_id_help_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."help_requests"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_tenant_id_resident_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_tenant_id_created_by_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_tenant_id_category_id_help_categories_tenant_id_id_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."help_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbour_help_settings" ADD CONSTRAINT "neighbour_help_settings_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vog_records" ADD CONSTRAINT "vog_records_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_categories" ADD CONSTRAINT "volunteer_categories_tenant_id_person_id_volunteer_profiles_tenant_id_person_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."volunteer_profiles"("tenant_id","person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_categories" ADD CONSTRAINT "volunteer_categories_tenant_id_category_id_help_categories_tenant_id_id_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."help_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "help_categories_code_uq" ON "help_categories" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "help_requests_resident_idx" ON "help_requests" USING btree ("tenant_id","resident_person_id","created_at");--> statement-breakpoint
CREATE INDEX "help_requests_status_idx" ON "help_requests" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "vog_records_person_idx" ON "vog_records" USING btree ("tenant_id","person_id","issued_on");
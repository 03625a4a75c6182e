CREATE TABLE "regional_pool_members" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"pool_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"joined_by_person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regional_pools" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_by_tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regional_pool_name_length" CHECK (char_length("regional_pools"."name") between 2 and 80)
);
--> statement-breakpoint
CREATE TABLE "regional_volunteers" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"home_tenant_id" uuid NOT NULL,
	"home_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"suspended_at" timestamp with time zone,
	CONSTRAINT "regional_volunteers_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "regional_pool_members" ADD CONSTRAINT "regional_pool_members_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_pool_members" ADD CONSTRAINT "regional_pool_members_pool_id_regional_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."regional_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_pools" ADD CONSTRAINT "regional_pools_created_by_tenant_id_municipalities_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_volunteers" ADD CONSTRAINT "regional_volunteers_home_tenant_id_municipalities_id_fk" FOREIGN KEY ("home_tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_volunteers" ADD CONSTRAINT "regional_volunteers_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_volunteers" ADD CONSTRAINT "regional_volunteers_home_tenant_id_home_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("home_tenant_id","home_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regional_pool_members_pool_idx" ON "regional_pool_members" USING btree ("pool_id");--> statement-breakpoint
CREATE UNIQUE INDEX "regional_pools_name_uq" ON "regional_pools" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "regional_volunteers_home_uq" ON "regional_volunteers" USING btree ("tenant_id","home_tenant_id","home_person_id");--> statement-breakpoint
CREATE INDEX "regional_volunteers_home_idx" ON "regional_volunteers" USING btree ("home_tenant_id","home_person_id");
CREATE TABLE "effect_calculation_versions" (
	"tenant_id" uuid NOT NULL,
	"calculation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"input" jsonb NOT NULL,
	"reason" text NOT NULL,
	"author_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "effect_calculation_versions_tenant_id_calculation_id_version_pk" PRIMARY KEY("tenant_id","calculation_id","version"),
	CONSTRAINT "effect_calculation_versions_positive" CHECK ("effect_calculation_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "effect_calculations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"scope" text NOT NULL,
	"title" text NOT NULL,
	"current_version" integer NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "effect_calculations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "effect_calculation_scope" CHECK ("effect_calculations"."scope" in ('case','programme')),
	CONSTRAINT "effect_calculation_version_positive" CHECK ("effect_calculations"."current_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "effect_tariffs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"short_var" text NOT NULL,
	"unit" text,
	"price_cents" integer NOT NULL,
	"valid_from" date NOT NULL,
	"source" text NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "effect_tariffs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "effect_tariff_price_positive" CHECK ("effect_tariffs"."price_cents" > 0),
	CONSTRAINT "effect_tariff_short_var_format" CHECK ("effect_tariffs"."short_var" ~ '^[a-z][a-z0-9_]*$')
);
--> statement-breakpoint
ALTER TABLE "effect_calculation_versions" ADD CONSTRAINT "effect_calculation_versions_tenant_id_calculation_id_effect_calculations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","calculation_id") REFERENCES "public"."effect_calculations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_calculation_versions" ADD CONSTRAINT "effect_calculation_versions_tenant_id_author_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_calculations" ADD CONSTRAINT "effect_calculations_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_calculations" ADD CONSTRAINT "effect_calculations_tenant_id_created_by_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_tariffs" ADD CONSTRAINT "effect_tariffs_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_tariffs" ADD CONSTRAINT "effect_tariffs_tenant_id_created_by_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "effect_calculations_updated_idx" ON "effect_calculations" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "effect_tariffs_short_var_idx" ON "effect_tariffs" USING btree ("tenant_id","short_var","valid_from","created_at");
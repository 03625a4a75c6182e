CREATE TABLE "dashboard_cells" (
	"tenant_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"quarter" date NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"key" text NOT NULL,
	"residents" integer NOT NULL,
	"n" integer NOT NULL,
	"value_sum" double precision DEFAULT 0 NOT NULL,
	"value_n" integer DEFAULT 0 NOT NULL,
	"extra_sum" double precision DEFAULT 0 NOT NULL,
	"published" boolean NOT NULL,
	CONSTRAINT "dashboard_cells_tenant_id_metric_dim_value_quarter_key_pk" PRIMARY KEY("tenant_id","metric","dim","value","quarter","key"),
	CONSTRAINT "dashboard_cells_dim" CHECK ("dashboard_cells"."dim" in ('total','pc4','category','organisation')),
	CONSTRAINT "dashboard_cells_counts" CHECK ("dashboard_cells"."residents" >= 1 and "dashboard_cells"."n" >= "dashboard_cells"."residents" and "dashboard_cells"."value_n" <= "dashboard_cells"."n")
);
--> statement-breakpoint
CREATE TABLE "dashboard_refreshes" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"cells" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_cells" ADD CONSTRAINT "dashboard_cells_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_refreshes" ADD CONSTRAINT "dashboard_refreshes_tenant_id_municipalities_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_cells_view_idx" ON "dashboard_cells" USING btree ("tenant_id","dim","value","quarter");
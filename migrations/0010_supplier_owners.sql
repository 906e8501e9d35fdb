ALTER TYPE "public"."event_type" ADD VALUE 'supplier.updated';--> statement-breakpoint
ALTER TABLE "suppliers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Every state of a supplier record (name and units), append-only like signal_versions.
CREATE TABLE "supplier_versions" (
	"supplier_org_number" text NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"name" text NOT NULL,
	"units" jsonb NOT NULL,
	"reason" text,
	"org_id" text NOT NULL,
	"actor_sub" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_versions_supplier_org_number_version_pk" PRIMARY KEY("supplier_org_number","version"),
	CONSTRAINT "supplier_versions_change_chk" CHECK ("change" IN ('created', 'updated'))
);--> statement-breakpoint
-- Every name a supplier or one of its units has carried, for name search.
CREATE TABLE "supplier_names" (
	"supplier_org_number" text NOT NULL,
	"unit_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "supplier_versions" ADD CONSTRAINT "supplier_versions_supplier_org_number_suppliers_org_number_fk" FOREIGN KEY ("supplier_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_versions" ADD CONSTRAINT "supplier_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_names" ADD CONSTRAINT "supplier_names_supplier_org_number_suppliers_org_number_fk" FOREIGN KEY ("supplier_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_names" ADD CONSTRAINT "supplier_names_unit_id_supplier_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."supplier_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_names_uq" ON "supplier_names" USING btree ("supplier_org_number",COALESCE("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("name"));--> statement-breakpoint
CREATE INDEX "supplier_names_trgm_idx" ON "supplier_names" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
-- The records as they stand become version 1: what happened to them before is not known.
INSERT INTO "supplier_versions" ("supplier_org_number", "version", "change", "name", "units", "reason", "org_id", "actor_sub", "created_at")
SELECT s."org_number", 1, 'created', s."name",
  COALESCE((SELECT jsonb_agg(jsonb_build_object('id', u."id", 'name', u."name", 'kind', u."kind") ORDER BY lower(u."name"), u."id")
    FROM "supplier_units" u WHERE u."supplier_org_number" = s."org_number"), '[]'::jsonb),
  'The record as it stood when supplier versions began (migration 0010).', s."created_by_org_id", 'migration:0010', s."updated_at"
FROM "suppliers" s;--> statement-breakpoint
INSERT INTO "supplier_names" ("supplier_org_number", "unit_id", "name") SELECT "org_number", NULL, "name" FROM "suppliers";--> statement-breakpoint
INSERT INTO "supplier_names" ("supplier_org_number", "unit_id", "name") SELECT "supplier_org_number", "id", "name" FROM "supplier_units";--> statement-breakpoint
-- A supplier event (supplier.updated) carries the supplier's number and record, and no signal or notice columns.
ALTER TABLE "events" ADD COLUMN "supplier" jsonb;--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT IF EXISTS "events_signal_or_notice_chk";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_signal_or_notice_chk" CHECK (
  ("recipient_org_id" IS NULL AND "signal_id" IS NOT NULL AND "signal_version" IS NOT NULL AND "signal_type" IS NOT NULL
    AND "supplier_org_number" IS NOT NULL AND "issuer_org_id" IS NOT NULL AND "visibility" IS NOT NULL AND "signal" IS NOT NULL
    AND "supplier" IS NULL)
  OR ("recipient_org_id" IS NOT NULL AND "subscription_id" IS NOT NULL AND "notice" IS NOT NULL AND "signal_id" IS NULL
    AND "supplier" IS NULL)
  OR ("recipient_org_id" IS NULL AND "signal_id" IS NULL AND "supplier_org_number" IS NOT NULL AND "supplier" IS NOT NULL
    AND "signal_version" IS NULL AND "signal_type" IS NULL AND "issuer_org_id" IS NULL AND "visibility" IS NULL
    AND "severity" IS NULL AND "agreement_id" IS NULL AND "signal" IS NULL AND "subscription_id" IS NULL AND "notice" IS NULL)
);--> statement-breakpoint
CREATE TRIGGER supplier_versions_append_only BEFORE UPDATE OR DELETE ON supplier_versions
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER supplier_versions_no_truncate BEFORE TRUNCATE ON supplier_versions
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
-- Versions and names are history: the application's role appends and reads them, never changes them.
GRANT SELECT, INSERT ON "supplier_versions", "supplier_names" TO registry_app;

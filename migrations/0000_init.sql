-- Trigram search on supplier names (tolerant of case and small typos).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."agreement_category" AS ENUM('hvb_children', 'family_home_agency', 'supported_housing_adults', 'supported_housing_youth', 'protected_housing', 'hvb_adults_substance', 'gambling_addiction');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('municipality', 'purchasing_centre', 'federation', 'auditor', 'operator');--> statement-breakpoint
CREATE TYPE "public"."deviation_category" AS ENUM('staffing', 'premises', 'care_plan', 'reporting', 'whistleblower_freedom', 'substances', 'safety', 'finances', 'other');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."signal_change_kind" AS ENUM('created', 'amended', 'lifted', 'retracted');--> statement-breakpoint
CREATE TYPE "public"."signal_status" AS ENUM('active', 'lifted', 'retracted');--> statement-breakpoint
CREATE TYPE "public"."signal_type" AS ENUM('deviation', 'call_off_stop', 'termination', 'ivo_injunction', 'permit_revoked', 'financial_warning');--> statement-breakpoint
CREATE TYPE "public"."signal_visibility" AS ENUM('members', 'issuer_and_auditors');--> statement-breakpoint
CREATE TABLE "agreement_suppliers" (
	"agreement_id" uuid NOT NULL,
	"supplier_org_number" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_suppliers_agreement_id_supplier_org_number_pk" PRIMARY KEY("agreement_id","supplier_org_number")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" text NOT NULL,
	"name" text NOT NULL,
	"category" "agreement_category" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"municipality_code" text,
	"federation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_municipality_code" CHECK ("organisations"."municipality_code" IS NULL OR "organisations"."municipality_code" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "signal_versions" (
	"signal_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" "signal_change_kind" NOT NULL,
	"reason" text,
	"status" "signal_status" NOT NULL,
	"visibility" "signal_visibility" NOT NULL,
	"severity" "severity",
	"category" "deviation_category",
	"summary" text NOT NULL,
	"details" text,
	"reference" text,
	"unit_id" uuid,
	"agreement_id" uuid,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_until" timestamp with time zone,
	"actor_sub" text NOT NULL,
	"actor_org_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signal_versions_signal_id_version_pk" PRIMARY KEY("signal_id","version")
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" "signal_type" NOT NULL,
	"supplier_org_number" text NOT NULL,
	"unit_id" uuid,
	"agreement_id" uuid,
	"issuer_org_id" text NOT NULL,
	"status" "signal_status" DEFAULT 'active' NOT NULL,
	"visibility" "signal_visibility" DEFAULT 'members' NOT NULL,
	"severity" "severity",
	"category" "deviation_category",
	"summary" text NOT NULL,
	"details" text,
	"reference" text,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_until" timestamp with time zone,
	"version" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signals_period" CHECK ("signals"."effective_until" IS NULL OR "signals"."effective_until" > "signals"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "supplier_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"supplier_org_number" text NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"org_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sole_trader" boolean DEFAULT false NOT NULL,
	"created_by_org_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_suppliers" ADD CONSTRAINT "agreement_suppliers_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_suppliers" ADD CONSTRAINT "agreement_suppliers_supplier_org_number_suppliers_org_number_fk" FOREIGN KEY ("supplier_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_federation_id_organisations_id_fk" FOREIGN KEY ("federation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_versions" ADD CONSTRAINT "signal_versions_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_versions" ADD CONSTRAINT "signal_versions_actor_org_id_organisations_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_supplier_org_number_suppliers_org_number_fk" FOREIGN KEY ("supplier_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_unit_id_supplier_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."supplier_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_units" ADD CONSTRAINT "supplier_units_supplier_org_number_suppliers_org_number_fk" FOREIGN KEY ("supplier_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_created_by_org_id_organisations_id_fk" FOREIGN KEY ("created_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_suppliers_supplier_idx" ON "agreement_suppliers" USING btree ("supplier_org_number");--> statement-breakpoint
CREATE INDEX "agreements_owner_idx" ON "agreements" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "organisations_federation_idx" ON "organisations" USING btree ("federation_id");--> statement-breakpoint
CREATE INDEX "signals_supplier_active_idx" ON "signals" USING btree ("supplier_org_number") WHERE "signals"."status" = 'active';--> statement-breakpoint
CREATE INDEX "signals_supplier_idx" ON "signals" USING btree ("supplier_org_number","id");--> statement-breakpoint
CREATE INDEX "signals_issuer_idx" ON "signals" USING btree ("issuer_org_id","id");--> statement-breakpoint
CREATE INDEX "signals_updated_idx" ON "signals" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_units_name_uq" ON "supplier_units" USING btree ("supplier_org_number",lower("name"));--> statement-breakpoint
CREATE INDEX "suppliers_name_trgm_idx" ON "suppliers" USING gin (lower("name") gin_trgm_ops);
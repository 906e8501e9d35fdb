-- Follow-up records (issue 15, item 5): a check an organisation made of a supplier (IVO's
-- register, an unannounced visit, a credit check, a document review) and its outcome. They
-- decide no status. A record is never edited and a wrong one is retracted by a row of its
-- own, so both tables are append-only for everyone, the application's role included.
CREATE TYPE "public"."follow_up_kind" AS ENUM('ivo_register', 'unannounced_visit', 'credit_check', 'document_review', 'other');--> statement-breakpoint
CREATE TYPE "public"."follow_up_outcome" AS ENUM('no_remarks', 'deviation');--> statement-breakpoint
CREATE TABLE "follow_up_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"supplier_org_number" text NOT NULL,
	"unit_id" uuid,
	"issuer_org_id" text NOT NULL,
	"kind" "follow_up_kind" NOT NULL,
	"checked_on" date NOT NULL,
	"outcome" "follow_up_outcome" NOT NULL,
	"deviation_signal_id" uuid,
	"note" text,
	"visibility" "signal_visibility" DEFAULT 'members' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_records_outcome_chk" CHECK (("follow_up_records"."outcome" = 'deviation') = ("follow_up_records"."deviation_signal_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "follow_up_retractions" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"retracted_by" text NOT NULL,
	"retracted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_records" ADD CONSTRAINT "follow_up_records_supplier_org_number_suppliers_org_number_fk" FOREIGN KEY ("supplier_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_records" ADD CONSTRAINT "follow_up_records_unit_id_supplier_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."supplier_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_records" ADD CONSTRAINT "follow_up_records_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_records" ADD CONSTRAINT "follow_up_records_deviation_signal_id_signals_id_fk" FOREIGN KEY ("deviation_signal_id") REFERENCES "public"."signals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_retractions" ADD CONSTRAINT "follow_up_retractions_record_id_follow_up_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."follow_up_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_records_supplier_idx" ON "follow_up_records" USING btree ("supplier_org_number","id");--> statement-breakpoint
CREATE INDEX "follow_up_records_issuer_idx" ON "follow_up_records" USING btree ("issuer_org_id","checked_on");--> statement-breakpoint
CREATE TRIGGER follow_up_records_append_only BEFORE UPDATE OR DELETE ON follow_up_records
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER follow_up_records_no_truncate BEFORE TRUNCATE ON follow_up_records
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER follow_up_retractions_append_only BEFORE UPDATE OR DELETE ON follow_up_retractions
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER follow_up_retractions_no_truncate BEFORE TRUNCATE ON follow_up_retractions
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
GRANT SELECT, INSERT ON "follow_up_records", "follow_up_retractions" TO registry_app;

-- Issue 15, item 1: a supplier organisation sees what is recorded about the organisation
-- numbers it answers for, and replies. The operator links a supplier organisation to
-- those numbers (supplier_representations); a reply is versioned (signal_replies), never
-- changed or deleted. The new enum values are used by the application only, never in a
-- migration, so adding them inside the migrations' transaction is safe.
ALTER TYPE "organisation_kind" ADD VALUE IF NOT EXISTS 'supplier';--> statement-breakpoint
ALTER TYPE "event_type" ADD VALUE IF NOT EXISTS 'signal.replied';--> statement-breakpoint
CREATE TABLE "supplier_representations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"supplier_org_id" text NOT NULL REFERENCES "organisations"("id"),
	"org_number" text NOT NULL REFERENCES "suppliers"("org_number"),
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"end_reason" text,
	CONSTRAINT "supplier_representations_end_chk" CHECK (("ended_at" IS NULL AND "ended_by" IS NULL AND "end_reason" IS NULL) OR ("ended_at" IS NOT NULL AND "ended_by" IS NOT NULL AND "end_reason" IS NOT NULL))
);--> statement-breakpoint
-- One supplier organisation answers for a number at a time.
CREATE UNIQUE INDEX "supplier_representations_active_number_uq" ON "supplier_representations" USING btree ("org_number") WHERE "ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "supplier_representations_org_idx" ON "supplier_representations" USING btree ("supplier_org_id","created_at");--> statement-breakpoint
CREATE TABLE "signal_replies" (
	"signal_id" uuid NOT NULL REFERENCES "signals"("id"),
	"version" integer NOT NULL,
	"supplier_org_id" text NOT NULL REFERENCES "organisations"("id"),
	"text" text NOT NULL,
	"disputed" boolean NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signal_replies_signal_id_version_pk" PRIMARY KEY("signal_id","version"),
	CONSTRAINT "signal_replies_version_chk" CHECK ("version" >= 1)
);--> statement-breakpoint
CREATE FUNCTION registry_representation_end_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."ended_at" IS NOT NULL
    OR NEW."id" IS DISTINCT FROM OLD."id" OR NEW."supplier_org_id" IS DISTINCT FROM OLD."supplier_org_id"
    OR NEW."org_number" IS DISTINCT FROM OLD."org_number" OR NEW."reason" IS DISTINCT FROM OLD."reason"
    OR NEW."created_by" IS DISTINCT FROM OLD."created_by" OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
    RAISE EXCEPTION 'a supplier representation is only ever ended, once' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER supplier_representations_end_only BEFORE UPDATE ON supplier_representations
  FOR EACH ROW EXECUTE FUNCTION registry_representation_end_only();--> statement-breakpoint
CREATE TRIGGER supplier_representations_no_delete BEFORE DELETE ON supplier_representations
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER supplier_representations_no_truncate BEFORE TRUNCATE ON supplier_representations
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER signal_replies_append_only BEFORE UPDATE OR DELETE ON signal_replies
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER signal_replies_no_truncate BEFORE TRUNCATE ON signal_replies
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
GRANT SELECT, INSERT ON "supplier_representations" TO registry_app;--> statement-breakpoint
GRANT UPDATE ("ended_at", "ended_by", "end_reason") ON "supplier_representations" TO registry_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "signal_replies" TO registry_app;

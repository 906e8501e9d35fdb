-- Linked suppliers (issue 15, item 2): a member's claim that two suppliers belong to one
-- group (parent -> subsidiary) or that one took over the operation of the other
-- (predecessor -> successor). A block on one makes the other `caution` in status answers.
ALTER TYPE "public"."event_type" ADD VALUE 'supplier.linked';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'supplier.unlinked';--> statement-breakpoint
CREATE TABLE "supplier_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"from_org_number" text NOT NULL,
	"to_org_number" text NOT NULL,
	"reason" text NOT NULL,
	"created_by_org_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_org_id" text,
	"ended_by" text,
	"end_reason" text,
	CONSTRAINT "supplier_links_kind_chk" CHECK ("kind" IN ('group', 'succession')),
	CONSTRAINT "supplier_links_not_self_chk" CHECK ("from_org_number" <> "to_org_number"),
	CONSTRAINT "supplier_links_end_chk" CHECK (("ended_at" IS NULL AND "ended_by_org_id" IS NULL AND "ended_by" IS NULL AND "end_reason" IS NULL)
		OR ("ended_at" IS NOT NULL AND "ended_by_org_id" IS NOT NULL AND "ended_by" IS NOT NULL AND "end_reason" IS NOT NULL))
);--> statement-breakpoint
ALTER TABLE "supplier_links" ADD CONSTRAINT "supplier_links_from_org_number_suppliers_org_number_fk" FOREIGN KEY ("from_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_links" ADD CONSTRAINT "supplier_links_to_org_number_suppliers_org_number_fk" FOREIGN KEY ("to_org_number") REFERENCES "public"."suppliers"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_links" ADD CONSTRAINT "supplier_links_created_by_org_id_organisations_id_fk" FOREIGN KEY ("created_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_links" ADD CONSTRAINT "supplier_links_ended_by_org_id_organisations_id_fk" FOREIGN KEY ("ended_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- One active link of a kind between two suppliers, whichever way round it was drawn.
CREATE UNIQUE INDEX "supplier_links_active_pair_uq" ON "supplier_links" USING btree ("kind",LEAST("from_org_number", "to_org_number"),GREATEST("from_org_number", "to_org_number")) WHERE "ended_at" IS NULL;--> statement-breakpoint
-- The status read follows active links from the supplier asked about, both ways.
CREATE INDEX "supplier_links_active_from_idx" ON "supplier_links" USING btree ("from_org_number","kind") WHERE "ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "supplier_links_active_to_idx" ON "supplier_links" USING btree ("to_org_number","kind") WHERE "ended_at" IS NULL;--> statement-breakpoint
-- Every link a supplier ever had, for its history (ended ones included).
CREATE INDEX "supplier_links_from_idx" ON "supplier_links" USING btree ("from_org_number","created_at");--> statement-breakpoint
CREATE INDEX "supplier_links_to_idx" ON "supplier_links" USING btree ("to_org_number","created_at");--> statement-breakpoint
-- A link is history: it is never deleted, and the only change is ending it, once.
CREATE FUNCTION registry_supplier_link_end_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."ended_at" IS NOT NULL
    OR NEW."id" IS DISTINCT FROM OLD."id" OR NEW."kind" IS DISTINCT FROM OLD."kind"
    OR NEW."from_org_number" IS DISTINCT FROM OLD."from_org_number" OR NEW."to_org_number" IS DISTINCT FROM OLD."to_org_number"
    OR NEW."reason" IS DISTINCT FROM OLD."reason" OR NEW."created_by_org_id" IS DISTINCT FROM OLD."created_by_org_id"
    OR NEW."created_by" IS DISTINCT FROM OLD."created_by" OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
    RAISE EXCEPTION 'a supplier link is only ever ended, once' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER supplier_links_end_only BEFORE UPDATE ON supplier_links
  FOR EACH ROW EXECUTE FUNCTION registry_supplier_link_end_only();--> statement-breakpoint
CREATE TRIGGER supplier_links_no_delete BEFORE DELETE ON supplier_links
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER supplier_links_no_truncate BEFORE TRUNCATE ON supplier_links
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
GRANT SELECT, INSERT ON "supplier_links" TO registry_app;--> statement-breakpoint
GRANT UPDATE ("ended_at", "ended_by_org_id", "ended_by", "end_reason") ON "supplier_links" TO registry_app;

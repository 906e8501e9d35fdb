-- Federation membership with history (issue 15, item 7): the operator moves a municipality
-- into, between and out of federations (kommunförbund). Each period a municipality belonged
-- to a federation is one row, [valid_from, valid_until); valid_until NULL is the current one.
-- organisations.federation_id stays the current value, written in the same transaction, so
-- every read of the current federation keeps working; the as-of status reads the periods.
CREATE TABLE "federation_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" text NOT NULL,
	"federation_id" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"changed_by" text NOT NULL,
	"reason" text NOT NULL,
	"ended_by" text,
	"end_reason" text,
	CONSTRAINT "federation_memberships_not_self_chk" CHECK ("municipality_id" <> "federation_id"),
	CONSTRAINT "federation_memberships_period_chk" CHECK ("valid_until" IS NULL OR "valid_until" >= "valid_from"),
	CONSTRAINT "federation_memberships_end_chk" CHECK (("valid_until" IS NULL AND "ended_by" IS NULL AND "end_reason" IS NULL)
		OR ("valid_until" IS NOT NULL AND "ended_by" IS NOT NULL AND "end_reason" IS NOT NULL))
);--> statement-breakpoint
ALTER TABLE "federation_memberships" ADD CONSTRAINT "federation_memberships_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "federation_memberships" ADD CONSTRAINT "federation_memberships_federation_id_organisations_id_fk" FOREIGN KEY ("federation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- One current federation per municipality.
CREATE UNIQUE INDEX "federation_memberships_current_uq" ON "federation_memberships" USING btree ("municipality_id") WHERE "valid_until" IS NULL;--> statement-breakpoint
-- A municipality's history, and the period in force at a past moment.
CREATE INDEX "federation_memberships_municipality_idx" ON "federation_memberships" USING btree ("municipality_id","valid_from");--> statement-breakpoint
-- A federation's current members.
CREATE INDEX "federation_memberships_current_federation_idx" ON "federation_memberships" USING btree ("federation_id") WHERE "valid_until" IS NULL;--> statement-breakpoint
-- Every municipality that has a federation today has belonged to it since it was registered:
-- until now no route changed it. (Written to be run again without harm; the tests do.)
INSERT INTO "federation_memberships" ("municipality_id", "federation_id", "valid_from", "changed_by", "reason")
  SELECT o."id", o."federation_id", o."created_at", 'migration:0021', 'The federation the municipality was registered with.'
  FROM "organisations" o
  WHERE o."kind" = 'municipality' AND o."federation_id" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "federation_memberships" m WHERE m."municipality_id" = o."id");--> statement-breakpoint
-- A period is history: it is never deleted, and the only change is ending it, once.
CREATE FUNCTION registry_federation_membership_end_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."valid_until" IS NOT NULL
    OR NEW."id" IS DISTINCT FROM OLD."id" OR NEW."municipality_id" IS DISTINCT FROM OLD."municipality_id"
    OR NEW."federation_id" IS DISTINCT FROM OLD."federation_id" OR NEW."valid_from" IS DISTINCT FROM OLD."valid_from"
    OR NEW."changed_by" IS DISTINCT FROM OLD."changed_by" OR NEW."reason" IS DISTINCT FROM OLD."reason" THEN
    RAISE EXCEPTION 'a federation membership is only ever ended, once' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER federation_memberships_end_only BEFORE UPDATE ON federation_memberships
  FOR EACH ROW EXECUTE FUNCTION registry_federation_membership_end_only();--> statement-breakpoint
CREATE TRIGGER federation_memberships_no_delete BEFORE DELETE ON federation_memberships
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER federation_memberships_no_truncate BEFORE TRUNCATE ON federation_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
GRANT SELECT, INSERT ON "federation_memberships" TO registry_app;--> statement-breakpoint
GRANT UPDATE ("valid_until", "ended_by", "end_reason") ON "federation_memberships" TO registry_app;

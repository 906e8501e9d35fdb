-- Issue 15, items 3 and 4. A call-off stop and a termination say why (ground), a
-- termination whether it is an uppsägning (notice) or a hävning (rescission). Nullable:
-- signals recorded before this migration read null, and the API keeps them optional so
-- existing integrations keep working; reports count them as "not given".
CREATE TYPE "public"."signal_ground" AS ENUM('quality', 'staffing', 'finances', 'under_investigation', 'breach_of_contract', 'other');--> statement-breakpoint
CREATE TYPE "public"."termination_kind" AS ENUM('notice', 'rescission');--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "ground" "signal_ground";--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "termination_kind" "termination_kind";--> statement-breakpoint
ALTER TABLE "signal_versions" ADD COLUMN "ground" "signal_ground";--> statement-breakpoint
ALTER TABLE "signal_versions" ADD COLUMN "termination_kind" "termination_kind";--> statement-breakpoint
-- A tip: a deviation addressed to one organisation (e.g. the purchasing centre that owns
-- the agreement), seen by its issuer, that recipient and auditors only. The events copy
-- the recipient so the feed and subscriptions apply the same rule without a join.
ALTER TABLE "signals" ADD COLUMN "recipient_org_id" text REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "signal_versions" ADD COLUMN "recipient_org_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "signal_recipient_org_id" text REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_tip_restricted" CHECK ("recipient_org_id" IS NULL OR "visibility" = 'issuer_and_auditors');--> statement-breakpoint
CREATE INDEX "signals_recipient_idx" ON "signals" USING btree ("recipient_org_id", "id") WHERE "recipient_org_id" IS NOT NULL;--> statement-breakpoint
-- The signals that led to a stop or termination (tips, deviations), by id.
ALTER TABLE "signals" ADD COLUMN "related_signal_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "signal_versions" ADD COLUMN "related_signal_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- The versioned columns, now with the new ones (migration 0009 has the rest of the story).
CREATE OR REPLACE FUNCTION registry_signal_state(r jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'version', r->'version', 'status', r->'status', 'visibility', r->'visibility',
    'severity', r->'severity', 'category', r->'category', 'summary', r->'summary',
    'details', r->'details', 'reference', r->'reference', 'decision_date', r->'decision_date',
    'unit_id', r->'unit_id', 'agreement_id', r->'agreement_id',
    'ground', r->'ground', 'termination_kind', r->'termination_kind',
    'recipient_org_id', r->'recipient_org_id', 'related_signal_ids', COALESCE(r->'related_signal_ids', '[]'::jsonb),
    'effective_from', to_jsonb(date_trunc('milliseconds', (r->>'effective_from')::timestamptz)),
    'effective_until', to_jsonb(date_trunc('milliseconds', (r->>'effective_until')::timestamptz)))
$$;

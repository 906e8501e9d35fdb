DROP INDEX "signals_supplier_active_idx";--> statement-breakpoint
DROP INDEX "signals_expiry_idx";--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "expired_version" integer;--> statement-breakpoint
-- Signals whose current version was already announced as expired (before this column
-- existed the sweep looked for the event each time, which grew with the registry).
UPDATE "signals" s SET "expired_version" = s."version"
  WHERE EXISTS (SELECT 1 FROM "events" e WHERE e."signal_id" = s."id" AND e."type" = 'signal.expired' AND e."signal_version" = s."version");--> statement-breakpoint
CREATE INDEX "signals_live_other_idx" ON "signals" USING btree ("supplier_org_number") WHERE "signals"."status" = 'active' AND "signals"."type" <> 'deviation' AND ("signals"."expired_version" IS NULL OR "signals"."expired_version" <> "signals"."version");--> statement-breakpoint
CREATE INDEX "signals_live_severe_idx" ON "signals" USING btree ("supplier_org_number","effective_from") WHERE "signals"."status" = 'active' AND "signals"."severity" IN ('high', 'critical');--> statement-breakpoint
CREATE INDEX "signals_expiry_idx" ON "signals" USING btree ("effective_until") WHERE "signals"."status" = 'active' AND "signals"."effective_until" IS NOT NULL AND ("signals"."expired_version" IS NULL OR "signals"."expired_version" <> "signals"."version");
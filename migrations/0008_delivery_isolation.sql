ALTER TYPE "public"."event_type" ADD VALUE 'subscription.failing';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'subscription.disabled';--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "signal_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "signal_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "signal_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "supplier_org_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "issuer_org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "visibility" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "signal" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "resend_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "recipient_org_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "subscription_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "notice" jsonb;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "consecutive_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "last_success_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "last_failure_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "circuit_open_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "failing_announced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_recipient_org_id_organisations_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_in_flight_idx" ON "deliveries" USING btree ("subscription_id") WHERE "deliveries"."status" = 'pending' AND "deliveries"."leased_until" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "deliveries_endpoint_due_idx" ON "deliveries" USING btree ("subscription_id","next_attempt_at") WHERE "deliveries"."status" = 'pending' AND "deliveries"."resend_requested_at" IS NULL;--> statement-breakpoint
CREATE INDEX "deliveries_resend_idx" ON "deliveries" USING btree ("subscription_id","resend_requested_at","id") WHERE "deliveries"."status" = 'pending' AND "deliveries"."resend_requested_at" IS NOT NULL;--> statement-breakpoint
-- A signal event carries every signal column; a notice carries its recipient, its subscription and its text, and no signal.
ALTER TABLE "events" ADD CONSTRAINT "events_signal_or_notice_chk" CHECK (
  ("recipient_org_id" IS NULL AND "signal_id" IS NOT NULL AND "signal_version" IS NOT NULL AND "signal_type" IS NOT NULL
    AND "supplier_org_number" IS NOT NULL AND "issuer_org_id" IS NOT NULL AND "visibility" IS NOT NULL AND "signal" IS NOT NULL)
  OR ("recipient_org_id" IS NOT NULL AND "subscription_id" IS NOT NULL AND "notice" IS NOT NULL AND "signal_id" IS NULL)
);

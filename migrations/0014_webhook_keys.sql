-- Standard Webhooks v1a (issue 14, item 4): deliveries signed with the registry's Ed25519
-- keys on request, so a receiver can show a third party what the registry sent it.
-- Opt-in per subscription: existing receivers see no change.
ALTER TABLE "subscriptions" ADD COLUMN "v1a_signatures" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The registry's webhook signing keys, published at /.well-known/webhook-keys. A key is
-- listed for good: evidence made with it may be checked for as long as a case file is
-- kept. Its private part is sealed (AES-256-GCM under a key derived from AUDIT_SIGNING_KEY)
-- and erased once the key can sign no more.
CREATE TABLE "webhook_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text,
	"valid_from" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	"signs_until" timestamp with time zone,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_signing_keys_period" CHECK ("retired_at" IS NULL OR ("signs_until" IS NOT NULL AND "signs_until" >= "retired_at" AND "retired_at" >= "valid_from"))
);
--> statement-breakpoint
-- At most one key is not retired: the current one, or the next one once a rotation is under way.
CREATE UNIQUE INDEX "webhook_signing_keys_one_unretired" ON "webhook_signing_keys" USING btree ((true)) WHERE "retired_at" IS NULL;--> statement-breakpoint
-- What was published stays as published: a key is never deleted, its public part and start
-- never change, a retirement is final (an overlap can only end sooner), and a private part can only be erased.
CREATE FUNCTION registry_webhook_keys_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'webhook signing key %: a published key is never removed', OLD.kid USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.kid <> OLD.kid OR NEW.public_key <> OLD.public_key OR NEW.valid_from <> OLD.valid_from
    OR NEW.reason <> OLD.reason OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'webhook signing key %: what was published does not change', OLD.kid USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- A later rotation may end an overlap early (at most two keys sign at once), never extend it.
  IF OLD.retired_at IS NOT NULL AND (NEW.retired_at IS DISTINCT FROM OLD.retired_at OR NEW.signs_until > OLD.signs_until) THEN
    RAISE EXCEPTION 'webhook signing key %: a retirement is final', OLD.kid USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.sealed_private_key IS NOT NULL AND NEW.sealed_private_key IS DISTINCT FROM OLD.sealed_private_key THEN
    RAISE EXCEPTION 'webhook signing key %: a private part can only be erased', OLD.kid USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER webhook_signing_keys_guard BEFORE UPDATE OR DELETE ON webhook_signing_keys
  FOR EACH ROW EXECUTE FUNCTION registry_webhook_keys_guard();--> statement-breakpoint
CREATE TRIGGER webhook_signing_keys_no_truncate BEFORE TRUNCATE ON webhook_signing_keys
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON webhook_signing_keys TO registry_app;

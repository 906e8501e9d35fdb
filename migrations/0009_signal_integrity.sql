-- IVO decisions carry their decision date (beslutsdatum). Nullable: rows written before
-- this migration have none and read null; the API requires it on every new IVO decision.
ALTER TABLE "signals" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "signal_versions" ADD COLUMN "decision_date" date;--> statement-breakpoint
-- Scheduled signals: set while a version's period has not begun, cleared when the sweep
-- has announced `signal.took_effect` (signals.expiry.ts). Existing signals whose period
-- lies ahead are announced when it begins.
ALTER TABLE "signals" ADD COLUMN "start_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "signals" SET "start_pending" = true WHERE "status" = 'active' AND "effective_from" > now();--> statement-breakpoint
CREATE INDEX "signals_start_idx" ON "signals" USING btree ("effective_from") WHERE "signals"."status" = 'active' AND "signals"."start_pending";--> statement-breakpoint
-- Not used by any statement of this migration: a value added to an enum cannot be used
-- in the transaction that adds it.
ALTER TYPE "public"."event_type" ADD VALUE 'signal.took_effect';--> statement-breakpoint
-- What a signal says, from a signals row or a signal_versions row (to_jsonb of either):
-- the versioned columns, named alike in both tables. The one list of them, used by the
-- guard, the commit check and `audit verify` (registry_signal_differences). Times are
-- compared to the millisecond: the service writes a version from the row as it read it
-- back, in JavaScript, so a period starting at the database's now() has its microseconds
-- in the row and not in the version.
CREATE FUNCTION registry_signal_state(r jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'version', r->'version', 'status', r->'status', 'visibility', r->'visibility',
    'severity', r->'severity', 'category', r->'category', 'summary', r->'summary',
    'details', r->'details', 'reference', r->'reference', 'decision_date', r->'decision_date',
    'unit_id', r->'unit_id', 'agreement_id', r->'agreement_id',
    'effective_from', to_jsonb(date_trunc('milliseconds', (r->>'effective_from')::timestamptz)),
    'effective_until', to_jsonb(date_trunc('milliseconds', (r->>'effective_until')::timestamptz)))
$$;--> statement-breakpoint
-- How a signal's row differs from its history, as the names of the differing columns
-- (empty when it does not): the row must equal its latest version; its type, supplier and
-- issuer must be those its events carry; and `expired_version` (which takes a signal out
-- of the status read) may name the current version only once its period has ended.
CREATE FUNCTION registry_signal_differences(s signals) RETURNS text[] LANGUAGE sql STABLE AS $$
  WITH latest AS (
    SELECT registry_signal_state(to_jsonb(v)) AS state
    FROM signal_versions v WHERE v.signal_id = s.id ORDER BY v.version DESC LIMIT 1
  ), found AS (
    SELECT 'no_version' AS d WHERE NOT EXISTS (SELECT 1 FROM latest)
    UNION ALL
    SELECT e.key FROM latest l, jsonb_each(registry_signal_state(to_jsonb(s))) e WHERE l.state->e.key IS DISTINCT FROM e.value
    UNION ALL
    SELECT 'expired_version' WHERE s.expired_version = s.version AND NOT COALESCE(s.effective_until <= now(), false)
    UNION ALL
    SELECT c.name FROM events ev
      CROSS JOIN LATERAL (VALUES
        ('type', ev.signal_type::text IS DISTINCT FROM s.type::text),
        ('supplier_org_number', ev.supplier_org_number IS DISTINCT FROM s.supplier_org_number),
        ('issuer_org_id', ev.issuer_org_id IS DISTINCT FROM s.issuer_org_id)) AS c(name, differs)
      WHERE ev.signal_id = s.id AND c.differs
  )
  SELECT COALESCE(array_agg(DISTINCT d ORDER BY d), '{}') FROM found
$$;--> statement-breakpoint
-- Whoever owns the table (or is a superuser) can disable these triggers anyway, so they
-- hold everyone else: the application's role (registry_app) in production. Migrations,
-- seeds and an operator's repair run as the owner; `audit verify` shows what they changed.
CREATE FUNCTION registry_signal_exempt(table_oid oid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT pg_has_role(current_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = table_oid), 'USAGE')
$$;--> statement-breakpoint
-- At once, on every write: what never changes does not, a change of what the signal says
-- comes with a new version number, and a period is announced as ended only once it has.
CREATE FUNCTION registry_signal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF registry_signal_exempt(TG_RELID) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.id, NEW.type, NEW.supplier_org_number, NEW.issuer_org_id, NEW.created_by, NEW.created_at)
      IS DISTINCT FROM (OLD.id, OLD.type, OLD.supplier_org_number, OLD.issuer_org_id, OLD.created_by, OLD.created_at) THEN
    RAISE EXCEPTION 'signal %: its id, type, supplier, issuer and creation never change', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.version = OLD.version AND registry_signal_state(to_jsonb(NEW)) IS DISTINCT FROM registry_signal_state(to_jsonb(OLD)) THEN
    RAISE EXCEPTION 'signal %: a change is a new version, with its event and audit entry', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.expired_version = NEW.version AND NOT COALESCE(NEW.effective_until <= now(), false) THEN
    RAISE EXCEPTION 'signal %: only a period that has ended is announced as expired', NEW.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER signals_guard BEFORE INSERT OR UPDATE ON signals
  FOR EACH ROW EXECUTE FUNCTION registry_signal_guard();--> statement-breakpoint
-- At commit, for each signal created or given a new version in the transaction: the row
-- equals its latest version, and that version's event and an audit entry about the
-- signal were written in this transaction (events.created_at is the transaction's now();
-- an audit entry's recorded_at is the clock during it, so never before now()).
CREATE FUNCTION registry_signal_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s signals;
  differing text[];
BEGIN
  IF registry_signal_exempt(TG_RELID) THEN
    RETURN NULL;
  END IF;
  SELECT * INTO s FROM signals WHERE id = NEW.id;
  differing := registry_signal_differences(s);
  IF cardinality(differing) > 0 THEN
    RAISE EXCEPTION 'signal %: the row differs from its latest version in %', s.id, array_to_string(differing, ', ')
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM events e WHERE e.signal_id = s.id AND e.signal_version = s.version AND e.created_at = now()) THEN
    RAISE EXCEPTION 'signal %: version % has no event written in this transaction', s.id, s.version
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM audit_log a
    WHERE a.target_type = 'signal' AND a.target_id = s.id::text AND a.recorded_at::timestamptz >= now()
  ) THEN
    RAISE EXCEPTION 'signal %: version % has no audit entry written in this transaction', s.id, s.version
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER signals_history_on_insert AFTER INSERT ON signals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_signal_check();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER signals_history_on_version AFTER UPDATE ON signals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
  EXECUTE FUNCTION registry_signal_check();--> statement-breakpoint
GRANT EXECUTE ON FUNCTION registry_signal_state(jsonb), registry_signal_differences(signals), registry_signal_exempt(oid) TO registry_app;

-- The audit chain and its signed heads are append-only for everyone: triggers raise
-- on UPDATE, DELETE and TRUNCATE (a superuser can still disable them; signed heads
-- kept outside the database catch that).
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_heads_append_only BEFORE UPDATE OR DELETE ON audit_heads
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
-- The application's role: what the API and the workers need, and no more. It never
-- gets UPDATE, DELETE or TRUNCATE on the history tables. Production connects as a
-- login role that is a member of registry_app (see README, "Audit trail").
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registry_app') THEN
    CREATE ROLE registry_app NOLOGIN;
  END IF;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO registry_app;--> statement-breakpoint
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO registry_app;--> statement-breakpoint
GRANT UPDATE ON organisations, suppliers, supplier_units, agreements, agreement_suppliers, signals,
  subscriptions, events, deliveries TO registry_app;--> statement-breakpoint
-- Retention prunes delivery attempts and the read log, never the chain.
GRANT DELETE ON delivery_attempts, read_log TO registry_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO registry_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_heads, signal_versions FROM registry_app;

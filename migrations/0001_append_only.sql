-- Signals are never deleted and their versions never change (design.md: amendments,
-- lifts and retractions are new versions). The guard is in the database so that no
-- code path, present or future, can break it.
CREATE FUNCTION registry_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER signal_versions_append_only BEFORE UPDATE OR DELETE ON signal_versions
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER signal_versions_no_truncate BEFORE TRUNCATE ON signal_versions
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER signals_no_delete BEFORE DELETE ON signals
  FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER signals_no_truncate BEFORE TRUNCATE ON signals
  FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();

-- One lock orders both journals: the event sequence (sequence order = commit order,
-- which the cursor feed relies on) and the audit chain (one position and prev_hash
-- per entry, never forked). Every signal write appends to both, so one lock, taken
-- late and held to commit, serialises the least.
--
-- registry_journal_head() takes that lock and then reads the chain's head in one
-- round trip. It must be a VOLATILE function: in READ COMMITTED each statement in it
-- takes a fresh snapshot, so the read after the lock sees the entry that the previous
-- holder committed (a single SELECT would use a snapshot taken before it waited).
CREATE FUNCTION registry_journal_head(OUT head_position bigint, OUT head_hash text, OUT recorded_at text)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7420134);
  SELECT a.position, a.hash INTO head_position, head_hash FROM audit_log a ORDER BY a.position DESC LIMIT 1;
  recorded_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
END
$$;--> statement-breakpoint
-- Every insert into events takes the same lock before its rows draw their sequence
-- numbers (a BEFORE STATEMENT trigger runs before any row is formed), and wakes the
-- relay when it commits. Writers need no round trip of their own for either.
CREATE FUNCTION registry_events_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7420134);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER events_journal_lock BEFORE INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION registry_events_lock();--> statement-breakpoint
CREATE FUNCTION registry_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registry_events', '');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION registry_events_notify();--> statement-breakpoint
GRANT EXECUTE ON FUNCTION registry_journal_head() TO registry_app;

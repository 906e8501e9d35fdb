/**
 * The background jobs' timings, in one place. What an operator tunes is configuration
 * (RELAY_POLL_MS sets the sweep's pace, SHUTDOWN_TIMEOUT the drain); these are fixed by how
 * the jobs work, and each says why it has its value.
 */

/** A pending delivery nobody has leased this long after it fell due was lost on the way (a wake-up Redis dropped), so the sweep wakes its endpoint. */
export const OVERDUE_GRACE_MS = 2_000;

/** Endpoints with overdue deliveries one sweep wakes at most; the next sweep takes the rest. */
export const OVERDUE_ENDPOINTS_PER_SWEEP = 1_000;

/** A job lets its worker slot go after this long, even with attempts still running, so a slow endpoint holds no lane. */
export const SLOT_MS = 1_000;

/** A delivery's lease outlasts one attempt (WEBHOOK_TIMEOUT_MS) by this much, the time to record it. */
export const LEASE_MARGIN_MS = 5_000;

/** Retention pruning (delivery attempts, the read log, idempotency keys, erased webhook keys) runs this often, and once at start. */
export const RETENTION_EVERY_MS = 3_600_000;

/**
 * The Standard Webhooks retry schedule: the first attempt at once, then after
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h — ten attempts over
 * about three days.
 */
export const RETRY_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;
const DAY_MS = 86_400_000;
/** An endpoint that has failed every attempt for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * DAY_MS;
/** DISABLE_AFTER_MS in words, for the reason a disabled subscription shows. */
export const DISABLE_AFTER_TEXT = `${DISABLE_AFTER_MS / DAY_MS} days`;
const JITTER = 0.1;
/** The longest Retry-After honoured; a receiver asking for more is tried again after this. */
const RETRY_AFTER_MAX_MS = DAY_MS;

/**
 * The wait before the next attempt after `attemptsMade` attempts, or null when
 * they are used up. ±10 % jitter spreads retries to an endpoint that came back;
 * a Retry-After from a 429/503 is honoured when longer (up to a day).
 */
export function nextRetryDelay(attemptsMade: number, retryAfterMs: number | null, random = Math.random): number | null {
  const base = RETRY_SCHEDULE_MS[attemptsMade];
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random()));
  return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_MAX_MS));
}

/** An endpoint failing this long is announced to its organisation (`subscription.failing`). */
export const FAILING_NOTICE_AFTER_MS = 15 * 60_000;

/**
 * The circuit breaker (one endpoint = one subscription). A healthy endpoint takes up to
 * HEALTHY_IN_FLIGHT attempts at once; one whose last attempt failed takes one at a time
 * (a probe); after CIRCUIT_OPEN_AFTER failures in a row, or at once on a timeout of an
 * endpoint that has not answered 2xx lately, the circuit opens and no attempt goes to it until circuitOpenFor() has passed — the
 * deliveries that wait meanwhile are not attempts and use none of their retries. An
 * endpoint that answered 2xx within CIRCUIT_RECENT_SUCCESS_MS and fails fast (an HTTP
 * error, not a timeout) is not cut off: it answers some attempts, and a quick answer
 * costs nobody else anything.
 */
export const HEALTHY_IN_FLIGHT = 8;
export const FAILING_IN_FLIGHT = 1;
export const CIRCUIT_OPEN_AFTER = 3;
const CIRCUIT_FIRST_OPEN_MS = 5_000;
const CIRCUIT_MAX_OPEN_MS = 300_000;
/** How long an endpoint that merely has its attempts in flight makes the next one wait. */
export const BUSY_WAIT_MS = 500;
/** An endpoint whose oldest attempt in flight has run this long is slow: the next waits for that attempt's end. */
export const SLOW_AFTER_MS = 1_000;

export const CIRCUIT_RECENT_SUCCESS_MS = 60_000;

/** How long the circuit stays open after `failures` failures in a row, or null while it stays closed. */
export function circuitOpenFor(failures: number, timedOut: boolean, succeededRecently = false): number | null {
  const openMs = Math.min(CIRCUIT_FIRST_OPEN_MS * 2 ** Math.min(Math.max(0, failures - CIRCUIT_OPEN_AFTER), 16), CIRCUIT_MAX_OPEN_MS);
  // A timeout holds a connection for the whole deadline: it opens the circuit at once, unless
  // the endpoint answered 2xx lately (one slow answer of an endpoint that works is a hiccup),
  // and then after CIRCUIT_OPEN_AFTER in a row. A fast failure costs nobody anything: it opens
  // the circuit after CIRCUIT_OPEN_AFTER in a row, and never while the endpoint answers some.
  if (timedOut) return !succeededRecently || failures >= CIRCUIT_OPEN_AFTER ? openMs : null;
  return failures >= CIRCUIT_OPEN_AFTER && !succeededRecently ? openMs : null;
}

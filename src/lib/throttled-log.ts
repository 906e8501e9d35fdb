/** The one logger method a throttled warning needs (pino's, fastify's). */
export interface WarnLog {
  warn(obj: object, msg: string): void;
}

/**
 * A warning for an error that can come many times a second — a Redis or PostgreSQL
 * connection that is away reports every reconnect — written at most once per `everyMs`,
 * with the number left out since the last one, so the log shows the trouble without
 * drowning in it. Errors that are otherwise handled (reconnected, retried, swept up
 * later) still leave a trace this way instead of vanishing.
 */
export function throttledWarn(log: WarnLog | undefined, msg: string, everyMs = 60_000, now: () => number = Date.now): (error: unknown) => void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (error: unknown) => {
    if (!log) return;
    const at = now();
    if (at - last < everyMs) {
      suppressed += 1;
      return;
    }
    last = at;
    log.warn({ err: error, ...(suppressed > 0 ? { suppressed } : {}) }, msg);
    suppressed = 0;
  };
}

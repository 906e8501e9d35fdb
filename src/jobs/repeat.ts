interface RepeatLog {
  warn(obj: object, msg: string): void;
}

/**
 * Runs `run` every `everyMs`, and once at once with `now`. A run still going when the next is
 * due is not joined by a second one. Jobs catch and log their own errors; one that escapes is
 * logged here under the job's name, and the job runs again at the next tick.
 * `keepAlive: false` lets the process exit while the timer waits.
 */
export function repeat(
  name: string,
  everyMs: number,
  run: () => Promise<unknown>,
  { log, now = false, keepAlive = true }: { log: RepeatLog; now?: boolean; keepAlive?: boolean },
): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (error) {
      log.warn({ err: error, job: name }, 'background job failed; trying again at its next run');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  if (!keepAlive) timer.unref();
  if (now) void tick();
  return { stop: () => clearInterval(timer) };
}

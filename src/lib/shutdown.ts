/**
 * Time kept back from the last step's budget for closing connections and exiting, so a
 * drain that uses all it was given still ends before the hard stop.
 */
export const CLOSE_RESERVE_MS = 2_000;

export interface ShutdownStep {
  name: string;
  /** Closes this part; `budgetMs` is what is left of the deadline, less CLOSE_RESERVE_MS. */
  close(budgetMs: number): Promise<unknown>;
}

interface ShutdownLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What the helper needs of `process`; tests pass their own. */
export interface ShutdownProcess {
  on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * The one way the API and the worker stop: on SIGTERM or SIGINT the steps close one after
 * another, in the order given (stop taking work first, connections last), each told how much
 * of `deadlineMs` is left. Past the deadline the process exits with 1 whatever still runs:
 * deliveries leased by then are taken up again by another worker. A step that fails is
 * logged and the next one still runs, and the exit code is 1. A second signal changes nothing.
 */
export function closeOnSignals({
  log,
  deadlineMs,
  steps,
  proc = process,
}: {
  log: ShutdownLog;
  deadlineMs: number;
  steps: ShutdownStep[];
  proc?: ShutdownProcess;
}): { shutdown(signal: string): Promise<void> } {
  let closing: Promise<void> | null = null;
  const shutdown = (signal: string) =>
    (closing ??= (async () => {
      const started = Date.now();
      log.info({ signal, deadlineMs }, 'shutting down');
      const hardStop = setTimeout(() => {
        log.error({ deadlineMs }, 'shutdown deadline passed; exiting');
        proc.exit(1);
      }, deadlineMs);
      hardStop.unref();
      let failed = false;
      for (const step of steps) {
        try {
          await step.close(Math.max(0, deadlineMs - CLOSE_RESERVE_MS - (Date.now() - started)));
        } catch (error) {
          failed = true;
          log.error({ err: error, step: step.name }, 'could not close cleanly');
        }
      }
      clearTimeout(hardStop);
      proc.exit(failed ? 1 : 0);
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) proc.on(signal, () => void shutdown(signal));
  return { shutdown };
}

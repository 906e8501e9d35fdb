import type { Db, Tx } from './client.ts';

interface Work {
  run: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Work the writes of a batch may leave to its end: `begin` before the first write of a batch
 * that runs without savepoints, `finish` after the last, in the same transaction (the audit
 * chain's entries, written together: audit.repository.ts). A batch run again with savepoints
 * runs without it, each write doing all of its own work.
 */
export interface BatchEnd {
  begin(tx: Tx): void;
  finish(tx: Tx): Promise<void>;
}

/**
 * Group commit for new signals. Every signal write appends to the event sequence and
 * the audit chain under one lock that is held until commit (migrations/0006), so
 * writers commit one at a time and each waits for its own WAL flush. Instead, writes
 * that arrive while a transaction is running wait for it and then run together in
 * the next one. A write that fails rolls back alone and its caller gets its error: the
 * batch is run again with each write in its own savepoint (runBatch), and the others
 * commit together. Every caller hears only after that commit. A write must therefore
 * do nothing outside its transaction (it may run twice; only one run commits). If the commit itself fails, every write in it fails (none was
 * acknowledged). A write that arrives when nothing is running starts at once, so a
 * quiet registry sees no extra latency.
 *
 * Only for work that takes no row locks before the journal lock (creating signals):
 * a batch holds the journal lock from its first write on, and a later write waiting
 * for a row lock held by a transaction that waits for the journal lock would deadlock.
 */
// Each write in a batch run again is a subtransaction; more than 64 in one transaction would
// overflow PostgreSQL's per-backend subtransaction cache and slow every other backend's snapshots.
export function createGroupCommit(db: Db, options: { maxBatch?: number; end?: BatchEnd } = {}) {
  const { maxBatch = 32, end } = options;
  const queue: Work[] = [];
  let running = false;

  const runBatch = async (batch: Work[]) => {
    if (batch.length === 1) {
      // Alone: no savepoint needed; an error rolls the transaction back.
      const [work] = batch as [Work];
      try {
        work.resolve(await db.transaction((tx) => work.run(tx)));
      } catch (error) {
        work.reject(error);
      }
      return;
    }
    // First without savepoints (two round trips less per write): writes rarely fail once
    // their checks have passed. If one does, nothing of the batch was committed, and the
    // batch runs again with a savepoint per write, as below. A failed commit is not run
    // again: every write of it fails, as if it had savepoints.
    let failedInside = false;
    try {
      const values = await db.transaction(async (tx) => {
        const values: unknown[] = [];
        end?.begin(tx);
        try {
          for (const work of batch) values.push(await work.run(tx));
          await end?.finish(tx);
        } catch (error) {
          // A write's own failure, or one in what the writes left to the end: run again with savepoints.
          failedInside = true;
          throw error;
        }
        return values;
      });
      batch.forEach((work, i) => work.resolve(values[i]));
      return;
    } catch (error) {
      if (!failedInside) {
        for (const work of batch) work.reject(error);
        return;
      }
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await db.transaction(async (tx) => {
        for (const work of batch) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction((savepoint) => work.run(savepoint)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const work of batch) work.reject(error);
      return;
    }
    batch.forEach((work, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) work.resolve(outcome.value);
      else work.reject(outcome.error);
    });
  };

  const drain = async () => {
    running = true;
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, maxBatch));
    } finally {
      running = false;
    }
  };

  return {
    /** Runs `fn` in a transaction, possibly shared with other writes; resolves after the commit. */
    run: <T>(fn: (tx: Tx) => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        queue.push({ run: fn, resolve: resolve as (value: unknown) => void, reject });
        // Fire-and-forget: runBatch settles every caller's promise and never throws.
        if (!running) void drain();
      }),
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { EVENTS_CHANNEL } from '../src/modules/events/events.repository.ts';
import { startWorkers } from '../src/workers.ts';
import { notificationEnv, startTestApp, type TestApp } from './helpers/app.ts';
import { callOffStop, cast, createSupplier, postSignal, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver } from './helpers/receiver.ts';

// The app runs no workers of its own: each test starts the relay with the wake-ups it
// wants to prove, so nothing else can move the outbox.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(notificationEnv());
  await seedCast(t);
});
afterAll(() => t.close());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

/** Polling effectively off: the relay only moves when something wakes it. */
const NO_POLLING = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runWorkers(config: Partial<Config>, database: Database = t.database) {
  const workers = await startWorkers({ config: { ...t.config, ...config }, database, log: t.app.log });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= workers.close(2_000));
  cleanups.push(close);
  // Let the relay's start-up run finish, so what follows is woken by NOTIFY or the poll.
  await sleep(300);
  return { close };
}

async function subscriber() {
  const receiver = await startReceiver();
  cleanups.push(() => receiver.close());
  const supplier = await createSupplier(t);
  await subscribe(t, cast.timra.id, receiver.url, { suppliers: [supplier] });
  return { receiver, supplier };
}

async function postStop(supplierOrgNumber: string): Promise<{ id: string; posted: number }> {
  const { id } = await postSignal(t, cast.sundsvall.id, callOffStop(supplierOrgNumber));
  return { id, posted: Date.now() };
}

/** The backends LISTENing on the events channel in this test's database. */
async function listeners(): Promise<number[]> {
  const { rows } = await t.database.pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
    [`LISTEN "${EVENTS_CHANNEL}"`],
  );
  return rows.map((r) => Number(r.pid));
}

describe('the outbox relay wakes up', () => {
  it('on NOTIFY alone: a delivery arrives within about a second with polling off', async () => {
    await runWorkers({ RELAY_POLL_MS: NO_POLLING });
    const { receiver, supplier } = await subscriber();
    const { posted } = await postStop(supplier);
    await receiver.waitFor(1, 3_000);
    expect(receiver.received[0]!.at - posted).toBeLessThan(1_500);
  });

  it('by polling alone when no NOTIFY arrives', async () => {
    // A LISTEN that never hears anything, as when notifications are lost.
    const deaf: Database = { ...t.database, listen: async () => async () => {} };

    // Control: deaf and not polling, the outbox stays put — nothing else wakes the relay.
    const control = await runWorkers({ RELAY_POLL_MS: NO_POLLING }, deaf);
    const unheard = await subscriber();
    const stop = await postStop(unheard.supplier);
    await sleep(1_500);
    expect(unheard.receiver.received).toHaveLength(0);
    const waiting = await t.database.pool.query('SELECT count(*)::int AS n FROM events WHERE relayed_at IS NULL AND signal_id = $1', [stop.id]);
    expect(waiting.rows[0].n).toBe(1);
    await control.close();

    // Deaf but polling every 400 ms: the next poll relays it.
    await runWorkers({ RELAY_POLL_MS: 400 }, deaf);
    await unheard.receiver.waitFor(1, 3_000);
    const { receiver, supplier } = await subscriber();
    const { posted } = await postStop(supplier);
    await receiver.waitFor(1, 3_000);
    expect(receiver.received[0]!.at - posted).toBeLessThan(2_000);
  });

  it('re-opens a lost LISTEN connection, so NOTIFY keeps working without polling', async () => {
    await runWorkers({ RELAY_POLL_MS: NO_POLLING });
    for (let round = 0; round < 2; round++) {
      const [listener] = await listeners();
      expect(listener, 'a backend LISTENs').toBeDefined();
      await t.database.pool.query('SELECT pg_terminate_backend($1)', [listener]);

      // An event committed while nobody listens is relayed once the connection is back.
      const missed = await subscriber();
      await postStop(missed.supplier);
      await missed.receiver.waitFor(1, 5_000);

      await expect.poll(listeners, { timeout: 5_000, interval: 100 }).toSatisfy((pids: number[]) => pids.length === 1 && pids[0] !== listener);
      const { receiver, supplier } = await subscriber();
      const { posted } = await postStop(supplier);
      await receiver.waitFor(1, 3_000);
      expect(receiver.received[0]!.at - posted, `round ${round + 1}`).toBeLessThan(1_500);
    }
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEnv, startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver } from './helpers/receiver.ts';

const workerEntry = fileURLToPath(new URL('../src/worker.ts', import.meta.url));
const env = { ...notificationEnv(), WEBHOOK_TIMEOUT_MS: '10000' };
let t: TestApp;
const children: ChildProcess[] = [];
const closers: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  // The API only; the delivery workers run as child processes, as `npm run worker` runs them.
  t = await startTestApp(env);
  await seedCast(t);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const close of closers) await close();
  await t.close();
});

/** The real worker process on this test's database and Redis prefix. */
function startWorker() {
  const child = spawn(process.execPath, [workerEntry], {
    env: { ...process.env, ...env, DATABASE_URL: t.testDb.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  /** Resolves once the worker has started its relay and queue workers (and handles SIGTERM). */
  const started = () =>
    expect.poll(() => output.includes('delivery workers started'), { timeout: 20_000, interval: 50 }).toBe(true);
  return { child, exited, started, output: () => output };
}

const attemptsOf = async (subscriptionId: string) =>
  (
    await t.database.pool.query(
      `SELECT d.status, d.attempts, (SELECT count(*)::int FROM delivery_attempts a WHERE a.delivery_id = d.id) AS logged
       FROM deliveries d WHERE d.subscription_id = $1`,
      [subscriptionId],
    )
  ).rows as Array<{ status: string; attempts: number; logged: number }>;

describe('worker graceful shutdown', () => {
  it('on SIGTERM during a slow delivery: finishes it, records it once, and exits 0 within the deadline', async () => {
    const SLOW_MS = 3_000;
    const receiver = await startReceiver(() => ({ status: 204, delayMs: SLOW_MS }));
    closers.push(() => receiver.close());
    const supplier = await createSupplier(t);
    const sub = await subscribe(t, cast.umea.id, receiver.url, { suppliers: [supplier] });

    const worker = startWorker();
    const res = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.sundsvall.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Avropspaus.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    await receiver.waitFor(1, 20_000);

    // The webhook is in flight: the receiver holds its answer for SLOW_MS.
    const termAt = Date.now();
    worker.child.kill('SIGTERM');
    const exit = await worker.exited;
    expect(exit, worker.output()).toMatchObject({ code: 0, signal: null });
    // It waited for the answer rather than dropping the attempt, and did not run into the hard stop (SHUTDOWN_TIMEOUT, 15 s).
    expect(exit.at - termAt).toBeGreaterThanOrEqual(SLOW_MS - 1_000);
    expect(exit.at - termAt).toBeLessThan(SLOW_MS + 5_000);
    expect(await attemptsOf(sub.id)).toEqual([{ status: 'succeeded', attempts: 1, logged: 1 }]);

    // A worker started afterwards finds nothing left to send.
    const next = startWorker();
    await next.started();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.received).toHaveLength(1);
    expect(await attemptsOf(sub.id)).toEqual([{ status: 'succeeded', attempts: 1, logged: 1 }]);
    next.child.kill('SIGTERM');
    expect((await next.exited).code, next.output()).toBe(0);
  }, 60_000);
});

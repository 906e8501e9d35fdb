import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDeliveryRepository } from '../src/modules/deliveries/deliveries.repository.ts';
import { createOutboxRelay } from '../src/modules/events/events.relay.ts';
import { createEventRepository } from '../src/modules/events/events.repository.ts';
import { createOrganisationRepository } from '../src/modules/organisations/organisations.repository.ts';
import { createSubscriptionRepository } from '../src/modules/subscriptions/subscriptions.repository.ts';
import { createDeliveryQueue } from '../src/queue/delivery-queue.ts';
import { createRedis, jobs } from '../src/queue/queues.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { notificationEnv, startTestApp, TEST_JWT_SECRET } from './helpers/app.ts';
import { callOffStop, cast, createSupplier, postSignal, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver, verifyWebhook } from './helpers/receiver.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

const silentLog = { debug() {}, info() {}, warn() {}, error() {} } as never;

describe('Redis unavailable when a stop is posted', () => {
  it('answers 201 at once, sends the stop without the queue, and delivers a deviation once Redis is back', async () => {
    const redis = new URL(inject('redisUrl'));
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    cleanups.push(() => proxy.close());
    const t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { workers: true });
    cleanups.push(() => t.close());
    await seedCast(t);
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const sub = await subscribe(t, cast.sundsvall.id, receiver.url);
    const orgNumber = await createSupplier(t);

    await proxy.cut();
    const started = Date.now();
    const stop = await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    expect(Date.now() - started).toBeLessThan(2_000);
    // The relay sends a stop's first attempts to healthy endpoints itself: no queue in between.
    await receiver.waitFor(1, 10_000);
    expect(verifyWebhook(sub.secret, receiver.received[0]!).data.signal.id).toBe(stop.id);

    // A deviation goes by its fan-out job: while Redis is away it waits in the database, due, for the overdue sweep.
    const deviation = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'other', summary: 'Försenad leverans.' },
    });
    expect(deviation.statusCode, deviation.body).toBe(201);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.received).toHaveLength(1);
    const pending = await t.database.pool.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending' AND attempts = 0`);
    expect(pending.rows[0].n).toBeGreaterThan(0);

    await proxy.restore();
    await receiver.waitFor(2, 20_000);
    expect(verifyWebhook(sub.secret, receiver.received[1]!).data.signal.id).toBe(deviation.json().id);
  });
});

describe('a worker killed in the middle of a fan-out', () => {
  let worker: ChildProcess | null = null;
  afterAll(() => worker?.kill('SIGKILL'));

  it('still gets the event to every subscriber, duplicates carrying the same webhook-id', async () => {
    const env = notificationEnv();
    const t = await startTestApp(env);
    cleanups.push(() => t.close());
    await seedCast(t);
    // Slow subscribers keep the fan-out in flight long enough to kill the worker inside it.
    const receivers = await Promise.all(
      Array.from({ length: 12 }, () => startReceiver(() => ({ status: 204, delayMs: 300 }))),
    );
    cleanups.push(() => Promise.all(receivers.map((r) => r.close())));
    const members = [cast.sundsvall.id, cast.timra.id, cast.kfv.id, cast.revisor.id];
    const subs: Array<{ id: string; secret: string }> = [];
    for (const [i, r] of receivers.entries()) subs.push(await subscribe(t, members[i % members.length]!, r.url));
    const orgNumber = await createSupplier(t);

    const workerEnv = {
      ...process.env,
      ...env,
      DATABASE_URL: t.testDb.url,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      WORKER_LOCK_MS: '2000',
    };
    const entry = fileURLToPath(new URL('../src/worker.ts', import.meta.url));
    const first = spawn(process.execPath, [entry], { env: workerEnv, stdio: 'ignore' });
    worker = first;
    // The stop is posted; kill the worker the moment the first webhook lands.
    const stop = await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await Promise.race(receivers.map((r) => r.waitFor(1, 20_000)));
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const before = await t.database.pool.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'`);
    expect(before.rows[0].n).toBeLessThan(receivers.length);

    const second = spawn(process.execPath, [entry], { env: { ...workerEnv, LOG_LEVEL: process.env.DEBUG_WORKER ? 'debug' : 'silent' }, stdio: process.env.DEBUG_WORKER ? 'inherit' : 'ignore' });
    worker = second;
    await Promise.all(receivers.map((r) => r.waitFor(1, 30_000)));
    // Let any duplicate that is under way land before checking ids.
    await expect
      .poll(async () => (await t.database.pool.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'`)).rows[0].n, {
        timeout: 20_000,
      })
      .toBe(receivers.length);
    receivers.forEach((r, i) => {
      const ids = new Set(r.received.map((x) => x.headers['webhook-id']));
      expect(ids.size).toBe(1);
      for (const received of r.received) expect(verifyWebhook(subs[i]!.secret, received).data.signal.id).toBe(stop.id);
    });
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
  }, 90_000);
});

describe('the relay run twice', () => {
  it('never queues an event or a delivery twice', async () => {
    const env = notificationEnv();
    const t = await startTestApp(env);
    cleanups.push(() => t.close());
    await seedCast(t);
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    for (const org of [cast.sundsvall.id, cast.timra.id, cast.umea.id, cast.revisor.id]) await subscribe(t, org, receiver.url);
    const orgNumber = await createSupplier(t);
    for (let i = 0; i < 3; i++) await postSignal(t, cast.umea.id, callOffStop(orgNumber));

    const producer = createRedis(env.REDIS_URL!, 'producer');
    const queue = createDeliveryQueue(producer, env.REDIS_PREFIX!, 'urgent');
    cleanups.push(async () => {
      await queue.queue.obliterate({ force: true });
      await queue.close();
      producer.disconnect();
    });
    const makeRelay = () =>
      createOutboxRelay({
        db: t.database.db,
        listen: t.database.listen,
        events: createEventRepository(t.database.db),
        subscriptions: createSubscriptionRepository(t.database.db),
        organisations: createOrganisationRepository(t.database.db),
        deliveries: createDeliveryRepository(t.database.db),
        afterCommit: async (queued) => {
          await queue.enqueue(queued.map(({ seq }) => jobs.fanout(seq)));
        },
        newId: uuidv7,
        pollMs: 60_000,
        log: silentLog,
      });
    const [a, b] = [makeRelay(), makeRelay()];
    await Promise.all([a.relayBatch(), b.relayBatch(), a.relayBatch()]);
    await Promise.all([a.relayBatch(), b.relayBatch()]);

    const deliveries = await t.database.pool.query(
      'SELECT count(*)::int AS n, count(DISTINCT (subscription_id, event_seq))::int AS pairs FROM deliveries',
    );
    expect(deliveries.rows[0]).toEqual({ n: 12, pairs: 12 });
    expect(await queue.queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(3);

    // A relay that crashed after queueing but before marking the events relayed queues them again: the job ids hold.
    const seqs = (await t.database.pool.query('SELECT seq FROM events ORDER BY seq')).rows.map((r) => Number(r.seq));
    await queue.enqueue(seqs.map(jobs.fanout));
    expect(await queue.queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(3);
  });
});

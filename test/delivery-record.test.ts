import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { type AttemptOutcome, createDeliveryRepository } from '../src/modules/deliveries/deliveries.repository.ts';
import { recordOutcomes } from '../src/modules/deliveries/deliveries.service.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await seedCast(t);
});
afterAll(() => t.close());

describe('recording delivery results', () => {
  it('records many fan-outs at once against the same subscriptions without a deadlock', async () => {
    // 8 subscriptions and 24 events: every event has a delivery to every subscription.
    const subs: Array<{ id: string; secret: string }> = [];
    for (let i = 0; i < 8; i++) subs.push(await subscribe(t, [cast.sundsvall.id, cast.timra.id, cast.umea.id, cast.kfv.id][i % 4]!, `http://127.0.0.1:9/${i}`));
    const orgNumber = await createSupplier(t);
    for (let i = 0; i < 24; i++) {
      await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: `Händelse ${i}.` } });
    }
    const seqs = (await t.database.pool.query('SELECT seq FROM events ORDER BY seq')).rows.map((r) => Number(r.seq));
    const repo = createDeliveryRepository(t.database.db);
    await repo.createMany(seqs.flatMap((seq) => subs.map((s) => ({ id: uuidv7(), subscriptionId: s.id, eventSeq: seq }))));

    // One "fan-out job" per event, all recording concurrently; half the subscribers fail, half succeed,
    // in a different order per job, as in a busy worker.
    const results = await Promise.allSettled(
      seqs.map(async (seq, j) => {
        // Taken as leased without the circuit breaker's in-flight limit, which would hold most back.
        const leased = (
          await t.database.pool.query(
            `UPDATE deliveries SET leased_until = now() + interval '1 minute' WHERE event_seq = $1 RETURNING id, subscription_id`,
            [seq],
          )
        ).rows as Array<{ id: string; subscription_id: string }>;
        const outcomes: AttemptOutcome[] = leased.map((c, i) => ({
          deliveryId: c.id,
          subscriptionId: c.subscription_id,
          attempt: 1,
          startedAt: new Date(),
          durationMs: 1,
          statusCode: (i + j) % 2 ? 500 : 204,
          error: (i + j) % 2 ? 'HTTP 500' : null,
          ok: (i + j) % 2 === 0,
          nextAttemptAt: (i + j) % 2 ? new Date(Date.now() + 5_000) : null,
          disableReason: null,
          timedOut: false,
        }));
        await recordOutcomes(repo, j % 2 ? outcomes.reverse() : outcomes);
      }),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const counts = await t.database.pool.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status ORDER BY status`);
    expect(counts.rows).toEqual([
      { status: 'pending', n: (seqs.length * subs.length) / 2 },
      { status: 'succeeded', n: (seqs.length * subs.length) / 2 },
    ]);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM delivery_attempts')).rows[0].n).toBe(seqs.length * subs.length);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver } from './helpers/receiver.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({}, { workers: true }); await seedCast(t); });
afterAll(() => t.close());

it('latency', async () => {
  const r = await startReceiver();
  for (let i = 0; i < 5; i++) {
    const orgNumber = await createSupplier(t);
    await subscribe(t, cast.umea.id, r.url, { suppliers: [orgNumber] });
    const t0 = Date.now();
    await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'x.' } });
    await r.waitFor(i + 1);
    const res = await t.database.pool.query('select d.created_at, a.started_at, e.created_at as ev from deliveries d join delivery_attempts a on a.delivery_id = d.id join events e on e.seq = d.event_seq order by d.created_at desc limit 1');
    process.stderr.write(`latency ${Date.now() - t0} ms ${JSON.stringify(res.rows[0])}\n`);
  }
  expect(1).toBe(1);
  await new Promise((r) => setTimeout(r, 300));
  await r.close();
});

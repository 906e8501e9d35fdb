import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers } from '../src/workers.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

// The checkpoint signer runs in the workers, not in every API replica (issue 18).
const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
let t: TestApp;
beforeAll(async () => {
  // The API alone: nothing here signs a checkpoint unless asked.
  t = await startTestApp({ AUDIT_SIGNING_KEY: pem });
  await seedCast(t);
  await createSupplier(t);
});
afterAll(() => t.close());

const checkpoints = async () => (await t.database.pool.query('SELECT size FROM audit_checkpoints ORDER BY size')).rows.map((r) => Number(r.size));
const logSize = async () => Number((await t.database.pool.query('SELECT max(position) AS n FROM audit_log')).rows[0].n);

describe('the checkpoint signer', () => {
  it('runs in the workers: they sign the grown log at start, under the key the API verifies with', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await checkpoints()).toEqual([]);
    const workers = await startWorkers({ config: t.config, database: t.database, log: pino({ level: 'silent' }) });
    try {
      const coversLog = async () => (await checkpoints()).at(-1) === (await logSize());
      await expect.poll(coversLog, { timeout: 5_000, interval: 50 }).toBe(true);
      const res = await t.request({ method: 'GET', url: '/v1/audit/checkpoint', as: cast.revisor.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().size).toBe(await logSize());
    } finally {
      await workers.close(2_000);
    }
  });

  it('does not run in a worker without AUDIT_SIGNING_KEY: a key it made for itself nobody could verify', async () => {
    await createSupplier(t);
    const before = await checkpoints();
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    const workers = await startWorkers({ config: { ...t.config, AUDIT_SIGNING_KEY: undefined }, database: t.database, log });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await checkpoints()).toEqual(before);
      expect(warnings).toContainEqual(expect.stringMatching(/AUDIT_SIGNING_KEY is not set: these workers sign no audit checkpoints/));
    } finally {
      await workers.close(2_000);
    }
  });
});

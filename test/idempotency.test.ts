import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import * as schema from '../src/db/schema.ts';
import { createIdempotencyRepository } from '../src/modules/idempotency/idempotency.repository.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

let t: TestApp;
let orgNumber: string;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  orgNumber = await createSupplier(t);
});
afterAll(() => t.close());

const deviation = (summary: string) => ({ type: 'deviation', supplierOrgNumber: orgNumber, severity: 'medium', category: 'reporting', summary });
const post = (key: string | undefined, payload: object, as: string = cast.sundsvall.id) =>
  t.request({ method: 'POST', url: '/v1/signals', as, payload, headers: key === undefined ? {} : { 'idempotency-key': key } });
const countSignals = async (summary: string) =>
  (await t.database.pool.query('SELECT count(*)::int AS n FROM signals WHERE summary = $1', [summary])).rows[0].n as number;

describe('Idempotency-Key', () => {
  it('replays the original response for the same key and body, creating nothing new', async () => {
    const first = await post('retry-1', deviation('Första försöket.'));
    expect(first.statusCode).toBe(201);
    const again = await post('retry-1', deviation('Första försöket.'));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countSignals('Första försöket.')).toBe(1);
  });

  it('answers 422 for the same key with a different body', async () => {
    expect((await post('retry-2', deviation('Ett.'))).statusCode).toBe(201);
    const other = await post('retry-2', deviation('Ett annat.'));
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.json().code).toBe('idempotency.key_reused');
    expect(await countSignals('Ett annat.')).toBe(0);
  });

  it('creates exactly one signal from 10 parallel identical POSTs; the others are 409 or replays', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => post('parallel-1', deviation('Parallellt.'))));
    const codes = results.map((r) => r.statusCode);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('idempotency.in_progress');
    const ids = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(await countSignals('Parallellt.')).toBe(1);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    // Take the fingerprint of this exact request from a completed one, then leave a
    // claim on another key "running", as a request in flight does.
    expect((await post('probe', deviation('Under behandling.'))).statusCode).toBe(201);
    const { rows } = await t.database.pool.query(`SELECT fingerprint FROM idempotency_keys WHERE org_id = 'sundsvall' AND key = 'probe'`);
    await t.database.pool.query(`INSERT INTO idempotency_keys (org_id, key, fingerprint, state) VALUES ('sundsvall', 'in-flight', $1, 'running')`, [rows[0].fingerprint]);
    const res = await post('in-flight', deviation('Under behandling.'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('idempotency.in_progress');
    expect(await countSignals('Under behandling.')).toBe(1);
  });

  it('scopes keys to the organisation', async () => {
    const a = await post('shared-key', deviation('Sundsvalls.'), cast.sundsvall.id);
    const b = await post('shared-key', deviation('Timrås.'), cast.timra.id);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).not.toBe(a.json().id);
  });

  it('replays a 4xx answer too, and works on other write routes', async () => {
    const bad = await post('bad-1', { ...deviation('Okänd leverantör.'), supplierOrgNumber: '556016-0680' });
    expect(bad.statusCode).toBe(422);
    const replay = await post('bad-1', { ...deviation('Okänd leverantör.'), supplierOrgNumber: '556016-0680' });
    expect(replay.statusCode).toBe(422);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const signal = (await post(undefined, deviation('Att dra tillbaka.'))).json();
    const retract = (key: string) =>
      t.request({ method: 'POST', url: `/v1/signals/${signal.id}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel.' }, headers: { 'idempotency-key': key } });
    expect((await retract('retract-1')).statusCode).toBe(200);
    const second = await retract('retract-1');
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);
    // Without the key, the same request is a new request: the signal is already retracted.
    expect((await t.request({ method: 'POST', url: `/v1/signals/${signal.id}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel.' } })).statusCode).toBe(409);
  });

  it('rejects a malformed key and behaves as before without one', async () => {
    const res = await post('x'.repeat(300), deviation('Lång nyckel.'));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('idempotency.invalid_key');
    expect((await post(undefined, deviation('Utan nyckel.'))).statusCode).toBe(201);
    expect((await post(undefined, deviation('Utan nyckel.'))).statusCode).toBe(201);
    expect(await countSignals('Utan nyckel.')).toBe(2);
  });

  it('forgets a key after 24 hours: it may then be used for a different request', async () => {
    const first = await post('daily-1', deviation('Igår.'));
    expect(first.statusCode).toBe(201);
    const ageKey = (hours: number) =>
      t.database.pool.query(`UPDATE idempotency_keys SET created_at = now() - make_interval(hours => $1) WHERE org_id = 'sundsvall' AND key = 'daily-1'`, [hours]);
    await ageKey(23);
    expect((await post('daily-1', deviation('Idag.'))).statusCode).toBe(422);

    await ageKey(25);
    const second = await post('daily-1', deviation('Idag.'));
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().id).not.toBe(first.json().id);
    // The key now stands for the new request.
    const replay = await post('daily-1', deviation('Idag.'));
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(second.json().id);
    expect(await countSignals('Idag.')).toBe(1);
  });

  it('claims a key released between its insert and its read, rather than taking "no record" for claimed', async () => {
    // The first request with this key is still running; its handler fails and releases the key
    // right after our insert found the key taken and before we read it.
    await t.database.pool.query(`INSERT INTO idempotency_keys (org_id, key, fingerprint, state) VALUES ('sundsvall', 'released-1', 'theirs', 'running')`);
    const other = createIdempotencyRepository(t.database.db);
    const pool = new pg.Pool({ connectionString: t.testDb.url, max: 2 });
    const query = pool.query.bind(pool) as (config: unknown, params?: unknown) => Promise<unknown>;
    let released = false;
    Object.assign(pool, {
      query: async (config: string | { text: string }, params?: unknown) => {
        const text = typeof config === 'string' ? config : config.text;
        if (!released && /^select\b/i.test(text) && text.includes('"idempotency_keys"')) {
          released = true;
          await other.release('sundsvall', 'released-1');
        }
        return query(config, params);
      },
    });
    try {
      const keys = createIdempotencyRepository(drizzle(pool, { schema, casing: 'snake_case' }) as unknown as Db);
      expect(await keys.claim('sundsvall', 'released-1', 'ours')).toEqual({ claimed: true });
      expect(released).toBe(true);
      // Claimed means held: the key is there, running, with our request's fingerprint.
      const { rows } = await t.database.pool.query(`SELECT fingerprint, state FROM idempotency_keys WHERE org_id = 'sundsvall' AND key = 'released-1'`);
      expect(rows).toEqual([{ fingerprint: 'ours', state: 'running' }]);
    } finally {
      await pool.end();
    }
  });
});

describe('Idempotency-Key on answers that carry a signing secret', () => {
  const subscription = { url: 'https://8.8.8.8/hook' };
  const as = (sub: string) => ({ authorization: `Bearer ${t.token(cast.sundsvall.id, undefined, { sub })}` });
  const createAs = (sub: string, key: string) =>
    t.app.inject({ method: 'POST', url: '/v1/subscriptions', payload: subscription, headers: { ...as(sub), 'idempotency-key': key } });
  const rotateAs = (sub: string, key: string, id: string) =>
    t.app.inject({ method: 'POST', url: `/v1/subscriptions/${id}/rotate-secret`, headers: { ...as(sub), 'idempotency-key': key } });
  const storedBody = async (key: string) =>
    (await t.database.pool.query(`SELECT body FROM idempotency_keys WHERE org_id = 'sundsvall' AND key = $1`, [key])).rows[0]?.body as string;
  const countSubscriptions = async () =>
    (await t.database.pool.query(`SELECT count(*)::int AS n FROM subscriptions WHERE org_id = 'sundsvall'`)).rows[0].n as number;

  it('keeps no clear secret in the store, replays it to the client that created it and withholds it from another', async () => {
    const before = await countSubscriptions();
    const first = await createAs('case-system', 'sub-create-1');
    expect(first.statusCode, first.body).toBe(201);
    const { secret } = first.json() as { secret: string };
    expect(secret).toMatch(/^whsec_/);

    const stored = await storedBody('sub-create-1');
    expect(stored).toBeTruthy();
    expect(stored).not.toContain('whsec_');
    expect(stored).not.toContain(secret.slice('whsec_'.length));
    expect(JSON.parse(stored).id).toBe(first.json().id);

    const retry = await createAs('case-system', 'sub-create-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());

    // A colleague's client in the same organisation, same key, same request.
    const other = await createAs('another-client', 'sub-create-1');
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.json().code).toBe('idempotency.secret_withheld');
    expect(other.body).not.toContain(secret);
    expect(other.body).not.toContain('whsec_');
    expect(await countSubscriptions()).toBe(before + 1);
  });

  it('does the same for rotate-secret', async () => {
    const { id } = (await createAs('case-system', 'sub-create-2')).json() as { id: string };
    const rotated = await rotateAs('case-system', 'sub-rotate-2', id);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret } = rotated.json() as { secret: string };

    const stored = await storedBody('sub-rotate-2');
    expect(stored).not.toContain('whsec_');
    expect(stored).not.toContain(secret.slice('whsec_'.length));

    const retry = await rotateAs('case-system', 'sub-rotate-2', id);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().secret).toBe(secret);

    const other = await rotateAs('another-client', 'sub-rotate-2', id);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('idempotency.secret_withheld');
    expect(other.body).not.toContain(secret);
  });

  it('still replays answers without a secret to every client of the organisation', async () => {
    const headers = (sub: string) => ({ ...as(sub), 'idempotency-key': 'shared-signal' });
    const payload = deviation('Delad nyckel.');
    const first = await t.app.inject({ method: 'POST', url: '/v1/signals', payload, headers: headers('case-system') });
    expect(first.statusCode).toBe(201);
    const other = await t.app.inject({ method: 'POST', url: '/v1/signals', payload, headers: headers('another-client') });
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBe('true');
    expect(other.json()).toEqual(first.json());
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, deviation, seedCast } from './helpers/factories.ts';
import { type OpenApiOperation, operationsOf, type Pools } from './helpers/fuzz-arbitraries.ts';
import { createOracle } from './helpers/fuzz-oracle.ts';
import { ALL_SCOPES, type AuthSpec, BAD_AUTH_VARIANTS, describeSpec, injectOptionsOf, requestArb, type RequestSpec } from './helpers/fuzz-request.ts';

/**
 * Property-based fuzzing of every operation in openapi/openapi.json (issue 7, item 4).
 * For each operation fast-check generates valid, almost-valid (one thing mutated) and
 * hostile requests and sends them through app.inject, mostly as a real organisation
 * holding every scope, sometimes with no token or a bad one. Every answer must be:
 * not a 5xx; if not a 2xx, RFC 9457 problem+json with a stable code; if a 2xx, valid
 * against the response schema the document declares.
 *
 * FUZZ_RUNS   cases per operation (default 30 here; `npm run fuzz` runs 2000)
 * FUZZ_SEED   base seed (each operation derives its own from it); printed on failure
 * FUZZ_PATH   fast-check counterexample path, to replay one failure with FUZZ_SEED and -t
 * FUZZ_REPORT print the status codes seen per operation
 */

const doc = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
const operations = operationsOf(doc);
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 30));
const BASE_SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
const REPLAY_PATH = process.env.FUZZ_PATH || undefined;
const REPORT = process.env.FUZZ_REPORT === '1';
// Roughly 10 ms per case on a slow machine, plus shrinking room.
const TIMEOUT_MS = Math.max(30_000, RUNS * 40 + 20_000);

const seedOf = (operationId: string) => {
  let h = BASE_SEED;
  for (const c of operationId) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
};

let t: TestApp;
let check: ReturnType<typeof createOracle>;
const pools: Pools = { orgIds: [], owners: {}, orgNumbers: [], signals: [], subscriptions: [], agreements: [], deliveries: [], units: [], followUps: [] };
const seededSignals: string[] = [];
const seen = new Map<string, Map<string, number>>();

async function ok(res: { statusCode: number; body: string }, what: string, status = [200, 201, 202]) {
  if (!status.includes(res.statusCode)) throw new Error(`seeding ${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body || 'null');
}


async function seedSignal(as: string, payload: object): Promise<string> {
  const id = (await ok(await t.request({ method: 'POST', url: '/v1/signals', as, payload }), 'signal')).id as string;
  pools.owners[id] = as;
  return id;
}

/** Real rows, so generated ids and numbers sometimes exist: cast, suppliers with units, an agreement, signals. */
async function seedData() {
  await seedCast(t);
  pools.orgIds.push(...Object.values(cast).map((o) => o.id), t.config.OPERATOR_ORG_ID);

  const withUnits = await createSupplier(t, cast.sundsvall.id, 'Fuzzgården Omsorg AB');
  const supplier = await ok(
    await t.request({
      method: 'PUT',
      url: `/v1/suppliers/${withUnits}`,
      as: cast.sundsvall.id,
      payload: { name: 'Fuzzgården Omsorg AB', units: [{ name: 'Hem Norr', kind: 'hvb' }, { name: 'Hem Söder' }], reason: 'Hemmen registreras.' },
    }),
    'supplier units',
  );
  pools.units.push(...supplier.units.map((u: { id: string }) => u.id));
  pools.orgNumbers.push(withUnits, await createSupplier(t, cast.adda.id, 'Andra Vården AB'));

  const agreement = await ok(
    await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name: 'HVB barn 2024', category: 'hvb_children', validFrom: '2024-01-01' } }),
    'agreement',
  );
  pools.agreements.push(agreement.id);
  pools.owners[agreement.id] = cast.adda.id;
  await ok(await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.id}/suppliers/${withUnits}`, as: cast.adda.id }), 'agreement party');

  seededSignals.push(
    await seedSignal(cast.sundsvall.id, deviation(withUnits, { severity: 'high', unitId: pools.units[0] })),
    await seedSignal(cast.kfv.id, deviation(withUnits, { severity: 'high', visibility: 'issuer_and_auditors', reference: 'KFV-2024-17' })),
  );
  const retracted = await seedSignal(cast.timra.id, deviation(withUnits, { severity: 'low' }));
  await ok(await t.request({ method: 'POST', url: `/v1/signals/${retracted}/retract`, as: cast.timra.id, payload: { reason: 'Fel leverantör.' } }), 'retract');
  seededSignals.push(retracted);
}

/**
 * Before each operation: fresh active signals (earlier operations lift, retract and amend
 * them) and active subscriptions with deliveries (earlier operations disable and delete
 * them), so every operation gets ids that exist and are in a state it can act on.
 */
async function refreshPools() {
  // The fuzzed operator routes suspend organisations and revoke clients, the cast's own among
  // them; the next operation starts from a registry where every member may act again.
  await t.database.pool.query('UPDATE organisations SET suspended_at = NULL WHERE suspended_at IS NOT NULL');
  await t.database.pool.query('DELETE FROM revoked_clients');
  const [withUnits] = pools.orgNumbers as [string];
  pools.signals = [
    ...seededSignals,
    await seedSignal(cast.sundsvall.id, deviation(withUnits, { severity: 'high' })),
    await seedSignal(cast.adda.id, { type: 'call_off_stop', supplierOrgNumber: withUnits, agreementId: pools.agreements[0], summary: 'Avropsstopp i väntan på utredning.' }),
  ];
  // Fresh follow-up records too (earlier operations retract them), one members, one restricted.
  pools.followUps = [];
  for (const [as, visibility] of [[cast.sundsvall.id, 'members'], [cast.kfv.id, 'issuer_and_auditors']] as const) {
    const body = { supplierOrgNumber: withUnits, kind: 'unannounced_visit', checkedOn: '2024-05-02', outcome: 'no_remarks', visibility };
    const created = await ok(await t.request({ method: 'POST', url: '/v1/follow-ups', as, payload: body }), 'follow-up');
    pools.followUps.push(created.id);
    pools.owners[created.id] = as;
  }
  pools.subscriptions = [];
  pools.deliveries = [];
  for (const as of [cast.kfv.id, cast.sundsvall.id]) {
    const listed = await ok(await t.request({ method: 'GET', url: '/v1/subscriptions', as }), 'subscriptions');
    let subscription = listed.items.find((s: { status: string; url: string }) => s.status === 'active' && s.url === 'http://127.0.0.1:9/hook');
    if (!subscription) {
      const created = await t.request({ method: 'POST', url: '/v1/subscriptions', as, payload: { url: 'http://127.0.0.1:9/hook' } });
      // At the per-organisation limit (the fuzzer creates many), take one of its own back instead.
      const reuse = listed.items[0];
      subscription =
        created.statusCode === 201
          ? created.json()
          : await ok(await t.request({ method: 'PATCH', url: `/v1/subscriptions/${reuse.id}`, as, payload: { url: 'http://127.0.0.1:9/hook', filters: {}, status: 'active' } }), 'reuse subscription');
    }
    pools.subscriptions.push(subscription.id);
    pools.owners[subscription.id] = as;
    let deliveries = await ok(await t.request({ method: 'GET', url: `/v1/subscriptions/${subscription.id}/deliveries`, as }), 'deliveries');
    if (deliveries.items.length === 0) {
      await ok(await t.request({ method: 'POST', url: `/v1/subscriptions/${subscription.id}/replay`, as, payload: { since: '2000-01-01T00:00:00Z' } }), 'replay');
      deliveries = await ok(await t.request({ method: 'GET', url: `/v1/subscriptions/${subscription.id}/deliveries`, as }), 'deliveries');
    }
    for (const d of deliveries.items.slice(0, 3)) {
      pools.deliveries.push(d.id);
      pools.owners[d.id] = as;
    }
  }
  if (pools.deliveries.length === 0) throw new Error('seeding: no deliveries to fuzz with');
}

/** The Authorization header for a spec: a fresh all-scopes token, none, or one of many bad ones. */
function authorizationOf(auth: AuthSpec): string | undefined {
  if (auth.kind === 'org') return `Bearer ${t.token(auth.org, ALL_SCOPES)}`;
  if (auth.kind === 'none') return undefined;
  const { JWT_ISSUER: iss, JWT_AUDIENCE: aud } = t.config;
  const good = t.token(cast.sundsvall.id, ALL_SCOPES);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const variants: Array<() => string> = [
    () => 'Bearer',
    () => 'Bearer ',
    () => 'Bearer not.a.jwt',
    () => 'Basic dXNlcjpwYXNz',
    () => `Bearer ${createSigner({ key: 'another-secret-that-is-long-enough-0123456789', iss, aud, expiresIn: 60_000 })({ sub: 'x', org: cast.sundsvall.id, scope: ALL_SCOPES })}`,
    () => `Bearer ${createSigner({ key: TEST_JWT_SECRET, iss, aud, expiresIn: 1_000, clockTimestamp: Date.now() - 3_600_000 })({ sub: 'x', org: cast.sundsvall.id, scope: ALL_SCOPES })}`,
    () => `Bearer ${t.token('no-such-organisation', ALL_SCOPES)}`,
    () => `Bearer ${t.token(cast.sundsvall.id, '')}`,
    () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', org: cast.sundsvall.id, scope: ALL_SCOPES, iss, aud, exp: 9_999_999_999 })}.`,
    () => `Bearer ${t.token(cast.sundsvall.id, ALL_SCOPES, { org: 123, sub: { a: 1 } })}`,
    () => `Bearer ${t.token('__proto__', ALL_SCOPES)}`,
    () => `bearer ${good}`,
    () => `Bearer ${good}junk`,
    () => `Bearer ${'a'.repeat(10_000)}`,
    () => `Bearer ${good}, Bearer ${good}`,
    () => `Bearer ${createSigner({ key: TEST_JWT_SECRET, iss: 'someone-else', aud, expiresIn: 60_000 })({ sub: 'x', org: cast.sundsvall.id, scope: ALL_SCOPES })}`,
    () => `Bearer ${t.token(cast.sundsvall.id, 'x'.repeat(600))}`,
    () => `Bearer ${t.token('constructor', ALL_SCOPES, { sub: '' })}`,
  ];
  if (variants.length !== BAD_AUTH_VARIANTS) throw new Error('BAD_AUTH_VARIANTS is out of date');
  return variants[auth.variant % variants.length]!();
}

class FuzzFailure extends Error {}

const templates = operations.map((o) => ({ op: o, pattern: new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

/** The operation whose answer this is: a hostile method or path suffix may have reached another route. */
function answeringOperation(op: OpenApiOperation, spec: RequestSpec, url: string): OpenApiOperation {
  if (spec.method === op.method && spec.pathSuffix === '') return op;
  const method = spec.method === 'HEAD' ? 'GET' : spec.method;
  const path = url.split('?')[0]!;
  return templates.find((c) => c.op.method === method && c.pattern.test(path))?.op ?? op;
}

async function runCase(op: OpenApiOperation, spec: RequestSpec): Promise<void> {
  const authorization = authorizationOf(spec.auth);
  const options = injectOptionsOf(op, spec, authorization);
  let res;
  try {
    res = await t.app.inject(options);
  } catch (error) {
    throw new FuzzFailure(`app.inject threw: ${(error as Error).stack}\n${describeSpec(op, spec, authorization)}`);
  }
  const statuses = seen.get(op.operationId) ?? new Map<string, number>();
  seen.set(op.operationId, statuses);
  let code = '';
  if (REPORT && res.statusCode >= 400) {
    try {
      code = `:${JSON.parse(res.body).code}`;
    } catch {
      code = ':?';
    }
  }
  const key = `${spec.kind}:${res.statusCode}${code}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const problems = check(answeringOperation(op, spec, options.url as string), spec.method, res);
  if (problems.length > 0) {
    throw new FuzzFailure(
      `${problems.join('\n')}\n${describeSpec(op, spec, authorization)}\n  response: ${res.statusCode} ${String(res.headers['content-type'] ?? '')} ${res.body.slice(0, 500)}`,
    );
  }
}

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_CONNECT_TIMEOUT_MS: '200', WEBHOOK_TIMEOUT_MS: '500' });
  check = createOracle(doc);
  await seedData();
});

afterAll(async () => {
  if (REPORT) {
    const lines = [...seen].map(([id, statuses]) => `${id.padEnd(26)} ${[...statuses].sort().map(([k, n]) => `${k}×${n}`).join(' ')}`);
    console.log(`fuzz: ${RUNS} cases per operation, base seed ${BASE_SEED}\n${lines.join('\n')}`);
  }
  await t?.close();
});

describe(`fuzzing every OpenAPI operation (${RUNS} cases each, base seed ${BASE_SEED})`, () => {
  it('covers every operation of the document', ({ expect }) => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.map((op) => [`${op.operationId} (${op.method} ${op.path})`, op] as const))(
    '%s: no 5xx, problem+json errors, schema-valid successes',
    async (_name, op) => {
      await refreshPools();
      const seed = seedOf(op.operationId);
      const details = await fc.check(
        fc.asyncProperty(requestArb(op, pools), (spec) => runCase(op, spec)),
        { numRuns: REPLAY_PATH ? 1 : RUNS, seed, ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}), endOnFailure: false, interruptAfterTimeLimit: TIMEOUT_MS - 10_000 },
      );
      if (details.interrupted && !details.failed) {
        console.warn(`fuzz: ${op.operationId} stopped after ${details.numRuns} of ${RUNS} cases (time limit)`);
      }
      if (details.failed) {
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        const replay = `FUZZ_SEED=${BASE_SEED} FUZZ_PATH="${details.counterexamplePath}" npx vitest run test/fuzz.test.ts --project postgres -t "${op.operationId} "`;
        const message = `fuzz failure in ${op.operationId} (seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} runs, shrunk ${details.numShrinks} times)\n${cause}\nreplay: ${replay}`;
        console.error(message);
        throw new Error(message);
      }
    },
    TIMEOUT_MS,
  );
});

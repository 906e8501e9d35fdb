import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { startReceiver, verifyWebhook } from './helpers/receiver.ts';

const serverEntry = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const preflight = fileURLToPath(new URL('../src/preflight.mjs', import.meta.url));
const children: ChildProcess[] = [];
const tempDirs: string[] = [];
afterAll(async () => {
  // The data directory can only go once no server writes to it any more.
  await Promise.all(
    children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((resolve) => c.once('exit', resolve).kill('SIGKILL'))),
  );
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The real server, as `npm start` runs it, in `cwd` with no DATABASE_URL or REDIS_URL. */
async function startEmbedded(cwd: string, port: number) {
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RELAY_POLL_MS: '200' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'JWT_PUBLIC_KEY', 'AUDIT_SIGNING_KEY', 'NODE_ENV']) delete env[name];
  // With npm start's own flags: the preflight loads src/resolve-hooks.mjs, which then resolves drizzle-orm's modules.
  const child = spawn(process.execPath, ['--import', preflight, '--max-semi-space-size=8', serverEntry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    // The banner is printed once the demo is seeded and the tokens written.
    if (output.includes('Development tokens')) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
      if (ready === 200) break;
    }
    if (Date.now() > deadline) throw new Error(`server not ready: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output };
}

/** The end of a server's output, for an assertion message: what the server said when it failed. */
const tail = (server: { output: () => string }, label: string) => `${label} output:\n${server.output().slice(-4_000)}`;

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('embedded mode: npm start with nothing else running', () => {
  it('seeds a demo, flips a status on a stop, delivers a signed webhook, and keeps its data across a restart', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'registry-embedded-'));
    tempDirs.push(cwd);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startEmbedded(cwd, port);
    // Declared before the failure hook below reads it, assigned once the first server has stopped.
    // eslint-disable-next-line prefer-const
    let second: Awaited<ReturnType<typeof startEmbedded>> | undefined;
    // A timeout (a delivery that never came) fails without an assertion message: print both servers' output then.
    onTestFailed(({ task }) => {
      if (task.result?.errors?.some((e) => e.message?.includes(' output:\n'))) return;
      process.stderr.write(`${tail(first, 'first server')}\n${second ? tail(second, 'second server') : ''}\n`);
    });
    expect(first.output()).toContain('seeded a fictional registry');
    const tokens = JSON.parse(await readFile(join(cwd, 'data', 'demo-tokens.json'), 'utf8')) as Record<string, string>;
    const api = (as: string, path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${tokens[as]}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

    // A municipality subscribes its own receiver.
    const receiver = await startReceiver();
    const sub = await api('granfors', '/v1/subscriptions', { method: 'POST', body: { url: receiver.url, filters: { types: ['call_off_stop'] } } });
    expect(sub.status, tail(first, 'server')).toBe(201);

    // The demo's linked companies: Björkbacken reads caution as the sister of Björkgården, under the purchasing centre's stop.
    const sister = await api('granfors', '/v1/suppliers/559001-3701/status');
    expect(sister.body).toMatchObject({ status: 'caution', reasons: [{ effect: 'caution', linkedThrough: { kind: 'group', relation: 'sister', orgNumber: '559001-0004' } }] });
    // The demo's supplier reply: Björkgården disputes the stop; the reply is in the stop's reason, and the supplier reads only its own signals.
    const stopped = await api('granfors', '/v1/suppliers/559001-0004/status');
    expect(stopped.body.reasons).toContainEqual(expect.objectContaining({ type: 'call_off_stop', reply: expect.objectContaining({ supplierOrgId: 'bjorkgarden', disputed: true }) }));
    const own = await api('bjorkgarden', '/v1/signals?limit=200');
    expect(own.status).toBe(200);
    expect(new Set(own.body.items.map((s: { supplierOrgNumber: string }) => s.supplierOrgNumber))).toEqual(new Set(['559001-0004']));

    // A supplier under the purchasing centre's agreement that is clear for the municipality.
    const agreements = (await api('demo-inkop', '/v1/agreements?owner=demo-inkop')).body.items;
    let target: { agreementId: string; orgNumber: string } | undefined;
    for (const a of agreements) {
      for (const orgNumber of a.suppliers) {
        if (!target && (await api('granfors', `/v1/suppliers/${orgNumber}/status`)).body.status === 'clear') target = { agreementId: a.id, orgNumber };
      }
    }
    expect(target, tail(first, 'server')).toBeDefined();

    const created = await api('demo-inkop', '/v1/signals', {
      method: 'POST',
      body: { type: 'call_off_stop', supplierOrgNumber: target!.orgNumber, agreementId: target!.agreementId, summary: 'Avropsstopp (test av inbäddat läge).' },
    });
    expect(created.status, `${JSON.stringify(created.body)}\n${tail(first, 'server')}`).toBe(201);
    expect((await api('granfors', `/v1/suppliers/${target!.orgNumber}/status`)).body.status, tail(first, 'server')).toBe('blocked');

    await receiver.waitFor(1, 20_000);
    const payload = verifyWebhook(sub.body.secret, receiver.received[0]!);
    expect(payload).toMatchObject({ type: 'signal.created', data: { signal: { id: created.body.id } } });

    expect(await stop(first.child), tail(first, 'server')).toBe(0);
    second = await startEmbedded(cwd, port);
    expect(second.output()).not.toContain('seeded a fictional registry');
    expect((await api('granfors', `/v1/signals/${created.body.id}`)).body, tail(second, 'restarted server')).toMatchObject({ id: created.body.id, status: 'active' });
    expect((await api('granfors', `/v1/suppliers/${target!.orgNumber}/status`)).body.status, tail(second, 'restarted server')).toBe('blocked');
    const audit = await api('demo-revision', '/v1/audit/verify');
    expect(audit.body, tail(second, 'restarted server')).toMatchObject({ ok: true });
    expect(await stop(second.child), tail(second, 'restarted server')).toBe(0);
    await receiver.close();
  }, 120_000);
});

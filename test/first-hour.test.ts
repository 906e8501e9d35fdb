import { type ChildProcess, spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The first hour of a new user, against the real server as `npm start` runs it (embedded,
// nothing configured): a scripted tour waits for /readyz, then reads the tokens file.
const serverEntry = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const children: ChildProcess[] = [];
const tempDirs: string[] = [];
afterAll(async () => {
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

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host, port, timeout: 2_000 });
    const settle = (accepted: boolean) => {
      resolve(accepted);
      socket.destroy();
    };
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.once('timeout', () => settle(false));
  });

const readyz = (base: string) =>
  fetch(`${base}/readyz`).then(
    async (r) => ({ status: r.status, body: (await r.json()) as { code?: string; detail?: string } }),
    () => ({ status: 0, body: {} }),
  );

describe('the first hour: npm start with nothing configured', () => {
  it('is ready only once the demo and its tokens are in place, listens on 127.0.0.1, leads / to /docs, and is not ready once ./data is removed', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'registry-first-hour-'));
    tempDirs.push(cwd);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' };
    // HOST too: the default is what is tested.
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'JWT_PUBLIC_KEY', 'AUDIT_SIGNING_KEY', 'NODE_ENV', 'DATA_DIR', 'HOST']) delete env[name];
    const child = spawn(process.execPath, [serverEntry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const tokensFile = join(cwd, 'data', 'demo-tokens.json');

    // As a tour script would: poll /readyz, and read the tokens the moment it says 200.
    const notReady: { code?: string; detail?: string }[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      expect(child.exitCode, output).toBeNull();
      const res = await readyz(base);
      if (res.status === 200) break;
      if (res.status !== 0) {
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        notReady.push(res.body);
      }
      expect(Date.now() < deadline, `not ready in 60 s: ${output}`).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
    }
    await expect(access(tokensFile), 'ready before demo-tokens.json was written').resolves.toBeUndefined();
    const tokens = JSON.parse(await readFile(tokensFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(tokens)).toContain('granfors');
    // The server listens (and its database answers) while the demo is still being seeded.
    expect(notReady.length, output).toBeGreaterThan(0);
    expect(notReady.at(-1)).toMatchObject({ code: 'health.not_ready', detail: expect.stringMatching(/^the demo is being seeded; .*demo-tokens\.json is not written yet\.$/) });
    expect(await readyz(base)).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: 'ok', demo: 'ok' } } });

    // 127.0.0.1 by default: another address of this machine is refused.
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (other) expect(await accepts(other, port), `listening on ${other}`).toBe(false);

    // The address the server printed, without /docs, leads there; Swagger UI keeps the token on reload.
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/docs');
    const initializer = await (await fetch(`${base}/docs/static/swagger-initializer.js`)).text();
    expect(initializer).toMatch(/"persistAuthorization":\s*true/);

    const read = await fetch(`${base}/v1/suppliers/559001-0004/status`, { headers: { authorization: `Bearer ${tokens.granfors}` } });
    expect(read.status).toBe(200);

    // The data directory removed under the running server: PGlite still answers SELECT 1, reads fail.
    await rm(join(cwd, 'data'), { recursive: true, force: true });
    const gone = await readyz(base);
    expect(gone.status, output).toBe(503);
    expect(gone.body).toMatchObject({ code: 'health.not_ready', detail: expect.stringMatching(/^the embedded database's files in .*data are gone/) });
    // Liveness is not readiness: the process still runs.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 120_000);
});

describe('the samples Swagger UI fills in cannot do harm', () => {
  type Schema = { $ref?: string; example?: Record<string, unknown> };
  const documentFile = fileURLToPath(new URL('../openapi/openapi.json', import.meta.url));
  const exampleOf = async (path: string, method: 'post' | 'patch') => {
    const document = JSON.parse(await readFile(documentFile, 'utf8'));
    let schema: Schema = document.paths[path][method].requestBody.content['application/json'].schema;
    if (schema.$ref) schema = document.components.schemas[schema.$ref.split('/').at(-1)!];
    return schema.example;
  };

  it('the PATCH subscription sample changes only the note, never where events go', async () => {
    // Without an example Swagger made one up from the schema: url https://example.com/, and the subscription was repointed.
    const example = await exampleOf('/v1/subscriptions/{id}', 'patch');
    expect(example).toEqual({ description: expect.any(String) });
  });

  it('the replay sample asks for a real moment, not one generated from the pattern (the year 2752)', async () => {
    const example = await exampleOf('/v1/subscriptions/{id}/replay', 'post');
    const since = new Date(String(example?.since));
    expect(since.getUTCFullYear()).toBeGreaterThanOrEqual(2026);
    expect(since.getUTCFullYear()).toBeLessThan(2030);
  });

  it('writes stored in the audit trail for good have a real reason as their sample, not "string"', async () => {
    expect(await exampleOf('/v1/organisations/{id}/represented-numbers', 'post')).toMatchObject({ orgNumber: '559001-0004', reason: expect.stringMatching(/\s/) });
    expect(await exampleOf('/v1/organisations/{id}/represented-numbers/{orgNumber}/end', 'post')).toMatchObject({ reason: expect.stringMatching(/\s/) });
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, testRedisPrefix } from './helpers/db.ts';

// Every command a user runs, as a real process: --help, a bad option, a missing variable.
const root = fileURLToPath(new URL('..', import.meta.url));
const tempDirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A working directory of its own, so no command finds (or leaves) a ./data. */
const emptyDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'registry-cli-'));
  tempDirs.push(dir);
  return dir;
};

/** Runs `node [nodeArgs] <entry> [args]` in `cwd` with only `env` over a clean environment. */
function run(entry: string, args: string[], { env = {}, cwd = root, nodeArgs = [] }: { env?: Record<string, string>; cwd?: string; nodeArgs?: string[] } = {}) {
  const base: Record<string, string | undefined> = { ...process.env };
  // The test runner's own settings must not leak in.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'JWT_PUBLIC_KEY', 'AUDIT_SIGNING_KEY', 'NODE_ENV', 'DATA_DIR', 'HOST', 'PORT']) delete base[name];
  const child = spawn(process.execPath, [...nodeArgs, join(root, entry), ...args], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** One line on stderr, no stack trace. */
const oneLine = (stderr: string) => {
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
};

const commands = [
  { entry: 'src/cli/token.ts', name: 'npm run token' },
  { entry: 'src/cli/migrate.ts', name: 'npm run db:migrate' },
  { entry: 'src/cli/openapi.ts', name: 'npm run openapi' },
  { entry: 'src/cli/config-docs.ts', name: 'npm run docs:config' },
  { entry: 'src/cli/audit-verify.ts', name: 'npm run audit:verify' },
  { entry: 'src/cli/receipt-verify.ts', name: 'npm run receipt:verify' },
  { entry: 'src/demo/receiver.ts', name: 'npm run demo:receiver' },
  { entry: 'src/server.ts', name: 'npm start' },
  { entry: 'src/worker.ts', name: 'npm run worker' },
];

describe.concurrent('every command answers --help and refuses a bad option in one line', () => {
  it.each(commands)('$name --help prints its usage and exits 0, touching nothing', async ({ entry, name }) => {
    const cwd = await emptyDir();
    // -h is the same flag; asked of the quick ones only.
    for (const flag of entry.includes('token') || entry.includes('receiver') ? ['--help', '-h'] : ['--help']) {
      const res = await run(entry, [flag], { cwd });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(new RegExp(`^usage: ${name.replace(/[:]/g, '\\$&')}`));
      expect(res.stdout).toMatch(/Exit codes: 0 /);
      expect(res.stderr).toBe('');
    }
    // No data directory, no secrets made for a question.
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(cwd)).toEqual([]);
  });

  it.each(commands)('$name --no-such-option is one line and exit 2', async ({ entry, name }) => {
    const res = await run(entry, ['--no-such-option'], { cwd: await emptyDir() });
    expect(res.code, res.stderr).toBe(2);
    oneLine(res.stderr);
    expect(res.stderr).toContain(`${name}: Unknown option '--no-such-option'`);
    expect(res.stderr).toContain(`see ${name} -- --help`);
  });

  it('a missing required option is one line and exit 2', async () => {
    for (const [entry, args, says] of [
      ['src/cli/token.ts', [], '--org <id> is required'],
      ['src/cli/token.ts', ['--org'], "Option '--org <value>' argument missing"],
      ['src/cli/receipt-verify.ts', ['--file', 'r.json'], 'both --file and --public-key are required'],
      ['src/cli/audit-verify.ts', [], 'nothing to verify'],
      ['src/cli/audit-verify.ts', ['--log-key', 'k'], 'needs --log-key and at least one --checkpoint or --proof'],
      ['src/demo/receiver.ts', [], 'give at least one --secret'],
      ['src/demo/receiver.ts', ['--secret', 'whsec_x', '--port', 'http'], '--port http: a port number'],
      ['src/cli/migrate.ts', ['extra'], "Unexpected argument 'extra'"],
    ] as const) {
      const res = await run(entry, [...args], { cwd: await emptyDir(), env: { JWT_SECRET: 's'.repeat(32) } });
      expect(res.code, `${entry} ${args.join(' ')}: ${res.stderr}`).toBe(2);
      oneLine(res.stderr);
      expect(res.stderr).toContain(says);
    }
  });
});

describe('variables: one line and exit 78, and none a command does not need', () => {
  it('db:migrate needs DATABASE_URL and nothing else: no JWT_SECRET, and a bad server variable does not stop it', async () => {
    const missing = await run('src/cli/migrate.ts', []);
    expect(missing.code, missing.stderr).toBe(78);
    oneLine(missing.stderr);
    expect(missing.stderr).toContain('npm run db:migrate: DATABASE_URL is not set');

    const bad = await run('src/cli/migrate.ts', [], { env: { DATABASE_URL: 'mysql://nope' } });
    expect(bad.code, bad.stderr).toBe(78);
    oneLine(bad.stderr);
    expect(bad.stderr).toMatch(/^npm run db:migrate: DATABASE_URL: /);

    // A database of its own, with no JWT_SECRET and a PORT the server would refuse.
    const database = await createTestDatabase();
    try {
      const ok = await run('src/cli/migrate.ts', [], { env: { DATABASE_URL: database.url, PORT: 'not-a-port' } });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toBe('migrations applied\n');
    } finally {
      await database.drop();
    }
  });

  it('db:migrate against a server that is not there: one line naming the cause, exit 1', async () => {
    const port = await closedPort();
    const res = await run('src/cli/migrate.ts', [], { env: { DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/none` } });
    expect(res.code, res.stderr).toBe(1);
    oneLine(res.stderr);
    expect(res.stderr).toContain('ECONNREFUSED');
  });

  it('token without JWT_SECRET and no demo secret says what to export, exit 78, and makes no secret of its own', async () => {
    const cwd = await emptyDir();
    const res = await run('src/cli/token.ts', ['--org', 'registry'], { cwd });
    expect(res.code, res.stderr).toBe(78);
    oneLine(res.stderr);
    expect(res.stderr).toContain('JWT_SECRET is not set');
    const { readdir } = await import('node:fs/promises');
    // Before, it made ./data/dev-secrets.json and printed a token no running server accepted.
    expect(await readdir(cwd)).toEqual([]);

    const withDatabase = await run('src/cli/token.ts', ['--org', 'registry'], { cwd, env: { DATABASE_URL: 'postgres://registry@db:5432/registry' } });
    expect(withDatabase.code).toBe(78);
    expect(withDatabase.stderr).toContain("export the server's JWT_SECRET in this terminal too");
  });

  it('token with a short JWT_SECRET or a bad --ttl: one line', async () => {
    const short = await run('src/cli/token.ts', ['--org', 'registry'], { env: { JWT_SECRET: 'short' } });
    expect(short.code).toBe(78);
    oneLine(short.stderr);
    expect(short.stderr).toContain('JWT_SECRET: must be at least 32 characters');

    const ttl = await run('src/cli/token.ts', ['--org', 'registry', '--ttl', '3 weeks'], { env: { JWT_SECRET: 's'.repeat(32) } });
    expect(ttl.code).toBe(2);
    oneLine(ttl.stderr);

    const signed = await run('src/cli/token.ts', ['--org', 'registry', '--ttl', '1h'], { env: { JWT_SECRET: 's'.repeat(32) } });
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('the worker needs no JWT_SECRET: it starts on DATABASE_URL and REDIS_URL alone and drains on SIGTERM', async () => {
    const database = await createTestDatabase();
    try {
      const base: Record<string, string | undefined> = { ...process.env };
      for (const name of ['JWT_SECRET', 'JWT_PUBLIC_KEY', 'NODE_ENV']) delete base[name];
      const env = { ...base, DATABASE_URL: database.url, REDIS_URL: inject('redisUrl'), REDIS_PREFIX: testRedisPrefix(), LOG_LEVEL: 'info' };
      const worker = spawn(process.execPath, [join(root, 'src/worker.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(worker);
      let output = '';
      worker.stdout.on('data', (d) => (output += d));
      worker.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve));
      await expect.poll(() => output.includes('delivery workers started') || worker.exitCode !== null, { timeout: 20_000, interval: 50 }).toBe(true);
      expect(output).toContain('delivery workers started');
      worker.kill('SIGTERM');
      expect(await exited, output).toBe(0);
    } finally {
      await database.drop();
    }
  });

  it('the worker without DATABASE_URL and REDIS_URL: one line naming both, exit 78', async () => {
    const res = await run('src/worker.ts', [], { env: { JWT_SECRET: 's'.repeat(32) } });
    expect(res.code, res.stderr).toBe(78);
    oneLine(res.stderr);
    expect(res.stderr).toContain('needs DATABASE_URL and REDIS_URL (not set: DATABASE_URL, REDIS_URL)');
  });
});

describe('the demo receiver run twice', () => {
  it('the second says the port is taken in one line (exit 1) while the first keeps listening', async () => {
    const port = await closedPort();
    const first = spawn(process.execPath, [join(root, 'src/demo/receiver.ts'), '--secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(first);
    await new Promise<void>((resolve) => first.stdout.on('data', (d: Buffer) => String(d).includes('demo receiver on') && resolve()));
    const second = await run('src/demo/receiver.ts', ['--secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '--port', String(port)]);
    expect(second.code, second.stderr).toBe(1);
    oneLine(second.stderr);
    expect(second.stderr).toContain(`port ${port} is already in use`);
    // The first still answers (an unsigned delivery is refused, not dropped).
    expect((await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', body: '{}' })).status).toBe(401);
    first.kill('SIGTERM');
  });
});

describe('an unsupported Node.js', () => {
  // Node 20 cannot strip types, so the check is plain JavaScript run before the entry (package.json).
  const fakeNode = (version: string) => `data:text/javascript,Object.defineProperty(process, "versions", { value: { ...process.versions, node: "${version}" } })`;
  const preflight = ['--import', './src/preflight.mjs'];

  it('gets one plain line naming the version wanted and exit 1, before any TypeScript loads', async () => {
    for (const version of ['20.11.1', '22.21.9', '18.19.0']) {
      const res = await run('src/server.ts', [], { nodeArgs: ['--import', fakeNode(version), ...preflight], cwd: root });
      expect(res.code, res.stderr).toBe(1);
      oneLine(res.stderr);
      expect(res.stderr).toBe(
        `supplier-signal-registry needs Node.js >=22.22.0 (Node 24 LTS recommended); this is Node.js ${version}. Install a newer Node.js (e.g. nvm install 24) and run it again.\n`,
      );
      expect(res.stdout).toBe('');
    }
  });

  it('a supported one passes straight through', async () => {
    for (const version of ['22.22.0', '24.0.0', '25.1.0']) {
      const res = await run('src/cli/token.ts', ['--help'], { nodeArgs: ['--import', fakeNode(version), ...preflight], cwd: root });
      expect(res.code, `${version}: ${res.stderr}`).toBe(0);
      expect(res.stdout).toMatch(/^usage: npm run token/);
    }
  });

  it('every npm script that runs node runs the check first', async () => {
    const { readFile } = await import('node:fs/promises');
    const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const [name, script] of Object.entries(scripts)) {
      // The pre-scripts that build dist/ run src/build-if-stale.mjs, whose first import is the check.
      if (script.startsWith('node ')) expect(script, name).toMatch(/^node (--import \.\/src\/preflight\.mjs |src\/preflight\.mjs && |src\/build-if-stale\.mjs$)/);
    }
    expect(scripts.test).toMatch(/^node src\/preflight\.mjs && vitest/);
    const builder = await readFile(join(root, 'src/build-if-stale.mjs'), 'utf8');
    expect(builder.match(/^import .*$/m)?.[0]).toBe("import './preflight.mjs';");
  });

  it('the worker runs with its heap capped wherever it is started, and the benchmarks run it so', async () => {
    const { readFile } = await import('node:fs/promises');
    const { registryFlags } = await import('../bench/lib/proc.ts');
    const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // Without a cap V8 grows the old space with a fan-out's garbage on a large host (README, "Running the worker").
    expect(scripts.worker).toMatch(/ --max-old-space-size=128 dist\/worker\.js$/);
    expect(scripts.start).not.toMatch(/--max-old-space-size/);
    // The compose file's worker: the same flags, the semi-spaces from the image's NODE_OPTIONS.
    const compose = await readFile(join(root, 'docker-compose.yml'), 'utf8');
    const command = /^ {2}worker:\n(?: {4}.*\n)*? {4}command: (\[.*\])$/m.exec(compose)?.[1];
    const nodeOptions = /^ENV NODE_OPTIONS=(.*)$/m.exec(await readFile(join(root, 'Dockerfile'), 'utf8'))?.[1];
    const composeFlags = [...(nodeOptions?.split(' ') ?? []), ...(JSON.parse(command ?? '[]') as string[]).slice(1, -1)];
    expect(new Set(composeFlags)).toEqual(new Set(registryFlags('worker', root)));
    // A worker whose heap runs out exits; the compose file starts it again.
    expect(/^ {2}worker:\n(?: {4}.*\n)*? {4}restart: unless-stopped$/m.test(compose)).toBe(true);
    expect(registryFlags('worker', root)).toEqual(['--import', './src/preflight.mjs', '--max-semi-space-size=8', '--max-old-space-size=128']);
    expect(registryFlags('server', root)).toEqual(['--import', './src/preflight.mjs', '--max-semi-space-size=8']);
  });
});

/** A loopback port nothing listens on. */
function closedPort() {
  return new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './helpers/db.ts';

// Production never runs the demo, and a data directory it cannot write is one line, not a
// stack (issue 13, item 4): the real server, started as `npm start` starts it.
const serverEntry = fileURLToPath(new URL('../src/server.ts', import.meta.url));
// Makes the server's process see no @electric-sql/pglite, as after `npm ci --omit=optional`.
const withoutPglite = ['--import', fileURLToPath(new URL('./helpers/hide-pglite.mjs', import.meta.url))];
const tempDirs: string[] = [];
afterAll(async () => {
  for (const dir of tempDirs) await chmod(dir, 0o700).catch(() => {});
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'registry-start-'));
  tempDirs.push(dir);
  return dir;
};

/**
 * Runs src/server.ts in `cwd` with `env` over a clean environment; resolves when it exits (or kills it after 20 s).
 * `nodeArgs` go before the script; `onOutput` sees stdout as it comes and may stop the server.
 */
function runServer(cwd: string, env: Record<string, string>, nodeArgs: string[] = [], onOutput?: (stdout: string, child: ChildProcess) => void) {
  const base: Record<string, string | undefined> = { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' };
  // The test runner's own settings (a test database, NODE_ENV=test) must not leak in.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'JWT_PUBLIC_KEY', 'AUDIT_SIGNING_KEY', 'NODE_ENV', 'DATA_DIR']) delete base[name];
  const child = spawn(process.execPath, [...nodeArgs, serverEntry], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    onOutput?.(stdout, child);
  });
  child.stderr.on('data', (d) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    }),
  );
}

const auditSigningKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars', AUDIT_SIGNING_KEY: auditSigningKey };

describe('a production start', () => {
  it('without DATABASE_URL refuses to start, says to set it, and writes no data directory, demo or token file', async () => {
    const cwd = await tempDir();
    const run = await runServer(cwd, production);

    expect(run.code, run.stderr).toBe(78);
    expect(run.stderr).toMatch(/^invalid configuration:\n {2}DATABASE_URL: required in production: set DATABASE_URL to a PostgreSQL server/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toContain('Development tokens');
    // Neither ./data (the default DATA_DIR) nor anything else appeared in the working directory.
    expect(await readdir(cwd)).toEqual([]);
  });

  it('without DATABASE_URL writes nothing to a DATA_DIR that is set either', async () => {
    const cwd = await tempDir();
    const dataDir = join(cwd, 'registry-data');
    const run = await runServer(cwd, { ...production, DATA_DIR: dataDir });

    expect(run.code, run.stderr).toBe(78);
    expect(run.stderr).toContain('DATABASE_URL: required in production');
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe('an embedded start with a data directory it cannot write', () => {
  const oneLine = (stderr: string) => {
    expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
    expect(stderr).toMatch(/^DATA_DIR: cannot write .*; set DATA_DIR to a directory this user can write, or DATABASE_URL to a PostgreSQL server\n$/);
  };

  it('fails with one line and exit 78 when DATA_DIR is below a regular file', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'not-a-directory'), '');
    const run = await runServer(cwd, { NODE_ENV: 'development', DATA_DIR: join(cwd, 'not-a-directory', 'data') });

    expect(run.code, run.stderr).toBe(78);
    oneLine(run.stderr);
    expect(run.stderr).toContain('ENOTDIR');
  });

  // Root writes through file modes, so this case needs an ordinary user (as in the Docker image).
  it.skipIf(process.getuid?.() === 0)('fails with one line and exit 78 in a directory it may not write (a root-owned /app)', async () => {
    const cwd = await tempDir();
    await chmod(cwd, 0o555);
    const run = await runServer(cwd, { NODE_ENV: 'development' });

    expect(run.code, run.stderr).toBe(78);
    oneLine(run.stderr);
    expect(run.stderr).toContain('EACCES');
  });
});

describe('an install without PGlite (npm ci --omit=optional, an optional dependency)', () => {
  it('refuses the embedded mode with one line and exit 78, and writes no data directory', async () => {
    const cwd = await tempDir();
    const run = await runServer(cwd, { NODE_ENV: 'development' }, withoutPglite);

    expect(run.code, run.stderr).toBe(78);
    expect(run.stderr).toMatch(/^invalid configuration:\n {2}DATABASE_URL: not set, and the embedded database \(@electric-sql\/pglite, an optional dependency\) is not installed; set DATABASE_URL to a PostgreSQL server/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('serves on a PostgreSQL server without ever loading it', async () => {
    const cwd = await tempDir();
    const db = await createTestDatabase();
    try {
      const run = await runServer(cwd, { ...production, DATABASE_URL: db.url, LOG_LEVEL: 'info' }, withoutPglite, (stdout, child) => {
        // Listening: the whole start-up (migrations, operator, routes) ran; stop it cleanly.
        if (stdout.includes('Server listening')) child.kill('SIGTERM');
      });

      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('database: PostgreSQL server (DATABASE_URL)');
      expect(run.stdout).not.toContain('pglite');
    } finally {
      await db.drop();
    }
  });
});

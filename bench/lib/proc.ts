import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = join(repoRoot, 'bench', 'results');
export const logsDir = join(resultsDir, 'logs');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A free TCP port on loopback (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every `everyMs` until it returns true; throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Peak resident set (VmHWM) of a process, in MB; Linux only, null elsewhere or once it has exited. */
export function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The log so far (for readiness checks and error messages). */
  log(): string;
  peakRssMb(): number | null;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The node flags that package.json's `start` (the server) or `worker` script in `cwd` runs its
 * entry with (the preflight, the heap settings), read from the scripts themselves so that a
 * benchmark runs each process as `npm start` and `npm run worker` do, an older checkout (a
 * --baseline) as its own scripts did.
 */
export function registryFlags(name: 'server' | 'worker', cwd = repoRoot): string[] {
  const { scripts } = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const script = scripts[name === 'server' ? 'start' : 'worker'] ?? '';
  const at = script.lastIndexOf('node ');
  if (at < 0) return [];
  // Everything between `node` and the entry (the last word).
  return script.slice(at + 'node '.length).trim().split(/\s+/).slice(0, -1);
}

const built = new Set<string>();

/**
 * What `npm start` (`server`) or `npm run worker` runs in the checkout at `cwd`: dist/, built
 * first when it is stale (src/build-if-stale.mjs, as their pre-scripts do); the sources in an
 * older checkout (a --baseline) that has no build.
 */
export function registryEntry(name: 'server' | 'worker', cwd = repoRoot): string {
  const builder = join(cwd, 'src', 'build-if-stale.mjs');
  if (!existsSync(builder)) return `src/${name}.ts`;
  if (!built.has(cwd)) {
    const { status } = spawnSync(process.execPath, [builder], { cwd, stdio: 'inherit' });
    if (status !== 0) throw new Error(`building dist/ in ${cwd} failed (${status})`);
    built.add(cwd);
  }
  return `dist/${name}.js`;
}

/**
 * Starts `node <script>` from the repository root (or `cwd`, another checkout such as a
 * baseline build) with exactly `env` (plus PATH and HOME), its output going to
 * bench/results/logs/<name>.log.
 */
export async function startService(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = [], cwd = repoRoot): Promise<Service> {
  const logFile = join(logsDir, `${name}.log`);
  await mkdir(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'w');
  // The registry's own processes get the flags `npm start` and `npm run worker` give them.
  const role = /^(?:src|dist)\/(server|worker)\.(?:ts|js)$/.exec(script)?.[1] as 'server' | 'worker' | undefined;
  const runtimeFlags = role ? registryFlags(role, cwd) : [];
  const child = spawn(process.execPath, [...runtimeFlags, ...nodeArgs, script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const service: Service = {
    name,
    child,
    logFile,
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
    peakRssMb: () => peakRssMb(child.pid),
    stop: async (graceMs = 20_000) => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    },
  };
  return service;
}

/** Throws with the end of the service's log when it has exited. */
export function assertRunning(service: Service): void {
  if (service.child.exitCode !== null || service.child.signalCode !== null) {
    throw new Error(`${service.name} exited (${service.child.exitCode ?? service.child.signalCode}); log tail:\n${service.log().slice(-3000)}`);
  }
}

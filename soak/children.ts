import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The processes the soak starts and stops: the API, the worker and a private
 * redis-server on a port of its own. Every child is tracked by pid so the soak can
 * kill exactly what it started (and nothing else) however it ends.
 */

const started = new Set<ChildProcess>();

/** Kills every child this process started that is still running (on exit or interrupt). */
export function killAllStarted(): void {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

/** A free loopback port (bind to 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface LogStats {
  lines: number;
  /** pino level ≥ 50 (error, fatal). */
  errors: number;
  /** pino level 40. */
  warnings: number;
  /** The first few error lines, for the report. */
  samples: string[];
  /** Messages of warn/error lines, counted. */
  byMessage: Map<string, number>;
}

export interface Child {
  name: string;
  pid: number;
  proc: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process is gone. */
  exited: Promise<string>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts a process with stdout and stderr appended to `logFile`; each JSON (pino) line
 * is scanned into `stats`, and `onLine` sees every line (e.g. to wait for "started").
 */
export function startChild(opts: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  logFile: string;
  stats?: LogStats;
  onLine?: (line: string) => void;
}): Child {
  const log: WriteStream = createWriteStream(opts.logFile, { flags: 'a' });
  log.write(`\n----- ${new Date().toISOString()} start ${opts.name}: ${opts.command} ${opts.args.join(' ')}\n`);
  const proc = spawn(opts.command, opts.args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(proc);
  const scan = (chunk: Buffer, buffer: { rest: string }) => {
    log.write(chunk);
    const text = buffer.rest + chunk.toString('utf8');
    const lines = text.split('\n');
    buffer.rest = lines.pop() ?? '';
    for (const line of lines) {
      if (opts.stats) countLine(opts.stats, line);
      opts.onLine?.(line);
    }
  };
  const out = { rest: '' };
  const err = { rest: '' };
  proc.stdout!.on('data', (c: Buffer) => scan(c, out));
  proc.stderr!.on('data', (c: Buffer) => scan(c, err));
  const exited = new Promise<string>((resolve) => {
    proc.once('exit', (code, signal) => {
      started.delete(proc);
      const how = signal ?? String(code);
      log.write(`\n----- ${new Date().toISOString()} ${opts.name} exited: ${how}\n`);
      log.end();
      resolve(how);
    });
  });
  if (!proc.pid) throw new Error(`${opts.name} did not start`);
  return {
    name: opts.name,
    pid: proc.pid,
    proc,
    exited,
    kill: (signal) => {
      if (proc.exitCode === null && proc.signalCode === null) process.kill(proc.pid!, signal);
    },
  };
}

export function newLogStats(): LogStats {
  return { lines: 0, errors: 0, warnings: 0, samples: [], byMessage: new Map() };
}

function countLine(stats: LogStats, line: string): void {
  stats.lines += 1;
  if (!line.startsWith('{')) {
    // Non-JSON output on stderr (a crash trace, a Node warning) is worth seeing.
    if (/error|warning/i.test(line)) {
      stats.errors += /error/i.test(line) ? 1 : 0;
      if (stats.samples.length < 8) stats.samples.push(line.slice(0, 400));
    }
    return;
  }
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    const level = entry.level ?? 30;
    if (level >= 40) {
      const key = `${level >= 50 ? 'error' : 'warn'}: ${entry.msg ?? '(no msg)'}`;
      stats.byMessage.set(key, (stats.byMessage.get(key) ?? 0) + 1);
    }
    if (level >= 50) {
      stats.errors += 1;
      if (stats.samples.length < 8) stats.samples.push(line.slice(0, 600));
    } else if (level >= 40) {
      stats.warnings += 1;
    }
  } catch {
    // a partial line; ignore
  }
}

/** Waits until `check` resolves true, polling every `everyMs`; throws after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** PING over a raw socket; true on +PONG. */
export function redisPing(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/**
 * A private redis-server for the soak (never the shared one): AOF with fsync every
 * second and noeviction, as the README asks of production. `crash` is SIGKILL;
 * `wipe` also deletes its data so it comes back empty (a fail-over to a blank node).
 */
export class PrivateRedis {
  readonly port: number;
  readonly dir: string;
  readonly logFile: string;
  child: Child | null = null;

  constructor(port: number, dir: string, logFile: string) {
    this.port = port;
    this.dir = dir;
    this.logFile = logFile;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    this.child = startChild({
      name: `redis:${this.port}`,
      command: 'redis-server',
      args: [
        '--port', String(this.port),
        '--bind', '127.0.0.1',
        '--dir', this.dir,
        '--appendonly', 'yes',
        '--appendfsync', 'everysec',
        '--save', '',
        '--maxmemory-policy', 'noeviction',
        '--protected-mode', 'yes',
      ],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: this.dir,
      logFile: this.logFile,
    });
    await waitUntil(`redis on ${this.port}`, () => redisPing(this.port), 10_000, 50);
  }

  /** SIGKILL, as a crash; resolves once the process is gone. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await child.exited;
    this.child = null;
  }

  /** Deletes everything Redis persisted, so the next start is empty. */
  async wipe(): Promise<void> {
    await rm(join(this.dir, 'appendonlydir'), { recursive: true, force: true });
    await rm(join(this.dir, 'dump.rdb'), { force: true });
  }

  /** SIGTERM (Redis saves nothing with --save '' but flushes its AOF), at the end. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    await Promise.race([child.exited, sleep(5_000)]);
    child.kill('SIGKILL');
    this.child = null;
  }
}

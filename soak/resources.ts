import { readdir, readFile } from 'node:fs/promises';
import { cpus } from 'node:os';

/**
 * CPU used by each part of the run, from /proc (Linux): the API, the worker(s), the
 * private Redis, the PostgreSQL backends serving the soak database, the soak itself,
 * and the machine as a whole, so that what other processes took is visible too (on a
 * shared 2-core machine it can be most of it). Elsewhere than Linux it reports nothing.
 */
export class CpuSampler {
  private readonly ticks = 100; // USER_HZ
  private readonly last = new Map<number, number>();
  readonly byRole = new Map<string, number>();
  private machineStart: { busy: number; total: number } | null = null;
  private machineLast: { busy: number; total: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly roles: () => Array<{ role: string; pid: number }>;
  private readonly dbName: string;
  available = process.platform === 'linux';

  constructor(roles: () => Array<{ role: string; pid: number }>, dbName: string) {
    this.roles = roles;
    this.dbName = dbName;
  }

  start(everyMs = 2_000): void {
    if (!this.available) return;
    void this.sample();
    this.timer = setInterval(() => void this.sample(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.available) await this.sample();
  }

  private async procTicks(pid: number): Promise<number | null> {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces): utime is the 14th, stime the 15th.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(rest[11]) + Number(rest[12]);
    } catch {
      return null;
    }
  }

  private async postgresBackends(): Promise<number[]> {
    const pids: number[] = [];
    try {
      for (const entry of await readdir('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8');
          if (cmd.startsWith('postgres:') && cmd.includes(` ${this.dbName} `)) pids.push(Number(entry));
        } catch {
          // gone
        }
      }
    } catch {
      // no /proc
    }
    return pids;
  }

  private add(role: string, pid: number, ticks: number | null) {
    if (ticks === null) return;
    const prev = this.last.get(pid);
    this.last.set(pid, ticks);
    // A pid seen for the first time started after the previous sample: count all its time.
    const delta = prev === undefined ? ticks : Math.max(0, ticks - prev);
    this.byRole.set(role, (this.byRole.get(role) ?? 0) + delta / this.ticks);
  }

  private async sample(): Promise<void> {
    try {
      for (const { role, pid } of [...this.roles(), { role: 'soak driver (this process)', pid: process.pid }]) this.add(role, pid, await this.procTicks(pid));
      for (const pid of await this.postgresBackends()) this.add('PostgreSQL backends (soak database)', pid, await this.procTicks(pid));
      const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const idle = (line[3] ?? 0) + (line[4] ?? 0);
      const total = line.reduce((s, n) => s + n, 0);
      const now = { busy: total - idle, total };
      this.machineStart ??= now;
      this.machineLast = now;
    } catch {
      this.available = false;
    }
  }

  /** CPU seconds per role, the machine's busy CPU seconds and its capacity over the sampled time. */
  summary(): { roles: Array<[string, number]>; machineBusyS: number; capacityS: number; otherS: number } | null {
    if (!this.available || !this.machineStart || !this.machineLast) return null;
    const machineBusyS = (this.machineLast.busy - this.machineStart.busy) / this.ticks;
    const capacityS = (this.machineLast.total - this.machineStart.total) / this.ticks;
    const roles = [...this.byRole].sort((a, b) => b[1] - a[1]);
    const ours = roles.reduce((s, [, n]) => s + n, 0);
    return { roles, machineBusyS, capacityS: capacityS || cpus().length, otherS: Math.max(0, machineBusyS - ours) };
  }
}

import { readFileSync } from 'node:fs';
import type pg from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) a process has used so far, ms; null once it is gone. */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/**
 * CPU used so far by each part of the system, ms: the given processes, and the
 * PostgreSQL backends serving each application_name (the API and the worker connect
 * as bench-api and bench-worker). Wall-clock figures on a shared machine depend on
 * who else is running; CPU per request mostly does not, and it shows where the time goes.
 */
export async function cpuSnapshot(pool: pg.Pool, processes: Record<string, number | undefined>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [role, pid] of Object.entries(processes)) {
    const ms = processCpuMs(pid);
    if (ms !== null) out[role] = ms;
  }
  const { rows } = await pool.query(
    `SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'bench-%'`,
  );
  // Per backend: pools open and close connections, so a sum over whichever backends
  // exist at each snapshot would jump; cpuDelta() adds the backends up again.
  for (const { pid, app } of rows as Array<{ pid: number; app: string }>) {
    const ms = processCpuMs(pid);
    if (ms !== null) out[`postgres for ${app.replace(/^bench-/, '')}#${pid}`] = ms;
  }
  const self = process.cpuUsage();
  out['load generator (this process)'] = Math.round((self.user + self.system) / 1000);
  return out;
}

/**
 * CPU used between two snapshots, per part, ms. A backend that appeared in between
 * counts from zero; one that went away in between is missed (pools keep theirs open
 * while busy, so this is small).
 */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    const part = key.replace(/#\d+$/, '');
    out[part] = (out[part] ?? 0) + Math.max(0, value - (before[key] ?? 0));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
}

/** CPU per operation, µs, per part; with the total. */
export function cpuPer(delta: Record<string, number>, operations: number): Record<string, number> & { total: number } {
  const per = Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, Math.round((v * 1000) / Math.max(1, operations))]));
  return { ...per, total: Object.values(per).reduce((a, b) => a + b, 0) };
}

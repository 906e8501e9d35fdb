import type { Row } from './lib/report.ts';
import type { BenchOutcome } from './lib/types.ts';

// Issue 17's bars: the API under 150 MB through the status and fan-out runs, the worker under
// 250 MB at 3,000 subscribers (the largest fan-out).
const LIMIT_MB = { API: 150, worker: 250 } as const;

/**
 * Peak resident set (VmHWM from /proc) of the API and of the worker, over the
 * benchmarks that ran: each starts its own processes, so the peak is the largest
 * of their peaks. The "limit" column is the bar itself; there is no physical limit.
 */
export function memoryOutcome(sources: BenchOutcome[]): BenchOutcome {
  const max = (role: 'api' | 'worker') => {
    const values = sources.map((s) => s.memory[role]).filter((v): v is number => v !== null);
    return values.length ? Math.max(...values) : null;
  };
  const api = max('api');
  const worker = max('worker');
  const rows: Row[] = [];
  for (const [role, peak] of [
    ['API', api],
    ['worker', worker],
  ] as const) {
    const during = sources.filter((s) => s.memory[role === 'API' ? 'api' : 'worker'] === peak).map((s) => s.name);
    rows.push({
      what: `peak RSS, ${role}${during.length ? ` (during ${during.join(', ')})` : ''}`,
      ours: peak === null ? 'n/a' : `${peak} MB`,
      limit: `${LIMIT_MB[role]} MB`,
      ratio: peak === null ? '' : `${Math.round((peak / LIMIT_MB[role]) * 100)}%`,
      bar: `< ${LIMIT_MB[role]} MB (issue 17)`,
      met: peak === null ? null : peak < LIMIT_MB[role],
    });
  }
  return {
    name: 'memory',
    rows,
    memory: { api, worker },
    result: { byBenchmark: Object.fromEntries(sources.map((s) => [s.name, s.memory])), method: 'VmHWM of each process from /proc/<pid>/status, read just before it is stopped' },
  };
}

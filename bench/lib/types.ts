import type { Row } from './report.ts';

/** What each benchmark hands back to the runner. */
export interface BenchOutcome {
  name: string;
  rows: Row[];
  /** Peak RSS (VmHWM) of the API and worker processes during this benchmark, MB. */
  memory: { api: number | null; worker: number | null };
  result: Record<string, unknown>;
}

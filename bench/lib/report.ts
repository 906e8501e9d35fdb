import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resultsDir } from './proc.ts';

/** Nearest-rank percentile (p in 0..100) of ascending samples; with 50 samples p99 is the maximum. */
function percentileOfSorted(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

export function percentile(samples: number[], p: number): number {
  return percentileOfSorted([...samples].sort((a, b) => a - b), p);
}

export function summary(samples: number[]) {
  const round = (x: number) => Math.round(x * 100) / 100;
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  let total = 0;
  for (const x of list) total += x;
  return {
    n: list.length,
    p50: round(percentileOfSorted(list, 50)),
    p95: round(percentileOfSorted(list, 95)),
    p99: round(percentileOfSorted(list, 99)),
    max: round(list.at(-1) ?? Number.NaN),
    mean: round(total / list.length),
  };
}

export const ratio = (ours: number, limit: number) => Math.round((ours / limit) * 1000) / 1000;

export function machine() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function machineLabel(): string {
  const m = machine();
  return `${m.cpus}× ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}`;
}

/** One line of the printed table and of docs/performance.md. */
export interface Row {
  what: string;
  ours: string;
  limit: string;
  ratio: string;
  bar: string;
  met: boolean | null;
}

export async function writeResult(name: string, result: Record<string, unknown>): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`);
  return file;
}

export function printTable(title: string, rows: Row[]): void {
  const header: Row = { what: 'what', ours: 'ours', limit: 'limit', ratio: 'ratio', bar: 'bar', met: null };
  const cells = (r: Row) => [r.what, r.ours, r.limit, r.ratio, r.bar, r.met === null ? (r === header ? 'met' : '–') : r.met ? 'yes' : 'NO'];
  const all = [header, ...rows].map(cells);
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]) => `  ${c.map((x, i) => x.padEnd(widths[i]!)).join('  ')}`;
  process.stdout.write(`\n${title}\n${line(all[0]!)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}\n${all.slice(1).map(line).join('\n')}\n`);
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const perSec = (x: number) => `${Math.round(x).toLocaleString('en-US')}/s`;
export const times = (x: number) => `${x.toFixed(2)}×`;
export const pct = (x: number) => `${Math.round(x * 100)}%`;

export function log(message: string): void {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

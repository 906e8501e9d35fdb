import { describe, expect, it } from 'vitest';
import { repeat } from './repeat.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('repeat', () => {
  it('never runs a job twice at once: a tick while it runs is skipped', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const job = repeat('slow', 10, async () => {
      runs++;
      most = Math.max(most, ++running);
      await sleep(35);
      running--;
    }, { log: { warn: () => {} }, now: true });
    await sleep(120);
    job.stop();
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThan(8);
  });

  it('logs an error that escapes a job under its name, and runs it again at the next tick', async () => {
    const warnings: unknown[] = [];
    let runs = 0;
    const job = repeat('failing', 10, async () => {
      runs++;
      throw new Error('database away');
    }, { log: { warn: (obj) => warnings.push(obj) } });
    await sleep(55);
    job.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(warnings[0]).toMatchObject({ job: 'failing' });
  });
});

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CLOSE_RESERVE_MS, closeOnSignals, type ShutdownStep } from './shutdown.ts';

/** A stand-in for `process`: signals are emitted by the test, exits are recorded. */
function fakeProcess() {
  const events = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  return {
    proc: {
      on: (signal: 'SIGTERM' | 'SIGINT', listener: () => void) => events.on(signal, listener),
      exit: (code: number) => {
        exits.push(code);
        exited(code);
      },
    },
    signal: (name: 'SIGTERM' | 'SIGINT') => events.emit(name),
    exits,
    exit,
  };
}

const quiet = { info: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closeOnSignals', () => {
  it('closes the steps in order on SIGTERM, each with what is left of the deadline, and exits 0', async () => {
    const p = fakeProcess();
    const calls: Array<[string, number]> = [];
    const step = (name: string, ms = 0): ShutdownStep => ({
      name,
      close: async (budget) => {
        calls.push([name, budget]);
        await sleep(ms);
      },
    });
    closeOnSignals({ log: quiet, deadlineMs: 5_000, steps: [step('api', 100), step('workers'), step('database')], proc: p.proc });
    p.signal('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(calls.map(([name]) => name)).toEqual(['api', 'workers', 'database']);
    expect(calls[0]![1]).toBeLessThanOrEqual(5_000 - CLOSE_RESERVE_MS);
    // The second step's budget is what the first left over.
    expect(calls[1]![1]).toBeLessThanOrEqual(5_000 - CLOSE_RESERVE_MS - 90);
  });

  it('runs the next steps after one fails, and exits 1', async () => {
    const p = fakeProcess();
    const closed: string[] = [];
    const failing: ShutdownStep = { name: 'workers', close: async () => Promise.reject(new Error('redis away')) };
    closeOnSignals({ log: quiet, deadlineMs: 5_000, steps: [failing, { name: 'database', close: async () => void closed.push('database') }], proc: p.proc });
    p.signal('SIGINT');
    expect(await p.exit).toBe(1);
    expect(closed).toEqual(['database']);
  });

  it('exits 1 at the deadline when a step does not finish, and a second signal starts nothing', async () => {
    const p = fakeProcess();
    let started = 0;
    closeOnSignals({ log: quiet, deadlineMs: 100, steps: [{ name: 'stuck', close: () => (started++, new Promise(() => {})) }], proc: p.proc });
    p.signal('SIGTERM');
    p.signal('SIGTERM');
    expect(await p.exit).toBe(1);
    expect(started).toBe(1);
    expect(p.exits).toEqual([1]);
  });
});

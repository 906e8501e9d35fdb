import { describe, expect, it } from 'vitest';
import { throttledWarn } from './throttled-log.ts';

describe('throttledWarn', () => {
  it('writes the first error, leaves out the rest of the window, and counts them in the next', () => {
    const written: Array<{ obj: object; msg: string }> = [];
    let now = 0;
    const warn = throttledWarn({ warn: (obj, msg) => written.push({ obj, msg }) }, 'redis away', 1_000, () => now);
    const error = new Error('ECONNREFUSED');
    warn(error);
    now = 500;
    warn(error);
    warn(error);
    now = 1_500;
    warn(error);
    expect(written).toEqual([
      { obj: { err: error }, msg: 'redis away' },
      { obj: { err: error, suppressed: 2 }, msg: 'redis away' },
    ]);
  });
});

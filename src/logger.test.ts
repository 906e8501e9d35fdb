import { describe, expect, it } from 'vitest';
import { createLogger, prettyTarget } from './logger.ts';

const missing = (name: string): string => {
  throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
};

describe('prettyTarget', () => {
  it('pretty-prints on a development terminal when pino-pretty is installed', () => {
    expect(prettyTarget({ isTTY: true, nodeEnv: 'development' }, () => '/app/node_modules/pino-pretty/index.js')).toBe(
      '/app/node_modules/pino-pretty/index.js',
    );
    // The real resolver finds the devDependency in this checkout.
    expect(prettyTarget({ isTTY: true, nodeEnv: 'development' })).toMatch(/pino-pretty/);
  });

  it('writes JSON when pino-pretty is not installed (an image with production dependencies only)', () => {
    expect(prettyTarget({ isTTY: true, nodeEnv: 'development' }, missing)).toBeNull();
  });

  it('writes JSON in production and when stdout is not a terminal, whatever is installed', () => {
    const found = () => '/app/node_modules/pino-pretty/index.js';
    expect(prettyTarget({ isTTY: true, nodeEnv: 'production' }, found)).toBeNull();
    expect(prettyTarget({ isTTY: false, nodeEnv: 'development' }, found)).toBeNull();
    expect(prettyTarget({ isTTY: undefined, nodeEnv: 'test' }, found)).toBeNull();
  });

  it('builds a logger at the configured level', () => {
    expect(createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production' }).level).toBe('warn');
  });
});

import { createRequire } from 'node:module';
import pino from 'pino';
import type { Config } from './config.ts';

const require = createRequire(import.meta.url);

/**
 * The pino-pretty transport target, or null for plain JSON lines. Pretty output is for
 * a person at a terminal in development; pino-pretty is a devDependency, so an image
 * built with production dependencies only (`docker run -it`) must not ask for it.
 */
export function prettyTarget(
  { isTTY, nodeEnv }: { isTTY: boolean | undefined; nodeEnv: Config['NODE_ENV'] },
  resolve: (name: string) => string = require.resolve,
): string | null {
  if (!isTTY || nodeEnv === 'production') return null;
  try {
    return resolve('pino-pretty');
  } catch {
    return null;
  }
}

/** Object-first JSON logs; pretty only on a development terminal; credentials never written. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>) {
  const pretty = prettyTarget({ isTTY: process.stdout.isTTY, nodeEnv: config.NODE_ENV });
  return pino({
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.secret', '*.token'],
    ...(pretty ? { transport: { target: pretty } } : {}),
  });
}

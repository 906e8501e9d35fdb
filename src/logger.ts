import pino from 'pino';
import type { Config } from './config.ts';

/** Object-first JSON logs; pretty only on a terminal; credentials never written. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>) {
  return pino({
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.secret', '*.token'],
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty' } } : {}),
  });
}

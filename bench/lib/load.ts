import autocannon from 'autocannon';
import { summary } from './report.ts';

export interface LoadResult {
  requests: number;
  durationS: number;
  perSecond: number;
  /** Latencies of 2xx answers, ms, from autocannon's per-response timing (sub-millisecond). */
  latency: ReturnType<typeof summary>;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/**
 * One autocannon run in this process at fixed concurrency. `requests` are autocannon
 * request definitions (setupRequest / onResponse hooks for varying paths and checking
 * answers). autocannon's own histogram rounds to whole milliseconds, so latencies are
 * collected from its per-response events instead.
 */
export async function runLoad(opts: {
  url: string;
  connections: number;
  durationS: number;
  requests?: autocannon.Request[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  // Bounded: at most five million samples, whatever the rate.
  const maxSamples = 5_000_000;
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.durationS,
        pipelining: 1,
        timeout: 10,
        ...(opts.method ? { method: opts.method } : {}),
        ...(opts.headers ? { headers: opts.headers } : {}),
        ...(opts.body ? { body: opts.body } : {}),
        ...(opts.requests ? { requests: opts.requests } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300 && latencies.length < maxSamples) latencies.push(responseTime);
  });
  const result = await done;
  const statusCodes: Record<string, number> = {};
  for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (count as { count: number }).count;
  const requests = result.requests.total;
  return {
    requests,
    durationS: result.duration,
    perSecond: Math.round((requests / result.duration) * 10) / 10,
    latency: summary(latencies.length ? latencies : [Number.NaN]),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/**
 * Load, with autocannon: bounded by time (`durationSeconds`) or count (`amount`), never open-ended. Latencies are
 * taken from every response (autocannon's own histogram rounds to whole milliseconds).
 */
import autocannon from 'autocannon';

import { percentile } from './stats';

export type LoadResult = {
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
  seconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  samplesMs: number[];
};

export type LoadOptions = {
  /** Origin and default path, e.g. http://127.0.0.1:4000/api/deployment/3. */
  url: string;
  connections: number;
  /** Time bound in seconds (ignored when `amount` is given). */
  durationSeconds?: number;
  /** Count bound: exactly this many requests. */
  amount?: number;
  /** The path of each request in turn (called once per request). */
  nextPath?: () => string;
  /** Called with each response's status and headers. */
  onResponse?: (status: number, headers: Record<string, string | string[] | undefined>) => void;
};

export async function load(options: LoadOptions): Promise<LoadResult> {
  const samples: number[] = [];
  const { nextPath, onResponse } = options;
  const request: autocannon.Request = { method: 'GET' };
  if (nextPath) request.setupRequest = (req) => ({ ...req, path: nextPath() });
  if (onResponse) request.onResponse = (status, _body, _context, headers) => onResponse(status, headers ?? {});
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        // A count-bounded run ends at the next sample tick: a short tick ends it right after its last answer.
        ...(options.amount !== undefined
          ? { amount: options.amount, sampleInt: 20 }
          : { duration: options.durationSeconds ?? 5 }),
        requests: [request],
        timeout: 10,
      },
      (error: unknown, finished: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      samples.push(responseTime);
    });
  });
  const responses = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requestsPerSecond: result.duration > 0 ? responses / result.duration : 0,
    requests: responses,
    errors: result.errors,
    non2xx: result.non2xx,
    seconds: result.duration,
    latencyMs: {
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      max: percentile(samples, 100),
    },
    samplesMs: samples,
  };
}

/** Describes a run for the notes, e.g. "9,812 req/s, p99 1.9 ms, 0 errors". */
export function describeLoad(result: LoadResult): string {
  return (
    `${Math.round(result.requestsPerSecond).toLocaleString('en-US')} req/s over ${result.seconds.toFixed(1)} s, ` +
    `p50 ${result.latencyMs.p50.toFixed(2)} ms, p99 ${result.latencyMs.p99.toFixed(2)} ms, ` +
    `${result.errors} errors, ${result.non2xx} non-2xx`
  );
}

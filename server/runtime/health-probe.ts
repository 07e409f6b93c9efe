import { request } from 'node:http';

import type { HealthObservation } from './instance-types';

/**
 * One real HTTP GET of an instance's health path. Resolves (never rejects) with what was observed: a status code, or
 * the reason there was none. A fresh connection per probe (agent: false) so the answer reflects whether the instance
 * still accepts connections, not whether an old keep-alive socket is still open.
 */
export function probeHealth(port: number, path: string, timeoutMs: number): Promise<HealthObservation> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      resolve({ at: Date.now(), status_code: statusCode, error });
    };
    const probe = request(
      { host: '127.0.0.1', port, path, method: 'GET', agent: false, timeout: timeoutMs },
      (response) => {
        response.resume();
        response.on('end', () => finish(response.statusCode ?? null, null));
        response.on('error', (error) => finish(response.statusCode ?? null, error.message));
      },
    );
    probe.on('timeout', () => {
      finish(null, `no answer within ${timeoutMs} ms`);
      probe.destroy();
    });
    probe.on('error', (error: NodeJS.ErrnoException) => finish(null, error.code ?? error.message));
    probe.end();
  });
}

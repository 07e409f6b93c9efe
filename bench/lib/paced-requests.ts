/**
 * Requests at a steady rate (not as fast as possible, unlike autocannon), each recorded with when it was sent, who
 * served it and its status: for figures that time what happens to traffic, such as a rollback.
 */
import http from 'node:http';

export type PacedSample = {
  /** performance.now() when the request was sent. */
  sentAt: number;
  /** `x-np-deployment-id` of the answer; null when there was none (no answer, or the proxy's own). */
  deploymentId: string | null;
  /** null: no answer (connection refused, reset, timed out). */
  status: number | null;
};

export type PacedRequests = {
  readonly samples: readonly PacedSample[];
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<void>;
};

const REQUEST_TIMEOUT_MS = 10_000;

export function pacedRequests(url: string, ratePerSecond: number): PacedRequests {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const samples: PacedSample[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;
  const send = () => {
    const sample: PacedSample = { sentAt: performance.now(), deploymentId: null, status: null };
    samples.push(sample);
    const done = new Promise<void>((resolve) => {
      const request = http.get(url, { agent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
        const header = response.headers['x-np-deployment-id'];
        sample.deploymentId = (Array.isArray(header) ? header[0] : header) ?? null;
        sample.status = response.statusCode ?? null;
        response.resume();
        response.on('end', resolve);
        response.on('error', resolve);
      });
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', () => resolve());
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  // Each tick sends what the clock says is due, so a late timer catches up instead of lowering the rate.
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * ratePerSecond) - sent;
    for (let i = 0; i < due; i += 1) {
      sent += 1;
      send();
    }
  }, 5);
  return {
    samples,
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
      agent.destroy();
    },
  };
}

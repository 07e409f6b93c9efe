/**
 * Request checks that protect a server bound to the loopback interface from the browser it serves:
 * - the Host header must be one the console is served at (defeats DNS rebinding);
 * - a state-changing request must be same-origin (no `Sec-Fetch-Site: cross-site`, and an `Origin` header, when
 *   present, must be the console's own). Requests without Origin (curl, the np CLI) are fine.
 * - and it must be JSON (`refuseNonJson`), checked where the route is known.
 */
import type { Context } from 'hono';

import { errorBody, HttpError } from './errors';
import { requestHeader } from './http-headers';

export type SecurityOptions = {
  /** `host:port` values the console answers to, e.g. `127.0.0.1:4000`, `localhost:4000`. */
  allowedHosts: readonly string[];
  /** Origins allowed to change state; defaults to http:// and https:// on every allowed host. */
  allowedOrigins?: readonly string[];
};

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function changesState(method: string): boolean {
  return stateChangingMethods.has(method);
}

function originsForHosts(hosts: readonly string[]): string[] {
  return hosts.flatMap((host) => [`http://${host}`, `https://${host}`]).map((origin) => origin.toLowerCase());
}

/** The check of a request's Host and, when it changes state, its origin: a refusal, or undefined to go on. */
export function securityCheck(options: SecurityOptions): (c: Context) => Response | undefined {
  const hosts = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
  const origins = new Set(
    (options.allowedOrigins ?? originsForHosts(options.allowedHosts)).map((origin) => origin.toLowerCase()),
  );
  return (c: Context): Response | undefined => {
    const given = requestHeader(c, 'host') ?? new URL(c.req.url).host;
    const host = hosts.has(given) ? given : given.toLowerCase();
    if (!hosts.has(host)) {
      return errorBody(
        c,
        421,
        `this server does not answer to host "${host}"; open it at ${[...hosts].map((allowed) => `http://${allowed}`).join(' or ')}`,
      );
    }
    if (changesState(c.req.method)) {
      const site = requestHeader(c, 'sec-fetch-site');
      if (site === 'cross-site') {
        return errorBody(c, 403, 'cross-site requests may not change anything here (Sec-Fetch-Site: cross-site)');
      }
      const origin = requestHeader(c, 'origin');
      if (origin !== undefined && !origins.has(origin.toLowerCase())) {
        return errorBody(c, 403, `requests from origin "${origin}" may not change anything here`);
      }
    }
    return undefined;
  };
}

/**
 * 415 unless a request that changes state carries JSON (a DELETE may come without a body): HTML forms cannot send
 * application/json without a CORS preflight, which this server never grants. Checked once the method and path are
 * known to be served (a PUT where only GET is served is a 405 whatever its body), by every endpoint that changes
 * state (endpoint.ts) and by connected mode's forwarding of /api.
 */
export function refuseNonJson(c: Context): HttpError | undefined {
  if (!hasBody(c) && c.req.method === 'DELETE') return undefined;
  const contentType = requestHeader(c, 'content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json') return undefined;
  return new HttpError(
    415,
    contentType === ''
      ? 'Content-Type must be application/json (the request has none)'
      : `Content-Type must be application/json (got ${contentType})`,
  );
}

function hasBody(c: Context): boolean {
  const length = requestHeader(c, 'content-length');
  return requestHeader(c, 'transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

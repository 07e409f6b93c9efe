/**
 * Request checks that protect a server bound to the loopback interface from the browser it serves:
 * - the Host header must be one the console is served at (defeats DNS rebinding);
 * - a state-changing request must be same-origin (no `Sec-Fetch-Site: cross-site`, and an `Origin` header, when
 *   present, must be the console's own). Requests without Origin (curl, the np CLI) are fine.
 * - and it must be JSON (`refuseNonJson`), checked where the route is known.
 */
import type { Context, MiddlewareHandler } from 'hono';

import { errorBody, HttpError } from './errors';

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

/** Set on every response, the SPA's pages and the API's answers alike. */
const responseHeaders: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  // Clickjacking: no other site may frame the console and trick a click on "Finalize" or "Delete". frame-ancestors is
  // the standard; X-Frame-Options covers browsers that predate it.
  ['X-Frame-Options', 'DENY'],
  ['Content-Security-Policy', "frame-ancestors 'none'"],
];

function originsForHosts(hosts: readonly string[]): string[] {
  return hosts.flatMap((host) => [`http://${host}`, `https://${host}`]).map((origin) => origin.toLowerCase());
}

export function securityMiddleware(options: SecurityOptions): MiddlewareHandler {
  const hosts = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
  const origins = new Set((options.allowedOrigins ?? originsForHosts(options.allowedHosts)).map((origin) => origin.toLowerCase()));
  const refusal = (c: Context): Response | undefined => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!hosts.has(host)) {
      return errorBody(
        c,
        421,
        `this server does not answer to host "${host}"; open it at ${[...hosts].map((allowed) => `http://${allowed}`).join(' or ')}`,
      );
    }
    if (changesState(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site === 'cross-site') {
        return errorBody(c, 403, 'cross-site requests may not change anything here (Sec-Fetch-Site: cross-site)');
      }
      const origin = c.req.header('origin');
      if (origin !== undefined && !origins.has(origin.toLowerCase())) {
        return errorBody(c, 403, `requests from origin "${origin}" may not change anything here`);
      }
    }
    return undefined;
  };
  return async (c, next) => {
    const refused = refusal(c);
    if (refused !== undefined) {
      // A refusal is a response like any other: it gets the same headers.
      for (const [name, value] of responseHeaders) refused.headers.set(name, value);
      return refused;
    }
    await next();
    for (const [name, value] of responseHeaders) setResponseHeader(c, name, value);
  };
}

/**
 * 415 unless a request that changes state carries JSON (a DELETE may come without a body): HTML forms cannot send
 * application/json without a CORS preflight, which this server never grants. Checked once the method and path are
 * known to be served (a PUT where only GET is served is a 405 whatever its body), by every endpoint that changes
 * state (endpoint.ts) and by connected mode's forwarding of /api.
 */
export function refuseNonJson(c: Context): HttpError | undefined {
  if (!hasBody(c.req.raw.headers) && c.req.method === 'DELETE') return undefined;
  const contentType = c.req.header('content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json') return undefined;
  return new HttpError(
    415,
    contentType === ''
      ? 'Content-Type must be application/json (the request has none)'
      : `Content-Type must be application/json (got ${contentType})`,
  );
}

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  return headers.has('transfer-encoding') || (length !== null && length !== '0');
}

/**
 * Sets a header on the response a handler already made. `c.header()` after `next()` makes hono rebuild the Response
 * around a stream of its body, which takes @hono/node-server off its fast path (a string body written at once) on
 * every request. The response's own headers can be changed in place, unless it came from fetch() (immutable).
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

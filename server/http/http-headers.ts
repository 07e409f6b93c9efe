/**
 * Reading request headers and writing the headers every response carries, without the costs @hono/node-server
 * charges for the fetch API's objects: `c.req.header()` builds a whole `Headers` from the request's raw headers, and
 * changing a response's headers after it was made builds another (then copies it back into Node's). The API answers
 * thousands of requests a second through here.
 */
import type { IncomingMessage } from 'node:http';

import type { Context } from 'hono';

/** Set on every response, the SPA's pages and the API's answers alike. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // Clickjacking: no other site may frame the console and trick a click on "Finalize" or "Delete". frame-ancestors is
  // the standard; X-Frame-Options covers browsers that predate it.
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
} as const;

/** API answers describe data that changes at any moment: no cache may keep them. */
const API_HEADERS = { 'Cache-Control': 'no-store' } as const;

function underApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** A request header (lower-case name), from Node's own parsed headers when the server is @hono/node-server. */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Responses made with every common header already in place (`commonResponse`): nothing to add afterwards. */
const complete = new WeakSet<Response>();

/**
 * A response with the headers every response needs (and Cache-Control on /api) in one plain object, which
 * @hono/node-server writes as it is.
 */
export function commonResponse(
  c: Context,
  body: string | null,
  status: number,
  headers: Record<string, string> = {},
): Response {
  const response = new Response(body, {
    status,
    headers: underApi(c.req.path)
      ? { ...SECURITY_HEADERS, ...API_HEADERS, ...headers }
      : { ...SECURITY_HEADERS, ...headers },
  });
  complete.add(response);
  return response;
}

/** Adds the common headers to a response made elsewhere (errors, static files, event streams, proxied answers). */
export function addCommonHeaders(c: Context): void {
  if (complete.has(c.res)) return;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) setResponseHeader(c, name, value);
  if (underApi(c.req.path)) for (const [name, value] of Object.entries(API_HEADERS)) setResponseHeader(c, name, value);
}

/** Adds the common headers to a refusal made before any handler ran. */
export function withCommonHeaders(response: Response, path: string): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (underApi(path)) for (const [name, value] of Object.entries(API_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * Sets a header on the response a handler already made. `c.header()` after `next()` makes hono rebuild the Response
 * around a stream of its body, which takes @hono/node-server off its fast path (a string body written at once).
 * The response's own headers can be changed in place, unless it came from fetch() (immutable).
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

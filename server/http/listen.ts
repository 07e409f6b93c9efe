/** Binding the console's HTTP server (both modes): the listening socket and the Host names it answers to. */
import { createServer } from 'node:http';

import { getRequestListener, RequestError, type ServerType } from '@hono/node-server';

type FetchCallback = Parameters<typeof getRequestListener>[0];

/**
 * A request Node accepts but the adapter cannot turn into a web Request (a backslash or other bytes a URL may not
 * hold in its path) never reaches the app; without this it would be answered 400 with an empty body. Every bad
 * request gets a JSON `{message}`.
 */
async function malformedRequest(error: unknown): Promise<Response> {
  if (error instanceof RequestError) {
    return Response.json({ message: `the request cannot be read: ${error.message}` }, { status: 400 });
  }
  return Response.json({ message: 'internal error' }, { status: 500 });
}

export function listen(fetch: FetchCallback, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolveListen, reject) => {
    const server = createServer(getRequestListener(fetch, { hostname, errorHandler: malformedRequest }));
    server.once('error', (error) => reject(new Error(`cannot listen on ${hostname}:${port}: ${error.message}`)));
    server.listen(port, hostname, () => resolveListen(server));
  });
}

/** Stops accepting, and ends open connections (event streams, keep-alive) so that close() finishes. */
export function closeServer(server: ServerType): Promise<void> {
  return new Promise<void>((resolveClose) => {
    server.close(() => resolveClose());
    if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function') server.closeAllConnections();
  });
}

export function advertised(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** The Host header a browser sends for this console; anything else is refused (DNS rebinding). */
export function allowedHostsFor(host: string, port: number): string[] {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', advertised(host)]);
  return [...names].map((name) => `${name}:${port}`);
}

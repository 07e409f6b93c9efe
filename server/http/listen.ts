/** Binding the console's HTTP server (both modes): the listening socket and the Host names it answers to. */
import { getRequestListener, RequestError, type ServerType } from '@hono/node-server';

import { type ConnectionLimits, createBoundedServer } from '../bounded-server';

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

/**
 * The console's connection bounds. What it serves: a browser's pages and JSON calls (at most 6 connections per
 * browser, plus one event stream), scripts (curl, `np`) and the benchmark's 10 connections.
 */
export const consoleConnectionLimits: ConnectionLimits = {
  // A browser or curl sends its headers in one packet; 10 s still covers a slow remote link, and holds a stalled
  // connection 10 s instead of Node's 60 s.
  headersTimeoutMs: 10_000,
  // Bodies are JSON of at most 1 MB (MAX_BODY_BYTES): 30 s is 1 MB at 35 KB/s. Answers (event streams) are not bound.
  requestTimeoutMs: 30_000,
  // Node's default: the SPA's next poll (every 2 s while something moves) reuses the connection; an idle one is freed.
  keepAliveTimeoutMs: 5_000,
  // Dozens of browsers and scripts fit many times over. Past this, each new connection closes the oldest one that has
  // not sent a complete request (a stalled one, or an idle keep-alive one, which a browser simply reopens).
  shedWaitingAbove: 384,
  // The last quarter is kept for connections in a request (event streams count): only 512 requests running at once
  // fill it. Node raises its descriptor limit to the hard limit at start-up (commonly 4,096 or far more), and this
  // leaves room under it for the scope addresses (each capped too), the instances' pipes and SQLite.
  maxConnections: 512,
  // Node checks the two timeouts every 30 s by default, which lets a stalled connection live up to 70 s; the check
  // walks only the open connections (at most maxConnections), so once a second is cheap.
  checkIntervalMs: 1_000,
};

export type ListenOptions = {
  /** Shortens or lengthens the bounds above (tests do). */
  limits?: Partial<ConnectionLimits>;
  /** Where refused connections are reported (at most a line a minute); default: not reported. */
  log?: (line: string) => void;
};

export function listen(
  fetch: FetchCallback,
  hostname: string,
  port: number,
  options: ListenOptions = {},
): Promise<ServerType> {
  return new Promise((resolveListen, reject) => {
    const server = createBoundedServer(
      { ...consoleConnectionLimits, ...options.limits },
      getRequestListener(fetch, { hostname, errorHandler: malformedRequest }),
      { logger: options.log, name: 'the console' },
    );
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? 'the port is already in use (EADDRINUSE); stop what uses it, or set PORT to another port'
          : error.message;
      reject(new Error(`cannot listen on ${hostname}:${port}: ${reason}`, { cause: error }));
    });
    server.listen(port, hostname, () => resolveListen(server));
  });
}

/** The port a listening server is bound to (the one the system chose, for port 0). */
export function boundPort(server: ServerType): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the console is not bound to a TCP port');
  return address.port;
}

/** Stops accepting, and ends open connections (event streams, keep-alive) so that close() finishes. */
export function closeServer(server: ServerType): Promise<void> {
  return new Promise<void>((resolveClose) => {
    server.close(() => resolveClose());
    if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function')
      server.closeAllConnections();
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

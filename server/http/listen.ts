/** Binding the console's HTTP server (both modes): the listening socket and the Host names it answers to. */
import { serve, type ServerType } from '@hono/node-server';

export function listen(fetch: Parameters<typeof serve>[0]['fetch'], hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolveListen, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolveListen(server));
    server.once('error', (error) => reject(new Error(`cannot listen on ${hostname}:${port}: ${error.message}`)));
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

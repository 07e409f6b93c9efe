/**
 * Slowloris for tests: connections that send half a request header and then nothing. Each one records what the
 * server sent it and whether the server closed it (the client never ends or destroys one until `destroyAll`).
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

export type StalledConnection = { socket: Socket; received: string; closed: boolean };

export async function openStalledConnections(port: number, count: number): Promise<StalledConnection[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<StalledConnection>((resolve) => {
          const socket = connect(port, '127.0.0.1');
          const connection: StalledConnection = { socket, received: '', closed: false };
          socket.on('data', (chunk: Buffer) => (connection.received += chunk.toString('utf8')));
          socket.on('error', () => undefined); // A reset is one way the server closes it; 'close' follows.
          socket.on('close', () => {
            connection.closed = true;
            resolve(connection);
          });
          socket.on('connect', () => {
            socket.write('GET /api/greeting HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half-A-Header: ');
            resolve(connection);
          });
        }),
    ),
  );
}

export function destroyAll(connections: readonly StalledConnection[]): void {
  for (const connection of connections) connection.socket.destroy();
}

/** One ordinary request on a fresh connection: its status and body, or the error that ended it. */
export function plainRequest(
  port: number,
  path: string,
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, agent: false, headers: { connection: 'close' } },
      (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
        incoming.on('error', (error) => resolve({ error: error.message }));
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    outgoing.end();
  });
}

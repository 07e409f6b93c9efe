import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

import { Hono } from 'hono';
import { afterEach, describe, expect, test } from 'vitest';

import { closeServer, listen } from './listen';

/** Sends bytes as they are (fetch would normalize the path) and returns the whole answer. */
function sendRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('listen', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  test('a request whose path no URL can hold is answered 400 with a JSON message, not an empty body', async () => {
    const app = new Hono();
    app.get('*', (c) => c.json({ reached: true }));
    const server = await listen(app.fetch, '127.0.0.1', 0);
    close = () => closeServer(server);
    const { port } = server.address() as AddressInfo;

    const answer = await sendRaw(port, 'GET /api\\\\token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(answer).toContain('"message":"the request cannot be read');
    expect(answer).not.toContain('reached');

    const fine = await sendRaw(port, 'GET /api/application HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(fine).toMatch(/^HTTP\/1\.1 200/);
    expect(fine).toContain('{"reached":true}');
  });
});

/**
 * The console's server sheds connections that stall mid-header and caps how many it holds, and keeps answering
 * meanwhile. Timeouts are shortened through listen()'s options; nothing here measures how long anything took.
 */
import type { AddressInfo } from 'node:net';

import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';

import { waitUntil } from '../runtime/test-support';
import {
  destroyAll,
  openStalledConnections,
  plainRequest,
  type StalledConnection,
} from '../testing/stalled-connections';
import type { ConnectionLimits } from '../bounded-server';
import { closeServer, consoleConnectionLimits, listen } from './listen';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startConsole(limits: Partial<ConnectionLimits>, log?: (line: string) => void) {
  const app = new Hono();
  app.get('/api/greeting', (c) => c.json({ hello: 'world' }));
  const server = await listen(app.fetch, '127.0.0.1', 0, { limits, log });
  cleanups.push(() => closeServer(server));
  return (server.address() as AddressInfo).port;
}

function stalled(port: number, count: number): Promise<StalledConnection[]> {
  return openStalledConnections(port, count).then((connections) => {
    cleanups.push(() => destroyAll(connections));
    return connections;
  });
}

const ok = { status: 200, body: '{"hello":"world"}' };

describe('the console server’s connection bounds', () => {
  it('has defaults that bound every connection', () => {
    expect(consoleConnectionLimits).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      shedWaitingAbove: 384,
      maxConnections: 512,
      checkIntervalMs: 1_000,
    });
  });

  it('closes 200 connections that send half a header, with a JSON 408, and answers others meanwhile', async () => {
    const port = await startConsole({ headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, checkIntervalMs: 100 });
    const connections = await stalled(port, 200);

    expect(await plainRequest(port, '/api/greeting')).toEqual(ok);
    await waitUntil(
      'the server closed every stalled connection',
      () => connections.every((connection) => connection.closed),
      600,
    );
    for (const connection of connections) {
      expect(connection.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(connection.received).toMatch(/content-type: application\/json/i);
      expect(connection.received).toContain(
        '{"message":"the request did not arrive in time: headers are expected within 1 s and the whole request within 2 s"}',
      );
    }
    expect(await plainRequest(port, '/api/greeting')).toEqual(ok);
  });

  it('closes a connection that sends nothing at all', async () => {
    const port = await startConsole({ headersTimeoutMs: 500, requestTimeoutMs: 500, checkIntervalMs: 100 });
    const { connect } = await import('node:net');
    const silent = connect(port, '127.0.0.1');
    cleanups.push(() => void silent.destroy());
    let closed = false;
    silent.on('error', () => undefined);
    silent.on('close', () => (closed = true));
    silent.resume(); // Reads, so the server's end of the connection is seen.
    await waitUntil('the server closed the silent connection', () => closed, 600);
  });

  it('past the shedding point, closes the oldest stalled connections so that a real request gets through', async () => {
    const logged: string[] = [];
    // Timeouts far away: only the shedding closes anything here.
    const port = await startConsole(
      { shedWaitingAbove: 20, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
      (line) => logged.push(line),
    );
    const connections = await stalled(port, 100);

    await waitUntil(
      'the server is down to 20 stalled connections',
      () => connections.filter((connection) => !connection.closed).length === 20,
      600,
    );
    expect(await plainRequest(port, '/api/greeting')).toEqual(ok);
    expect(await plainRequest(port, '/api/greeting')).toEqual(ok);
    // Shed without an answer: a connection that is between two requests must not read an answer it never asked for.
    expect(
      connections.filter((connection) => connection.closed).every((connection) => connection.received === ''),
    ).toBe(true);
    expect(logged[0]).toBe(
      'the console: more than 20 connections are open: closing the oldest ones that have sent no complete request',
    );
    expect(logged).toHaveLength(1); // one line for the whole burst
  });

  it('refuses connections past the cap, and answers again once the stalled ones are gone', async () => {
    const logged: string[] = [];
    // Shedding at the cap itself: nothing is shed, so the cap is what the flood meets.
    const limits = {
      shedWaitingAbove: 20,
      maxConnections: 20,
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 5_000,
      checkIntervalMs: 100,
    };
    const port = await startConsole(limits, (line) => logged.push(line));
    const holding = await stalled(port, 20);
    const beyond = await stalled(port, 30);

    // Closed by the server as soon as it accepted them: no answer, nothing read.
    await waitUntil(
      'the server closed every connection past the cap',
      () => beyond.every((connection) => connection.closed),
      600,
    );
    expect(beyond.map((connection) => connection.received)).toEqual(beyond.map(() => ''));
    expect(holding.some((connection) => connection.closed)).toBe(false);
    expect(logged[0]).toBe('the console: refusing new connections: 20 are open, the most it holds');
    expect(logged).toHaveLength(1); // one line for the whole burst

    // The stalled ones time out (408) and drop; then the console answers as before.
    await waitUntil('the stalled connections timed out', () => holding.every((connection) => connection.closed), 600);
    expect(holding.every((connection) => connection.received.startsWith('HTTP/1.1 408'))).toBe(true);
    expect(await plainRequest(port, '/api/greeting')).toEqual(ok);
  });

  it('answers bytes that are not HTTP with a JSON 400', async () => {
    const port = await startConsole({});
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(received));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/\{"message":"the request cannot be read as HTTP \(HPE_[A-Z_]+\)"\}$/);
  });
});

/**
 * An HTTP server whose connections cannot pile up. A client must send its headers, and then its whole request, within
 * a bound; an idle keep-alive connection is closed; past a number of open connections, the oldest one that is not in
 * a request (half a header so far, or idle between requests) is closed to make room for the new one; and past a hard
 * cap new connections are closed at once.
 *
 * Without these, connections that send half a header and stall (slowloris) are held for Node's 60 s header timeout,
 * checked only every 30 s, with no cap, until the process runs out of file descriptors and stops answering everyone.
 * With the cap alone, a flood of them would hold every slot until they time out, and every other client would be
 * refused meanwhile; shedding the oldest waiting connection first lets a real request, whose headers arrive at once,
 * through while the flood only displaces itself. The hard cap is reached only when that many connections are all in
 * the middle of a request.
 *
 * Used by the console's own server (listen.ts) and by every scope address (runtime/scope-proxy.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export type ConnectionLimits = {
  /** Longest time from a connection's first byte (or its previous response) to the end of the request's headers. */
  headersTimeoutMs: number;
  /** Longest time to receive a whole request, body included; at least headersTimeoutMs. Answers may take longer. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection waits for the next request before it is closed. */
  keepAliveTimeoutMs: number;
  /** Open connections past which the oldest one not in a request is closed for each new one. */
  shedWaitingAbove: number;
  /** Open connections past which a new one is closed as soon as it is accepted (`server.maxConnections`). */
  maxConnections: number;
  /** How often the two request timeouts are checked: a stalled connection lives up to its timeout plus this. */
  checkIntervalMs: number;
};

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

export type BoundedServerOptions = {
  /** Where shed and refused connections are reported, at most once a minute. */
  logger?: (line: string) => void;
  /** Names the server in that report, e.g. "the console" or "scope 3". */
  name?: string;
};

const reportIntervalMs = 60_000;

export function createBoundedServer(
  limits: ConnectionLimits,
  listener: Listener,
  options: BoundedServerOptions = {},
): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  const report = throttledReport(server, options.logger, options.name ?? 'the server');
  shedWaitingConnections(server, limits.shedWaitingAbove, () => report('shed', limits.shedWaitingAbove));
  server.on('drop', () => report('refused', limits.maxConnections));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, limits));
  return server;
}

/**
 * Keeps the connections that wait for a request (from their first byte or their last answer until a request's
 * headers are complete) oldest first, and closes the oldest of them when a new connection takes the count past `above`.
 */
function shedWaitingConnections(server: Server, above: number, shed: () => void): void {
  const waiting = new Set<Socket>(); // A Set iterates in insertion order: the first is the one waiting longest.
  let open = 0;
  server.on('connection', (socket: Socket) => {
    open += 1;
    waiting.add(socket);
    socket.once('close', () => {
      open -= 1;
      waiting.delete(socket);
    });
    if (open <= above) return;
    const oldest = waiting.values().next().value;
    if (oldest !== undefined && oldest !== socket) {
      waiting.delete(oldest);
      oldest.destroy();
      shed();
    }
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    waiting.delete(socket);
    // Answered and kept alive: waiting again, now as the newest.
    response.once('finish', () => {
      if (!socket.destroyed) waiting.add(socket);
    });
  });
}

/**
 * Node's own answers to a request it cannot read (a timeout, malformed bytes, headers too large) are plain text; every
 * bad request here gets a JSON `{message}` instead. Then the connection is closed, as Node would.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, limits: ConnectionLimits): void {
  // A response already on its way cannot be followed by another one on the same connection.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code !== 'ECONNRESET' && socket.writable && inFlight?.headersSent !== true) {
    const [status, reason, message] = describeClientError(error, limits);
    const body = JSON.stringify({ message });
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function describeClientError(error: NodeJS.ErrnoException, limits: ConnectionLimits): [number, string, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [
      408,
      'Request Timeout',
      `the request did not arrive in time: headers are expected within ${seconds(limits.headersTimeoutMs)} and the whole request within ${seconds(limits.requestTimeoutMs)}`,
    ];
  }
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return [431, 'Request Header Fields Too Large', 'the request headers are too large'];
  return [400, 'Bad Request', `the request cannot be read as HTTP (${error.code ?? error.message})`];
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** One line a minute at most while connections are shed or refused: enough to see a flood, never a flood of lines. */
function throttledReport(server: Server, logger: ((line: string) => void) | undefined, name: string) {
  const counts = { shed: 0, refused: 0 };
  let timer: NodeJS.Timeout | undefined;
  server.on('close', () => clearTimeout(timer));
  return (kind: 'shed' | 'refused', limit: number): void => {
    if (logger === undefined) return;
    counts[kind] += 1;
    if (timer !== undefined) return;
    logger(
      kind === 'shed'
        ? `${name}: more than ${limit} connections are open: closing the oldest ones that have sent no complete request`
        : `${name}: refusing new connections: ${limit} are open, the most it holds`,
    );
    counts[kind] -= 1;
    timer = setTimeout(() => {
      timer = undefined;
      if (counts.shed + counts.refused > 0) {
        logger(
          `${name}: in the last minute, ${counts.shed} waiting connections were closed and ${counts.refused} refused`,
        );
      }
      counts.shed = 0;
      counts.refused = 0;
    }, reportIntervalMs);
    timer.unref();
  };
}

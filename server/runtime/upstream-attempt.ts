import {
  request as httpRequest,
  type Agent,
  type ClientRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';

export type UpstreamTarget = {
  agent: Agent;
  port: number;
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  /** A buffered body can be sent again; a streamed one (the client's request itself) cannot. */
  body: Buffer | IncomingMessage;
};

export type UpstreamOutcome =
  | { answered: true; request: ClientRequest; response: IncomingMessage }
  | { answered: false; error: NodeJS.ErrnoException; retryable: boolean };

/** Methods that change nothing by definition, so sending them again after a lost answer is safe (as nginx does). */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Errors that mean "the server closed this kept-alive connection before reading our request". */
const staleSocketCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * Sends one request to one instance and resolves when its answer starts, or with why there will be none. It never
 * rejects. A failure is retryable when the instance cannot have acted on the request (the connection was never made,
 * or a kept-alive socket turned out to be closed) or when the method is safe; and only if the body can be sent again.
 */
export function attemptUpstream(target: UpstreamTarget): Promise<UpstreamOutcome> {
  return new Promise((resolve) => {
    let connected = false;
    const upstream = httpRequest({
      host: '127.0.0.1',
      port: target.port,
      method: target.method,
      path: target.path,
      headers: target.headers,
      agent: target.agent,
    });
    upstream.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    upstream.once('response', (response) => resolve({ answered: true, request: upstream, response }));
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      const resendable = Buffer.isBuffer(target.body);
      const neverReached = !connected || (upstream.reusedSocket && staleSocketCodes.has(error.code ?? ''));
      resolve({ answered: false, error, retryable: resendable && (neverReached || safeMethods.has(target.method)) });
    });
    if (Buffer.isBuffer(target.body)) upstream.end(target.body);
    else target.body.pipe(upstream);
  });
}

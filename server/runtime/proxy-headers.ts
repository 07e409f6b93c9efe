import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';

/** Headers about one connection, not the message: they are never forwarded (RFC 9110 §7.6.1). */
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export const deploymentIdHeader = 'x-np-deployment-id';

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const alsoHopByHop = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || alsoHopByHop.has(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/**
 * What the instance receives: the client's headers (Host included, so the app sees the scope's address) plus where
 * the request came from. A buffered body has already been accepted from the client, so `expect: 100-continue` no
 * longer means anything and is dropped.
 */
export function upstreamRequestHeaders(request: IncomingMessage, bodyIsBuffered: boolean): OutgoingHttpHeaders {
  const headers = endToEnd(request.headers);
  if (bodyIsBuffered) delete headers.expect;
  const clientAddress = request.socket.remoteAddress ?? 'unknown';
  const forwardedFor = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor ? `${String(forwardedFor)}, ${clientAddress}` : clientAddress;
  headers['x-forwarded-host'] = request.headers['x-forwarded-host'] ?? request.headers.host ?? '';
  headers['x-forwarded-proto'] = request.headers['x-forwarded-proto'] ?? 'http';
  return headers;
}

/** What the client receives: the instance's headers plus which deployment served it. */
export function downstreamResponseHeaders(response: IncomingMessage, deploymentId: number): OutgoingHttpHeaders {
  const headers = endToEnd(response.headers);
  headers[deploymentIdHeader] = String(deploymentId);
  return headers;
}

/**
 * One HTTP exchange with the nullplatform API through the global fetch (undici), with a deadline that covers the
 * whole answer (headers and body). Failures come back as values, never as thrown errors: the callers turn them into
 * a start-up message or a 502/504 for the browser.
 */

export type UpstreamRequest = {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
};

export type UpstreamAnswer =
  | { ok: true; status: number; headers: Headers; text: string }
  | { ok: false; kind: 'unreachable' | 'timeout'; detail: string };

export async function fetchUpstream(url: URL, request: UpstreamRequest, timeoutMs: number): Promise<UpstreamAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.body === undefined || request.body === '' ? null : request.body,
      // A redirect is reported, never followed: following one would send the key or the token to another address.
      redirect: 'manual',
      signal,
    });
    const text = request.method === 'HEAD' ? '' : await response.text();
    return { ok: true, status: response.status, headers: response.headers, text };
  } catch (error) {
    if (signal.aborted) return { ok: false, kind: 'timeout', detail: `no answer within ${formatSeconds(timeoutMs)}` };
    return { ok: false, kind: 'unreachable', detail: describeNetworkError(error) };
  }
}

/** `connect ECONNREFUSED 127.0.0.1:4000`, `getaddrinfo ENOTFOUND api.example`, … (undici puts the reason in `cause`). */
function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (cause instanceof AggregateError && cause.errors.length > 0) {
    return [...new Set(cause.errors.map((inner: unknown) => describeNetworkError(inner)))].join('; ');
  }
  if (cause instanceof Error) {
    if (cause.message !== '') return cause.message;
    if ('code' in cause && typeof cause.code === 'string') return cause.code;
  }
  if (error instanceof Error && error.message !== '') return error.message;
  return String(error);
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** The start of a non-JSON answer, on one line, for a message (HTML error pages can be long). */
export function snippet(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The `message` of a JSON error answer, if it has one (nullplatform sends `message`, some gateways `title`). */
export function messageOfAnswer(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null) {
      for (const field of ['message', 'title', 'error']) {
        const value = (body as Record<string, unknown>)[field];
        if (typeof value === 'string' && value !== '') return value;
      }
    }
  } catch {
    // not JSON: no message
  }
  return undefined;
}

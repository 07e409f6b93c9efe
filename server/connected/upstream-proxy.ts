/**
 * `/api/*` in connected mode: forwarded to `<NP_API_URL>/*` (without `/api`) with the method, query and JSON body, and
 * the console's own `Authorization: Bearer <token>`.
 *
 * - The path is decoded and normalized first (api-path.ts: odd spellings are a 400), then only the resources and
 *   methods in forwarded-resources.ts go through (anything else, `/token` above all, is a 404). The normalized path,
 *   re-encoded, is what is sent: what was checked is exactly what the upstream gets.
 * - Statuses and bodies come back unchanged (a 400 "Missing parameter: status" stays exactly that), except that a
 *   secret (the key, a token) the upstream echoes is removed: a response header holding one is dropped, and in a body
 *   it is replaced with `[redacted]` in whichever JSON string holds it, however it is escaped.
 * - Only a short list of request headers is forwarded: never the browser's Authorization or Cookie, never hop-by-hop
 *   or browser-only headers (Origin, Sec-Fetch-*). Likewise only a short list of response headers comes back.
 * - A 401 renews the token and retries the request once.
 * - The API unreachable → 502, slower than the timeout → 504, an answer that is not JSON → 502; each with a
 *   `{message}` that says so. None of them affects the console server.
 */
import type { Context } from 'hono';

import { errorBody } from '../http/errors';
import { decodePath, encodePath, requestTarget, shorten } from './api-path';
import { isForwarded, isTokenPath } from './forwarded-resources';
import type { Redactor } from './redactor';
import { fetchUpstream, formatSeconds, messageOfAnswer, snippet, type UpstreamAnswer } from './upstream-fetch';
import { UpstreamFailure, type UpstreamSession } from './upstream-session';

/** Request headers worth forwarding; everything else the browser sent stays here. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'if-none-match', 'if-modified-since'];
/** Response headers worth passing back (Content-Length and encodings are the console's own). */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'etag', 'last-modified', 'retry-after', 'allow', 'x-request-id'];
const NO_BODY_STATUSES = new Set([204, 205, 304]);

export type UpstreamProxyOptions = {
  session: UpstreamSession;
  apiUrl: string;
  timeoutMs: number;
  redactor: Redactor;
  log: (line: string) => void;
  userAgent: string;
};

export function upstreamProxy(options: UpstreamProxyOptions) {
  const { session, redactor } = options;
  const host = new URL(options.apiUrl).host;
  const where = `nullplatform API at ${host}`;

  const fail = (c: Context, status: 502 | 504, message: string) => {
    const safe = redactor.scrub(message);
    options.log(`${c.req.method} ${c.req.path}: ${status} ${safe}`);
    return errorBody(c, status, safe);
  };

  return async (c: Context) => {
    const method = c.req.method;
    const requested = requestTarget(c);
    const decoded = decodePath(requested.path);
    if (!decoded.ok) return errorBody(c, 400, decoded.message);
    const [prefix, ...segments] = decoded.segments;
    const shown = shorten(`/${decoded.segments.join('/')}`);
    if (prefix === 'api' && isTokenPath(segments)) {
      // The console holds its own token; it is not a relay for exchanging other keys.
      return errorBody(c, 404, TOKEN_NOT_FORWARDED);
    }
    if (prefix !== 'api' || !isForwarded(method, segments)) {
      return errorBody(c, 404, `${method} ${shown} is not an endpoint the console forwards`);
    }
    const target = new URL(`${options.apiUrl}${encodePath(segments)}${requested.search}`);

    const headers: Record<string, string> = { 'user-agent': options.userAgent };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    headers['accept'] ??= 'application/json';
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.text();

    const send = (token: string): Promise<UpstreamAnswer> =>
      fetchUpstream(
        target,
        { method, headers: { ...headers, authorization: `Bearer ${token}` }, body },
        options.timeoutMs,
      );

    let answer: UpstreamAnswer;
    try {
      const token = await session.accessToken();
      answer = await send(token);
      if (answer.ok && answer.status === 401) {
        answer = await send(await session.renewAfterRejection(token));
        if (answer.ok && answer.status === 401) {
          const said = messageOfAnswer(answer.text);
          return fail(
            c,
            502,
            `the ${where} refused the console's access token even after renewing it (401${said === undefined ? '' : `: ${said}`})`,
          );
        }
      }
    } catch (error) {
      if (error instanceof UpstreamFailure) return fail(c, error.status, error.message);
      throw error;
    }

    if (!answer.ok) {
      return answer.kind === 'timeout'
        ? fail(c, 504, `the ${where} did not answer in time (${formatSeconds(options.timeoutMs)})`)
        : fail(c, 502, `${where} is unreachable: ${answer.detail}`);
    }

    const { status, text } = answer;
    if (status >= 300 && status < 400 && status !== 304) {
      return fail(c, 502, `the ${where} answered ${status} (a redirect) where JSON was expected`);
    }
    if (method !== 'HEAD' && text !== '' && !isJson(text)) {
      const type = answer.headers.get('content-type') ?? 'no content type';
      // Scrubbed before it is cut: a cut could leave part of a secret that the scrub would no longer recognize.
      return fail(
        c,
        502,
        `the ${where} answered ${status} with ${type} instead of JSON (${snippet(redactor.scrub(text))})`,
      );
    }

    const responseHeaders = new Headers();
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers.get(name);
      if (value === null) continue;
      if (redactor.containsSecret(value)) {
        options.log(
          `${method} ${shown}: dropped the ${name} header from the answer of the ${where}: it held one of the console's secrets`,
        );
        continue;
      }
      responseHeaders.set(name, value);
    }
    if (text !== '') responseHeaders.set('content-type', 'application/json; charset=utf-8');
    if (method === 'HEAD' || NO_BODY_STATUSES.has(status) || text === '')
      return new Response(null, { status, headers: responseHeaders });
    const scrubbed = redactor.scrubJson(text);
    if (scrubbed === undefined) {
      return fail(
        c,
        502,
        `the ${where} answered ${status} with one of the console's secrets where it cannot be redacted`,
      );
    }
    return new Response(scrubbed, { status, headers: responseHeaders });
  };
}

export const TOKEN_NOT_FORWARDED =
  'in connected mode the console server holds its own nullplatform token; /api/token is not forwarded';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

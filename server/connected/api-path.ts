/**
 * The path of a request as the browser sent it, decoded once, before anything checks it.
 *
 * Why: the checks that follow (the `/token` refusal, the list of forwarded resources) must look at exactly what the
 * upstream will act on. If the console compared one spelling and forwarded another (`/api/%74oken`,
 * `/api/application/..%2ftoken`), the upstream would decode or resolve what the console never checked. So every
 * spelling that readers could resolve differently is refused outright: encoded slashes and backslashes, backslashes,
 * `.`/`..` segments (raw or encoded), empty segments, invalid percent-encoding. What is left is a list of plain
 * segments, and that list, re-encoded, is what is forwarded.
 *
 * The raw request target comes from Node's IncomingMessage: by the time Hono sees the URL, the WHATWG parser has
 * already resolved `..` and `%2e%2e`, which would hide them from this check.
 */
import { IncomingMessage } from 'node:http';

import type { Context } from 'hono';

export type RequestTarget = {
  /** Raw, still percent-encoded: `/api/application/12`. */
  path: string;
  /** Raw, `?` included, or `''`. */
  search: string;
};

export type DecodedPath = { ok: true; segments: string[] } | { ok: false; message: string };

/** The request target exactly as it arrived (origin-form; the absolute form's scheme and host are dropped). */
export function requestTarget(c: Context): RequestTarget {
  const env: unknown = c.env;
  let raw: string;
  if (typeof env === 'object' && env !== null && 'incoming' in env && env.incoming instanceof IncomingMessage) {
    raw = env.incoming.url ?? '/';
    if (!raw.startsWith('/')) raw = raw.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '') || '/';
  } else {
    // Not served by @hono/node-server (app.fetch called directly): the URL is all there is.
    const url = c.req.url;
    raw = url.slice(new URL(url).origin.length) || '/';
  }
  const query = raw.indexOf('?');
  return query === -1 ? { path: raw, search: '' } : { path: raw.slice(0, query), search: raw.slice(query) };
}

/** `/api/application/12` → `['api', 'application', '12']`, or why the path is refused (a 400). */
export function decodePath(rawPath: string): DecodedPath {
  const refuse = (problem: string): DecodedPath => ({
    ok: false,
    message: `the path ${shorten(rawPath)} ${problem}; the console forwards only plain paths such as /api/application/12`,
  });
  if (rawPath.includes('\\')) return refuse('contains a backslash');
  if (!rawPath.startsWith('/')) return refuse('does not start with /');
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    if (raw === '') return refuse('has an empty segment (// or a trailing /)');
    if (/%(?![0-9A-Fa-f]{2})/.test(raw))
      return refuse('has invalid percent-encoding (% must be followed by two hex digits)');
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse('has invalid percent-encoding (the bytes are not UTF-8)');
    }
    if (segment.includes('/')) return refuse('contains an encoded slash (%2F)');
    if (segment.includes('\\')) return refuse('contains an encoded backslash (%5C)');
    if (segment === '.' || segment === '..') return refuse('has a "." or ".." segment');
    segments.push(segment);
  }
  return { ok: true, segments };
}

/** Whether the raw path is meant for /api (its first segment decodes to `api`), whatever else it holds. */
export function isApiPath(rawPath: string): boolean {
  const first = rawPath.split('/')[1] ?? '';
  try {
    return decodeURIComponent(first) === 'api';
  } catch {
    return first === 'api';
  }
}

/** Segments back into a path, each percent-encoded on its own: what was checked is exactly what is sent. */
export function encodePath(segments: readonly string[]): string {
  return segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');
}

/** Paths can be as long as a URL; a message needs the start. */
export function shorten(path: string, max = 200): string {
  return path.length > max ? `${path.slice(0, max)}…` : path;
}

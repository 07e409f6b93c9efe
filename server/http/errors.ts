/**
 * Error answers. Every failure is JSON `{message}`; expected ones carry the reason, unexpected ones are logged here
 * and answered 500 "internal error" (the details stay in the server log). A failure of the database itself
 * (read-only, disk full, I/O error) is no bug of the request: it is answered 503 naming the cause and the file.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { StoreNotFoundError, storageFailureOf } from '../store/errors';

export type Logger = { error(message: string, error?: unknown): void; warn?(message: string): void };

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const conflict = (message: string) => new HttpError(409, message);
export const notFound = (resource: string, id: number | string) => new HttpError(404, `${resource} ${id} not found`);

export function errorBody(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  headers: Record<string, string> = {},
) {
  return c.json({ message }, status, headers);
}

export type ErrorHandlerOptions = {
  /** The database file a storage failure names (the local platform's); default: none named. */
  databaseFile?: string;
};

export function errorHandler(logger: Logger, options: ErrorHandlerOptions = {}): ErrorHandler {
  return (error, c) => {
    if (error instanceof HttpError) return errorBody(c, error.status, error.message, error.headers);
    if (error instanceof StoreNotFoundError) return errorBody(c, 404, error.message);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return errorBody(c, status, error.message === '' ? defaultMessage(status) : error.message);
    }
    if (isSqliteConstraint(error)) {
      // The HTTP layer checks every rule it knows before writing; this is the database's own guard firing.
      logger.warn?.(`constraint failed on ${c.req.method} ${c.req.path}: ${error.message}`);
      return errorBody(c, 409, `the change conflicts with the current state (${error.message})`);
    }
    const storage = storageFailureOf(error);
    if (storage !== undefined) {
      const file = options.databaseFile === undefined ? '' : ` (${options.databaseFile})`;
      // Every change is one store.write, which rolled back when this was thrown, and the route answers from that
      // write's result: a failed request that would have changed something has changed nothing (503: not accepted).
      const outcome = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : ': nothing was changed';
      const message = `${storage.cause}${file}${outcome}`;
      logger.error(`${message}, on ${c.req.method} ${c.req.path} (${storage.code})`);
      return errorBody(c, 503, message);
    }
    logger.error(`internal error on ${c.req.method} ${c.req.path}`, error);
    return errorBody(c, 500, 'internal error');
  };
}

function defaultMessage(status: number): string {
  if (status === 413) return 'the request body is too large';
  return `request failed with status ${status}`;
}

function isSqliteConstraint(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('SQLITE_CONSTRAINT')
  );
}

/**
 * 404 for unknown paths, 405 (with `Allow`) for known paths asked with another method. Wildcard routes (the SPA's
 * fallback, middleware) do not count as known paths.
 */
export function notFoundHandler(app: {
  readonly routes: readonly { method: string; path: string }[];
}): NotFoundHandler {
  let patterns: { regex: RegExp; methods: Set<string> }[] | undefined;
  const compile = () => {
    const byPath = new Map<string, Set<string>>();
    for (const route of app.routes) {
      if (route.method === 'ALL' || route.path.includes('*')) continue;
      const methods = byPath.get(route.path) ?? new Set<string>();
      methods.add(route.method);
      if (route.method === 'GET') methods.add('HEAD');
      byPath.set(route.path, methods);
    }
    return [...byPath].map(([path, methods]) => ({ regex: pathRegex(path), methods }));
  };
  return (c) => {
    patterns ??= compile();
    const allowed = new Set<string>();
    for (const pattern of patterns) {
      if (pattern.regex.test(c.req.path)) for (const method of pattern.methods) allowed.add(method);
    }
    if (allowed.size > 0 && !allowed.has(c.req.method)) {
      const list = [...allowed].sort().join(', ');
      return errorBody(c, 405, `method ${c.req.method} is not allowed on ${c.req.path} (allowed: ${list})`, {
        Allow: list,
      });
    }
    return errorBody(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`);
  };
}

function pathRegex(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The middleware both apps run, the local platform's (create-app.ts) and connected mode's
 * (connected/connected-app.ts), in one place so that they cannot drift: error answers, 404/405, the Host and
 * same-origin checks, the body size limit, and the headers every response carries (`Cache-Control: no-store` on
 * /api). One middleware rather than one per concern: each layer costs every request a promise and a closure.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { errorBody, errorHandler, type Logger, notFoundHandler } from './errors';
import { addCommonHeaders, withCommonHeaders } from './http-headers';
import { securityCheck } from './security';

/** Request bodies are small JSON documents; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type CommonMiddlewareOptions = {
  logger: Logger;
  /** `host:port` values the server answers to (Host header check). */
  allowedHosts: readonly string[];
  /** Origins allowed to change state; default: http(s):// on each allowed host. */
  allowedOrigins?: readonly string[] | undefined;
  /** The database file a storage failure names (the local platform's). */
  databaseFile?: string | undefined;
};

export function useCommonMiddleware(app: Hono, options: CommonMiddlewareOptions): void {
  app.onError(errorHandler(options.logger, { databaseFile: options.databaseFile }));
  app.notFound(notFoundHandler(app));
  app.use('*', commonMiddleware(options));
}

function commonMiddleware(options: CommonMiddlewareOptions): MiddlewareHandler {
  const refusal = securityCheck({ allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins });
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The rest of the body is never read: close the connection so that the client does not reuse it.
    onError: (c) =>
      errorBody(c, 413, `the request body is larger than ${MAX_BODY_BYTES} bytes`, { Connection: 'close' }),
  });
  return async (c, next) => {
    const refused = refusal(c);
    // A refusal is a response like any other: it gets the same headers.
    if (refused !== undefined) return withCommonHeaders(refused, c.req.path);
    // bodyLimit reads `c.req.raw.body`, which makes @hono/node-server build a whole fetch Request (with an
    // AbortController) for every request: a GET or HEAD has no body to limit.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      await next();
    } else {
      const tooLarge = await limit(c, next);
      if (tooLarge instanceof Response) c.res = tooLarge; // answered 413 without going on
    }
    addCommonHeaders(c);
  };
}

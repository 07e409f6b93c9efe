/**
 * `NP_CONSOLE_REQUIRE_TOKEN=1`: every /api request except `POST /api/token` must carry
 * `Authorization: Bearer <access_token>` with a token this server issued and that has not expired, as on
 * nullplatform (reference §1.2). The answer to a request without one is 401 `{message}` saying whether the token is
 * missing, unknown or expired. create-app.ts puts every /console endpoint behind it too but those the endpoint table
 * marks open (`/console/info`, `/console/openapi.json`); the SPA stays open.
 */
import type { MiddlewareHandler } from 'hono';

import { errorBody } from './errors';
import type { TokenIssuer } from './tokens';

/** `openPaths`: the endpoints that need no token (`POST /api/token`: it is where tokens come from). */
export function tokenRequiredMiddleware(tokens: TokenIssuer, openPaths: readonly string[]): MiddlewareHandler {
  const open = new Set(openPaths.flatMap((path) => [path, `${path}/`]));
  return async (c, next) => {
    if (open.has(c.req.path)) return next();
    const refuse = (message: string, error: 'invalid_request' | 'invalid_token') =>
      errorBody(c, 401, message, { 'WWW-Authenticate': `Bearer error="${error}"`, 'Cache-Control': 'no-store' });

    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      return refuse(
        'the access token is missing: send Authorization: Bearer <access_token> (exchange an API key for one with POST /api/token)',
        'invalid_request',
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined) {
      return refuse('the Authorization header must be "Bearer <access_token>"', 'invalid_request');
    }
    const check = tokens.check(match[1]);
    if (!check.ok) {
      return check.reason === 'expired'
        ? refuse(
            `the access token expired at ${new Date(check.expiredAt).toISOString()}; get a new one with POST /api/token`,
            'invalid_token',
          )
        : refuse(
            'the access token is unknown (it was not issued by this server); get one with POST /api/token',
            'invalid_token',
          );
    }
    return next();
  };
}

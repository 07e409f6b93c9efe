/**
 * `NP_CONSOLE_REQUIRE_TOKEN=1`: every /api request except `POST /api/token` must carry
 * `Authorization: Bearer <access_token>` with a token this server issued and that has not expired, as on
 * nullplatform (reference §1.2). The answer to a request without one is 401 `{message}` saying whether the token is
 * missing, unknown or expired. create-app.ts puts the /console endpoints that read platform data (`/console/events`,
 * `/console/traffic`, `/console/scope/:id/runtime`) behind it too; `/console/info`, `/console/openapi.json` and the
 * SPA stay open.
 */
import type { MiddlewareHandler } from 'hono';

import { errorBody } from './errors';
import type { TokenIssuer } from './tokens';

/** The one /api path that needs no token: it is where tokens come from. */
const TOKEN_PATH = '/api/token';

export function tokenRequiredMiddleware(tokens: TokenIssuer): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path === TOKEN_PATH || c.req.path === `${TOKEN_PATH}/`) return next();
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
        ? refuse(`the access token expired at ${new Date(check.expiredAt).toISOString()}; get a new one with POST /api/token`, 'invalid_token')
        : refuse('the access token is unknown (it was not issued by this server); get one with POST /api/token', 'invalid_token');
    }
    return next();
  };
}

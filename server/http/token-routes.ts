import { Hono } from 'hono';

import { tokenRequestBodySchema } from '../../contract/token';
import { HttpError } from './errors';
import type { TokenIssuer } from './tokens';
import { parseJsonBody } from './validation';

/** `POST /token` with `{api_key}` or `{apikey}` (nullplatform's tools use both spellings). */
export function tokenRoutes(tokens: TokenIssuer): Hono {
  const routes = new Hono();
  routes.post('/token', async (c) => {
    const body = await parseJsonBody(c, tokenRequestBodySchema);
    const token = tokens.issue(body.api_key ?? body.apikey ?? '');
    if (token === undefined) throw new HttpError(401, 'invalid API key');
    return c.json(token, 200);
  });
  return routes;
}

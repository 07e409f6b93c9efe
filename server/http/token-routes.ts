import { tokenRequestBodySchema, tokenResponseSchema } from '@contract/token';
import { endpoint, json } from './endpoint';
import { HttpError } from './errors';

/** `POST /token` with `{api_key}` or `{apikey}` (nullplatform's tools use both spellings). */
export const tokenEndpoints = [
  endpoint({
    method: 'post',
    path: '/api/token',
    tag: 'token',
    summary: 'Exchange an API key for an access token',
    description:
      'Any non-empty key, unless NP_CONSOLE_REQUIRE_TOKEN=1, which accepts the keys NP_CONSOLE_API_KEYS lists only.',
    body: tokenRequestBodySchema,
    response: json(tokenResponseSchema, 'An access token, to send as Authorization: Bearer <access_token>'),
    errors: { 401: 'The key is not accepted' },
    examples: [{ summary: 'Exchange a key', body: { api_key: 'np-example-key' } }],
    open: true,
    handle: ({ body }, _c, { tokens }) => {
      const token = tokens.issue(body.api_key ?? body.apikey ?? '');
      if (token === undefined) throw new HttpError(401, 'invalid API key');
      return token;
    },
  }),
];

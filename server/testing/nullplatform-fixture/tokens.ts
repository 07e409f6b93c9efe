/**
 * POST /token and the bearer tokens it issues (reference §1.2): the API key (`apikey` or `api_key`, nullplatform's own
 * code sends both) for `{access_token, refresh_token, token_expires_at (epoch ms), organization_id}`. The access token
 * is shaped like nullplatform's Cognito JWT — `exp` and `cognito:groups` with `@nullplatform/organization=<id>`, which
 * terraform-provider-nullplatform null_client.go reads — and is signed with nothing: only this fixture checks it, by
 * remembering what it issued.
 */
import { randomBytes } from 'node:crypto';

import { type Answer, fail, isPlainObject, json } from './answer';
import { ORGANIZATION_ID } from './shapes/json';
import { FIXTURE_USER_ID } from './world';

const DEFAULT_TOKEN_TTL_MS = 60 * 60 * 1000;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenIssuer {
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly apiKey: string,
    private readonly ttlMs: number = DEFAULT_TOKEN_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  exchange(body: unknown): Answer {
    const key = isPlainObject(body) ? (body['apikey'] ?? body['api_key']) : undefined;
    if (typeof key !== 'string' || key === '') return fail(400, 'Missing parameter: apikey');
    if (key !== this.apiKey) return fail(401, 'Invalid API key');
    const issuedAt = this.now();
    const expiresAt = issuedAt + this.ttlMs;
    const claims = {
      sub: '8e5c2a4f-1b7d-4e93-a6c0-2f9d8b3e7a51',
      'cognito:groups': [`@nullplatform/organization=${ORGANIZATION_ID}`, `@nullplatform/user=${FIXTURE_USER_ID}`],
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_npfixture',
      token_use: 'access',
      auth_time: Math.floor(issuedAt / 1000),
      iat: Math.floor(issuedAt / 1000),
      exp: Math.floor(expiresAt / 1000),
      jti: randomBytes(16).toString('hex'),
    };
    // A random signature makes every token unguessable; the map is what makes it valid.
    const accessToken = `${base64url({ alg: 'RS256', kid: 'np-fixture', typ: 'JWT' })}.${base64url(claims)}.${randomBytes(32).toString('base64url')}`;
    this.issued.set(accessToken, expiresAt);
    return json({
      access_token: accessToken,
      refresh_token: randomBytes(48).toString('base64url'),
      token_expires_at: expiresAt,
      organization_id: ORGANIZATION_ID,
    });
  }

  /** undefined when the Authorization header carries a token this fixture issued and that has not expired. */
  refusal(authorization: string | undefined): Answer | undefined {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (match?.[1] === undefined)
      return fail(401, 'Unauthorized: send Authorization: Bearer <access_token> from POST /token');
    const expiresAt = this.issued.get(match[1]);
    if (expiresAt === undefined) return fail(401, 'Unauthorized: unknown token');
    if (this.now() >= expiresAt) {
      this.issued.delete(match[1]);
      return fail(401, 'Unauthorized: the token has expired');
    }
    return undefined;
  }
}

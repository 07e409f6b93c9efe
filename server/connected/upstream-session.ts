/**
 * The console server's own session with the nullplatform API: the API key exchanged for an access token
 * (`POST /token`, reference §1.2), renewed before it expires and once more when the API answers 401.
 *
 * The key and the token live here, in server memory only. They are sent to the API and nowhere else; every message
 * built here goes through the Redactor before it can reach a log or a response.
 *
 * Renewal exchanges the key again. nullplatform's tools also try a refresh with `{refresh_token, organization_id}`,
 * but at no verified URL (reference §1.2), so the refresh token is kept only in case that becomes known.
 */
import { z } from 'zod';

import { Secret } from '../secret';
import type { Redactor } from './redactor';
import { messageOfAnswer, fetchUpstream, snippet, type UpstreamAnswer } from './upstream-fetch';

/**
 * The JSON field POST /token reads the key from. nullplatform's own code sends `apikey` (terraform provider, mcp-api)
 * and some of its tools send `api_key` (reference §1.2); the local platform accepts both. Change it here only.
 */
export const TOKEN_REQUEST_KEY_FIELD = 'apikey';

/** Renew when less than this share of the token's life is left… */
const RENEW_SHARE_OF_LIFETIME = 0.1;
/** …but never earlier than this before it expires (an hour-long token is renewed in its last minute). */
const RENEW_AT_MOST_MS_BEFORE_EXPIRY = 60_000;
/** When neither the answer nor the JWT says when the token expires: assume it is short-lived (a 401 renews it anyway). */
const ASSUMED_LIFETIME_MS = 5 * 60_000;

/** What POST /token answers (loose: the real API may send more, and a missing expiry is tolerated). */
const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  token_expires_at: z.number().optional(),
  organization_id: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

type UpstreamToken = {
  accessToken: Secret;
  refreshToken: Secret | undefined;
  obtainedAt: number;
  expiresAt: number;
  organizationId: number | null;
};

/** A failure the browser sees as 502 or 504 (the console itself is fine). */
export class UpstreamFailure extends Error {
  constructor(
    readonly status: 502 | 504,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}

/** Start-up cannot go on (bad address, unreachable API, refused key): main.ts prints the message and exits 1. */
export class ConnectedStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectedStartError';
  }
}

export type UpstreamSessionOptions = {
  /** The API's base address without a trailing slash, e.g. `https://api.nullplatform.com`. */
  apiUrl: string;
  apiKey: Secret;
  timeoutMs: number;
  redactor: Redactor;
  /** Already scrubbed by the caller's wrapper; lines about renewals. */
  log: (line: string) => void;
  userAgent: string;
  now?: () => number;
};

type Exchange =
  | { ok: true; token: UpstreamToken }
  | { ok: false; kind: 'unreachable' | 'timeout' | 'rejected' | 'invalid'; message: string };

export class UpstreamSession {
  private current: UpstreamToken;
  private renewal: Promise<UpstreamToken> | undefined;
  private readonly now: () => number;
  readonly host: string;

  private constructor(
    private readonly options: UpstreamSessionOptions,
    first: UpstreamToken,
  ) {
    this.current = first;
    this.now = options.now ?? Date.now;
    this.host = new URL(options.apiUrl).host;
  }

  /** Exchanges the key once; a failure is a ConnectedStartError whose message says what to check. */
  static async open(options: UpstreamSessionOptions): Promise<UpstreamSession> {
    options.redactor.remember(options.apiKey);
    const exchange = await exchangeKey(options, options.now ?? Date.now);
    if (!exchange.ok) {
      const hint =
        exchange.kind === 'rejected'
          ? 'check NP_API_KEY'
          : exchange.kind === 'invalid'
            ? 'check that NP_API_URL is the address of the nullplatform API'
            : 'check NP_API_URL and the network';
      throw new ConnectedStartError(options.redactor.scrub(`${exchange.message}; ${hint}`));
    }
    return new UpstreamSession(options, exchange.token);
  }

  get organizationId(): number | null {
    return this.current.organizationId;
  }

  get expiresAt(): number {
    return this.current.expiresAt;
  }

  /**
   * A token that is not about to expire (renewed first when it is). If that renewal fails while the current token
   * is still valid, the current one is used: the request may well succeed, and the next one tries again.
   */
  async accessToken(): Promise<string> {
    if (!this.needsRenewal(this.current)) return this.current.accessToken.reveal();
    const current = this.current;
    try {
      return (await this.renew('it is about to expire')).accessToken.reveal();
    } catch (error) {
      if (error instanceof UpstreamFailure && this.now() < current.expiresAt) return current.accessToken.reveal();
      throw error;
    }
  }

  /**
   * The API refused `rejected`: renew, unless another request already has (then the new token is returned as is).
   */
  async renewAfterRejection(rejected: string): Promise<string> {
    if (this.current.accessToken.reveal() !== rejected) return this.current.accessToken.reveal();
    return (await this.renew('the API answered 401')).accessToken.reveal();
  }

  private needsRenewal(token: UpstreamToken): boolean {
    const lifetime = token.expiresAt - token.obtainedAt;
    const margin = Math.min(RENEW_AT_MOST_MS_BEFORE_EXPIRY, Math.max(0, lifetime) * RENEW_SHARE_OF_LIFETIME);
    return this.now() >= token.expiresAt - margin;
  }

  /** One exchange at a time: concurrent callers share it. */
  private renew(reason: string): Promise<UpstreamToken> {
    this.renewal ??= (async () => {
      try {
        const exchange = await exchangeKey(this.options, this.now);
        if (!exchange.ok) {
          throw new UpstreamFailure(
            exchange.kind === 'timeout' ? 504 : 502,
            `cannot renew the console's access token: ${exchange.message}`,
          );
        }
        this.current = exchange.token;
        this.options.log(
          `renewed the access token for the nullplatform API at ${this.host} (${reason}); it expires at ${new Date(exchange.token.expiresAt).toISOString()}`,
        );
        return exchange.token;
      } finally {
        this.renewal = undefined;
      }
    })();
    return this.renewal;
  }
}

async function exchangeKey(options: UpstreamSessionOptions, now: () => number): Promise<Exchange> {
  const host = new URL(options.apiUrl).host;
  const where = `the nullplatform API at ${host}`;
  const obtainedAt = now();
  const answer: UpstreamAnswer = await fetchUpstream(
    new URL(`${options.apiUrl}/token`),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': options.userAgent },
      body: JSON.stringify({ [TOKEN_REQUEST_KEY_FIELD]: options.apiKey.reveal() }),
    },
    options.timeoutMs,
  );
  if (!answer.ok) {
    return answer.kind === 'timeout'
      ? { ok: false, kind: 'timeout', message: `${where} did not answer POST /token in time (${answer.detail})` }
      : { ok: false, kind: 'unreachable', message: `${where} is unreachable: ${answer.detail}` };
  }
  const { status, text } = answer;
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location');
    return {
      ok: false,
      kind: 'invalid',
      message: `${where} answered POST /token with a redirect (${status}${location === null ? '' : ` to ${location}`}); set NP_API_URL to the address it redirects to`,
    };
  }
  const upstreamMessage = messageOfAnswer(text);
  const said = upstreamMessage === undefined ? '' : `: ${upstreamMessage}`;
  if (status === 401 || status === 403) {
    return { ok: false, kind: 'rejected', message: `${where} rejected the API key (NP_API_KEY) with ${status}${said}` };
  }
  if (status !== 200 && status !== 201) {
    // Scrubbed before it is cut: a cut could leave part of a secret that the scrub would no longer recognize.
    const body = upstreamMessage === undefined && text !== '' ? ` (${snippet(options.redactor.scrub(text))})` : said;
    return { ok: false, kind: 'invalid', message: `${where} answered POST /token with ${status}${body}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      kind: 'invalid',
      message: `${where} answered POST /token with something that is not JSON (${snippet(options.redactor.scrub(text))})`,
    };
  }
  const parsed = tokenAnswerSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, kind: 'invalid', message: `${where} answered POST /token without an access_token` };
  }
  const body = parsed.data;
  options.redactor.remember(body.access_token);
  if (body.refresh_token !== undefined) options.redactor.remember(body.refresh_token);
  const claims = jwtClaims(body.access_token);
  const expiresAt =
    normalizeEpochMs(body.token_expires_at) ??
    (typeof claims?.['exp'] === 'number' ? claims['exp'] * 1000 : undefined) ??
    obtainedAt + ASSUMED_LIFETIME_MS;
  return {
    ok: true,
    token: {
      accessToken: new Secret(body.access_token),
      refreshToken: body.refresh_token === undefined ? undefined : new Secret(body.refresh_token),
      obtainedAt,
      expiresAt,
      organizationId: body.organization_id ?? organizationFromClaims(claims),
    },
  };
}

/** `token_expires_at` is epoch milliseconds (reference §1.2); a value in seconds is read as such rather than as 1970. */
function normalizeEpochMs(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return undefined;
  return value < 100_000_000_000 ? value * 1000 : value;
}

/** The claims of a JWT access token (not verified: the console only reads what the API told it about itself). */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined || token.split('.').length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `cognito:groups` carries `@nullplatform/organization=<id>` (reference §1.2, terraform provider). */
export function organizationFromClaims(claims: Record<string, unknown> | undefined): number | null {
  const groups = claims?.['cognito:groups'];
  if (!Array.isArray(groups)) return null;
  for (const group of groups) {
    const match = typeof group === 'string' ? /^@nullplatform\/organization=(\d+)$/.exec(group) : null;
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return null;
}

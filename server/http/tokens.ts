/**
 * API keys and access tokens of the local platform (`POST /token`, reference §1.2).
 *
 * By default any non-empty key is accepted and nothing requires a token. With `NP_CONSOLE_REQUIRE_TOKEN=1` only the
 * configured keys are accepted, and every other /api request needs `Authorization: Bearer <access_token>` (see
 * token-required.ts): that is how a local platform stands in for nullplatform behind a connected console, and how a
 * team that exposes its local platform keeps it closed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { LOCAL_ACTOR } from '@contract/activity';
import type { TokenResponse } from '@contract/token';
import type { NamedApiKey } from '../audit/api-key-names';
import type { Secret } from '../secret';

/** The local platform's single organization (the same id the NRNs carry). */
const LOCAL_ORGANIZATION_ID = 1;

/** Personal tokens last about a day on nullplatform (reference §1.2); the local platform's default is shorter. */
const DEFAULT_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** Expired tokens are remembered this long so that a request with one is told "expired", not "unknown". */
const REMEMBER_EXPIRED_MS = 24 * 60 * 60 * 1000;
/** Bounds the memory a flood of POST /token can take; the oldest tokens are forgotten first. */
const MAX_REMEMBERED_TOKENS = 10_000;

/** `actor`: the name of the key the token was issued for (audit/api-key-names.ts); `local` when any key is accepted. */
export type TokenCheck =
  { ok: true; actor: string } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'expired'; expiredAt: number };

export interface TokenIssuer {
  /** Exchanges an API key for a token; undefined when the key is refused. */
  issue(apiKey: string): TokenResponse | undefined;
  /** Whether an access token was issued here and has not expired (and if not, why). */
  check(accessToken: string): TokenCheck;
}

export type LocalTokenIssuerOptions = {
  /**
   * The only keys accepted, with their names; undefined accepts any non-empty key. A key given without a name is
   * `key-<its position>`, as in NP_CONSOLE_API_KEYS.
   */
  apiKeys?: ReadonlyArray<NamedApiKey | Secret | string>;
  /** Lifetime of an access token; default one hour. */
  ttlMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
};

export class LocalTokenIssuer implements TokenIssuer {
  /** access token → expiry (epoch ms) and the name of its key, in issue order. */
  private readonly issued = new Map<string, { expiresAt: number; actor: string }>();
  private readonly keyDigests: Array<{ digest: Buffer; name: string }> | undefined;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: LocalTokenIssuerOptions = {}) {
    this.keyDigests = options.apiKeys?.map((key, index) =>
      typeof key === 'string'
        ? { digest: digest(key), name: `key-${index + 1}` }
        : 'name' in key
          ? { digest: digest(key.key.reveal()), name: key.name }
          : { digest: digest(key.reveal()), name: `key-${index + 1}` },
    );
    this.ttlMs = options.ttlMs ?? DEFAULT_TOKEN_LIFETIME_MS;
    this.now = options.now ?? Date.now;
  }

  issue(apiKey: string): TokenResponse | undefined {
    if (apiKey.trim() === '') return undefined;
    const actor = this.nameOf(apiKey);
    if (actor === undefined) return undefined;
    this.forgetOld();
    const accessToken = `np-local-${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.now() + this.ttlMs;
    this.issued.set(accessToken, { expiresAt, actor });
    return {
      access_token: accessToken,
      refresh_token: `np-local-refresh-${randomBytes(24).toString('base64url')}`,
      token_expires_at: expiresAt,
      organization_id: LOCAL_ORGANIZATION_ID,
    };
  }

  check(accessToken: string): TokenCheck {
    const issued = this.issued.get(accessToken);
    if (issued === undefined) return { ok: false, reason: 'unknown' };
    if (issued.expiresAt <= this.now()) return { ok: false, reason: 'expired', expiredAt: issued.expiresAt };
    return { ok: true, actor: issued.actor };
  }

  /**
   * The name of the key, or undefined when it is refused. Compares with every digest in constant time, so a refused
   * key says nothing about how close it was.
   */
  private nameOf(apiKey: string): string | undefined {
    if (this.keyDigests === undefined) return LOCAL_ACTOR;
    const candidate = digest(apiKey);
    let name: string | undefined;
    for (const known of this.keyDigests) if (timingSafeEqual(known.digest, candidate)) name ??= known.name;
    return name;
  }

  private forgetOld(): void {
    const forgetBefore = this.now() - REMEMBER_EXPIRED_MS;
    for (const [token, { expiresAt }] of this.issued) if (expiresAt <= forgetBefore) this.issued.delete(token);
    while (this.issued.size >= MAX_REMEMBERED_TOKENS) {
      const oldest = this.issued.keys().next();
      if (oldest.done === true) break;
      this.issued.delete(oldest.value);
    }
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

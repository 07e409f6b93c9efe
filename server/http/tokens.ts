/**
 * API keys and access tokens of the local platform (`POST /token`, reference §1.2).
 *
 * By default any non-empty key is accepted and nothing requires a token. With `NP_CONSOLE_REQUIRE_TOKEN=1` only the
 * configured keys are accepted, and every other /api request needs `Authorization: Bearer <access_token>` (see
 * token-required.ts): that is how a local platform stands in for nullplatform behind a connected console, and how a
 * team that exposes its local platform keeps it closed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { TokenResponse } from '../../contract/token';
import type { Secret } from '../secret';

/** The local platform's single organization (the same id the NRNs carry). */
const LOCAL_ORGANIZATION_ID = 1;

/** Personal tokens last about a day on nullplatform (reference §1.2); the local platform's default is shorter. */
const DEFAULT_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** Expired tokens are remembered this long so that a request with one is told "expired", not "unknown". */
const REMEMBER_EXPIRED_MS = 24 * 60 * 60 * 1000;
/** Bounds the memory a flood of POST /token can take; the oldest tokens are forgotten first. */
const MAX_REMEMBERED_TOKENS = 10_000;

export type TokenCheck = { ok: true } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'expired'; expiredAt: number };

export interface TokenIssuer {
  /** Exchanges an API key for a token; undefined when the key is refused. */
  issue(apiKey: string): TokenResponse | undefined;
  /** Whether an access token was issued here and has not expired (and if not, why). */
  check(accessToken: string): TokenCheck;
}

export type LocalTokenIssuerOptions = {
  /** The only keys accepted; undefined accepts any non-empty key. */
  apiKeys?: ReadonlyArray<Secret | string>;
  /** Lifetime of an access token; default one hour. */
  ttlMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
};

export class LocalTokenIssuer implements TokenIssuer {
  /** access token → expiry (epoch ms), in issue order. */
  private readonly issued = new Map<string, number>();
  private readonly keyDigests: Buffer[] | undefined;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: LocalTokenIssuerOptions = {}) {
    this.keyDigests = options.apiKeys?.map((key) => digest(typeof key === 'string' ? key : key.reveal()));
    this.ttlMs = options.ttlMs ?? DEFAULT_TOKEN_LIFETIME_MS;
    this.now = options.now ?? Date.now;
  }

  issue(apiKey: string): TokenResponse | undefined {
    if (apiKey.trim() === '' || !this.accepts(apiKey)) return undefined;
    this.forgetOld();
    const accessToken = `np-local-${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.now() + this.ttlMs;
    this.issued.set(accessToken, expiresAt);
    return {
      access_token: accessToken,
      refresh_token: `np-local-refresh-${randomBytes(24).toString('base64url')}`,
      token_expires_at: expiresAt,
      organization_id: LOCAL_ORGANIZATION_ID,
    };
  }

  check(accessToken: string): TokenCheck {
    const expiresAt = this.issued.get(accessToken);
    if (expiresAt === undefined) return { ok: false, reason: 'unknown' };
    if (expiresAt <= this.now()) return { ok: false, reason: 'expired', expiredAt: expiresAt };
    return { ok: true };
  }

  /** Compares digests in constant time, so a refused key says nothing about how close it was. */
  private accepts(apiKey: string): boolean {
    if (this.keyDigests === undefined) return true;
    const candidate = digest(apiKey);
    let accepted = false;
    for (const known of this.keyDigests) accepted = timingSafeEqual(known, candidate) || accepted;
    return accepted;
  }

  private forgetOld(): void {
    const forgetBefore = this.now() - REMEMBER_EXPIRED_MS;
    for (const [token, expiresAt] of this.issued) if (expiresAt <= forgetBefore) this.issued.delete(token);
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

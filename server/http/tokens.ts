/**
 * API keys and access tokens of the local platform (`POST /token`, reference §1.2). In local mode any non-empty
 * key is accepted and nothing requires a token yet; the issuer remembers what it issued so that requiring tokens
 * later is a change to this file and the middleware that calls `verify`.
 */
import { randomBytes } from 'node:crypto';

import type { TokenResponse } from '../../contract/token';

/** The local platform's single organization (the same id the NRNs carry). */
export const LOCAL_ORGANIZATION_ID = 1;

/** Personal tokens last about a day on nullplatform (reference §1.2); the local platform does the same. */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface TokenIssuer {
  /** Exchanges an API key for a token; undefined when the key is refused. */
  issue(apiKey: string): TokenResponse | undefined;
  /** Whether an access token was issued here and has not expired. */
  verify(accessToken: string): boolean;
}

export class LocalTokenIssuer implements TokenIssuer {
  private readonly issued = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(apiKey: string): TokenResponse | undefined {
    if (apiKey.trim() === '') return undefined;
    this.forgetExpired();
    const accessToken = `np-local-${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.now() + TOKEN_LIFETIME_MS;
    this.issued.set(accessToken, expiresAt);
    return {
      access_token: accessToken,
      refresh_token: `np-local-refresh-${randomBytes(24).toString('base64url')}`,
      token_expires_at: expiresAt,
      organization_id: LOCAL_ORGANIZATION_ID,
    };
  }

  verify(accessToken: string): boolean {
    const expiresAt = this.issued.get(accessToken);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, expiresAt] of this.issued) if (expiresAt <= now) this.issued.delete(token);
  }
}

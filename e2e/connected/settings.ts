/** Shared by playwright.connected.config.ts and the specs. */

/** The key the upstream accepts and the connected console holds; the specs check it never reaches the browser. */
export const E2E_API_KEY = 'e2e-key';
/** How long the upstream's tokens live: short, so that a journey crosses at least one renewal. */
export const E2E_TOKEN_TTL_MS = 20_000;

export const upstreamPort = Number(process.env['E2E_UPSTREAM_PORT'] ?? 4417);
export const connectedPort = Number(process.env['E2E_CONNECTED_PORT'] ?? 4418);

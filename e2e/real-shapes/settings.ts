/** Shared by playwright.connected.config.ts and the real-shapes journeys. */

/** The key the nullplatform fixture accepts and the console in front of it holds; the journeys check it never reaches the browser. */
export const FIXTURE_API_KEY = 'e2e-real-shapes-key';

/** The nullplatform fixture (server/testing/nullplatform-fixture). */
export const fixturePort = Number(process.env['E2E_FIXTURE_PORT'] ?? 4419);
/** The console in connected mode in front of it. */
export const realShapesPort = Number(process.env['E2E_REAL_SHAPES_PORT'] ?? 4420);

export const fixtureUrl = `http://127.0.0.1:${fixturePort}`;

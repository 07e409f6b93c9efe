/**
 * Where test traffic is started and read, its bounds and why a generator stops. Apart from the schemas of
 * contract/test-traffic.ts (which re-exports them), with no zod import, so that the SPA (which reads answers with
 * zod/mini, src/lib/read/) can use them without bringing full zod into the browser.
 */
export const testTrafficPath = (scopeId: number) => `/console/scope/${scopeId}/test-traffic`;

/** At most this many requests per second: enough for any rule's minimum count, too few to load a laptop. */
export const TEST_TRAFFIC_MAX_RATE = 50;
/** A generator stops by itself after at most this long. */
export const TEST_TRAFFIC_MAX_SECONDS = 600;
export const TEST_TRAFFIC_DEFAULT_PATH = '/';

/** Why a generator stopped. */
export const testTrafficEndReasons = ['duration', 'stopped', 'scope_gone', 'console_stopping'] as const;
export type TestTrafficEndReason = (typeof testTrafficEndReasons)[number];

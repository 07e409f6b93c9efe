/**
 * What a scope gets when it does not say: plain values, no zod, so the SPA can read them without the schemas.
 * contract/scope.ts re-exports them.
 */

export const DEFAULT_INSTANCE_COUNT = 2;
export const MAX_INSTANCE_COUNT = 10;

/** The health check path instances are probed at when the scope does not say (design: `/health` answering 200). */
export const DEFAULT_HEALTH_CHECK_PATH = '/health';

/**
 * Scope types and what a scope gets when it does not say. Apart from the schemas of contract/scope.ts (which
 * re-exports them), with no zod import, so that the SPA (which reads answers with zod/mini, src/lib/read/) can use
 * them without bringing full zod into the browser.
 */
export const scopeTypes = ['web_pool_k8s', 'web_pool', 'serverless', 'custom', 'scheduled_tasks'] as const;

export const DEFAULT_INSTANCE_COUNT = 2;
export const MAX_INSTANCE_COUNT = 10;

/** The health check path instances are probed at when the scope does not say (design: `/health` answering 200). */
export const DEFAULT_HEALTH_CHECK_PATH = '/health';

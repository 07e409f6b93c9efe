/**
 * Scope types and instance counts. Apart from the schemas of contract/scope.ts,
 * with no zod import, so that the SPA (which reads answers with zod/mini, src/lib/read/) can use them without
 * bringing full zod into the browser.
 */
export const scopeTypes = ['web_pool_k8s', 'web_pool', 'serverless', 'custom', 'scheduled_tasks'] as const;

export const DEFAULT_INSTANCE_COUNT = 2;
export const MAX_INSTANCE_COUNT = 10;

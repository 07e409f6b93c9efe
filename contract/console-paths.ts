/**
 * Where the console-only endpoints are, and the resources their change events name. Apart from the schemas of
 * contract/console.ts, with no zod import, so that the SPA (which reads answers with zod/mini, src/lib/read/) can use
 * them without bringing full zod into the browser.
 */
export const consolePaths = {
  info: '/console/info',
  events: '/console/events',
  traffic: '/console/traffic',
  scopeRuntime: (scopeId: number) => `/console/scope/${scopeId}/runtime`,
  /** The local platform's checks of a deployment's metric rules (contract/metric-evaluation.ts). */
  deploymentEvaluations: (deploymentId: number) => `/console/deployment/${deploymentId}/evaluations`,
  /** The local platform's audit trail (contract/activity.ts) and its actors. */
  activity: '/console/activity',
  actors: '/console/actors',
  /** The commits between two releases (contract/release-diff.ts). */
  releaseDiff: '/console/release-diff',
  openapi: '/console/openapi.json',
} as const;

/** `activity`: a new entry of the audit trail (contract/activity.ts), so that activity feeds update live. */
export const changeResources = ['application', 'build', 'asset', 'release', 'scope', 'deployment', 'activity'] as const;
export type ChangeResource = (typeof changeResources)[number];

/**
 * Every endpoint the console serves with the local platform, in the order the document lists them: the table
 * create-app.ts registers and openapi.ts describes. How to add one: endpoint.ts.
 */
import { accountEndpoints } from './accounts-routes';
import { activityEndpoints } from './activity-routes';
import { applicationEndpoints } from './applications-routes';
import { assetEndpoints } from './assets-routes';
import { buildEndpoints } from './builds-routes';
import { consoleEndpoints } from './console-routes';
import { deploymentStrategyEndpoints } from './deployment-strategies-routes';
import { deploymentEndpoints } from './deployments-routes';
import type { Endpoint } from './endpoint';
import { instanceLogsEndpoints } from './instance-logs-route';
import { namespaceEndpoints } from './namespaces-routes';
import { releaseDiffEndpoints } from './release-diff-routes';
import { releaseEndpoints } from './releases-routes';
import { scopeEndpoints } from './scopes-routes';
import { telemetryEndpoints } from './telemetry-routes';
import { testTrafficEndpoints } from './test-traffic-routes';
import { tokenEndpoints } from './token-routes';

export const endpoints: readonly Endpoint[] = [
  ...applicationEndpoints,
  ...buildEndpoints,
  ...assetEndpoints,
  ...releaseEndpoints,
  ...scopeEndpoints,
  ...deploymentEndpoints,
  ...deploymentStrategyEndpoints,
  ...accountEndpoints,
  ...namespaceEndpoints,
  ...telemetryEndpoints,
  ...tokenEndpoints,
  ...consoleEndpoints,
  ...testTrafficEndpoints,
  ...instanceLogsEndpoints,
  ...activityEndpoints,
  ...releaseDiffEndpoints,
];

/** The engine's answer to "what is really running": each scope's proxy counters and instance health. */
import { type ScopeRuntime, type ScopeTraffic, TRAFFIC_WINDOW_SECONDS } from '@contract/console';

import type { RuntimeView } from '../http/runtime-view';
import type { InstanceGroups } from './instance-groups';
import type { ScopeProxies } from './scope-proxies';

export function engineRuntimeView(
  proxies: ScopeProxies,
  groups: InstanceGroups,
  healthPathOf: (scopeId: number) => string | undefined,
): RuntimeView {
  return {
    async traffic(scopeId: number, windowSeconds = TRAFFIC_WINDOW_SECONDS): Promise<ScopeTraffic | undefined> {
      const proxy = proxies.get(scopeId);
      const report = await proxy?.traffic(windowSeconds);
      if (report === undefined) return undefined;
      return { scope_id: scopeId, address: proxies.address(scopeId) ?? null, window_seconds: windowSeconds, ...report };
    },
    async scopeRuntime(scopeId: number): Promise<ScopeRuntime | undefined> {
      const healthPath = healthPathOf(scopeId);
      if (healthPath === undefined) return undefined;
      return {
        scope_id: scopeId,
        address: proxies.address(scopeId) ?? null,
        health_check_path: healthPath,
        instances: await groups.snapshot(scopeId),
      };
    },
    logs: (deploymentId, query) => groups.logs(deploymentId, query),
  };
}

import { DEFAULT_HEALTH_CHECK_PATH } from '@contract/scope-values';
import type { Scope } from '@/lib/read/scope';

import { Badge, StatusBadge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { SectionHeading } from '@/components/ui/page-header';
import { CheckedAt } from '@/components/ui/checked-at';
import { Spinner } from '@/components/ui/spinner';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';

import { useScopeRuntime } from '../hooks/use-scope-runtime';
import { LocalPlatformNeeds, NullplatformNeeds } from './scope-type-needs';

function HealthResult({
  lastHealth,
}: {
  lastHealth: { at: number; status_code: number | null; error: string | null } | null;
}) {
  if (!lastHealth) return <span className="text-slate-500 dark:text-slate-400">Not checked yet</span>;
  const ok = lastHealth.status_code === 200;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone={ok ? 'success' : 'danger'}>{lastHealth.status_code ?? 'no answer'}</Badge>
      {lastHealth.error && <span className="text-xs text-red-700 dark:text-red-400">{lastHealth.error}</span>}
      <span className="text-xs text-slate-500 dark:text-slate-400">
        <CheckedAt value={lastHealth.at} />
      </span>
    </span>
  );
}

/**
 * What the app needs in this scope (on nullplatform, per scope type; on the local platform, a node app) and, on the
 * local platform, the latest health result of each running instance. Connected to nullplatform, instance health is in
 * nullplatform's own UI: the console does not ask for a runtime it does not have.
 */
export function ScopeRequirements({ scope }: { scope: Scope }) {
  const { mode, runtime } = useScopeRuntime(scope.id);
  const healthPath =
    runtime.data?.health_check_path ?? scope.capabilities?.health_check?.path ?? DEFAULT_HEALTH_CHECK_PATH;

  return (
    <section aria-labelledby="scope-health" className="mb-8">
      <SectionHeading id="scope-health">Requirements and health</SectionHeading>
      <NullplatformNeeds type={scope.type} healthPath={healthPath} />
      {mode === 'local' && <LocalPlatformNeeds healthPath={healthPath} />}
      {mode === undefined ? null : mode === 'connected' ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="instance-health-elsewhere">
          Instance health for this scope is in nullplatform's own UI: open the scope there to see its instances and
          their health checks. The console reads instances only on the local platform.
        </p>
      ) : runtime.isPending ? (
        <Spinner label="Reading instance health…" />
      ) : runtime.data === undefined ? (
        <ErrorState
          error={runtime.error}
          title="Couldn't read the instances' health"
          onRetry={() => void runtime.refetch()}
        />
      ) : runtime.data.instances.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No instance is running in this scope.</p>
      ) : (
        <Table caption="Instances and their latest health check">
          <THead>
            <TR>
              <TH>Deployment</TH>
              <TH>Instance</TH>
              <TH>State</TH>
              <TH>Port</TH>
              <TH>Restarts</TH>
              <TH>Last {healthPath}</TH>
            </TR>
          </THead>
          <TBody>
            {runtime.data.instances.map((instance) => (
              <TR key={`${instance.deployment_id}-${instance.index}`}>
                <TD>
                  <TextLink to={paths.deployment.getHref(instance.deployment_id)}>#{instance.deployment_id}</TextLink>
                </TD>
                <TD>{instance.index}</TD>
                <TD>
                  <StatusBadge status={instance.state} />
                </TD>
                <TD className="font-mono text-xs">{instance.port ?? '—'}</TD>
                <TD>{instance.restarts}</TD>
                <TD>
                  <HealthResult lastHealth={instance.last_health} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

import { DEFAULT_HEALTH_CHECK_PATH } from '@contract/scope-values';
import type { Scope } from '@/lib/read/scope';
import { useQuery } from '@tanstack/react-query';

import { Badge, StatusBadge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { SectionHeading } from '@/components/ui/page-header';
import { CheckedAt } from '@/components/ui/checked-at';
import { Spinner } from '@/components/ui/spinner';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { ApiError } from '@/lib/api-client';
import { consoleInfoQuery, readsLocalPlatform } from '@/lib/console-info';
import { paths } from '@/lib/paths';

import { scopeQueries } from '../api/queries';

/** Kubernetes scopes require these of the application (design: from nullplatform's deployment guide). */
function Requirements({ healthPath }: { healthPath: string }) {
  return (
    <ul className="mb-4 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
      <li>
        A <code className="font-mono">Dockerfile</code> in the repository.
      </li>
      <li>
        The app listens on port <code className="font-mono">8080</code> (the local platform passes the port in{' '}
        <code className="font-mono">$PORT</code>).
      </li>
      <li>
        <code className="font-mono">{healthPath}</code> answers <code className="font-mono">200</code> once the app is
        ready.
      </li>
    </ul>
  );
}

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

/** The Kubernetes requirements and the latest health result of each running instance. */
export function ScopeRequirements({ scope }: { scope: Scope }) {
  const info = useQuery(consoleInfoQuery);
  const runtime = useQuery({ ...scopeQueries.runtime(scope.id), enabled: readsLocalPlatform(info) });
  const connected = info.data?.mode === 'connected';
  const healthPath =
    runtime.data?.health_check_path ?? scope.capabilities?.health_check?.path ?? DEFAULT_HEALTH_CHECK_PATH;

  return (
    <section aria-labelledby="scope-health" className="mb-8">
      <SectionHeading id="scope-health">Requirements and health</SectionHeading>
      <Requirements healthPath={healthPath} />
      {connected ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Instance health is reported by nullplatform for this scope; the console has no local runtime for it.
        </p>
      ) : runtime.isPending ? (
        <Spinner label="Reading instance health…" />
      ) : runtime.data === undefined ? (
        runtime.error instanceof ApiError && runtime.error.isNotFound ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Instance health is reported by nullplatform for this scope; the console has no local runtime for it.
          </p>
        ) : (
          <ErrorState
            error={runtime.error}
            title="Couldn't read the instances' health"
            onRetry={() => void runtime.refetch()}
          />
        )
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

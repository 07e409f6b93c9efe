import type { Deployment } from '@/lib/read/deployment';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';

import { useNow } from '../hooks/use-now';
import { strategyLabel } from '../utils';

export type NamedLink = { id: number; name: string };

export type DeploymentHeaderProps = {
  deployment: Deployment;
  /** The release's semver, once known. */
  release: string | undefined;
  scope: NamedLink | undefined;
  application: NamedLink | undefined;
  /** Blue/green: the release this deployment replaces, e.g. "1.1.0 (deployment #2)". */
  replaces: ReactNode;
  /** Actions shown at the header's end (finalize, cancel). */
  actions?: ReactNode;
  /** From /console/info: who finalizes an expired deployment (the local engine, or nullplatform); undefined if unknown. */
  mode?: 'local' | 'connected' | undefined;
};

/**
 * Who finalizes a blue/green deployment once `expires_at` has passed. The local engine does it at expiry (or on its
 * first pass after a restart). That nullplatform finalizes at `expires_at` is inferred (reference §7.5: both versions are
 * kept "up to 2 hours", then finalized without anyone asking); when exactly its pass comes is its own.
 */
const finalizer = {
  local: "the local platform's engine finalizes it on its next pass",
  connected: 'nullplatform finalizes it on its next pass',
} as const;

/**
 * "finalizes by itself in 2 h" while `expires_at` is ahead; once it has passed, the deployment is overdue and about to
 * be finalized by whoever runs it, which is what the header says (re-read every few seconds, so it turns by itself).
 */
function Expiry({ expiresAt, mode }: { expiresAt: string | number; mode: 'local' | 'connected' | undefined }) {
  const at = typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt);
  const now = useNow(5_000);
  if (Number.isNaN(at) || at > now) {
    return (
      <span data-testid="expiry">
        finalizes by itself <RelativeTime value={expiresAt} />
      </span>
    );
  }
  return (
    <span data-testid="expiry" className="font-medium text-amber-800 dark:text-amber-300">
      expired <RelativeTime value={expiresAt} />: finalizing now{mode === undefined ? '' : ` (${finalizer[mode]})`}
    </span>
  );
}

/** "1.2.0 → production": what is deployed where, how, and how it is doing. */
export function DeploymentHeader({
  deployment,
  release,
  scope,
  application,
  replaces,
  actions,
  mode,
}: DeploymentHeaderProps) {
  const blueGreen = deployment.strategy === 'blue_green';
  const expires = blueGreen && deployment.status === 'running' && deployment.expires_at;
  return (
    <PageHeader
      title={
        <>
          <span className="font-mono">{release ?? `Release #${deployment.release_id}`}</span>
          <span className="text-slate-500 dark:text-slate-400">
            {' '}
            → {scope?.name ?? `scope #${deployment.scope_id}`}
          </span>
        </>
      }
      description={
        <>
          Deployment #{deployment.id} of{' '}
          <TextLink to={paths.scope.getHref(deployment.scope_id)}>
            {scope?.name ?? `scope #${deployment.scope_id}`}
          </TextLink>
          {application && (
            <>
              {' '}
              in <TextLink to={paths.application.getHref(application.id)}>{application.name}</TextLink>
            </>
          )}
        </>
      }
      meta={
        <>
          <span data-testid="deployment-status">
            <StatusBadge status={deployment.status} />
          </span>
          <span>{strategyLabel(deployment.strategy)}</span>
          <span aria-hidden="true">·</span>
          <span>
            created <RelativeTime value={deployment.created_at} />
          </span>
          {blueGreen && (
            <>
              <span aria-hidden="true">·</span>
              <span data-testid="replaces">replaces {replaces}</span>
            </>
          )}
          {expires && (
            <>
              <span aria-hidden="true">·</span>
              <Expiry expiresAt={expires} mode={mode} />
            </>
          )}
        </>
      }
      actions={actions}
    />
  );
}

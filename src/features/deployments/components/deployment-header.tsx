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
};

/** "1.2.0 → production": what is deployed where, how, and how it is doing. */
export function DeploymentHeader({
  deployment,
  release,
  scope,
  application,
  replaces,
  actions,
}: DeploymentHeaderProps) {
  const blueGreen = deployment.strategy === 'blue_green';
  const expires = blueGreen && deployment.status === 'running' && deployment.expires_at;
  const now = useNow(30_000, Boolean(expires));
  // Past its expiry and still running (the platform has yet to act on it): said as overdue, never "finalizes … ago".
  const overdue = expires && Date.parse(String(deployment.expires_at)) <= now;
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
              <span>
                {overdue ? 'was due to finalize by itself' : 'finalizes by itself'}{' '}
                <RelativeTime value={deployment.expires_at} />
              </span>
            </>
          )}
        </>
      }
      actions={actions}
    />
  );
}

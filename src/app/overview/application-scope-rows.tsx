import type { Application } from '@/lib/read/application';
import type { Deployment } from '@/lib/read/deployment';

import { renderRelease } from '@/app/route-helpers';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { ErrorDetails } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { TD, TH, TR } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { trafficSplit } from '@/features/deployments/utils';
import { formatDuration } from '@/lib/format';
import { paths } from '@/lib/paths';

import { timeToExpiry } from './attention';
import { useApplicationOverview } from './use-application-overview';

export type ApplicationScopeRowsProps = { application: Application; now: number };

function InFlight({ deployment, now }: { deployment: Deployment; now: number }) {
  const split = trafficSplit(deployment);
  const left = deployment.strategy === 'blue_green' ? timeToExpiry(deployment, now) : undefined;
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <TextLink to={paths.deployment.getHref(deployment.id)}>#{deployment.id}</TextLink>
      {renderRelease(deployment.release_id)}
      <StatusBadge status={deployment.status} />
      {deployment.strategy === 'blue_green' && (
        <span className="tabular-nums">
          {split.current}% new{split.pending ? ` → ${split.desired}%` : ''}
        </span>
      )}
      {left !== undefined && left > 0 && (
        <span className="text-xs text-slate-600 dark:text-slate-400">auto-finalizes in {formatDuration(left)}</span>
      )}
    </span>
  );
}

/** One application's scopes as rows of the overview: what each serves, what is in flight, what needs attention. */
export function ApplicationScopeRows({ application, now }: ApplicationScopeRowsProps) {
  const { name, isPending, error, rows } = useApplicationOverview(application, now);
  const header = (
    <TR>
      <TH scope="rowgroup" colSpan={4} className="bg-slate-50/60 normal-case dark:bg-slate-800/30">
        {name}
      </TH>
    </TR>
  );
  if (isPending) {
    return (
      <tbody>
        {header}
        <TR>
          <TD colSpan={4}>
            <Spinner size="sm" label={`Reading ${name}'s scopes…`} />
          </TD>
        </TR>
      </tbody>
    );
  }
  if (error) {
    return (
      <tbody>
        {header}
        <TR>
          <TD colSpan={4} className="text-red-700 dark:text-red-400">
            Couldn't read {name}'s scopes. <ErrorDetails error={error} />
          </TD>
        </TR>
      </tbody>
    );
  }
  return (
    <tbody>
      {header}
      {rows.length === 0 && (
        <TR>
          <TD colSpan={4} className="text-slate-600 dark:text-slate-400">
            No scopes yet.
          </TD>
        </TR>
      )}
      {rows.map(({ scope, scopeName, inFlight, active, attention }) => (
        <TR key={scope.id}>
          <TD>
            <TextLink to={paths.scope.getHref(scope.id)}>{scopeName}</TextLink>
          </TD>
          <TD>
            {active ? (
              renderRelease(active.release_id)
            ) : (
              <span className="text-slate-600 dark:text-slate-400">
                {scope.active_deployment === null ? 'nothing yet' : 'unknown'}
              </span>
            )}
          </TD>
          <TD>
            {inFlight ? (
              <InFlight deployment={inFlight} now={now} />
            ) : (
              <span className="text-slate-500 dark:text-slate-400">—</span>
            )}
          </TD>
          <TD>
            <span className="flex flex-wrap gap-1">
              {attention.map((item) => (
                <Badge key={item.kind} tone={item.kind === 'failed' ? 'danger' : 'warning'}>
                  {item.text}
                </Badge>
              ))}
            </span>
          </TD>
        </TR>
      ))}
    </tbody>
  );
}

/** This application's items of the "needs you" list (nothing when none: the list says so once for all). */
export function ApplicationAttention({ application, now }: ApplicationScopeRowsProps) {
  const { name, rows } = useApplicationOverview(application, now);
  return rows.flatMap(({ scope, scopeName, attention }) =>
    attention.map((item) => (
      <li key={`${scope.id}-${item.kind}`} className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={item.kind === 'failed' ? 'danger' : 'warning'}>
          {item.kind === 'failed' ? 'failed' : item.kind === 'waiting' ? 'slow' : 'expiring'}
        </Badge>
        <span>
          {name} / <TextLink to={paths.scope.getHref(scope.id)}>{scopeName}</TextLink>: {item.text}
        </span>
        <TextLink to={paths.deployment.getHref(item.deploymentId)}>open deployment #{item.deploymentId}</TextLink>
      </li>
    )),
  );
}

import type { Deployment } from '@/lib/read/deployment';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';

import { strategyLabel, trafficSplit } from '../utils';

export type DeploymentsTableProps = {
  deployments: readonly Deployment[];
  caption?: string;
  busy?: boolean;
  renderRelease: (releaseId: number) => ReactNode;
  /** The scope column; left out when the table is already about one scope. */
  renderScope?: (scopeId: number) => ReactNode;
};

export function DeploymentsTable({
  deployments,
  caption = 'Deployments',
  busy,
  renderRelease,
  renderScope,
}: DeploymentsTableProps) {
  return (
    <Table caption={caption} busy={busy}>
      <THead>
        <TR>
          <TH>Deployment</TH>
          <TH>Status</TH>
          <TH>Release</TH>
          {renderScope && <TH>Scope</TH>}
          <TH>Strategy</TH>
          <TH>New traffic</TH>
          <TH>Created</TH>
        </TR>
      </THead>
      <TBody>
        {deployments.map((deployment) => {
          const split = trafficSplit(deployment);
          return (
            <TR key={deployment.id}>
              <TD>
                <TextLink to={paths.deployment.getHref(deployment.id)}>#{deployment.id}</TextLink>
              </TD>
              <TD>
                <StatusBadge status={deployment.status} />
              </TD>
              <TD>{renderRelease(deployment.release_id)}</TD>
              {renderScope && <TD>{renderScope(deployment.scope_id)}</TD>}
              <TD>{strategyLabel(deployment.strategy)}</TD>
              <TD className="tabular-nums">
                {deployment.strategy === 'blue_green'
                  ? `${split.current}%${split.pending ? ` → ${split.desired}%` : ''}`
                  : '—'}
              </TD>
              <TD>
                <RelativeTime value={deployment.created_at} />
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

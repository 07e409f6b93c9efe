import { FieldValue } from '@/components/ui/field-value';
import type { Scope } from '@/lib/read/scope';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';

import { Dimensions } from './dimensions';
import { ScopeAddress } from './scope-address';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-sm">{children}</dd>
    </div>
  );
}

export type ScopeDetailsProps = { scope: Scope; activeDeployment: ReactNode };

/** A scope's facts: status, type, address, dimensions, asset, instances and what it serves now. */
export function ScopeDetails({ scope, activeDeployment }: ScopeDetailsProps) {
  return (
    <dl className="mb-8 grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-700 dark:bg-slate-900">
      <Item label="Status">
        <StatusBadge status={scope.status} />
      </Item>
      <Item label="Type">
        <FieldValue entity={scope} field="type">
          {scope.type}
        </FieldValue>
      </Item>
      <Item label="Address">
        <ScopeAddress scope={scope} />
      </Item>
      <Item label="Serving">{activeDeployment}</Item>
      <Item label="Dimensions">
        <FieldValue entity={scope} field="dimensions">
          <Dimensions dimensions={scope.dimensions} />
        </FieldValue>
      </Item>
      <Item label="Asset">
        {scope.asset_name ? <code className="font-mono">{scope.asset_name}</code> : 'Chosen at the first deployment'}
      </Item>
      <Item label="Instances">
        <FieldValue entity={scope.capabilities} field="fixed_instances">
          {scope.capabilities?.fixed_instances}
        </FieldValue>
      </Item>
      <Item label="Created">
        <RelativeTime value={scope.created_at} />
      </Item>
    </dl>
  );
}

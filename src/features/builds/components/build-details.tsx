import type { Build } from '@/lib/read/build';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionHeading } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';

import { CommitLink } from './commit-link';

export type BuildDetailsProps = { build: Build };

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

/** A build's facts: status, branch, commit, description, when. */
export function BuildDetails({ build }: BuildDetailsProps) {
  return (
    <dl className="mb-8 grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-700 dark:bg-slate-900">
      <Item label="Status">
        <StatusBadge status={build.status} />
      </Item>
      <Item label="Branch">
        <span className="font-mono">{build.branch ?? '—'}</span>
      </Item>
      <Item label="Commit">
        <CommitLink commit={build.commit} />
      </Item>
      <Item label="Created">
        <RelativeTime value={build.created_at} />{' '}
        <span className="text-xs text-slate-600 dark:text-slate-400">({formatDateTime(build.created_at)})</span>
      </Item>
      {build.description && (
        <div className="sm:col-span-2 lg:col-span-4">
          <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Description</dt>
          <dd className="mt-1 text-sm whitespace-pre-wrap">{build.description}</dd>
        </div>
      )}
    </dl>
  );
}

/** What the build produced: the assets a release of it can deploy. */
export function BuildAssets({ build }: BuildDetailsProps) {
  const assets = build.assets ?? [];
  return (
    <section aria-labelledby="build-assets" className="mb-8">
      <SectionHeading id="build-assets">Assets</SectionHeading>
      {assets.length === 0 ? (
        <EmptyState title="No assets">
          This build has not reported any asset, so a release of it cannot be deployed yet.
        </EmptyState>
      ) : (
        <Table caption="Assets">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Type</TH>
              <TH>URL</TH>
            </TR>
          </THead>
          <TBody>
            {assets.map((asset) => (
              <TR key={asset.id}>
                <TD className="font-medium">{asset.name}</TD>
                <TD>{asset.type}</TD>
                <TD className="font-mono text-xs break-all">{asset.url}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

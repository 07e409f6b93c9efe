import type { Deployment } from '@/lib/read/deployment';
import type { ReactNode } from 'react';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
      <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export type DeploymentSourceProps = {
  deployment: Pick<Deployment, 'asset_name' | 'description'>;
  /** The release (its semver, linked), composed by the page. */
  release: ReactNode;
  /** The build with its commit and branch, composed by the page (the builds feature owns it). */
  build: ReactNode;
};

/** What is deployed: release, build, commit, branch and the asset that runs. */
export function DeploymentSource({ deployment, release, build }: DeploymentSourceProps) {
  return (
    <dl className="space-y-2">
      <Item label="Release">{release}</Item>
      <Item label="Build">{build}</Item>
      <Item label="Asset">
        {deployment.asset_name ? <code className="font-mono">{deployment.asset_name}</code> : '—'}
      </Item>
      {deployment.description && <Item label="Description">{deployment.description}</Item>}
    </dl>
  );
}

import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { TextLink } from '@/components/ui/text-link';
import { ReleaseLabel } from '@/features/releases/components/release-label';
import { parseId, paths } from '@/lib/paths';

export { parseId };

export function useIdParam(name: string): number | undefined {
  return parseId(useParams()[name]);
}

export function InvalidId({ what }: { what: string }) {
  return (
    <EmptyState title={`This address does not name ${what}`}>
      <TextLink to={paths.home.getHref()}>Back to applications</TextLink>
    </EmptyState>
  );
}

/** How pages show a release given its id: its semver, read once and cached. */
export function renderRelease(releaseId: number): ReactNode {
  return <ReleaseLabel releaseId={releaseId} />;
}

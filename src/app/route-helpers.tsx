import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { TextLink } from '@/components/ui/text-link';
import { ReleaseLabel } from '@/features/releases/components/release-label';
import { paths } from '@/lib/paths';

/** A positive integer id from the URL, or undefined when the segment is not one. */
export function parseId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined;
}

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

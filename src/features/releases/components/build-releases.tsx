import { useQuery } from '@tanstack/react-query';

import { Spinner } from '@/components/ui/spinner';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';
import type { Build } from '@/lib/read/build';
import type { Release } from '@/lib/read/release';
import { errorsInPlace } from '@/lib/query-client';

import { releaseQueries } from '../api/queries';
import { CreateReleaseButton } from './create-release-dialog';

export type BuildReleasesProps = { build: Build; onCreated?: (release: Release) => void };

/**
 * A build row's releases: the versions it is released as, or "Create release" when it has none and succeeded. Every
 * row reads the same cached list of the application's releases (one request for the whole table).
 */
export function BuildReleases({ build, onCreated }: BuildReleasesProps) {
  const versions = useQuery(errorsInPlace(releaseQueries.versions(build.application_id)));
  if (versions.isPending) return <Spinner label="Reading releases…" />;
  // Without the list the row cannot say; the build page still can.
  if (versions.data === undefined) return <span className="text-slate-500 dark:text-slate-400">unknown</span>;
  const released = versions.data.results.filter((release) => release.build_id === build.id);
  if (released.length > 0) {
    return (
      <ul className="flex flex-wrap gap-x-2 font-mono text-xs" aria-label={`Releases of build #${build.id}`}>
        {released.map((release) => (
          <li key={release.id}>
            <TextLink to={paths.release.getHref(release.id)}>{release.semver ?? `#${release.id}`}</TextLink>
          </li>
        ))}
      </ul>
    );
  }
  if (build.status !== 'successful') return <span className="text-slate-500 dark:text-slate-400">none</span>;
  return (
    <CreateReleaseButton
      build={build}
      size="sm"
      label={`Create release from build #${build.id}`}
      onCreated={onCreated}
    />
  );
}

import type { Release } from '@/lib/read/release';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { FieldValue } from '@/components/ui/field-value';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';

export type ReleasesTableProps = {
  releases: readonly Release[];
  caption?: string;
  busy?: boolean;
  /** The build column (e.g. build id, commit and branch); defaults to the build id. */
  renderBuild?: (release: Release) => ReactNode;
  renderActions?: (release: Release) => ReactNode;
  /** A "Runs in" column: where the release serves now and how its last deployment went. */
  renderPlacement?: (release: Release) => ReactNode;
};

export function ReleasesTable({
  releases,
  caption = 'Releases',
  busy,
  renderBuild,
  renderActions,
  renderPlacement,
}: ReleasesTableProps) {
  return (
    <Table caption={caption} busy={busy}>
      <THead>
        <TR>
          <TH>Version</TH>
          <TH>Status</TH>
          {renderPlacement && <TH>Runs in</TH>}
          <TH>Build · commit</TH>
          <TH>Created</TH>
          {renderActions && (
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          )}
        </TR>
      </THead>
      <TBody>
        {releases.map((release) => (
          <TR key={release.id}>
            <TD className="font-mono font-medium">
              <FieldValue entity={release} field="semver">
                <TextLink to={paths.release.getHref(release.id)}>{release.semver}</TextLink>
              </FieldValue>
            </TD>
            <TD>
              <StatusBadge status={release.status} />
            </TD>
            {renderPlacement && <TD>{renderPlacement(release)}</TD>}
            <TD>{renderBuild ? renderBuild(release) : `#${release.build_id}`}</TD>
            <TD>
              <RelativeTime value={release.created_at} />
            </TD>
            {renderActions && <TD className="text-right">{renderActions(release)}</TD>}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

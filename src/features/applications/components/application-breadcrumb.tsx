import { useQuery } from '@tanstack/react-query';

import { BreadcrumbTrail, type Crumb } from '@/components/ui/breadcrumbs';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/lib/paths';
import { errorsInPlace } from '@/lib/query-client';

import { applicationQueries } from '../api/queries';

export type ApplicationBreadcrumbProps = { applicationId: number; trail?: readonly Crumb[] };

/** Applications / <application name> / …trail */
export function ApplicationBreadcrumb({ applicationId, trail = [] }: ApplicationBreadcrumbProps) {
  const query = useQuery(errorsInPlace(applicationQueries.detail(applicationId)));
  return (
    <BreadcrumbTrail
      items={[
        { label: 'Applications', href: paths.home.getHref() },
        {
          label: query.data?.name ?? (query.isPending ? <Skeleton /> : `Application #${applicationId}`),
          href: paths.application.getHref(applicationId),
        },
        ...trail,
      ]}
    />
  );
}

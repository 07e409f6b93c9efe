import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { PageHeader } from '@/components/ui/page-header';
import { ApplicationsList } from '@/features/applications/components/applications-list';

export const handle: RouteHandle = { Breadcrumb: () => <BreadcrumbTrail items={[{ label: 'Applications' }]} /> };

export default function ApplicationsRoute() {
  return (
    <>
      <title>Applications · np-console</title>
      <PageHeader title="Applications" description="Pick an application to see its scopes, builds, releases and deployments." />
      <ApplicationsList />
    </>
  );
}

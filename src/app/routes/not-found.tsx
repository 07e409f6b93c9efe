import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/lib/paths';

export const handle: RouteHandle = {
  Breadcrumb: () => (
    <BreadcrumbTrail items={[{ label: 'Applications', href: paths.home.getHref() }, { label: 'Not found' }]} />
  ),
};

export default function NotFoundRoute() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <title>Not found · np-console</title>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Nothing lives at this address.</p>
      <ButtonLink to={paths.home.getHref()} variant="primary" className="mt-6">
        Back to applications
      </ButtonLink>
    </div>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router-dom';

import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/lib/paths';

import { Layout } from './layout';
import { RootErrorBoundary, RouteErrorBoundary } from './route-error-boundary';
import type { RouteHandle } from './route-handle';
import { loadApplicationsPage } from './routes/loaders/applications';
import { startDeploymentPage } from './routes/loaders/first-read';
import { pageQueries, type PageLoad } from './routes/loaders/page-load';

type RouteModule = { default: ComponentType; handle?: RouteHandle };

/**
 * Every page is a lazy module; the layout and the error boundaries are in the entry chunk. Each page's loader starts
 * its queries as the navigation starts (src/app/routes/loaders/page-load.ts): in a small module of its own, loaded
 * next to the page's, so the first page carries only its own. `/`'s loader is in the entry chunk: the first page needs
 * its queries anyway, and it then starts them without waiting for a module. The deployment page's route also starts
 * the deployment itself from the entry chunk (routes/loaders/first-read.ts).
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const queries = pageQueries(queryClient);
  const loaderOf =
    (load: PageLoad) =>
    ({ params, request }: LoaderFunctionArgs) => {
      load(queries, { params, search: new URL(request.url).searchParams });
      return null;
    };
  /** `first`: what the route starts before its loader module arrives (routes/loaders/first-read.ts). */
  const page = (
    path: string,
    loadPage: () => Promise<RouteModule>,
    loadLoader: () => Promise<PageLoad>,
    first?: PageLoad,
  ): RouteObject => {
    const component = {
      Component: () => loadPage().then((module) => module.default),
      handle: () => loadPage().then((module) => module.handle),
    };
    if (first === undefined)
      return {
        path,
        ErrorBoundary: RouteErrorBoundary,
        lazy: { loader: () => loadLoader().then(loaderOf), ...component },
      };
    const load: PageLoad = (pageQueries, args) => {
      first(pageQueries, args);
      void loadLoader().then((rest) => rest(pageQueries, args));
    };
    return { path, ErrorBoundary: RouteErrorBoundary, loader: loaderOf(load), lazy: component };
  };
  const application = () => import('./routes/loaders/application');
  return [
    {
      path: '/',
      Component: Layout,
      ErrorBoundary: RootErrorBoundary,
      // Shown while the first page's lazy module loads.
      HydrateFallback: () => <PageSpinner label="Loading np-console…" />,
      children: [
        {
          index: true,
          ErrorBoundary: RouteErrorBoundary,
          loader: loaderOf(loadApplicationsPage),
          lazy: {
            Component: () => import('./routes/applications').then((module) => module.default),
            handle: () => import('./routes/applications').then((module) => module.handle),
          },
        },
        page(
          paths.application.path,
          () => import('./routes/application'),
          () => application().then((module) => module.loadApplicationPage),
        ),
        page(
          paths.builds.path,
          () => import('./routes/builds'),
          () => application().then((module) => module.loadBuildsPage),
        ),
        page(
          paths.build.path,
          () => import('./routes/build'),
          () => import('./routes/loaders/build').then((module) => module.loadBuildPage),
        ),
        page(
          paths.releases.path,
          () => import('./routes/releases'),
          () => application().then((module) => module.loadReleasesPage),
        ),
        page(
          paths.release.path,
          () => import('./routes/release'),
          () => import('./routes/loaders/release').then((module) => module.loadReleasePage),
        ),
        page(
          paths.scopes.path,
          () => import('./routes/scopes'),
          () => application().then((module) => module.loadScopesPage),
        ),
        page(
          paths.scope.path,
          () => import('./routes/scope'),
          () => import('./routes/loaders/scope').then((module) => module.loadScopePage),
        ),
        page(
          paths.deployments.path,
          () => import('./routes/deployments'),
          () => application().then((module) => module.loadDeploymentsPage),
        ),
        page(
          paths.deployment.path,
          () => import('./routes/deployment'),
          () => import('./routes/loaders/deployment').then((module) => module.loadDeploymentPage),
          startDeploymentPage,
        ),
        {
          path: '*',
          ErrorBoundary: RouteErrorBoundary,
          lazy: () => import('./routes/not-found').then((module) => ({ Component: module.default })),
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';

import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/lib/paths';

import { Layout } from './layout';
import { RootErrorBoundary, RouteErrorBoundary } from './route-error-boundary';
import type { RouteHandle } from './route-handle';

type RouteModule = { default: ComponentType; handle?: RouteHandle };

/** Route modules default-export their page and may export a `handle` (breadcrumbs). */
function convert(module: RouteModule) {
  return module.handle ? { Component: module.default, handle: module.handle } : { Component: module.default };
}

/** Every page is a lazy module; the layout and the error boundaries are in the entry chunk. */
export function createRoutes(): RouteObject[] {
  const page = (path: string, load: () => Promise<RouteModule>): RouteObject => ({
    path,
    ErrorBoundary: RouteErrorBoundary,
    lazy: () => load().then(convert),
  });
  return [
    {
      path: '/',
      Component: Layout,
      ErrorBoundary: RootErrorBoundary,
      // Shown while the first page's lazy module loads.
      HydrateFallback: () => <PageSpinner label="Loading np-console…" />,
      children: [
        { index: true, ErrorBoundary: RouteErrorBoundary, lazy: () => import('./routes/applications').then(convert) },
        page(paths.application.path, () => import('./routes/application')),
        page(paths.builds.path, () => import('./routes/builds')),
        page(paths.build.path, () => import('./routes/build')),
        page(paths.releases.path, () => import('./routes/releases')),
        page(paths.release.path, () => import('./routes/release')),
        page(paths.scopes.path, () => import('./routes/scopes')),
        page(paths.scope.path, () => import('./routes/scope')),
        page(paths.deployments.path, () => import('./routes/deployments')),
        page(paths.deployment.path, () => import('./routes/deployment')),
        page('*', () => import('./routes/not-found')),
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(createRoutes());
}

import { Link, Outlet, ScrollRestoration, useMatches, useNavigation } from 'react-router-dom';

import { focusRing } from '@/components/ui/focus-ring';
import { cn } from '@/lib/cn';
import { paths } from '@/lib/paths';

import { ConnectionStatus } from './connection-status';
import { isRouteHandle } from './route-handle';
import { ThemeSwitch } from './theme-switch';
import { UpstreamBanner } from './upstream-banner';

function Breadcrumbs() {
  const matches = useMatches();
  const match = [...matches]
    .reverse()
    .find((candidate) => isRouteHandle(candidate.handle) && candidate.handle.Breadcrumb);
  const Breadcrumb = match && isRouteHandle(match.handle) ? match.handle.Breadcrumb : undefined;
  if (!match || !Breadcrumb) return null;
  return (
    <nav aria-label="Breadcrumb" className="mb-4">
      <Breadcrumb params={match.params} />
    </nav>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <div aria-hidden="true" className="h-0.5 w-full overflow-hidden">
      <div
        className={cn('h-full bg-sky-600 transition-all duration-500', busy ? 'w-2/3 opacity-100' : 'w-0 opacity-0')}
      />
    </div>
  );
}

export function Layout() {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {/* One row at any width: on a phone the connection's name is left to screen readers, its badge stays. */}
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-3">
          <div className="flex min-w-0 items-center gap-2 sm:gap-4">
            <Link
              to={paths.home.getHref()}
              className={cn('shrink-0 rounded text-lg font-bold tracking-tight', focusRing)}
            >
              np-console
            </Link>
            <ConnectionStatus />
          </div>
          <ThemeSwitch />
        </div>
        <NavigationProgress />
      </header>
      <UpstreamBanner />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none">
        <Breadcrumbs />
        <Outlet />
      </main>
      <ScrollRestoration />
    </div>
  );
}

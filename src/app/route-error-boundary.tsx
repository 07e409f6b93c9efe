import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router-dom';

import { Button, buttonClasses } from '@/components/ui/button';
import { ErrorDetails, errorTitle } from '@/components/ui/error-state';
import { paths } from '@/lib/paths';

/**
 * Where 5xx answers with nothing to show, failed lazy imports and render crashes end up. It keeps the layout (header,
 * breadcrumbs) around it and always offers a way back.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const { reset } = useQueryErrorResetBoundary();
  const navigate = useNavigate();
  const location = useLocation();

  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? 'Page not found' : isRouteErrorResponse(error) ? `Error ${error.status}` : errorTitle(error);

  return (
    <div
      role="alert"
      className="mx-auto max-w-2xl rounded-lg border border-red-300 bg-red-50 p-6 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <h1 className="text-xl font-semibold">{title}</h1>
      <div className="mt-3 text-sm">
        {isRouteErrorResponse(error) ? <p>{error.statusText || String(error.data)}</p> : <ErrorDetails error={error} />}
      </div>
      <div className="mt-5 flex flex-wrap gap-2">
        {!notFound && (
          <Button
            variant="secondary"
            onClick={() => {
              // Let the failed queries fetch again when the page mounts, then re-render this location.
              reset();
              void navigate(location, { replace: true });
            }}
          >
            Try again
          </Button>
        )}
        <Button variant="secondary" onClick={() => void navigate(-1)}>
          Go back
        </Button>
        <Link to={paths.home.getHref()} className={buttonClasses('primary')}>
          Back to applications
        </Link>
      </div>
    </div>
  );
}

/** When the layout itself fails: the same, on a bare page. */
export function RootErrorBoundary() {
  return (
    <div className="min-h-screen bg-white p-6 dark:bg-slate-950">
      <RouteErrorBoundary />
    </div>
  );
}

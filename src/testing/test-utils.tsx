import { vi } from 'vitest';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

import { AppProvider, createAppQueryClient } from '@/app/provider';
import { createRoutes } from '@/app/router';

/** Renders the real router (lazy routes, layout, error boundaries) in memory at `url`, with a fresh QueryClient. */
export function renderRoute(url: string) {
  const queryClient = createAppQueryClient({ retry: false });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, queryClient, user };
}

/** The current location's search params of a router from renderRoute. */
export function searchOf(router: { state: { location: { search: string } } }): URLSearchParams {
  return new URLSearchParams(router.state.location.search);
}

/** For tests that provoke an error boundary on purpose: React logs the caught error, which is expected noise. */
export function silenceConsoleErrors(): void {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
}

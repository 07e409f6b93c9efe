import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { applicationQueries } from '@/features/applications/api/queries';
import { buildApplication, buildConsoleInfo } from '@/testing/data';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

const UNREACHABLE = 'nullplatform API at api.nullplatform.com is unreachable: connect ECONNREFUSED';

function connected(organizationId: number | null = 42) {
  db.info = buildConsoleInfo({
    mode: 'connected',
    upstream: { host: 'api.nullplatform.com', organization_id: organizationId },
    live_events: false,
  });
}

function upstreamDown(status = 502, message = UNREACHABLE) {
  server.use(
    // Every API read fails, as when nullplatform is down (the home page reads scopes and deployments too).
    http.get('/api/*', () => HttpResponse.json({ message }, { status })),
  );
}

describe('header', () => {
  test('in connected mode it names the host and the organization, and says it polls', async () => {
    connected();
    renderRoute('/');
    expect(await screen.findByTestId('connection')).toHaveTextContent('Connected to api.nullplatform.com · org 42');
    expect(screen.getByText('Polling')).toBeInTheDocument();
  });

  test('an organization the token did not name is left out', async () => {
    connected(null);
    renderRoute('/');
    expect(await screen.findByTestId('connection')).toHaveTextContent(/^Connected to api\.nullplatform\.com$/);
  });

  test('in local mode it says so, with live updates', async () => {
    renderRoute('/');
    expect(await screen.findByTestId('connection')).toHaveTextContent(/^Local platform$/);
    expect(screen.getByText('Live')).toBeInTheDocument();
  });
});

describe('upstream trouble banner', () => {
  test('a 502 shows the banner over the last good data, and it goes away by itself when the API is back', async () => {
    connected();
    db.applications.push(buildApplication({ name: 'checkout', namespace_id: 1 }));
    const { queryClient } = renderRoute('/');
    await screen.findByRole('link', { name: 'checkout' });
    expect(screen.queryByTestId('upstream-banner')).not.toBeInTheDocument();

    upstreamDown();
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }));
    const banner = await screen.findByTestId('upstream-banner');
    expect(banner).toHaveRole('alert');
    expect(banner).toHaveTextContent(`nullplatform API unreachable: ${UNREACHABLE} — retrying…`);
    expect(within(banner).getByRole('button', { name: 'Retry now' })).toBeInTheDocument();
    // The page keeps its data, and no toast repeats what the banner says.
    expect(screen.getByRole('link', { name: 'checkout' })).toBeInTheDocument();
    expect(screen.queryByText("Couldn't refresh the application list")).not.toBeInTheDocument();

    // Polling retries (the first retry 2 s after the trouble) and the first success clears the banner.
    server.resetHandlers();
    await waitFor(() => expect(screen.queryByTestId('upstream-banner')).not.toBeInTheDocument(), { timeout: 8_000 });
    expect(screen.getByRole('link', { name: 'checkout' })).toBeInTheDocument();
  });

  test('"Retry now" retries at once', async () => {
    connected();
    db.applications.push(buildApplication({ name: 'checkout', namespace_id: 1 }));
    const { queryClient, user } = renderRoute('/');
    await screen.findByRole('link', { name: 'checkout' });
    upstreamDown(504, 'the nullplatform API at api.nullplatform.com did not answer in time (15 s)');
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }));
    const banner = await screen.findByTestId('upstream-banner');
    expect(banner).toHaveTextContent('did not answer in time');

    db.applications.push(buildApplication({ name: 'billing', namespace_id: 1 }));
    server.resetHandlers();
    await user.click(within(banner).getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(screen.queryByTestId('upstream-banner')).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: 'billing' })).toBeInTheDocument();
  });

  test('with nothing to show yet, the page says so in place (not an error page) and recovers', async () => {
    connected();
    db.applications.push(buildApplication({ name: 'checkout', namespace_id: 1 }));
    upstreamDown();
    const { user } = renderRoute('/?namespace_id=1');
    const banner = await screen.findByTestId('upstream-banner');
    const inPlace = await screen.findByText("Couldn't load the applications");
    expect(screen.queryByRole('link', { name: 'Back to applications' })).not.toBeInTheDocument();
    expect(inPlace).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(banner).getByRole('button', { name: 'Retry now' }));
    expect(await screen.findByRole('link', { name: 'checkout' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('upstream-banner')).not.toBeInTheDocument());
  });

  test('no answer at all says the console server is unreachable', async () => {
    db.applications.push(buildApplication({ name: 'checkout' }));
    const { queryClient } = renderRoute('/');
    await screen.findByRole('link', { name: 'checkout' });
    server.use(http.get('/api/application', () => HttpResponse.error()));
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }));
    expect(await screen.findByTestId('upstream-banner')).toHaveTextContent(
      /^Console server unreachable: Could not reach the console server/,
    );
    expect(screen.getByRole('link', { name: 'checkout' })).toBeInTheDocument();
  });

  test('other errors are not upstream trouble: a 500 still toasts and raises no banner', async () => {
    db.applications.push(buildApplication({ name: 'checkout' }));
    const { queryClient } = renderRoute('/');
    await screen.findByRole('link', { name: 'checkout' });
    server.use(
      http.get('/api/application', () => HttpResponse.json({ message: 'database is locked' }, { status: 500 })),
    );
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }));
    expect(await screen.findByText("Couldn't refresh the application list")).toBeInTheDocument();
    expect(screen.queryByTestId('upstream-banner')).not.toBeInTheDocument();
  });
});

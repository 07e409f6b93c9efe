import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildBuild, minutesAgo } from '@/testing/data';
import { heldAnswer } from '@/testing/gate';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute, searchOf, silenceConsoleErrors } from '@/testing/test-utils';

function seed(count: number) {
  const application = buildApplication({ id: 1, name: 'checkout' });
  db.applications.push(application);
  for (let index = 0; index < count; index++) {
    db.builds.push(
      buildBuild({
        id: 1000 + index,
        application_id: 1,
        branch: index % 2 === 0 ? 'main' : 'feature/x',
        status: index % 5 === 0 ? 'failed' : 'successful',
        created_at: minutesAgo(index),
      }),
    );
  }
  return application;
}

function rowsOf(table: HTMLElement) {
  return within(table).getAllByRole('row').slice(1);
}

describe('builds page', () => {
  test('shows a loading state, then builds newest first with commit link, status and age', async () => {
    seed(3);
    const answer = heldAnswer();
    server.use(
      http.get('/api/build', async () => {
        await answer.held;
        return HttpResponse.json({ paging: { total: 1, offset: 0, limit: 30 }, results: [db.builds[1]] });
      }),
    );
    renderRoute('/applications/1/builds');
    expect(await screen.findByText('Loading builds…')).toBeInTheDocument();
    answer.release();
    const table = await screen.findByRole('table', { name: 'Builds' });
    const [row] = rowsOf(table);
    expect(row).toBeDefined();
    const cells = within(row as HTMLElement);
    expect(cells.getByRole('link', { name: '#1001' })).toHaveAttribute('href', '/builds/1001');
    expect(cells.getByText('successful')).toBeInTheDocument();
    expect(cells.getByRole('link', { name: /1001aaa/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/app/commit/1001',
    );
    expect(cells.getByText('1 min ago')).toBeInTheDocument();
  });

  test('asks the API for the newest first and pages on the server, with the page in the URL', async () => {
    seed(45);
    const { user, router } = renderRoute('/applications/1/builds');
    const table = await screen.findByRole('table', { name: 'Builds' });
    expect(rowsOf(table)).toHaveLength(30);
    expect(within(rowsOf(table)[0] as HTMLElement).getByRole('link', { name: '#1000' })).toBeInTheDocument();
    expect(screen.getByText('Showing 1–30 of 45')).toBeInTheDocument();
    const first = requestsTo('/api/build').at(-1);
    expect(first?.url.searchParams.get('sort')).toBe('created_at:desc');
    expect(first?.url.searchParams.get('application_id')).toBe('1');

    await user.click(screen.getByRole('link', { name: 'Next' }));
    await waitFor(() => expect(searchOf(router).get('offset')).toBe('30'));
    expect(await screen.findByText('Showing 31–45 of 45')).toBeInTheDocument();
    expect(requestsTo('/api/build').at(-1)?.url.searchParams.get('offset')).toBe('30');
  });

  test('branch and status filters are in the URL, reset the page and reach the API', async () => {
    seed(45);
    const { user, router } = renderRoute('/applications/1/builds?offset=30');
    await screen.findByText('Showing 31–45 of 45');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    await waitFor(() => expect(searchOf(router).get('status')).toBe('failed'));
    expect(searchOf(router).get('offset')).toBeNull();
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Builds' }))).toHaveLength(9));

    await user.type(screen.getByRole('searchbox', { name: 'Branch' }), 'main{Enter}');
    await waitFor(() => expect(searchOf(router).get('branch')).toBe('main'));
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Builds' }))).toHaveLength(5));
    const last = requestsTo('/api/build').at(-1);
    expect(last?.url.searchParams.get('status')).toBe('failed');
    expect(last?.url.searchParams.get('branch')).toBe('main');
  });

  test('a deep link with a filter and a page shows that view', async () => {
    seed(45);
    renderRoute('/applications/1/builds?branch=feature%2Fx&offset=10&limit=10');
    expect(await screen.findByText('Showing 11–20 of 22')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Branch' })).toHaveValue('feature/x');
  });

  test('shows empty states with and without filters', async () => {
    seed(0);
    const { unmount } = renderRoute('/applications/1/builds');
    expect(await screen.findByText('No builds yet')).toBeInTheDocument();
    unmount();
    renderRoute('/applications/1/builds?status=pending');
    expect(await screen.findByText('No builds match these filters')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/applications/1/builds');
  });

  test('a 500 is shown with its message and a way back', async () => {
    silenceConsoleErrors();
    seed(1);
    server.use(http.get('/api/build', () => HttpResponse.json({ message: 'database is locked' }, { status: 500 })));
    renderRoute('/applications/1/builds');
    expect(await screen.findByText('database is locked')).toBeInTheDocument();
    expect(screen.getByText('Server error (500)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to applications' })).toBeInTheDocument();
  });

  test('a 4xx is shown in place', async () => {
    seed(1);
    server.use(
      http.get('/api/build', () => HttpResponse.json({ message: 'limit must be at most 200' }, { status: 400 })),
    );
    renderRoute('/applications/1/builds');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText("Couldn't load the builds")).toBeInTheDocument();
    expect(within(alert).getByText('limit must be at most 200')).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  test('a build without a status shows it as unknown; one without an application id is an error naming the field', async () => {
    seed(0);
    server.use(
      http.get('/api/build', () =>
        HttpResponse.json({
          paging: { total: 1, offset: 0, limit: 30 },
          results: [{ id: 5, application_id: 1, branch: 'main' }],
        }),
      ),
    );
    const { unmount } = renderRoute('/applications/1/builds');
    const row = await screen.findByRole('row', { name: /main/ });
    expect(row).toHaveTextContent('unknown');
    unmount();

    server.use(
      http.get('/api/build', () =>
        HttpResponse.json({ paging: { total: 1, offset: 0, limit: 30 }, results: [{ id: 5, branch: 'main' }] }),
      ),
    );
    renderRoute('/applications/1/builds');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('results[0].application_id')).toBeInTheDocument();
  });

  test('build detail lists the assets', async () => {
    seed(1);
    db.assets.push({ id: 7, build_id: 1000, name: 'main', type: 'docker-image', url: 'file:demo-apps/hello' });
    renderRoute('/builds/1000');
    const table = await screen.findByRole('table', { name: 'Assets' });
    expect(within(table).getByText('main')).toBeInTheDocument();
    expect(within(table).getByText('docker-image')).toBeInTheDocument();
    expect(within(table).getByText('file:demo-apps/hello')).toBeInTheDocument();
    // Breadcrumbs reach the application through the build.
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await within(crumbs).findByRole('link', { name: 'checkout' })).toHaveAttribute('href', '/applications/1');
  });

  test('an unknown build is a not found error in place', async () => {
    seed(0);
    renderRoute('/builds/999');
    expect(await screen.findByText('build 999 not found')).toBeInTheDocument();
    expect(screen.getByText('Not found')).toBeInTheDocument();
  });
});

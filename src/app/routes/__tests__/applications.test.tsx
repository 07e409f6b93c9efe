import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildConsoleInfo } from '@/testing/data';
import { heldAnswer } from '@/testing/gate';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute, searchOf, silenceConsoleErrors } from '@/testing/test-utils';

describe('applications page', () => {
  test('shows a loading state, then the applications', async () => {
    db.applications.push(buildApplication({ name: 'checkout' }), buildApplication({ name: 'billing' }));
    const answer = heldAnswer();
    server.use(
      http.get('/api/application', async ({ request }) => {
        await answer.held;
        const url = new URL(request.url);
        return HttpResponse.json({
          paging: { total: 2, offset: 0, limit: Number(url.searchParams.get('limit')) },
          results: db.applications,
        });
      }),
    );
    renderRoute('/');
    expect(await screen.findByText('Loading applications…')).toBeInTheDocument();
    answer.release();
    expect(await screen.findByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      `/applications/${db.applications[0]?.id}`,
    );
    expect(screen.getByRole('link', { name: 'billing' })).toBeInTheDocument();
  });

  test('says where the console is connected', async () => {
    renderRoute('/');
    expect(await screen.findByText('Local platform')).toBeInTheDocument();
  });

  test('shows the upstream host and organization in connected mode', async () => {
    db.info = buildConsoleInfo({
      mode: 'connected',
      upstream: { host: 'api.nullplatform.com', organization_id: 42 },
      live_events: false,
    });
    renderRoute('/');
    expect(await screen.findByText('Connected to api.nullplatform.com · org 42')).toBeInTheDocument();
    expect(screen.getByText('Polling')).toBeInTheDocument();
  });

  test('shows an empty state', async () => {
    renderRoute('/');
    expect(await screen.findByText('No applications yet')).toBeInTheDocument();
  });

  test('a 500 reaches the route error boundary with its message and a way back', async () => {
    silenceConsoleErrors();
    server.use(
      http.get('/api/application', () => HttpResponse.json({ message: 'database is locked' }, { status: 500 })),
    );
    renderRoute('/');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Server error (500)')).toBeInTheDocument();
    expect(within(alert).getByText('database is locked')).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Back to applications' })).toBeInTheDocument();
    // The layout is still there.
    expect(screen.getByRole('link', { name: 'np-console' })).toBeInTheDocument();
  });

  test('"Try again" on the error boundary refetches', async () => {
    silenceConsoleErrors();
    let fail = true;
    server.use(
      http.get('/api/application', () =>
        fail
          ? HttpResponse.json({ message: 'database is locked' }, { status: 500 })
          : HttpResponse.json({
              paging: { total: 1, offset: 0, limit: 30 },
              results: [buildApplication({ name: 'recovered' })],
            }),
      ),
    );
    const { user } = renderRoute('/');
    await screen.findByText('database is locked');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'recovered' })).toBeInTheDocument();
  });

  test('an application without an id is an error state naming the field', async () => {
    server.use(
      http.get('/api/application', () =>
        HttpResponse.json({
          paging: { total: 1, offset: 0, limit: 30 },
          results: [{ name: 'no-id', status: 'active' }],
        }),
      ),
    );
    renderRoute('/');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The server sent data this console does not understand')).toBeInTheDocument();
    expect(within(alert).getByText('results[0].id')).toBeInTheDocument();
  });

  test("nullplatform's own shape reads (tags an object), and a field of an unexpected shape degrades that field only", async () => {
    // The application of nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json.
    const automation = {
      auto_deploy_on_creation: false,
      created_at: '2025-10-07T03:22:21.385Z',
      id: 4,
      is_mono_repo: false,
      messages: [],
      metadata: {},
      name: 'Automation',
      namespace_id: 3,
      nrn: 'organization=1:account=2:namespace=3:application=4',
      repository_app_path: null,
      repository_url: 'https://github.com/playground-repos/tools-automation',
      settings: {},
      slug: 'automation',
      status: 'active',
      tags: {},
      template_id: 1037172878,
      updated_at: '2025-10-07T03:22:30.695Z',
    };
    const odd = {
      ...automation,
      id: 5,
      name: 'Odd',
      slug: 'odd',
      repository_url: { provider: 'github' },
      created_at: 'yesterday',
    };
    server.use(
      http.get('/api/application', () =>
        HttpResponse.json({ paging: { total: 2, offset: 0, limit: 100 }, results: [automation, odd] }),
      ),
    );
    renderRoute('/');
    expect(await screen.findByRole('link', { name: 'Automation' })).toBeInTheDocument();
    const oddRow = within(screen.getByRole('table', { name: 'Applications' })).getByRole('row', { name: /Odd/ });
    expect(
      within(oddRow)
        .getAllByTestId('unreadable-value')
        .map((cell) => cell.textContent),
    ).toEqual(['{"provider":"github"}', '"yesterday"']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('search and status filters go to the URL and to the API', async () => {
    db.applications.push(
      buildApplication({ name: 'checkout' }),
      buildApplication({ name: 'checkout-worker', status: 'inactive' }),
      buildApplication({ name: 'billing' }),
    );
    const { user, router } = renderRoute('/');
    await screen.findByRole('link', { name: 'billing' });

    await user.type(screen.getByRole('searchbox', { name: /search by name/i }), 'checkout{Enter}');
    await waitFor(() => expect(searchOf(router).get('name')).toBe('checkout'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'billing' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'checkout-worker' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'inactive');
    await waitFor(() => expect(searchOf(router).get('status')).toBe('inactive'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'checkout' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'checkout-worker' })).toBeInTheDocument();

    // nullplatform documents no name filter: the search runs on the namespace's applications, read once.
    for (const request of requestsTo('/api/application')) {
      expect([...request.url.searchParams.keys()].sort()).toEqual(['limit', 'offset', 'sort']);
    }
  });

  test('a deep link with filters shows the filtered view', async () => {
    db.applications.push(
      buildApplication({ name: 'checkout' }),
      buildApplication({ name: 'billing', status: 'archived' }),
    );
    renderRoute('/?status=archived');
    expect(await screen.findByRole('link', { name: 'billing' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'checkout' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('archived');
  });
});

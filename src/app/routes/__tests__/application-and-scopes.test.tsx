import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import {
  buildApplication,
  buildConsoleInfo,
  buildDeployment,
  buildRelease,
  buildRuntime,
  buildScope,
  minutesAgo,
} from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute, searchOf } from '@/testing/test-utils';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.0.0' }),
    buildRelease({ id: 61, application_id: 1, build_id: 50, semver: '1.1.0' }),
  );
  db.deployments.push(
    buildDeployment({
      id: 70,
      scope_id: 11,
      release_id: 60,
      application_id: 1,
      status: 'finalized',
      created_at: minutesAgo(30),
    }),
    buildDeployment({
      id: 71,
      scope_id: 11,
      release_id: 61,
      application_id: 1,
      status: 'running',
      status_in_scope: 'candidate',
      strategy: 'blue_green',
      strategy_data: { switched_traffic: 30, desired_switched_traffic: 50 },
      created_at: minutesAgo(5),
    }),
  );
  db.scopes.push(
    buildScope({
      id: 10,
      application_id: 1,
      name: 'staging',
      asset_name: null,
      domain: null,
      dimensions: { environment: 'staging' },
    }),
    buildScope({
      id: 11,
      application_id: 1,
      name: 'production',
      domain: '127.0.0.1:5011',
      dimensions: { environment: 'production', country: 'ar' },
      active_deployment: 70,
      in_progress_deployment: 71,
    }),
  );
}

describe('application page', () => {
  test('shows each scope at a glance: type, dimensions, release, address and the deployment in flight', async () => {
    seed();
    renderRoute('/applications/1');
    expect(await screen.findByRole('heading', { level: 1, name: 'checkout' })).toBeInTheDocument();
    const production = await screen.findByRole('article', { name: 'production' });
    const card = within(production);
    expect(card.getByText('web_pool_k8s')).toBeInTheDocument();
    expect(card.getByText('country')).toBeInTheDocument();
    expect(await card.findByText('1.0.0')).toBeInTheDocument();
    expect(card.getByRole('link', { name: /127\.0\.0\.1:5011/ })).toHaveAttribute('href', 'http://127.0.0.1:5011');
    expect(card.getByRole('link', { name: 'Deployment #71' })).toHaveAttribute('href', '/deployments/71');
    expect(card.getByText('running')).toBeInTheDocument();
    expect(
      await card.findByRole('img', { name: 'Traffic: old 70%, new 30%; 50% requested for new' }),
    ).toBeInTheDocument();

    const staging = within(screen.getByRole('article', { name: 'staging' }));
    expect(staging.getByText('Nothing deployed yet')).toBeInTheDocument();
    expect(staging.getByTitle('No address')).toHaveTextContent('—');

    const nav = within(screen.getByRole('navigation', { name: 'Application' }));
    for (const [name, href] of [
      ['Builds', '/applications/1/builds'],
      ['Releases', '/applications/1/releases'],
      ['Deployments', '/applications/1/deployments'],
      ['Scopes', '/applications/1/scopes'],
    ]) {
      expect(nav.getByRole('link', { name })).toHaveAttribute('href', href);
    }
  });

  test('an application without scopes says so', async () => {
    db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
    renderRoute('/applications/1');
    expect(await screen.findByText('No scopes yet')).toBeInTheDocument();
  });

  test('an unknown application is shown as not found', async () => {
    renderRoute('/applications/404');
    expect(await screen.findByText('application 404 not found')).toBeInTheDocument();
  });

  test('an address that is not an id says so', async () => {
    renderRoute('/applications/abc');
    expect(await screen.findByText('This address does not name an application')).toBeInTheDocument();
  });
});

describe('scopes page', () => {
  test('lists the scopes with what they serve', async () => {
    seed();
    renderRoute('/applications/1/scopes');
    const table = await screen.findByRole('table', { name: 'Scopes' });
    expect(within(table).getByRole('link', { name: 'production' })).toHaveAttribute('href', '/scopes/11');
    expect(await within(table).findByText('1.0.0')).toBeInTheDocument();
    expect(await within(table).findByText('1.1.0')).toBeInTheDocument();
  });

  test('a schema failure names the field', async () => {
    seed();
    server.use(
      http.get('/api/scope', () =>
        HttpResponse.json({ paging: { total: 1, offset: 0, limit: 200 }, results: [{ id: 1, name: 'x' }] }),
      ),
    );
    renderRoute('/applications/1/scopes');
    expect(await screen.findByText('results[0].application_id')).toBeInTheDocument();
  });
});

describe('scope page', () => {
  test('shows address, active deployment, requirements with the latest health per instance, and history newest first', async () => {
    seed();
    db.runtimes.push(
      buildRuntime({
        scope_id: 11,
        instances: [
          {
            deployment_id: 70,
            index: 0,
            pid: 123,
            port: 41001,
            state: 'healthy',
            restarts: 0,
            last_health: { at: Date.now(), status_code: 200, error: null },
          },
          {
            deployment_id: 71,
            index: 0,
            pid: 124,
            port: 41002,
            state: 'unhealthy',
            restarts: 2,
            last_health: { at: Date.now(), status_code: 503, error: 'not ready' },
          },
        ],
      }),
    );
    renderRoute('/scopes/11');
    expect(await screen.findByRole('heading', { level: 1, name: 'production' })).toBeInTheDocument();
    expect(screen.getByText(/Dockerfile/)).toBeInTheDocument();
    expect(screen.getByText('8080')).toBeInTheDocument();
    const instances = await screen.findByRole('table', { name: 'Instances and their latest health check' });
    expect(within(instances).getByText('200')).toBeInTheDocument();
    expect(within(instances).getByText('503')).toBeInTheDocument();
    expect(within(instances).getByText('not ready')).toBeInTheDocument();

    const history = await screen.findByRole('table', { name: 'Deployments of production' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: '#71' })).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: '#70' })).toBeInTheDocument();
    expect(requestsTo('/api/deployment').at(-1)?.url.searchParams.get('scope_id')).toBe('11');
  });

  test('without a local runtime (404) it says health is reported by nullplatform', async () => {
    seed();
    renderRoute('/scopes/10');
    expect(await screen.findByText(/Instance health is reported by nullplatform/)).toBeInTheDocument();
  });

  test('connected to nullplatform it says so without asking for the local runtime', async () => {
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 1 },
    });
    seed();
    renderRoute('/scopes/11');
    expect(await screen.findByText(/Instance health is reported by nullplatform/)).toBeInTheDocument();
    expect(requestsTo('/console/scope/11/runtime')).toHaveLength(0);
  });

  test('shows the loading state', async () => {
    seed();
    server.use(
      http.get('/api/scope/:id', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    renderRoute('/scopes/11');
    expect(await screen.findByText('Loading scope…')).toBeInTheDocument();
  });
});

describe('deployments page', () => {
  test('lists deployments newest first with a status filter in the URL', async () => {
    seed();
    const { user, router } = renderRoute('/applications/1/deployments');
    const table = await screen.findByRole('table', { name: 'Deployments' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: '#71' })).toHaveAttribute(
      'href',
      '/deployments/71',
    );
    expect(await within(rows[0] as HTMLElement).findByRole('link', { name: 'production' })).toHaveAttribute(
      'href',
      '/scopes/11',
    );
    expect(within(rows[0] as HTMLElement).getByText('30% → 50%')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'finalized');
    await waitFor(() => expect(searchOf(router).get('status')).toBe('finalized'));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Deployments' })).getAllByRole('row')).toHaveLength(2),
    );
    expect(requestsTo('/api/deployment').at(-1)?.url.searchParams.get('status')).toBe('finalized');
    expect(requestsTo('/api/deployment').at(-1)?.url.searchParams.get('sort')).toBe('created_at:desc');
  });

  test('pages on the server', async () => {
    seed();
    for (let index = 0; index < 40; index++) {
      db.deployments.push(
        buildDeployment({
          scope_id: 10,
          release_id: 60,
          application_id: 1,
          status: 'failed',
          created_at: minutesAgo(100 + index),
        }),
      );
    }
    const { user, router } = renderRoute('/applications/1/deployments?status=failed');
    expect(await screen.findByText('Showing 1–30 of 40')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Next' }));
    await waitFor(() => expect(searchOf(router).get('offset')).toBe('30'));
    expect(searchOf(router).get('status')).toBe('failed');
    expect(await screen.findByText('Showing 31–40 of 40')).toBeInTheDocument();
  });

  test('empty with a filter', async () => {
    seed();
    renderRoute('/applications/1/deployments?status=cancelled');
    expect(await screen.findByText('No cancelled deployments')).toBeInTheDocument();
  });
});

describe('deployment page', () => {
  // The full page is covered by deployment.test.tsx.
  test('shows the status and the release', async () => {
    seed();
    renderRoute('/deployments/71');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('1.1.0 → production'));
    expect(screen.getByTestId('deployment-status')).toHaveTextContent('running');
  });
});

describe('not found', () => {
  test('an unknown address shows a 404 page with a way back', async () => {
    renderRoute('/nowhere/at/all');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Back to applications' })[0]).toHaveAttribute('href', '/');
  });
});

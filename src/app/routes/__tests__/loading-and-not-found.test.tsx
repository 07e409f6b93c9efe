/** Item 11 of issue 9: no placeholder labels while names load, and an unknown id is "not found" with a way back. */
import { screen } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { server } from '@/testing/mocks/server';
import { renderRoute, silenceConsoleErrors } from '@/testing/test-utils';

import { seed } from './deployment-fixture';

describe('loading', () => {
  test('the deployment page shows a skeleton, not "Release #61 → scope #11", and no actions, until the names are in', async () => {
    seed();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('/api/release/:id', async () => {
        await released;
        return undefined;
      }),
    );
    renderRoute('/deployments/71');
    expect(await screen.findByTestId('page-skeleton')).toHaveTextContent('Loading deployment…');
    expect(screen.queryByText(/Release #61/)).not.toBeInTheDocument();
    expect(screen.queryByText(/scope #11/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Finalize' })).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole('heading', { level: 1, name: /1\.2\.0\s*→ production/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Finalize' })).toBeInTheDocument();
  });

  test('the breadcrumb shows a skeleton while the application name loads, never "Application 1"', async () => {
    seed();
    server.use(
      http.get('/api/application/:id', async () => {
        await delay(300);
        return undefined;
      }),
    );
    renderRoute('/applications/1/builds');
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumb' });
    expect(crumbs).not.toHaveTextContent('Application 1');
    expect(await screen.findByRole('link', { name: 'greeter' })).toBeInTheDocument();
  });
});

describe('not found', () => {
  test.for([
    { url: '/applications/999', title: "Couldn't load application #999" },
    { url: '/applications/999/releases', title: "Couldn't load application #999" },
    { url: '/scopes/999', title: "Couldn't load scope #999" },
    { url: '/deployments/999', title: "Couldn't load deployment #999" },
    { url: '/builds/999', title: "Couldn't load build #999" },
    { url: '/releases/999', title: "Couldn't load release #999" },
  ])('$url: not found, a way back, no "Try again" and no empty list under it', async ({ url, title }) => {
    renderRoute(url);
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to applications' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(screen.queryByText(/No (releases|scopes|builds|deployments) yet/)).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Application' })).not.toBeInTheDocument();
  });

  test('a server error still offers "Try again"', async () => {
    silenceConsoleErrors();
    server.use(http.get('/api/scope/:id', () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    renderRoute('/scopes/5');
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

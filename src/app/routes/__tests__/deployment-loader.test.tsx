/**
 * The deployment page's route loader (src/app/routes/loaders/): what it asks for before the page renders, compared
 * with what the page asks for by itself (its routes with every loader taken out).
 */
import { render, screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { describe, expect, test } from 'vitest';

import { AppProvider, createAppQueryClient } from '@/app/provider';
import { createRoutes } from '@/app/router';
import { loadDeploymentPage } from '@/app/routes/loaders/deployment';
import { startDeploymentPage } from '@/app/routes/loaders/first-read';
import { pageQueries } from '@/app/routes/loaders/page-load';
import { heldAnswer } from '@/testing/gate';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';

import { seed, trafficHandler } from './deployment-fixture';

/** Every level of the fixture's page: the deployment; its scope, release, application, runtime, history; the build and the replaced deployment; that one's release. */
const pageData = [
  '/api/deployment/71',
  '/api/scope/11',
  '/api/release/61',
  '/api/application/1',
  '/console/scope/11/runtime',
  '/api/deployment',
  '/api/build/50',
  '/api/deployment/70',
  '/api/release/60',
];

function askedFor(): Set<string> {
  return new Set(
    db.requests
      .filter((request) => request.method === 'GET')
      .map((request) => `${request.url.pathname}${request.url.search}`),
  );
}

function runLoader() {
  const queries = pageQueries(createAppQueryClient({ retry: false }));
  const args = { params: { deploymentId: '71' }, search: new URLSearchParams() };
  startDeploymentPage(queries, args);
  loadDeploymentPage(queries, args);
}

function withoutLoaders(routes: RouteObject[]): RouteObject[] {
  return routes.map((route): RouteObject => {
    const { loader: _loader, lazy, children, ...rest } = route;
    const pageOnly = typeof lazy === 'object' ? (({ loader: _lazyLoader, ...parts }) => parts)(lazy) : lazy;
    return {
      ...rest,
      ...(pageOnly ? { lazy: pageOnly } : {}),
      ...(children ? { children: withoutLoaders(children) } : {}),
    } as RouteObject;
  });
}

describe('deployment page loader', () => {
  test('asks for every level of data the page shows, without rendering it, and for nothing the page does not ask for', async () => {
    seed();
    server.use(trafficHandler());
    runLoader();
    for (const path of pageData) await waitFor(() => expect(requestsTo(path).length).toBeGreaterThan(0));
    const byLoader = askedFor();
    db.requests.length = 0;

    const queryClient = createAppQueryClient({ retry: false });
    const router = createMemoryRouter(withoutLoaders(createRoutes(queryClient)), {
      initialEntries: ['/deployments/71'],
    });
    render(
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>,
    );
    await screen.findByRole('link', { name: '(deployment #70)' });
    for (const path of pageData) await waitFor(() => expect(requestsTo(path).length).toBeGreaterThan(0));
    const byPage = askedFor();
    expect([...byLoader].filter((request) => !byPage.has(request))).toEqual([]);
  });

  test("asks for the replaced deployment's release from the scope's history, without waiting for that deployment", async () => {
    seed();
    const replaced = heldAnswer();
    server.use(
      http.get('/api/deployment/70', async () => {
        await replaced.held;
        // Then on to the platform's own handler.
      }),
    );
    runLoader();
    await waitFor(() => expect(requestsTo('/api/release/60')).toHaveLength(1));
    expect(requestsTo('/api/deployment/70')).toHaveLength(0);
    replaced.release();
    await waitFor(() => expect(requestsTo('/api/deployment/70')).toHaveLength(1));
  });
});

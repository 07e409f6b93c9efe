/** Item 10 of issue 9: the "Live" badge and every "just now" say they are stale, and since when, while nothing answers. */
import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { applicationQueries } from '@/features/applications/api/queries';
import { resourceKeys } from '@/lib/resource-keys';
import { buildApplication } from '@/testing/data';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

import { openPage } from '../routes/__tests__/deployment-fixture';

describe('honest live state', () => {
  test('the console server unreachable: the badge says stale since when, and comes back to Live', async () => {
    db.applications.push(buildApplication({ name: 'checkout' }));
    const { queryClient } = renderRoute('/');
    await screen.findByRole('link', { name: 'checkout' });
    expect(screen.getByText('Live')).toBeInTheDocument();

    server.use(http.get('/api/*', () => HttpResponse.error()));
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }));
    expect(await screen.findByTestId('live-state')).toHaveTextContent(/^Stale since \d{1,2}:\d{2}:\d{2}/);
    expect(screen.queryByText('Live')).not.toBeInTheDocument();

    server.resetHandlers();
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }));
    expect(await screen.findByText('Live')).toBeInTheDocument();
  });

  test('an instance "checked just now" says when it was checked and that it is stale', async () => {
    const { queryClient } = await openPage();
    const instances = screen.getByRole('list', { name: 'Instances of this deployment' });
    expect(within(instances).queryByTestId('stale')).not.toBeInTheDocument();
    server.use(http.get('/console/scope/:id/runtime', () => HttpResponse.error()));
    await act(() => queryClient.invalidateQueries({ queryKey: resourceKeys.scope.runtime(11) }));
    const stale = await within(instances).findByTestId('stale');
    expect(stale).toHaveTextContent(/^at .+ · stale since .+$/);
  });
});

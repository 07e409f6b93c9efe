import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';

import { createAppQueryClient } from '@/app/provider';
import { ApiError } from '@/lib/api-client';
import { buildDeployment } from '@/testing/data';
import { server } from '@/testing/mocks/server';

import { usePatchDeployment } from '../patch-deployment';
import { deploymentQueries } from '../queries';

function setup() {
  const queryClient = createAppQueryClient({ retry: false });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, ...renderHook(() => usePatchDeployment(), { wrapper }) };
}

describe('usePatchDeployment', () => {
  test('sends the body, accepts a 204 and refreshes the deployment', async () => {
    const deployment = buildDeployment({
      id: 5,
      scope_id: 1,
      release_id: 2,
      status: 'running',
      strategy: 'blue_green',
    });
    let sent: unknown;
    let reads = 0;
    server.use(
      http.patch('/api/deployment/5', async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
      http.get('/api/deployment/5', () => {
        reads++;
        return HttpResponse.json(deployment);
      }),
    );
    const { result, queryClient } = setup();
    await queryClient.fetchQuery(deploymentQueries.detail(5));
    act(() => result.current.mutate({ deploymentId: 5, body: { strategy_data: { desired_switched_traffic: 30 } } }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(sent).toEqual({ strategy_data: { desired_switched_traffic: 30 } });
    expect(queryClient.getQueryState(deploymentQueries.detail(5).queryKey)?.isInvalidated).toBe(true);
    // Nothing shows the deployment here, so it is marked stale rather than fetched again.
    expect(reads).toBe(1);
  });

  test("a refused change is an ApiError with the server's message", async () => {
    server.use(
      http.patch('/api/deployment/5', () =>
        HttpResponse.json({ message: 'cannot finalize a failed deployment' }, { status: 409 }),
      ),
    );
    const { result } = setup();
    act(() => result.current.mutate({ deploymentId: 5, body: { status: 'finalizing' } }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error?.message).toBe('cannot finalize a failed deployment');
  });
});

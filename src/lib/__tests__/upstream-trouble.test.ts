import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { ApiError, NetworkError, SchemaError } from '../api-client';
import { FAST_POLL_MS, SLOW_POLL_MS } from '../live-updates-timing';
import { MAX_TROUBLE_BACKOFF_MS, startPolling, troubleBackoff } from '../live-updates-runtime';
import { createQueryClient, shouldThrowToBoundary } from '../query-client';
import { getTrouble, isTroubleError, reportFailure, reportSuccess } from '../upstream-trouble';

const badGateway = () =>
  new ApiError({
    status: 502,
    message: 'nullplatform API at api.test is unreachable',
    body: undefined,
    method: 'GET',
    url: '/api/application',
  });
const apiError = (status: number) =>
  new ApiError({ status, message: `answered ${status}`, body: undefined, method: 'GET', url: '/api/x' });

describe('upstream trouble', () => {
  test('502, 503, 504 and no answer are trouble; other failures are not', () => {
    expect(isTroubleError(apiError(502))).toBe(true);
    expect(isTroubleError(apiError(503))).toBe(true);
    expect(isTroubleError(apiError(504))).toBe(true);
    expect(
      isTroubleError(new NetworkError({ method: 'GET', url: '/api/x', cause: new TypeError('fetch failed') })),
    ).toBe(true);
    expect(isTroubleError(apiError(500))).toBe(false);
    expect(isTroubleError(apiError(401))).toBe(false);
    expect(isTroubleError(new SchemaError({ issues: [], method: 'GET', url: '/api/x' }))).toBe(false);
  });

  test('raised by a failure, kept through a console-only success, cleared by an API success', () => {
    reportFailure(apiError(400));
    expect(getTrouble()).toBeNull();
    reportFailure(badGateway(), 1_000);
    expect(getTrouble()).toEqual({
      kind: 'upstream',
      message: 'nullplatform API at api.test is unreachable',
      since: 1_000,
    });
    reportFailure(apiError(504), 2_000);
    expect(getTrouble()).toMatchObject({ message: 'answered 504', since: 1_000 });
    // /console/info answers from the console server itself: it says nothing about nullplatform.
    reportSuccess('console');
    expect(getTrouble()).not.toBeNull();
    reportSuccess('api');
    expect(getTrouble()).toBeNull();
  });

  test('the query client feeds it from queries and mutations', async () => {
    const client = createQueryClient({ retry: false });
    await client
      .fetchQuery({ queryKey: ['application', 'list', {}], queryFn: () => Promise.reject(badGateway()) })
      .catch(() => undefined);
    expect(getTrouble()?.kind).toBe('upstream');
    await client.fetchQuery({ queryKey: ['console', 'info'], queryFn: () => Promise.resolve({}) });
    expect(getTrouble()).not.toBeNull();
    await new MutationObserver(client, { mutationFn: () => Promise.resolve('ok') }).mutate();
    expect(getTrouble()).toBeNull();
  });

  test('an unreachable API is shown in place, never thrown to the error page', () => {
    expect(shouldThrowToBoundary(badGateway(), { state: { data: undefined } })).toBe(false);
    expect(shouldThrowToBoundary(apiError(500), { state: { data: undefined } })).toBe(true);
  });
});

describe('polling while the API is in trouble', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('backs off 2 s, 4 s, 8 s … up to 30 s, and returns to its pace after a success', async () => {
    expect([0, 1, 2, 3, 4, 10].map(troubleBackoff)).toEqual([
      2_000,
      4_000,
      8_000,
      16_000,
      MAX_TROUBLE_BACKOFF_MS,
      MAX_TROUBLE_BACKOFF_MS,
    ]);
    const client = new QueryClient();
    let down = true;
    const refetch = vi.spyOn(client, 'refetchQueries').mockImplementation(() => {
      if (down) reportFailure(badGateway());
      else reportSuccess('api');
      return Promise.resolve();
    });
    const stop = startPolling(client);

    // The trouble shows up between two polls (a page's own request): the next poll comes 2 s later, not 15 s.
    reportFailure(badGateway());
    await vi.advanceTimersByTimeAsync(FAST_POLL_MS);
    expect(refetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(refetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(7_999);
    expect(refetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(refetch).toHaveBeenCalledTimes(3);

    down = false;
    await vi.advanceTimersByTimeAsync(16_000);
    expect(refetch).toHaveBeenCalledTimes(4);
    expect(getTrouble()).toBeNull();
    // Back to the slow pace.
    await vi.advanceTimersByTimeAsync(SLOW_POLL_MS - 1);
    expect(refetch).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(refetch).toHaveBeenCalledTimes(5);
    stop();
  });

  test('does not poll queries that answered 404 (endpoints the upstream does not have)', async () => {
    const client = new QueryClient();
    const refetch = vi.spyOn(client, 'refetchQueries').mockResolvedValue(undefined);
    const stop = startPolling(client);
    await vi.advanceTimersByTimeAsync(SLOW_POLL_MS);
    const filters = refetch.mock.calls[0]?.[0];
    const predicate = filters?.predicate;
    expect(predicate).toBeTypeOf('function');
    const query = client
      .getQueryCache()
      .build<unknown, Error, unknown, readonly unknown[]>(client, { queryKey: ['scope', 'runtime', 1] });
    query.setState({ error: apiError(404), status: 'error' });
    expect(predicate?.(query)).toBe(false);
    query.setState({ error: apiError(502), status: 'error' });
    expect(predicate?.(query)).toBe(true);
    stop();
  });
});

import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { buildDeployment, buildScope } from '@/testing/data';

import { BATCH_MS, FAST_POLL_MS, SLOW_POLL_MS } from '../live-updates-timing';
import { applyChanges, hasDeploymentInFlight, startEventStream, startPolling } from '../live-updates-runtime';
import { resourceKeys } from '../resource-keys';

/** A stand-in for the browser's EventSource that tests drive by hand. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
  }

  emit(type: string, data?: unknown) {
    const event = new MessageEvent(type, { data: data === undefined ? undefined : JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event as MessageEvent<string>);
  }
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

const deployment = buildDeployment({
  id: 5,
  scope_id: 9,
  release_id: 3,
  status: 'running',
  strategy: 'blue_green',
  messages: [{ level: 'INFO', message: 'started', timestamp: 1 }],
});

describe('applyChanges', () => {
  test('patches a cached detail (keeping fields the event leaves out) and invalidates the lists', () => {
    const client = new QueryClient();
    client.setQueryData(resourceKeys.deployment.detail(5), deployment);
    client.setQueryData(resourceKeys.deployment.list({ scope_id: 9 }), {
      paging: { total: 1, offset: 0, limit: 30 },
      results: [deployment],
    });
    client.setQueryData(resourceKeys.scope.detail(9), buildScope({ id: 9, application_id: 1 }));
    const { messages: _messages, ...withoutMessages } = deployment;
    applyChanges(client, [
      {
        resource: 'deployment',
        action: 'updated',
        id: 5,
        entity: { ...withoutMessages, strategy_data: { switched_traffic: 30, desired_switched_traffic: 30 } },
      },
    ]);
    const detail = client.getQueryData<typeof deployment>(resourceKeys.deployment.detail(5));
    expect(detail?.strategy_data.switched_traffic).toBe(30);
    expect(detail?.messages).toHaveLength(1);
    expect(client.getQueryState(resourceKeys.deployment.list({ scope_id: 9 }))?.isInvalidated).toBe(true);
    expect(client.getQueryState(resourceKeys.scope.detail(9))?.isInvalidated).toBe(true);
  });

  test('does not create details nobody asked for, and drops deleted ones', () => {
    const client = new QueryClient();
    applyChanges(client, [
      {
        resource: 'release',
        action: 'created',
        id: 8,
        entity: { id: 8, application_id: 1, build_id: 2, semver: '1.0.0', status: 'active' },
      },
    ]);
    expect(client.getQueryState(resourceKeys.release.detail(8))).toBeUndefined();
    client.setQueryData(resourceKeys.release.detail(8), { id: 8 });
    applyChanges(client, [{ resource: 'release', action: 'deleted', id: 8, entity: null }]);
    expect(client.getQueryState(resourceKeys.release.detail(8))).toBeUndefined();
  });

  test('an entity that fails its schema invalidates the detail instead of writing it', () => {
    const client = new QueryClient();
    client.setQueryData(resourceKeys.deployment.detail(5), deployment);
    applyChanges(client, [{ resource: 'deployment', action: 'updated', id: 5, entity: { id: 5 } }]);
    expect(client.getQueryData(resourceKeys.deployment.detail(5))).toEqual(deployment);
    expect(client.getQueryState(resourceKeys.deployment.detail(5))?.isInvalidated).toBe(true);
  });

  test('knows when a deployment is in flight', () => {
    const client = new QueryClient();
    expect(hasDeploymentInFlight(client)).toBe(false);
    client.setQueryData(resourceKeys.deployment.detail(1), { ...deployment, status: 'finalized' });
    expect(hasDeploymentInFlight(client)).toBe(false);
    client.setQueryData(resourceKeys.deployment.list({}), {
      paging: { total: 1, offset: 0, limit: 30 },
      results: [deployment],
    });
    expect(hasDeploymentInFlight(client)).toBe(true);
  });
});

describe('event stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    setVisibility('visible');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('coalesces a burst into one batch with the latest state of each entity', () => {
    const client = new QueryClient();
    client.setQueryData(resourceKeys.deployment.detail(5), deployment);
    const listener = vi.fn();
    const unsubscribe = client.getQueryCache().subscribe(listener);
    const stop = startEventStream(client, '/console/events');
    const source = FakeEventSource.instances[0];
    expect(source?.url).toBe('/console/events');
    for (const traffic of [10, 20, 30]) {
      source?.emit('change', {
        resource: 'deployment',
        action: 'updated',
        id: 5,
        entity: { ...deployment, strategy_data: { switched_traffic: traffic } },
      });
    }
    expect(
      client.getQueryData<typeof deployment>(resourceKeys.deployment.detail(5))?.strategy_data.switched_traffic,
    ).toBeUndefined();
    const eventsBefore = listener.mock.calls.length;
    vi.advanceTimersByTime(BATCH_MS);
    expect(
      client.getQueryData<typeof deployment>(resourceKeys.deployment.detail(5))?.strategy_data.switched_traffic,
    ).toBe(30);
    expect(
      listener.mock.calls.filter(([event]) => event.type === 'updated' && event.action.type === 'success').length,
    ).toBe(1);
    expect(listener.mock.calls.length).toBeGreaterThan(eventsBefore);
    unsubscribe();
    stop();
    expect(source?.closed).toBe(true);
  });

  test('ignores malformed events', () => {
    const client = new QueryClient();
    const stop = startEventStream(client, '/console/events');
    const source = FakeEventSource.instances[0];
    source?.emit('change', { resource: 'nope', id: 1 });
    expect(() => vi.advanceTimersByTime(BATCH_MS)).not.toThrow();
    stop();
  });

  test('resyncs when the stream opens, the first time too: a change between the first reads and the open is not lost', () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const stop = startEventStream(client, '/console/events');
    const source = FakeEventSource.instances[0];
    expect(invalidate).not.toHaveBeenCalled();
    source?.emit('open');
    expect(invalidate).toHaveBeenCalledWith({ refetchType: 'active' });
    // …and again after a dropped connection comes back.
    source?.emit('error');
    source?.emit('open');
    expect(invalidate).toHaveBeenCalledTimes(2);
    stop();
  });

  test('closes while the tab is hidden and resyncs when it comes back', () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const stop = startEventStream(client, '/console/events');
    const first = FakeEventSource.instances[0];
    setVisibility('hidden');
    expect(first?.closed).toBe(true);
    expect(invalidate).not.toHaveBeenCalled();
    setVisibility('visible');
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(invalidate).toHaveBeenCalledWith({ refetchType: 'active' });
    stop();
  });
});

describe('polling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setVisibility('visible');
  });
  afterEach(() => vi.useRealTimers());

  test('polls slowly, fast while a deployment is in flight, and not while hidden', async () => {
    const client = new QueryClient();
    const refetch = vi.spyOn(client, 'refetchQueries').mockResolvedValue(undefined);
    const stop = startPolling(client);
    await vi.advanceTimersByTimeAsync(FAST_POLL_MS);
    expect(refetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SLOW_POLL_MS - FAST_POLL_MS);
    expect(refetch).toHaveBeenCalledTimes(1);

    client.setQueryData(resourceKeys.deployment.detail(5), deployment);
    await vi.advanceTimersByTimeAsync(SLOW_POLL_MS);
    expect(refetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(FAST_POLL_MS);
    expect(refetch).toHaveBeenCalledTimes(3);

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(SLOW_POLL_MS * 2);
    expect(refetch).toHaveBeenCalledTimes(3);
    stop();
  });
});

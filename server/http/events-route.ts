/**
 * `GET /console/events`: the store's change feed as server-sent events. Each committed change becomes
 * `event: change` with `data:` {resource, action, id, entity}, the entity as GET /:resource/:id returns it (null when
 * deleted). A `: ping` comment keeps idle connections (and proxies) from timing out.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

import type { ChangeEvent, ChangeResource } from '@contract/console';
import type { Store, StoreChange } from '../store/store';

export const DEFAULT_PING_INTERVAL_MS = 15_000;

/** The entity as `GET /:resource/:id` returns it, or null when it no longer exists. */
function loadEntity(store: Store, resource: ChangeResource, id: number): Record<string, unknown> | null {
  switch (resource) {
    case 'application':
      return store.applications.get(id) ?? null;
    case 'build':
      return store.builds.get(id, { withAssets: true }) ?? null;
    case 'asset':
      return store.assets.get(id) ?? null;
    case 'release':
      return store.releases.get(id) ?? null;
    case 'scope':
      return store.scopes.get(id) ?? null;
    case 'deployment':
      return store.deployments.get(id) ?? null;
    case 'activity':
      return store.activity.get(id) ?? null;
  }
}

function toChangeEvent(store: Store, change: StoreChange): ChangeEvent {
  return {
    resource: change.resource,
    action: change.action,
    id: change.id,
    entity: change.action === 'deleted' ? null : loadEntity(store, change.resource, change.id),
  };
}

/**
 * Fans the store's changes out to every open stream. Subscribes to the store only while a stream is open, and
 * loads each changed entity once, right after its commit, whatever the number of streams.
 */
export class EventHub {
  private readonly clients = new Set<(event: ChangeEvent) => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly store: Store) {}

  get clientCount(): number {
    return this.clients.size;
  }

  subscribe(client: (event: ChangeEvent) => void): () => void {
    this.clients.add(client);
    this.unsubscribe ??= this.store.onChange((change) => {
      const event = toChangeEvent(this.store, change);
      for (const send of this.clients) send(event);
    });
    return () => {
      this.clients.delete(client);
      if (this.clients.size === 0 && this.unsubscribe !== undefined) {
        this.unsubscribe();
        this.unsubscribe = undefined;
      }
    };
  }
}

export function eventsHandler(hub: EventHub, pingIntervalMs: number = DEFAULT_PING_INTERVAL_MS) {
  return (c: Context) => {
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: ChangeEvent[] = [];
      let wake: (() => void) | undefined;
      let open = true;
      const close = () => {
        open = false;
        wake?.();
      };
      const unsubscribe = hub.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(close);
      c.req.raw.signal.addEventListener('abort', close, { once: true });
      const ping = setInterval(() => {
        void stream.write(': ping\n\n');
      }, pingIntervalMs);
      try {
        // A first comment flushes the headers, so the client knows the stream is open before any change happens.
        await stream.write(': connected\n\n');
        while (open && !stream.aborted && !stream.closed) {
          const event = queue.shift();
          if (event === undefined) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
            continue;
          }
          await stream.writeSSE({ event: 'change', data: JSON.stringify(event) });
        }
      } finally {
        clearInterval(ping);
        unsubscribe();
      }
    });
  };
}

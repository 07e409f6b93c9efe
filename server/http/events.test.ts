import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { applicationSchema } from '@contract/application';
import { changeEventSchema, type ChangeEvent } from '@contract/console';
import { deploymentSchema } from '@contract/deployment';
import { type Harness, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { eventsPingIntervalMs: 40 } });
});
afterAll(async () => {
  await h.close();
});

/** An open /console/events stream, read frame by frame. */
async function openStream() {
  const controller = new AbortController();
  const response = await fetch(`${h.baseUrl}/console/events`, { signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const body = response.body;
  if (body === null) throw new Error('no body');
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const frames: string[] = [];
  async function nextFrame(): Promise<string> {
    for (;;) {
      const frame = frames.shift();
      if (frame !== undefined) return frame;
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
      const parts = buffer.split('\n\n');
      buffer = parts.pop() ?? '';
      frames.push(...parts);
    }
  }
  async function nextChange(): Promise<ChangeEvent> {
    for (;;) {
      const frame = await nextFrame();
      if (frame.startsWith(':')) continue;
      const lines = frame.split('\n');
      expect(lines[0]).toBe('event: change');
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      return changeEventSchema.parse(JSON.parse(data));
    }
  }
  return {
    nextFrame,
    nextChange,
    close: () => {
      controller.abort();
    },
  };
}

describe('GET /console/events', () => {
  it('streams each committed change with the entity as GET returns it', async () => {
    const stream = await openStream();
    expect(await stream.nextFrame()).toBe(': connected');
    const created = await h.request('POST', '/api/application', { json: { name: 'live', namespace_id: 3 } });
    const application = applicationSchema.parse(created.body);
    const event = await stream.nextChange();
    expect(event).toEqual({ resource: 'application', action: 'created', id: application.id, entity: application });
    // The write's audit trail follows it, so that activity feeds update live too.
    expect(await stream.nextChange()).toMatchObject({
      resource: 'activity',
      action: 'created',
      entity: { action: 'create', actor: { name: 'local' }, entity: { kind: 'application', id: application.id } },
    });

    // Writes made without an actor (here the test's own, straight to the store) leave no audit trail.
    const world = h.seed.world();
    const seen: ChangeEvent[] = [];
    // The world is four writes: application, build (+ asset, announced as build update too), release, scope.
    while (!seen.some((change) => change.resource === 'scope' && change.id === world.scope.id))
      seen.push(await stream.nextChange());
    expect(seen.map((change) => `${change.resource}:${change.action}`)).toEqual([
      'application:created',
      'build:created',
      'asset:created',
      'release:created',
      'scope:created',
    ]);
    const build = seen.find((change) => change.resource === 'build');
    expect(build?.entity).toMatchObject({ id: world.build.id, assets: [expect.objectContaining({ name: 'main' })] });

    const deployment = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id },
    });
    const deploymentId = deploymentSchema.parse(deployment.body).id;
    const afterDeploy = [await stream.nextChange(), await stream.nextChange(), await stream.nextChange()];
    expect(afterDeploy.map((change) => `${change.resource}:${change.action}`)).toEqual([
      'deployment:created',
      'scope:updated',
      'activity:created',
    ]);
    expect(afterDeploy.map((change) => change.id).slice(0, 2)).toEqual([deploymentId, world.scope.id]);
    expect(afterDeploy[2]?.entity).toMatchObject({
      action: 'create',
      deployment_id: deploymentId,
      scope_id: world.scope.id,
    });
    stream.close();
  });

  it('sends nothing for a write that rolled back or a request that was refused', async () => {
    const stream = await openStream();
    await stream.nextFrame();
    expect(() =>
      h.store.write((tx) => {
        tx.applications.insert({ name: 'never', namespace_id: 1 });
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect((await h.request('POST', '/api/release', { json: { build_id: 1 } })).status).toBe(400);
    const marker = h.seed.application({ name: 'marker' });
    const event = await stream.nextChange();
    expect(event).toMatchObject({ resource: 'application', action: 'created', id: marker.id });
    stream.close();
  });

  it('sends a ping comment while idle', async () => {
    const stream = await openStream();
    expect(await stream.nextFrame()).toBe(': connected');
    expect(await stream.nextFrame()).toBe(': ping');
    stream.close();
  });

  it('lets go of the store when the client goes away', async () => {
    // Streams of the earlier tests were closed too: their cleanup must have happened.
    await vi.waitFor(() => expect(h.app.events.clientCount).toBe(0), { timeout: 5000 });
    const baseline = h.store.listenerCount;
    const first = await openStream();
    const second = await openStream();
    await first.nextFrame();
    await second.nextFrame();
    expect(h.app.events.clientCount).toBe(2);
    expect(h.store.listenerCount).toBe(baseline + 1);
    first.close();
    await vi.waitFor(() => expect(h.app.events.clientCount).toBe(1), { timeout: 5000 });
    second.close();
    await vi.waitFor(() => expect(h.app.events.clientCount).toBe(0), { timeout: 5000 });
    expect(h.store.listenerCount).toBe(baseline);
  });
});

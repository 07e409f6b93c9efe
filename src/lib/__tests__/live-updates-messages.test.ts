import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';

import { applyChanges } from '@/lib/live-updates-runtime';
import { resourceKeys } from '@/lib/resource-keys';
import { buildDeployment } from '@/testing/data';

describe('applyChanges and deployment messages', () => {
  test("an event's empty messages (read without include_messages) do not wipe the cached ones; the detail is read again", () => {
    const client = new QueryClient();
    const cached = buildDeployment({
      id: 5,
      scope_id: 9,
      release_id: 3,
      status: 'waiting_for_instances',
      messages: [{ level: 'INFO', message: 'starting', timestamp: 1 }],
    });
    client.setQueryData(resourceKeys.deployment.detail(5), cached);
    applyChanges(client, [
      { resource: 'deployment', action: 'updated', id: 5, entity: { ...cached, status: 'failed', messages: [] } },
    ]);
    const detail = client.getQueryData<typeof cached>(resourceKeys.deployment.detail(5));
    expect(detail?.status).toBe('failed');
    expect(detail?.messages).toEqual(cached.messages);
    expect(client.getQueryState(resourceKeys.deployment.detail(5))?.isInvalidated).toBe(true);
  });
});

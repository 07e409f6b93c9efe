import { describe, expect, test } from 'vitest';

import { formatDate } from '@/lib/format';
import { deploymentReader, type Deployment } from '@/lib/read/deployment';

import { scopeAttention } from '../attention';

const now = Date.parse('2026-01-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

function deployment(fields: Record<string, unknown>): Deployment {
  return deploymentReader.parse({ id: 1, scope_id: 1, release_id: 1, status: 'finalized', ...fields });
}

describe('what needs attention on a scope', () => {
  test('a recent failure, not an old one', () => {
    const failed = deployment({ id: 7, status: 'failed', status_started_at: { failed: ago(5 * 60_000) } });
    expect(scopeAttention([failed], undefined, now)).toEqual([
      { kind: 'failed', deploymentId: 7, text: 'deployment #7 failed 5 min ago' },
    ]);
    // The page's clock ticks every few seconds: a failure it has not caught up with yet is "just now", never "in …".
    const fresh = deployment({ id: 7, status: 'failed', status_started_at: { failed: ago(-3_000) } });
    expect(scopeAttention([fresh], undefined, now)).toEqual([
      { kind: 'failed', deploymentId: 7, text: 'deployment #7 failed just now' },
    ]);
    const old = deployment({ id: 7, status: 'failed', status_started_at: { failed: ago(3 * 86_400_000) } });
    expect(scopeAttention([old], undefined, now)).toEqual([]);
    // A failure followed by a success is history.
    expect(scopeAttention([deployment({ id: 8 }), failed], undefined, now)).toEqual([]);
  });

  test('waiting for instances too long', () => {
    const waiting = deployment({
      id: 9,
      status: 'waiting_for_instances',
      status_started_at: { waiting_for_instances: ago(45_000) },
    });
    expect(scopeAttention([waiting], waiting, now)).toEqual([
      { kind: 'waiting', deploymentId: 9, text: 'waiting for instances for 45 s' },
    ]);
    const fresh = deployment({
      id: 9,
      status: 'waiting_for_instances',
      status_started_at: { waiting_for_instances: ago(5_000) },
    });
    expect(scopeAttention([fresh], fresh, now)).toEqual([]);
    // Connected to nullplatform, a deployment can have waited for months: the day it began, not "7553 h".
    const forgotten = deployment({
      id: 9,
      status: 'waiting_for_instances',
      status_started_at: { waiting_for_instances: ago(7553 * 3_600_000) },
    });
    expect(scopeAttention([forgotten], forgotten, now)).toEqual([
      { kind: 'waiting', deploymentId: 9, text: `waiting for instances since ${formatDate(now - 7553 * 3_600_000)}` },
    ]);
  });

  test('a blue/green close to finalizing by itself', () => {
    const soon = deployment({
      id: 10,
      status: 'running',
      strategy: 'blue_green',
      expires_at: new Date(now + 10 * 60_000).toISOString(),
    });
    expect(scopeAttention([soon], soon, now)).toEqual([
      { kind: 'expiring', deploymentId: 10, text: 'finalizes by itself in 10 min' },
    ]);
    const later = deployment({
      id: 10,
      status: 'running',
      strategy: 'blue_green',
      expires_at: new Date(now + 90 * 60_000).toISOString(),
    });
    expect(scopeAttention([later], later, now)).toEqual([]);
  });
});

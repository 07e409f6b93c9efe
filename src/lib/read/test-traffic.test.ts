/** The SPA's reader of the test traffic status (zod/mini) accepts and refuses what the contract's schema does. */
import { testTrafficStatusSchema } from '@contract/test-traffic';
import { expect, test } from 'vitest';

import { testTrafficStatusReader } from './test-traffic';

const running = {
  scope_id: 3,
  running: true,
  rate_per_second: 10,
  duration_seconds: 120,
  path: '/',
  address: '127.0.0.1:5000',
  started_at: '2026-01-01T00:00:00.000Z',
  ends_at: '2026-01-01T00:02:00.000Z',
  ended_at: null,
  end_reason: null,
  sent: 40,
  failed: 2,
  last_failure: '500 from deployment 12',
};
const idle = {
  ...running,
  running: false,
  rate_per_second: null,
  duration_seconds: null,
  path: null,
  address: null,
  started_at: null,
  ends_at: null,
  sent: 0,
  failed: 0,
  last_failure: null,
};
const stopped = { ...running, running: false, ended_at: '2026-01-01T00:01:00.000Z', end_reason: 'stopped' };

test('test traffic status: reads what the contract reads, refuses what it refuses', () => {
  for (const valid of [running, idle, stopped]) {
    expect(testTrafficStatusReader.parse({ ...valid, extra: true })).toEqual(
      testTrafficStatusSchema.parse({ ...valid, extra: true }),
    );
  }
  const invalid = [
    { ...running, scope_id: 0 },
    { ...running, running: 'yes' },
    { ...running, sent: -1 },
    { ...running, failed: 1.5 },
    { ...stopped, end_reason: 'bored' },
    { ...running, rate_per_second: '10' },
    { ...running, started_at: 1 },
    { ...running, last_failure: undefined },
  ];
  for (const input of invalid) {
    expect(testTrafficStatusSchema.safeParse(input).success).toBe(false);
    expect(testTrafficStatusReader.safeParse(input).success).toBe(false);
  }
});

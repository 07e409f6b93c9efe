import { describe, expect, it } from 'vitest';

import { CHECKS_STOP_AFTER_MS, nextCheckAt } from './metric-cadence';

describe('metric check cadence', () => {
  it('checks every 30 s for the first 5 minutes, then every minute, and stops after 2 hours', () => {
    expect(nextCheckAt(0, undefined, undefined)).toBe(30_000);
    expect(nextCheckAt(0, 270_000, undefined)).toBe(300_000);
    expect(nextCheckAt(0, 300_000, undefined)).toBe(360_000);
    expect(nextCheckAt(0, CHECKS_STOP_AFTER_MS - 60_000, undefined)).toBe(CHECKS_STOP_AFTER_MS);
    expect(nextCheckAt(0, CHECKS_STOP_AFTER_MS - 1, undefined)).toBeUndefined();
  });

  it('uses the configured period instead when there is one', () => {
    expect(nextCheckAt(1000, undefined, 2000)).toBe(3000);
    expect(nextCheckAt(1000, 600_000, 2000)).toBe(602_000);
  });
});

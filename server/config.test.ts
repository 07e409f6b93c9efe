import { describe, expect, it } from 'vitest';

import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to loopback, port 4000, the demo seed and a 2 h expiry', () => {
    const result = readConfig({});
    expect(result.ok && result.config).toMatchObject({ host: '127.0.0.1', port: 4000, seed: 'demo', deploymentExpiryMs: 7_200_000 });
  });

  it('reads durations with units', () => {
    const result = readConfig({ NP_CONSOLE_HEALTH_TIMEOUT: '90s', NP_CONSOLE_DEPLOYMENT_EXPIRY: '5m' });
    expect(result.ok && result.config).toMatchObject({ healthTimeoutMs: 90_000, deploymentExpiryMs: 300_000 });
  });

  it('names every bad value', () => {
    const result = readConfig({ PORT: 'eighty', NP_CONSOLE_SEED: 'lots', NP_CONSOLE_HEALTH_TIMEOUT: 'soon' });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toMatch(/PORT must be a port number/);
    expect(errors.join('\n')).toMatch(/NP_CONSOLE_SEED must be demo or none/);
    expect(errors.join('\n')).toMatch(/NP_CONSOLE_HEALTH_TIMEOUT must be a duration/);
  });
});

import { describe, expect, it } from 'vitest';

import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to loopback, port 4000, the demo seed and a 2 h expiry', () => {
    const result = readConfig({});
    expect(result.ok && result.config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      seed: 'demo',
      deploymentExpiryMs: 7_200_000,
    });
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

describe('HOST beyond loopback', () => {
  it('starts on a loopback HOST without NP_CONSOLE_ALLOW_REMOTE', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost', 'LOCALHOST']) {
      const result = readConfig({ HOST: host });
      expect(result.ok && result.config, host).toMatchObject({ host, remote: false });
    }
  });

  it('refuses any other HOST unless NP_CONSOLE_ALLOW_REMOTE=1, saying why', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'console.example.com', '127.0.0.2']) {
      const result = readConfig({ HOST: host });
      expect(result.ok, host).toBe(false);
      expect(result.ok ? [] : result.errors).toEqual([
        `HOST: HOST=${host} would make the console reachable from the network, where nothing authenticates its users; ` +
          'use HOST=127.0.0.1, or also set NP_CONSOLE_ALLOW_REMOTE=1 if that is what you want',
      ]);
      expect(readConfig({ HOST: host, NP_CONSOLE_ALLOW_REMOTE: '0' }).ok, host).toBe(false);
    }
  });

  it('starts on another HOST with NP_CONSOLE_ALLOW_REMOTE=1, marked remote (main.ts warns)', () => {
    const result = readConfig({ HOST: '0.0.0.0', NP_CONSOLE_ALLOW_REMOTE: '1' });
    expect(result.ok && result.config).toMatchObject({ host: '0.0.0.0', remote: true });
    expect(readConfig({ NP_CONSOLE_ALLOW_REMOTE: 'maybe' }).ok).toBe(false);
  });
});

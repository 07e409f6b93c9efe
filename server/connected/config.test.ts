import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import { readConfig } from '../config';

const errorsOf = (env: Record<string, string>) => {
  const result = readConfig(env);
  return result.ok ? [] : result.errors;
};

describe('connected-mode settings', () => {
  it('reads NP_API_URL and NP_API_KEY, keeping the key out of any printout', () => {
    const result = readConfig({ NP_API_URL: 'https://api.nullplatform.com/', NP_API_KEY: ' the-secret-key\n' });
    if (!result.ok) throw new Error(result.errors.join('; '));
    const connected = result.config.connected;
    expect(connected?.apiUrl).toBe('https://api.nullplatform.com');
    expect(connected?.apiKey.reveal()).toBe('the-secret-key');
    expect(connected?.timeoutMs).toBe(15_000);
    for (const printed of [
      JSON.stringify(result.config),
      inspect(result.config, { depth: 10 }),
      String(connected?.apiKey),
    ]) {
      expect(printed).not.toContain('the-secret-key');
    }
    expect(readConfig({}).ok && readConfig({})).toMatchObject({ config: { connected: null } });
  });

  it('accepts another np-console at /api, and a timeout', () => {
    const result = readConfig({ NP_API_URL: 'http://127.0.0.1:4000/api/', NP_API_KEY: 'k', NP_API_TIMEOUT: '2s' });
    expect(result.ok && result.config.connected).toMatchObject({
      apiUrl: 'http://127.0.0.1:4000/api',
      timeoutMs: 2000,
    });
  });

  it('needs both variables or neither', () => {
    expect(errorsOf({ NP_API_URL: 'https://api.nullplatform.com' })).toEqual([
      'NP_API_KEY: NP_API_KEY is missing: connected mode needs both NP_API_URL and NP_API_KEY (unset NP_API_URL to use the local platform)',
    ]);
    expect(errorsOf({ NP_API_KEY: 'some-key-value' })).toEqual([
      'NP_API_URL: NP_API_URL is missing: connected mode needs both NP_API_URL and NP_API_KEY (e.g. NP_API_URL=https://api.nullplatform.com)',
    ]);
  });

  it.each([
    [
      'api.nullplatform.com',
      'NP_API_URL: NP_API_URL must be an http(s) URL such as https://api.nullplatform.com (got "api.nullplatform.com")',
    ],
    [
      'ftp://api.nullplatform.com',
      'NP_API_URL: NP_API_URL must start with http:// or https:// (got "ftp:" in "ftp://api.nullplatform.com")',
    ],
    [
      'https://api.nullplatform.com/v1',
      'NP_API_URL: NP_API_URL must be the API\'s address with no path, query or fragment, such as https://api.nullplatform.com (got "https://api.nullplatform.com/v1")',
    ],
    [
      'https://api.nullplatform.com/?x=1',
      'NP_API_URL: NP_API_URL must be the API\'s address with no path, query or fragment, such as https://api.nullplatform.com (got "https://api.nullplatform.com/?x=1")',
    ],
    [
      'https://me:hunter22@api.nullplatform.com',
      'NP_API_URL: NP_API_URL must not carry credentials (user:password@); the key goes in NP_API_KEY',
    ],
  ])('refuses NP_API_URL=%s', (url, message) => {
    expect(errorsOf({ NP_API_URL: url, NP_API_KEY: 'k' })).toEqual([message]);
  });

  it('refuses a zero or malformed timeout', () => {
    expect(errorsOf({ NP_API_URL: 'https://a.example', NP_API_KEY: 'k', NP_API_TIMEOUT: '0s' })).toEqual([
      'NP_API_TIMEOUT: NP_API_TIMEOUT must be longer than 0 (got "0s")',
    ]);
  });
});

describe('local-platform token settings', () => {
  it('are off by default with a one-hour token lifetime', () => {
    const result = readConfig({});
    expect(result.ok && result.config.tokens).toEqual({ required: false, apiKeys: [], ttlMs: 3_600_000 });
  });

  it('read NP_CONSOLE_REQUIRE_TOKEN, NP_CONSOLE_API_KEYS and NP_CONSOLE_TOKEN_TTL', () => {
    const result = readConfig({
      NP_CONSOLE_REQUIRE_TOKEN: '1',
      NP_CONSOLE_API_KEYS: ' key-one , key-two,',
      NP_CONSOLE_TOKEN_TTL: '15m',
    });
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.config.tokens.required).toBe(true);
    expect(result.config.tokens.apiKeys.map(({ name, key }) => [name, key.reveal()])).toEqual([
      ['key-1', 'key-one'],
      ['key-2', 'key-two'],
    ]);
    expect(result.config.tokens.ttlMs).toBe(900_000);
    expect(JSON.stringify(result.config)).not.toContain('key-one');
  });

  it('give keys names: name:key as written, a key without one its place in the list', () => {
    const result = readConfig({
      NP_CONSOLE_REQUIRE_TOKEN: '1',
      NP_CONSOLE_API_KEYS: 'alice:key-a, plain-key ,ci:with:colon',
    });
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.config.tokens.apiKeys.map(({ name, key }) => [name, key.reveal()])).toEqual([
      ['alice', 'key-a'],
      ['key-2', 'plain-key'],
      ['ci', 'with:colon'],
    ]);
    expect(JSON.stringify(result.config)).not.toContain('key-a');
  });

  it('refuse a bad name, a reserved or repeated one, or a name without a key, never echoing a key', () => {
    const errors = errorsOf({
      NP_CONSOLE_REQUIRE_TOKEN: '1',
      NP_CONSOLE_API_KEYS: 'a/b:secret-three,engine:secret-four,bob:secret-five,bob:secret-six,carol:',
    });
    expect(errors).toEqual([
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS: entry 1 holds a ":" but what comes before it is not a name (letters, digits, ".", "_", "-"); write it as name:key',
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS: entry 2 is named "engine", which the console uses for itself; choose another name',
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS: entry 4 is named "bob" like an earlier one; each key needs its own name',
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS: entry 5 (carol) has no key after "carol:"',
    ]);
    expect(errors.join('\n')).not.toMatch(/secret-/);
  });

  it('need keys when tokens are required, and tokens required when keys are given', () => {
    expect(errorsOf({ NP_CONSOLE_REQUIRE_TOKEN: '1' })).toEqual([
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS is required when NP_CONSOLE_REQUIRE_TOKEN=1: give the API keys POST /api/token accepts, comma-separated',
    ]);
    expect(errorsOf({ NP_CONSOLE_REQUIRE_TOKEN: '1', NP_CONSOLE_API_KEYS: ' , ' })).toHaveLength(1);
    expect(errorsOf({ NP_CONSOLE_API_KEYS: 'secret-one' })).toEqual([
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS has no effect without NP_CONSOLE_REQUIRE_TOKEN=1; set both or neither',
    ]);
  });

  it('name a bad switch or duration, and never echo a key', () => {
    const errors = errorsOf({
      NP_CONSOLE_REQUIRE_TOKEN: 'maybe',
      NP_CONSOLE_API_KEYS: 'secret-two',
      NP_CONSOLE_TOKEN_TTL: 'soon',
    });
    expect(errors).toEqual([
      'NP_CONSOLE_REQUIRE_TOKEN: NP_CONSOLE_REQUIRE_TOKEN must be 1 or 0 (got "maybe")',
      'NP_CONSOLE_TOKEN_TTL: NP_CONSOLE_TOKEN_TTL must be a duration such as 1500ms, 90s, 5m or 2h (got "soon")',
    ]);
    expect(errors.join('\n')).not.toContain('secret-two');
  });

  it('refuse tokens required in connected mode', () => {
    expect(
      errorsOf({
        NP_API_URL: 'https://a.example',
        NP_API_KEY: 'k',
        NP_CONSOLE_REQUIRE_TOKEN: '1',
        NP_CONSOLE_API_KEYS: 'x',
      }),
    ).toEqual([
      'NP_CONSOLE_REQUIRE_TOKEN: NP_CONSOLE_REQUIRE_TOKEN protects the local platform; in connected mode (NP_API_URL) nullplatform checks its own tokens, so unset it',
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';

import { instanceEnv } from './instance-env';

const planted = {
  NP_API_KEY: 'console-secret',
  NP_CONSOLE_API_KEYS: 'key-one,key-two',
  AWS_SECRET_ACCESS_KEY: 'operator-secret',
  NODE_OPTIONS: '--require /tmp/console-side.js',
  LD_PRELOAD: '/tmp/console-side.so',
};

afterEach(() => {
  for (const name of Object.keys(planted)) delete process.env[name];
});

describe('instanceEnv', () => {
  it('is the safe list, the asset’s env, the engine’s NP_* ids, PORT, HOST and the marker: nothing else of the console’s', () => {
    Object.assign(process.env, planted);
    const env = instanceEnv({
      extra: {
        GREETING: 'hi',
        NP_DEPLOYMENT_ID: '7',
        NP_SCOPE_ID: '3',
        NP_RELEASE_SEMVER: '1.2.0',
        HOST: '0.0.0.0',
        PORT: '1',
      },
      port: 4321,
      marker: 'tag:7:0',
    });
    expect(env).toEqual({
      ...(process.env['PATH'] === undefined ? {} : { PATH: process.env['PATH'] }),
      ...Object.fromEntries(
        ['HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'].flatMap((name) => {
          const value = process.env[name];
          return value === undefined ? [] : [[name, value]];
        }),
      ),
      GREETING: 'hi',
      NP_DEPLOYMENT_ID: '7',
      NP_SCOPE_ID: '3',
      NP_RELEASE_SEMVER: '1.2.0',
      PORT: '4321',
      HOST: '127.0.0.1',
      NP_CONSOLE_INSTANCE: 'tag:7:0',
    });
  });

  it('drops variables that load code even if a caller passes them', () => {
    const env = instanceEnv({
      extra: {
        NODE_OPTIONS: '--require /tmp/x.js',
        NODE_PATH: '/tmp',
        LD_PRELOAD: 'x.so',
        DYLD_INSERT_LIBRARIES: 'x',
        ld_library_path: '/tmp',
        OK: '1',
      },
      port: 1,
      marker: 'm',
    });
    expect(Object.keys(env).filter((name) => /^(node_|ld_|dyld_)/i.test(name))).toEqual([]);
    expect(env['OK']).toBe('1');
  });
});

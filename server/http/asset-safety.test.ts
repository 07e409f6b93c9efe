/**
 * Whoever can deploy runs code as the console's user; the API keeps that code to the asset roots: no `file:` folder
 * outside them, and no environment variable that makes node or the dynamic linker load code from elsewhere.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { consoleRoot } from '../console-root';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const loaderMessage = (name: string) =>
  `metadata.env.${name}: ${name} is not allowed: NODE_*, LD_* and DYLD_* variables would make the instance's process load other code`;

describe('asset env', () => {
  it.each([
    ['NODE_OPTIONS', '--require /tmp/evil.js'],
    ['NODE_PATH', '/tmp'],
    ['LD_PRELOAD', '/tmp/evil.so'],
    ['DYLD_INSERT_LIBRARIES', '/tmp/evil.dylib'],
    ['ld_preload', '/tmp/evil.so'],
  ])('POST /asset and POST /build/:id/asset refuse %s with 400, writing nothing', async (name, value) => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id, { assets: [] });
    const before = h.count('assets');
    const body = { name: 'main', url: h.runnableAssetUrl, metadata: { env: { GREETING: 'hi', [name]: value } } };

    const direct = await h.request('POST', '/api/asset', { json: { build_id: build.id, ...body } });
    expect(direct.status).toBe(400);
    expect(messageOf(direct)).toBe(loaderMessage(name));
    const nested = await h.request('POST', `/api/build/${build.id}/asset`, { json: body });
    expect(nested.status).toBe(400);
    expect(messageOf(nested)).toBe(loaderMessage(name));
    expect(h.count('assets')).toBe(before);
  });

  it('names every such variable at once', async () => {
    const { build } = h.seed.build(h.seed.application().id, { assets: [] });
    const response = await h.request('POST', `/api/build/${build.id}/asset`, {
      json: { url: h.runnableAssetUrl, metadata: { env: { NODE_OPTIONS: '--inspect', LD_PRELOAD: 'x.so' } } },
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(`${loaderMessage('NODE_OPTIONS')}; ${loaderMessage('LD_PRELOAD')}`);
  });

  it('takes ordinary variables', async () => {
    const { build } = h.seed.build(h.seed.application().id, { assets: [] });
    const response = await h.request('POST', `/api/build/${build.id}/asset`, {
      json: { url: h.runnableAssetUrl, metadata: { env: { GREETING: 'hi', NODE: 'ok', MY_NODE_OPTIONS: 'ok' } } },
    });
    expect(response.status).toBe(200);
  });

  it('an asset stored with such a variable before the rule is refused at POST /deployment, naming it', async () => {
    const world = h.seed.world();
    // As an older console stored it: straight into the database, past today's API.
    h.store.write((tx) =>
      tx.assets.update(world.asset.id, { metadata: { env: { NODE_OPTIONS: '--require /tmp/evil.js' } } }),
    );
    const before = h.count('deployments');
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id },
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(`asset "main" cannot run: ${loaderMessage('NODE_OPTIONS')}`);
    expect(h.count('deployments')).toBe(before);
  });
});

describe('asset folders', () => {
  const demoApps = join(consoleRoot, 'demo-apps');

  it.each([
    ['file:/etc', '/etc'],
    ['file:///etc', '/etc'],
    ['file:server', join(consoleRoot, 'server')],
    ['file:demo-apps/../server', join(consoleRoot, 'server')],
  ])('POST /asset refuses %s (outside the roots) with 400 naming them, writing nothing', async (url, folder) => {
    const { build } = h.seed.build(h.seed.application().id, { assets: [] });
    const before = h.count('assets');
    const response = await h.request('POST', '/api/asset', { json: { build_id: build.id, url } });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(
      `url: ${url} points at ${folder}, outside the folders assets may run from (${demoApps}, ${h.dir}); name its folder in NP_CONSOLE_ASSET_ROOTS to allow it`,
    );
    const nested = await h.request('POST', `/api/build/${build.id}/asset`, { json: { url } });
    expect(nested.status).toBe(400);
    expect(h.count('assets')).toBe(before);
  });

  it('takes folders under demo-apps/ and the configured roots, and image references', async () => {
    const { build } = h.seed.build(h.seed.application().id, { assets: [] });
    for (const [name, url] of [
      ['demo', 'file:demo-apps/greeter'],
      ['configured', h.runnableAssetUrl],
      ['image', 'registry.example/shop:1.0'],
    ] as const) {
      const response = await h.request('POST', '/api/asset', { json: { build_id: build.id, name, url } });
      expect(response.status, url).toBe(200);
    }
  });

  it('an asset stored outside the roots is refused at POST /deployment, naming the roots', async () => {
    const world = h.seed.world({ assetUrl: 'file:/usr/lib' });
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id },
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(
      `asset "main" points at /usr/lib, outside the folders assets may run from (${demoApps}, ${h.dir}); name its folder in NP_CONSOLE_ASSET_ROOTS to allow it`,
    );
  });
});

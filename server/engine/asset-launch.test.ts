import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { consoleRoot } from '../console-root';
import { allowedAssetRoots, refuseAssetUrl, resolveAssetLaunch } from './asset-launch';

const dir = mkdtempSync(join(tmpdir(), 'np-console-asset-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder with a server.js (and a package.json when `main` is given). */
function app(path: string, main?: string): string {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'server.js'), '');
  if (main !== undefined) writeFileSync(join(path, 'package.json'), JSON.stringify({ main }));
  return path;
}

const root = join(dir, 'root');
app(join(root, 'app'));
const outside = app(join(dir, 'outside'));
const demoApps = join(consoleRoot, 'demo-apps');
const rootsMessage = `outside the folders assets may run from (${demoApps}, ${root}); name its folder in NP_CONSOLE_ASSET_ROOTS to allow it`;
const demoOnlyMessage = `outside the folders assets may run from (${demoApps}); name its folder in NP_CONSOLE_ASSET_ROOTS to allow it`;

describe('resolveAssetLaunch', () => {
  it('runs the demo apps with no setting, and a folder under a configured root', () => {
    expect(resolveAssetLaunch({ name: 'main', url: 'file:demo-apps/greeter' })).toMatchObject({
      ok: true,
      launch: { cwd: join(demoApps, 'greeter') },
    });
    expect(resolveAssetLaunch({ name: 'main', url: `file:${root}/app` }, { assetRoots: [root] })).toMatchObject({
      ok: true,
      launch: { entry: join(root, 'app', 'server.js'), cwd: join(root, 'app') },
    });
    expect(resolveAssetLaunch({ name: 'main', url: `file://${root}/app` }, { assetRoots: [root] }).ok).toBe(true);
  });

  it('refuses a folder outside the roots, naming them', () => {
    expect(resolveAssetLaunch({ name: 'main', url: `file:${outside}` }, { assetRoots: [root] })).toEqual({
      ok: false,
      message: `asset "main" points at ${outside}, ${rootsMessage}`,
    });
    // Without the setting only demo-apps/ is allowed, whatever the folder holds.
    expect(resolveAssetLaunch({ name: 'main', url: `file:${root}/app` })).toEqual({
      ok: false,
      message: `asset "main" points at ${join(root, 'app')}, ${demoOnlyMessage}`,
    });
    // `..` is resolved before the check; a sibling whose name merely starts like a root is not inside it.
    expect(resolveAssetLaunch({ name: 'main', url: 'file:demo-apps/../server' }).ok).toBe(false);
    app(`${root}-sibling`);
    expect(resolveAssetLaunch({ name: 'main', url: `file:${root}-sibling` }, { assetRoots: [root] }).ok).toBe(false);
  });

  it('follows symbolic links: a link under a root to a folder outside does not run', () => {
    symlinkSync(outside, join(root, 'link-out'));
    const result = resolveAssetLaunch({ name: 'main', url: `file:${root}/link-out` }, { assetRoots: [root] });
    expect(result).toEqual({
      ok: false,
      message: `asset "main" points at ${join(root, 'link-out')}, which leads to ${outside}, ${rootsMessage}`,
    });
  });

  it('refuses at POST a file: URL whose symbolic link leads out of the roots', () => {
    symlinkSync(outside, join(root, 'link-out-at-post'));
    expect(refuseAssetUrl(`file:${root}/link-out-at-post`, { assetRoots: [root] })).toBe(
      `url: file:${root}/link-out-at-post points at ${join(root, 'link-out-at-post')}, which leads to ${outside}, ${rootsMessage}`,
    );
    expect(refuseAssetUrl(`file:${root}/not-made-yet`, { assetRoots: [root] })).toBeUndefined();
  });

  it('refuses a package.json main that leads out of the roots', () => {
    app(join(root, 'escapes'), '../../outside/server.js');
    const result = resolveAssetLaunch({ name: 'main', url: `file:${root}/escapes` }, { assetRoots: [root] });
    expect(result).toEqual({
      ok: false,
      message: `asset "main" would run ${join(outside, 'server.js')} (its package.json main), ${rootsMessage}`,
    });
  });

  it.each([
    ['NODE_OPTIONS'],
    ['NODE_PATH'],
    ['LD_PRELOAD'],
    ['LD_LIBRARY_PATH'],
    ['DYLD_INSERT_LIBRARIES'],
    ['node_options'],
  ])('refuses to launch a stored asset whose env sets %s', (name) => {
    const result = resolveAssetLaunch({
      name: 'main',
      url: 'file:demo-apps/greeter',
      metadata: { env: { GREETING: 'hi', [name]: '--require /tmp/x.js' } },
    });
    expect(result).toEqual({
      ok: false,
      message: `asset "main" cannot run: metadata.env.${name}: ${name} is not allowed: NODE_*, LD_* and DYLD_* variables would make the instance's process load other code`,
    });
  });

  it('passes the rest of the env through', () => {
    const result = resolveAssetLaunch({
      name: 'main',
      url: 'file:demo-apps/greeter',
      metadata: { env: { GREETING: 'hi', NODE: 'x', MY_NODE_OPTIONS: 'y' } },
    });
    expect(result).toMatchObject({ ok: true, launch: { env: { GREETING: 'hi', NODE: 'x', MY_NODE_OPTIONS: 'y' } } });
  });
});

describe('refuseAssetUrl (POST /asset)', () => {
  it('accepts folders under the roots, existing or not, and leaves other URLs to connected mode', () => {
    expect(refuseAssetUrl('file:demo-apps/greeter')).toBeUndefined();
    expect(refuseAssetUrl('file:demo-apps/not-yet-there')).toBeUndefined();
    expect(refuseAssetUrl(`file:${root}/later`, { assetRoots: [root] })).toBeUndefined();
    expect(refuseAssetUrl('registry.example/shop:1.0')).toBeUndefined();
  });

  it('refuses file: URLs outside the roots, naming them', () => {
    expect(refuseAssetUrl('file:/etc', { assetRoots: [root] })).toBe(`url: file:/etc points at /etc, ${rootsMessage}`);
    expect(refuseAssetUrl('file:///etc')).toBe(`url: file:///etc points at /etc, ${demoOnlyMessage}`);
    expect(refuseAssetUrl('file:server')).toBe(
      `url: file:server points at ${join(consoleRoot, 'server')}, ${demoOnlyMessage}`,
    );
    expect(refuseAssetUrl('file:demo-apps/../../')).toMatch(
      /^url: file:demo-apps\/\.\.\/\.\.\/ points at .*, outside the folders/,
    );
    expect(refuseAssetUrl('file://elsewhere/etc')).toMatch(
      /^url: file:\/\/elsewhere\/etc is not a file URL of this machine/,
    );
  });

  it('lists demo-apps/ first, then the configured roots', () => {
    expect(allowedAssetRoots({ assetRoots: [root] })).toEqual([demoApps, root]);
  });
});

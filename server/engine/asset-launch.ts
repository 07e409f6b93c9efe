/**
 * How the local platform runs an asset. Real nullplatform scopes pull a container image; the local platform runs
 * the asset's code as a Node process instead, so an asset it can deploy points at a folder: `url: "file:<folder>"`,
 * relative to the console's own folder or absolute. The folder's package.json `main` (or server.js) is started with
 * the same node that runs the console, and `metadata.env` adds environment variables to every instance.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AssetLike = { name: string; url: string; metadata?: Record<string, unknown> | undefined };

export type AssetLaunch = { entry: string; cwd: string; env: Record<string, string> };

export type AssetLaunchResult = { ok: true; launch: AssetLaunch } | { ok: false; message: string };

/** The folder the console runs from; `file:` paths in assets are relative to it. */
export const consoleRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function resolveAssetLaunch(asset: AssetLike, root: string = consoleRoot): AssetLaunchResult {
  const folder = folderOf(asset.url, root);
  if (folder === undefined) {
    return {
      ok: false,
      message: `asset "${asset.name}" has url "${asset.url}"; the local platform runs assets whose url is file:<folder> (connect to nullplatform to deploy images)`,
    };
  }
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return { ok: false, message: `asset "${asset.name}" points at ${folder}, which is not a folder on this machine` };
  }
  const entry = join(folder, mainFileOf(folder));
  if (!existsSync(entry)) {
    return { ok: false, message: `asset "${asset.name}" has no ${entry} to run` };
  }
  const env = envOf(asset.metadata);
  if (typeof env === 'string') return { ok: false, message: `asset "${asset.name}": ${env}` };
  return { ok: true, launch: { entry, cwd: folder, env } };
}

function folderOf(url: string, root: string): string | undefined {
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (!url.startsWith('file:')) return undefined;
  const path = url.slice('file:'.length);
  return isAbsolute(path) ? path : resolve(root, path);
}

function mainFileOf(folder: string): string {
  const manifestPath = join(folder, 'package.json');
  if (existsSync(manifestPath)) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (typeof manifest === 'object' && manifest !== null && 'main' in manifest && typeof manifest.main === 'string') {
        return manifest.main;
      }
    } catch {
      // An unreadable manifest falls back to the conventional entry point below.
    }
  }
  return 'server.js';
}

function envOf(metadata: Record<string, unknown> | undefined): Record<string, string> | string {
  const env = metadata?.['env'];
  if (env === undefined) return {};
  if (typeof env !== 'object' || env === null || Array.isArray(env)) return 'metadata.env must be an object of strings';
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (typeof value !== 'string') return `metadata.env.${key} must be a string`;
    result[key] = value;
  }
  return result;
}

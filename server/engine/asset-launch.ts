/**
 * How the local platform runs an asset. Real nullplatform scopes pull a container image; the local platform runs
 * the asset's code as a Node process instead, so an asset it can deploy points at a folder: `url: "file:<folder>"`,
 * relative to the console's own folder or absolute. The folder's package.json `main` (or server.js) is started with
 * the same node that runs the console, and `metadata.env` adds environment variables to every instance.
 *
 * Whoever can deploy runs code on this machine as the console's user. What bounds it is where that code may come
 * from: only folders under the asset roots (demo-apps/ and the folders NP_CONSOLE_ASSET_ROOTS names) run, and no
 * variable of `metadata.env` may make node or the dynamic linker load code from anywhere else (NODE_*, LD_*, DYLD_*).
 * POST /asset refuses such assets; an asset stored before these rules, or under a root since removed, is refused
 * here, when a deployment would launch it.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { codeLoadingEnvMessage, codeLoadingEnvNames } from '@contract/asset';
import { consoleRoot } from '../console-root';

export type AssetLike = { name: string; url: string; metadata?: Record<string, unknown> | undefined };

export type AssetLaunch = { entry: string; cwd: string; env: Record<string, string> };

export type AssetLaunchResult = { ok: true; launch: AssetLaunch } | { ok: false; message: string };

export type AssetPlacement = {
  /** Folders assets may run from besides demo-apps/ (NP_CONSOLE_ASSET_ROOTS): absolute paths. */
  assetRoots?: readonly string[];
  /** Where relative `file:` paths start, and where demo-apps/ is; default: the console's folder. */
  root?: string;
};

/** The folders assets may run from: demo-apps/ first, then NP_CONSOLE_ASSET_ROOTS. */
export function allowedAssetRoots(placement: AssetPlacement = {}): string[] {
  const root = placement.root ?? consoleRoot;
  return [join(root, 'demo-apps'), ...(placement.assetRoots ?? []).map((folder) => resolve(folder))];
}

/**
 * For POST /asset: why this URL may not be stored, or undefined. Only `file:` URLs are checked (an image reference is
 * stored for connected mode and never runs here), on the path as written (the folder need not exist yet) and, when it
 * exists, on where its symbolic links lead — the same rule the launch applies, said at the request that caused it.
 */
export function refuseAssetUrl(url: string, placement: AssetPlacement = {}): string | undefined {
  const folder = folderOf(url, placement.root ?? consoleRoot);
  if (folder === undefined) return undefined;
  if (!folder.ok) return `url: ${folder.message}`;
  const roots = allowedAssetRoots(placement);
  if (!roots.some((allowed) => isInside(folder.path, allowed)))
    return `url: ${url} points at ${folder.path}, ${outsideRoots(roots)}`;
  if (!existsSync(folder.path)) return undefined;
  const realFolder = realpathSync(folder.path);
  const realRoots = roots.filter((allowed) => existsSync(allowed)).map((allowed) => realpathSync(allowed));
  if (realRoots.some((allowed) => isInside(realFolder, allowed))) return undefined;
  return `url: ${url} points at ${folder.path}, which leads to ${realFolder}, ${outsideRoots(roots)}`;
}

/**
 * The folder a `file:` asset points at, when it lies under the asset roots (the rule POST /asset applies); an error
 * saying why not; undefined for a URL that is not `file:`. For reading the folder (its git history), not running it.
 */
export function assetFolder(url: string, placement: AssetPlacement = {}): Folder | undefined {
  const folder = folderOf(url, placement.root ?? consoleRoot);
  if (folder === undefined || !folder.ok) return folder;
  const refusal = refuseAssetUrl(url, placement);
  return refusal === undefined ? folder : { ok: false, message: refusal.replace(/^url: /, '') };
}

export function resolveAssetLaunch(asset: AssetLike, placement: AssetPlacement = {}): AssetLaunchResult {
  const refuse = (message: string): AssetLaunchResult => ({ ok: false, message: `asset "${asset.name}" ${message}` });
  const folder = folderOf(asset.url, placement.root ?? consoleRoot);
  if (folder === undefined) {
    return refuse(
      `has url "${asset.url}"; the local platform runs assets whose url is file:<folder> (connect to nullplatform to deploy images)`,
    );
  }
  if (!folder.ok) return refuse(`cannot run: ${folder.message}`);
  const roots = allowedAssetRoots(placement);
  if (!roots.some((allowed) => isInside(folder.path, allowed)))
    return refuse(`points at ${folder.path}, ${outsideRoots(roots)}`);

  const forbidden = codeLoadingEnvNames(asset.metadata?.['env']);
  if (forbidden.length > 0) {
    return refuse(
      `cannot run: ${forbidden.map((name) => `metadata.env.${name}: ${codeLoadingEnvMessage(name)}`).join('; ')}`,
    );
  }
  const env = envOf(asset.metadata);
  if (typeof env === 'string') return refuse(`cannot run: ${env}`);

  if (!existsSync(folder.path) || !statSync(folder.path).isDirectory()) {
    return refuse(`points at ${folder.path}, which is not a folder on this machine`);
  }
  // The path as written is inside a root; what runs must be too, once symbolic links are followed.
  const realRoots = roots.filter((allowed) => existsSync(allowed)).map((allowed) => realpathSync(allowed));
  const realFolder = realpathSync(folder.path);
  if (!realRoots.some((allowed) => isInside(realFolder, allowed))) {
    return refuse(`points at ${folder.path}, which leads to ${realFolder}, ${outsideRoots(roots)}`);
  }
  const entry = join(folder.path, mainFileOf(folder.path));
  if (!existsSync(entry)) return refuse(`has no ${entry} to run`);
  const realEntry = realpathSync(entry);
  if (!realRoots.some((allowed) => isInside(realEntry, allowed))) {
    return refuse(`would run ${realEntry} (its package.json main), ${outsideRoots(roots)}`);
  }
  return { ok: true, launch: { entry, cwd: folder.path, env } };
}

function outsideRoots(roots: readonly string[]): string {
  return `outside the folders assets may run from (${roots.join(', ')}); name its folder in NP_CONSOLE_ASSET_ROOTS to allow it`;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

export type Folder = { ok: true; path: string } | { ok: false; message: string };

/** The folder a `file:` URL names (normalized, `..` resolved); undefined for any other URL. */
function folderOf(url: string, root: string): Folder | undefined {
  if (url.startsWith('file://')) {
    try {
      return { ok: true, path: resolve(fileURLToPath(url)) };
    } catch (error) {
      return {
        ok: false,
        message: `${url} is not a file URL of this machine (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }
  if (!url.startsWith('file:')) return undefined;
  const path = url.slice('file:'.length);
  return { ok: true, path: isAbsolute(path) ? resolve(path) : resolve(root, path) };
}

function mainFileOf(folder: string): string {
  const manifestPath = join(folder, 'package.json');
  if (existsSync(manifestPath)) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (
        typeof manifest === 'object' &&
        manifest !== null &&
        'main' in manifest &&
        typeof manifest.main === 'string'
      ) {
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

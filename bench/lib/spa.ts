/**
 * Production builds with vite's build API, into temporary folders: the SPA as `npm run build` makes it (same config)
 * and, as its baselines, React + ReactDOM alone (bench/fixtures/react-baseline) and the smallest page on the same
 * stack (bench/fixtures/stack-baseline). The project's dist/ is left alone, so the bench never races a build or a
 * browser test running in the same checkout.
 */
import { join } from 'node:path';

import { build } from 'vite';

import { newDataDir } from './data';

/** A production build: where it is, and for each JS chunk the rendered bytes per source module (after tree-shaking, before minification). */
export type SpaBuild = { outDir: string; chunks: Map<string, Record<string, number>> };

export async function buildSpa(root: string, log: (line: string) => void): Promise<SpaBuild> {
  const outDir = newDataDir('spa');
  const started = performance.now();
  const output = await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  log(`SPA built into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const chunks = new Map<string, Record<string, number>>();
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) continue;
    for (const item of result.output) {
      if (item.type !== 'chunk') continue;
      chunks.set(
        item.fileName,
        Object.fromEntries(Object.entries(item.modules).map(([id, module]) => [id, module.renderedLength])),
      );
    }
  }
  return { outDir, chunks };
}

/** `…/node_modules/@tanstack/query-core/…` → `@tanstack/query-core`; `…/src/features/x/…` → `src/features`. */
export function moduleOwner(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').split('?')[0] ?? id;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (packageMatch?.[1]) return packageMatch[1];
  const relative = clean.startsWith(root) ? clean.slice(root.length + 1) : clean;
  const parts = relative.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? relative);
}

/** A fixture page of bench/fixtures (`react-baseline`, `stack-baseline`) built as the SPA is, with its manifest. */
export async function buildFixture(root: string, name: 'react-baseline' | 'stack-baseline'): Promise<string> {
  const outDir = newDataDir(name);
  await build({
    root: join(root, 'bench/fixtures', name),
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    // scripts/print-size.ts follows the manifest, as it does for the SPA.
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return outDir;
}

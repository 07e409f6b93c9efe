/**
 * First page JS: the scripts a browser loads for the first page, gzipped, counted by scripts/print-size.ts (the
 * entry chunk and its imports, plus the lazy route module of `/` and its imports, from vite's manifest), from a fresh
 * production build of the SPA; next to the same measure of a page that renders with React + ReactDOM alone, built
 * the same way. The notes say what the first page's bytes are made of (rendered bytes per package or source folder,
 * after tree-shaking, before minification and gzip).
 */
import { basename } from 'node:path';

import { firstPageScripts, gzippedKb } from '../../scripts/print-size';
import { row } from '../lib/report';
import { buildReactBaseline, moduleOwner } from '../lib/spa';
import type { Figure } from '../lib/types';

export const figure: Figure = {
  name: 'first-page-js',
  title: 'first page JS, gzipped',
  async run(ctx) {
    const spa = await ctx.shared.spaBuild();
    const baselineDir = await buildReactBaseline(ctx.root);
    const files = firstPageScripts(spa.outDir).map((file) => ({ file, kb: gzippedKb(file) }));
    const baselineFiles = firstPageScripts(baselineDir).map((file) => ({ file, kb: gzippedKb(file) }));
    if (files.length === 0 || baselineFiles.length === 0) throw new Error('no first-page scripts found in a build');
    const total = files.reduce((sum, entry) => sum + entry.kb, 0);
    const baseline = baselineFiles.reduce((sum, entry) => sum + entry.kb, 0);

    const owners = new Map<string, number>();
    for (const { file } of files) {
      const modules = spa.chunks.get(`assets/${basename(file)}`) ?? {};
      for (const [id, bytes] of Object.entries(modules)) {
        const owner = moduleOwner(id, ctx.root);
        owners.set(owner, (owners.get(owner) ?? 0) + bytes);
      }
    }
    const composition = [...owners].sort((a, b) => b[1] - a[1]).filter(([, bytes]) => bytes >= 1024);

    return {
      rows: [
        row({
          figure: 'first page JS, gzipped',
          measured: total,
          baseline,
          unit: 'KB',
          baselineLabel: 'React + ReactDOM alone',
          target: '≤ 150 KB (aim ≤ 120 KB)',
          goal: { kind: 'absolute', max: 150 },
          details: {
            files: Object.fromEntries(files.map((entry) => [basename(entry.file), entry.kb])),
            baseline_files: Object.fromEntries(baselineFiles.map((entry) => [basename(entry.file), entry.kb])),
            console_own_kb: total - baseline,
            meets_aim_120: total <= 120,
            rendered_kb_by_owner: Object.fromEntries(composition.map(([owner, bytes]) => [owner, Math.round(bytes / 102.4) / 10])),
          },
        }),
      ],
      notes: [
        `first page: ${files.map((entry) => `${basename(entry.file)} ${entry.kb.toFixed(1)} KB`).join(', ')}`,
        `React + ReactDOM alone: ${baseline.toFixed(1)} KB; np-console's own share: ${(total - baseline).toFixed(1)} KB; aim ≤ 120 KB ${total <= 120 ? 'met' : 'missed'}`,
        `rendered bytes (before minify and gzip) by package/folder: ${composition
          .slice(0, 12)
          .map(([owner, bytes]) => `${owner} ${(bytes / 1024).toFixed(1)} KB`)
          .join(', ')}`,
      ],
    };
  },
};

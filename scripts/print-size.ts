/**
 * Prints the JavaScript a browser loads for the first page (the entry script and the chunks it preloads),
 * gzipped, next to the budget. Run after `vite build`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_PAGE_BUDGET_KB = 150;

export function firstPageScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  return [...new Set(sources)].map((source) => join(distDir, source.replace(/^\//, '')));
}

export function gzippedKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

function main(): void {
  const distDir = 'dist';
  const firstPage = firstPageScripts(distDir);
  const firstPageKb = firstPage.reduce((sum, file) => sum + gzippedKb(file), 0);
  const allJs = readdirSync(join(distDir, 'assets')).filter((name) => name.endsWith('.js'));
  const allKb = allJs.reduce((sum, name) => sum + gzippedKb(join(distDir, 'assets', name)), 0);
  console.log(`first-page JS (gzipped): ${firstPageKb.toFixed(1)} KB in ${firstPage.length} files (budget ${FIRST_PAGE_BUDGET_KB} KB)`);
  console.log(`all JS (gzipped): ${allKb.toFixed(1)} KB in ${allJs.length} files`);
  if (firstPageKb > FIRST_PAGE_BUDGET_KB) {
    console.error(`first-page JS is over its ${FIRST_PAGE_BUDGET_KB} KB budget`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();

/**
 * The built SPA at `/`: its files, and index.html for client-side routes (paths without a file extension, outside
 * /api and /console). Without a build, `/` explains how to make one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>np-console</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>np-console</h1>
<p>The SPA is not built yet. Run <code>npm run build</code> (or <code>npm start</code>, which builds it), then reload.</p>
<p>The API is up: try <a href="/api/application">/api/application</a> or <a href="/console/openapi.json">/console/openapi.json</a>.</p>
</body>
</html>`;

function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/console' || path.startsWith('/console/');
}

function isClientRoute(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  return !last.includes('.');
}

export function mountStaticSpa(app: Hono, staticDir: string | undefined): void {
  const built =
    staticDir !== undefined && existsSync(join(staticDir, 'index.html')) && statSync(staticDir).isDirectory();
  if (!built) {
    app.get('*', (c) => {
      if (isServerPath(c.req.path) || !isClientRoute(c.req.path)) return c.notFound();
      return c.html(NOT_BUILT_PAGE, 200, { 'Cache-Control': 'no-store' });
    });
    return;
  }
  const indexFile = join(staticDir, 'index.html');
  const files = serveStatic({
    root: staticDir,
    onFound: (path, c: Context) => {
      // Vite fingerprints everything under assets/: those can be cached for good; the rest must be revalidated.
      c.header('Cache-Control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('*', async (c, next) => {
    if (isServerPath(c.req.path)) return c.notFound();
    return files(c, next);
  });
  app.get('*', (c) => {
    if (isServerPath(c.req.path) || !isClientRoute(c.req.path)) return c.notFound();
    return c.html(readFileSync(indexFile, 'utf8'), 200, { 'Cache-Control': 'no-cache' });
  });
}

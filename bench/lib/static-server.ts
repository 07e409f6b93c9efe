/**
 * A plain static file server on 127.0.0.1 for a build folder (the React baseline of the first-page figure): files by
 * path, `index.html` for every other path, as the console serves the SPA.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export type StaticServer = { url: string; close(): Promise<void> };

export async function serveFolder(folder: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    // An absolute path normalizes within the folder: `/../x` is `/x`.
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const file = join(folder, path);
    readFile(file)
      .then((body) => ({ body, type: contentTypes[extname(file)] ?? 'application/octet-stream' }))
      .catch(() =>
        readFile(join(folder, 'index.html')).then((body) => ({ body, type: contentTypes['.html'] ?? 'text/html' })),
      )
      .then(
        ({ body, type }) => response.writeHead(200, { 'content-type': type }).end(body),
        () => response.writeHead(404).end(),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Child-process entry: the second baseline of the API throughput figure. A node:http server that answers
 * `GET /api/deployment/:id` as the console does minus its framework: the console's own read (the store's
 * `deployments.get`, on a copy of the console's database named by argv[2]), `JSON.stringify`, and the console's
 * response headers (a JSON file named by argv[3]). What the console spends beyond this is routing, middleware,
 * validation and hono's node adapter.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Store } from '../../server/store/store';

const [databaseFile, headersFile] = process.argv.slice(2);
if (!databaseFile || !headersFile) {
  console.error('usage: sqlite-server.ts <database copy> <response-headers.json>');
  process.exit(2);
}
const store = Store.open(databaseFile);
const headers = JSON.parse(readFileSync(headersFile, 'utf8')) as Record<string, string>;
const path = /^\/api\/deployment\/(\d+)$/;

const server = createServer((request, response) => {
  const id = path.exec(request.url ?? '')?.[1];
  const deployment = id === undefined ? undefined : store.deployments.get(Number(id));
  if (deployment === undefined) {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"message":"not found"}');
    return;
  }
  const body = JSON.stringify(deployment);
  response.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`BENCH_SQLITE_READY ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => {
    store.close();
    process.exit(0);
  });
  server.closeAllConnections();
});

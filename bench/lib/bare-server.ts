/**
 * Child-process entry: the baseline of the API throughput figure. A bare node:http server that answers every request
 * with the same status, headers and bytes the console answered (read from the JSON file named by argv[2]).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Canned = { status: number; headers: Record<string, string>; bodyBase64: string };

const file = process.argv[2];
if (!file) {
  console.error('usage: bare-server.ts <canned-response.json>');
  process.exit(2);
}
const canned = JSON.parse(readFileSync(file, 'utf8')) as Canned;
const body = Buffer.from(canned.bodyBase64, 'base64');
const headers = { ...canned.headers, 'content-length': String(body.length) };

const server = createServer((_request, response) => {
  response.writeHead(canned.status, headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`BENCH_BARE_READY ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});

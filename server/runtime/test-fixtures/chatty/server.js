// Test fixture: an app that talks, to stdout and stderr, for the instance log tests (and an asset folder for the API
// tests, under NP_CONSOLE_ASSET_ROOTS).
//   every request       prints "request <method> <path>" to stdout; /warn also prints "warning: <path>" to stderr
//   LINES_PER_REQUEST=n prints that many lines per request instead (0: none), for the capture benchmark
//   PRINT_LINES=n       prints "hello <i>" n times to stdout at start
//   FLOOD_MB=n          writes n MB of numbered lines to stdout as fast as the pipe takes them, then "flood done"
//   CRASH_WITH=message  prints the message to stderr and exits with code 3 instead of serving
import http from 'node:http';

if (process.env.CRASH_WITH) {
  console.error(process.env.CRASH_WITH);
  process.exit(3);
}

const linesPerRequest = Number(process.env.LINES_PER_REQUEST ?? 1);

const server = http.createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  for (let line = 0; line < linesPerRequest; line += 1) console.log(`request ${request.method} ${request.url}`);
  if (request.url?.startsWith('/warn')) console.error(`warning: ${request.url}`);
  response
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ deployment_id: process.env.NP_DEPLOYMENT_ID ?? null }));
});

for (let index = 1; index <= Number(process.env.PRINT_LINES ?? 0); index += 1) console.log(`hello ${index}`);
console.error('chatty: stderr works');

const floodBytes = Number(process.env.FLOOD_MB ?? 0) * 1024 * 1024;
if (floodBytes > 0) {
  // 100-byte lines, written in 64 KiB chunks; a write to a pipe blocks while the reader is behind.
  const padding = 'x'.repeat(100 - 'flood 0000000 '.length - 1);
  let written = 0;
  let number = 0;
  while (written < floodBytes) {
    let chunk = '';
    while (chunk.length < 64 * 1024) {
      number += 1;
      chunk += `flood ${String(number).padStart(7, '0')} ${padding}\n`;
    }
    process.stdout.write(chunk);
    written += chunk.length;
  }
  console.log(`flood done: ${number} lines`);
}

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () =>
  console.log(`chatty listening on ${process.env.PORT}`),
);
process.on('SIGTERM', () => {
  console.log('chatty: SIGTERM, bye');
  server.close(() => process.exit(0));
});

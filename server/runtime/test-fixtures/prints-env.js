// Test fixture: prints its environment (one VAR=value a line) and stays up, answering /health.
import http from 'node:http';

for (const [name, value] of Object.entries(process.env)) console.log(`${name}=${value}`);
http
  .createServer((request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
  )
  .listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));

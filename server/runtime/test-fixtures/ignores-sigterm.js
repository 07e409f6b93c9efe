// Test fixture: a healthy app that ignores SIGTERM, so only the supervisor's SIGKILL can stop it.
import http from 'node:http';

http
  .createServer((request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
  )
  .listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => console.log('ignoring SIGTERM'));

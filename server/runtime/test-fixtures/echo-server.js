// Test fixture: answers every request with what it received, so tests can see what the proxy forwarded.
import http from 'node:http';

const server = http.createServer(async (request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const text = JSON.stringify({
    method: request.method,
    url: request.url,
    headers: request.headers,
    body_length: body.length,
    body_sha: (await import('node:crypto')).createHash('sha256').update(body).digest('hex'),
  });
  response.writeHead(201, { 'content-type': 'application/json', 'x-echo': 'yes' }).end(text);
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Test fixture: a healthy app that starts a process of its own (a worker) and prints its pid, so tests can check that
// stopping the instance stops the worker too. The worker stays in the instance's process group (not detached).
import { spawn } from 'node:child_process';
import http from 'node:http';

const worker = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log(`worker pid ${worker.pid}`);
http
  .createServer((request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
  )
  .listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
// Exits at once on SIGTERM without stopping its worker: only a signal to the whole group reaches the worker.
process.on('SIGTERM', () => process.exit(0));

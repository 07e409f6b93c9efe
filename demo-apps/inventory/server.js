// Inventory: a dependency-free sample JSON API for np-console. Every answer says which release and deployment served
// it, so a blue/green traffic split is visible with curl. Every knob is an environment variable (see README.md).
// It stands alone, as its own repository would (no shared module with the other demo app), so it can be copied out.
import http from 'node:http';

const config = readConfig(process.env);
let shuttingDown = false;

const items = [
  { id: 1, sku: 'NP-001', name: 'Blue widget', quantity: 42 },
  { id: 2, sku: 'NP-002', name: 'Green widget', quantity: 17 },
  { id: 3, sku: 'NP-003', name: 'Canary cage', quantity: 3 },
  { id: 4, sku: 'NP-004', name: 'Rollback lever', quantity: 1 },
];

const server = http.createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://placeholder').pathname;
  if (path === '/health') {
    // Health is answered at once, never delayed: a slow release should look slow, not dead.
    sendJson(response, config.healthStatus, config.healthStatus === 200 ? { status: 'ok' } : { status: 'failing' });
    return;
  }
  setTimeout(() => route(request, response, path), config.responseDelayMs);
});

function route(request, response, path) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendJson(response, 405, { message: `${request.method} is not supported; this API is read-only` });
    return;
  }
  // FAIL_RATE: this share of the answers (not /health) is a 500, spread evenly (an accumulator, not chance), so a
  // release that "fails 30% of its requests" fails exactly 3 in 10.
  if (shouldFail()) {
    sendJson(response, 500, {
      message: `inventory ${config.version} fails ${config.failRate * 100}% of its requests (FAIL_RATE)`,
      ...servedBy(),
    });
    return;
  }
  if (path === '/') {
    sendJson(response, 200, {
      service: 'inventory',
      ...servedBy(),
      endpoints: ['GET /items', 'GET /items/:id', 'GET /health'],
    });
    return;
  }
  if (path === '/items') {
    sendJson(response, 200, { results: items, ...servedBy() });
    return;
  }
  const itemMatch = /^\/items\/([^/]+)$/.exec(path);
  if (itemMatch) {
    const item = items.find((candidate) => String(candidate.id) === itemMatch[1]);
    if (item) sendJson(response, 200, { ...item, ...servedBy() });
    else sendJson(response, 404, { message: `no item with id ${itemMatch[1]}` });
    return;
  }
  sendJson(response, 404, { message: `no route for ${path}; try /, /items, /items/:id or /health` });
}

let failureDebt = 0;
function shouldFail() {
  failureDebt += config.failRate;
  if (failureDebt < 1 - 1e-9) return false; // 0.3 added ten times is 2.9999…, not 3
  failureDebt -= 1;
  return true;
}

function servedBy() {
  return { version: config.version, deployment_id: config.deploymentId };
}

function sendJson(response, status, body) {
  const text = JSON.stringify(body);
  // While shutting down, ask the client to close its keep-alive connection so the server can finish and exit.
  if (shuttingDown) response.setHeader('connection', 'close');
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function readConfig(env) {
  return {
    host: env.HOST || '127.0.0.1',
    port: readInteger(env, 'PORT', 8080, 0, 65535),
    version: env.NP_RELEASE_SEMVER || 'dev',
    deploymentId: env.NP_DEPLOYMENT_ID || 'local',
    healthStatus: readInteger(env, 'HEALTH_STATUS', 200, 100, 599),
    startupDelayMs: readInteger(env, 'STARTUP_DELAY_MS', 0, 0, 600_000),
    responseDelayMs: readInteger(env, 'RESPONSE_DELAY_MS', 0, 0, 600_000),
    failRate: readFraction(env, 'FAIL_RATE'),
  };
}

function readFraction(env, name) {
  const raw = env[name];
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    console.error(`inventory: ${name} must be a number from 0 to 1, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

function readInteger(env, name, fallback, min, max) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`inventory: ${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

function shutDown() {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('inventory: SIGTERM received, finishing in-flight requests');
  // Requests already being served finish; idle keep-alive connections are closed so close() can complete.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    console.error('inventory: requests still open after 5 s, exiting anyway');
    process.exit(0);
  }, 5000).unref();
}

process.on('SIGTERM', shutDown);

setTimeout(() => {
  if (shuttingDown) process.exit(0);
  server.listen(config.port, config.host, () => {
    const { port } = server.address();
    console.log(
      `inventory ${config.version} (deployment ${config.deploymentId}) listening on http://${config.host}:${port}`,
    );
  });
}, config.startupDelayMs);

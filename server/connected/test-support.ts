/**
 * For connected-mode tests (no mocks, real HTTP):
 * - `startUpstream`: a whole local-platform console that requires tokens, standing in for nullplatform;
 * - `Tap`: a small HTTP relay between the connected console and that upstream, which records what the connected
 *   console sent (paths, Authorization, cookies, token exchanges) and can play an outage, a slow or garbage-answering
 *   API, or a revoked token;
 * - `startConnected`: a connected console in-process, its log captured;
 * - `Recorder`: a client that keeps every response it saw, so a test can prove a secret never reached the browser;
 * - `sendRaw`: a request whose path goes out byte for byte (fetch would resolve `%2e%2e` and `\` before sending);
 * - `startScriptedUpstream`: a minimal token-protected API whose answers the test writes (to echo secrets back).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  request as httpRequest,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readConfig, type Config } from '../config';
import { type ConsoleServer, startConsoleServer } from '../console-server';
import { consoleRoot } from '../console-root';

function configFrom(env: Record<string, string>): Config {
  const result = readConfig(env);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

/** A key nobody could guess, long enough to be found anywhere it leaks. */
export function secretKey(label: string): string {
  return `np-test-${label}-${randomBytes(12).toString('hex')}`;
}

export type Upstream = {
  server: ConsoleServer;
  /** `http://127.0.0.1:<port>/api`: what NP_API_URL points at. */
  apiUrl: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Stops it and starts it again on the same port and data: it forgets every token it issued. */
  restart(): Promise<void>;
  close(): Promise<void>;
};

export async function startUpstream(options: {
  apiKeys: string[];
  ttl?: string;
  seed?: 'demo' | 'none';
}): Promise<Upstream> {
  const dataDir = mkdtempSync(join(tmpdir(), 'np-console-upstream-'));
  const env = (port: number) => ({
    PORT: String(port),
    NP_CONSOLE_DATA: dataDir,
    NP_CONSOLE_SEED: options.seed ?? 'none',
    NP_CONSOLE_HEALTH_INTERVAL: '100ms',
    NP_CONSOLE_HEALTH_TIMEOUT: '20s',
    NP_CONSOLE_DRAIN_TIMEOUT: '1s',
    NP_CONSOLE_REQUIRE_TOKEN: '1',
    NP_CONSOLE_API_KEYS: options.apiKeys.join(','),
    NP_CONSOLE_TOKEN_TTL: options.ttl ?? '1h',
  });
  let server = await startConsoleServer(configFrom(env(0)), { log: () => undefined });
  const port = server.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    get server() {
      return server;
    },
    apiUrl: `${origin}/api`,
    origin,
    port,
    async restart() {
      await server.close();
      server = await startConsoleServer(configFrom(env(port)), { log: () => undefined });
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Connected = {
  server: ConsoleServer;
  url: string;
  /** Every line the server logged. */
  logs: string[];
  close(): Promise<void>;
};

export async function startConnected(
  apiUrl: string,
  apiKey: string,
  env: Record<string, string> = {},
  staticDir?: string,
): Promise<Connected> {
  const logs: string[] = [];
  const config = configFrom({ PORT: '0', NP_API_URL: apiUrl, NP_API_KEY: apiKey, ...env });
  const server = await startConsoleServer(config, {
    log: (line) => logs.push(line),
    ...(staticDir === undefined ? {} : { staticDir }),
  });
  return { server, url: server.url, logs, close: () => server.close() };
}

export type Seen = {
  method: string;
  path: string;
  search: string;
  status: number;
  authorization: string | undefined;
  cookie: string | undefined;
  origin: string | undefined;
};
export type TapMode = 'pass' | 'garbage' | 'slow' | 'reject-next' | 'reject-always';

/** An HTTP relay in front of `target` (an origin) that records and, on demand, misbehaves. */
export class Tap {
  readonly seen: Seen[] = [];
  /** Access and refresh tokens the upstream issued through the tap. */
  readonly tokens: string[] = [];
  mode: TapMode = 'pass';
  slowMs = 3_000;
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly target: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  tokenExchanges(): number {
    return this.seen.filter((entry) => entry.path === '/api/token').length;
  }

  async start(port = this.port): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Closes the port: the connected console sees a refused connection. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const { path, search } = splitTarget(request.url);
    const record = (status: number) =>
      this.seen.push({
        method: request.method ?? 'GET',
        path,
        search,
        status,
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
        origin: request.headers.origin,
      });
    const isToken = path === '/api/token';

    if (!isToken && this.mode === 'garbage') {
      record(200);
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway (nginx)</body></html>');
      return;
    }
    if (!isToken && (this.mode === 'reject-next' || this.mode === 'reject-always')) {
      if (this.mode === 'reject-next') this.mode = 'pass';
      record(401);
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'the token was revoked (tap)' }));
      return;
    }
    if (!isToken && this.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, this.slowMs));

    try {
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'accept', 'authorization', 'cookie']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${this.target}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        body: body === '' ? null : body,
      });
      const text = await answer.text();
      if (isToken && answer.ok) {
        const token = JSON.parse(text) as { access_token: string; refresh_token?: string };
        this.tokens.push(token.access_token, ...(token.refresh_token === undefined ? [] : [token.refresh_token]));
      }
      record(answer.status);
      const out: Record<string, string> = {};
      const type = answer.headers.get('content-type');
      if (type !== null) out['content-type'] = type;
      response.writeHead(answer.status, out).end(text);
    } catch (error) {
      record(599);
      if (!response.headersSent) response.writeHead(599).end(String(error));
    }
  }
}

/** `/a/b?x=1` → `/a/b` and `?x=1`, as they arrived. */
function splitTarget(url: string | undefined): { path: string; search: string } {
  const target = url ?? '/';
  const query = target.indexOf('?');
  return query === -1 ? { path: target, search: '' } : { path: target.slice(0, query), search: target.slice(query) };
}

export type Answer = { status: number; headers: Headers; text: string; body: unknown };

/** A client for the connected console that keeps every answer, headers included. */
export class Recorder {
  readonly answers: Answer[] = [];

  constructor(private readonly baseUrl: string) {}

  async call(
    method: string,
    path: string,
    options: { json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.json !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.json === undefined ? null : JSON.stringify(options.json),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const answer = { status: response.status, headers: response.headers, text, body };
    this.answers.push(answer);
    return answer;
  }

  /** Every byte the browser could have seen: status lines aside, all headers and bodies. */
  everything(): string {
    return this.answers
      .map(
        (answer) => `${[...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${answer.text}`,
      )
      .join('\n----\n');
  }
}

export function messageOf(answer: Answer): string {
  const body = answer.body;
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string')
    return body.message;
  throw new Error(`expected a JSON {message}, got ${answer.status} ${answer.text}`);
}

/** Polls `read` until `done` holds (or fails with what it last saw). */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`never became ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

export type ChildResult = { code: number | null; stdout: string; stderr: string };

/**
 * `node --import tsx server/main.ts` with exactly `env` (plus PATH/HOME), as `npm start` runs it; resolves when it
 * exits, or — when `readyPattern` shows on stdout — stops it with SIGTERM and resolves with what it printed.
 */
export function runMain(
  env: Record<string, string>,
  options: { readyPattern?: RegExp; timeoutMs?: number } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: consoleRoot,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server/main.ts did not finish in time; stdout: ${stdout} stderr: ${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (options.readyPattern?.test(stdout) === true) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * `method path` to `baseUrl` with the path exactly as given (no URL parsing on the way), with the Host header a
 * browser would send; the answer goes into `recorder` when one is given.
 */
export function sendRaw(
  baseUrl: string,
  method: string,
  path: string,
  options: { json?: unknown; recorder?: Recorder } = {},
): Promise<Answer> {
  const { hostname, port, host } = new URL(baseUrl);
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = { host };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, path, method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (typeof value === 'string') responseHeaders.set(name, value);
        }
        let parsed: unknown;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const answer = { status: incoming.statusCode ?? 0, headers: responseHeaders, text, body: parsed };
        options.recorder?.answers.push(answer);
        resolve(answer);
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export type ScriptedRequest = { method: string; path: string; search: string; token: string };
export type ScriptedAnswer = { status?: number; headers?: Record<string, string>; body: string };

export type ScriptedUpstream = {
  /** `http://127.0.0.1:<port>`: what NP_API_URL points at (nullplatform's shape: no `/api`). */
  apiUrl: string;
  /** The access token `POST /token` issued. */
  token: string;
  /** Every request but the token exchange, as it arrived. */
  seen: ScriptedRequest[];
  close(): Promise<void>;
};

/**
 * A stand-in for nullplatform that issues one access token for `apiKey` (`POST /token`) and answers every other
 * request with `respond`, which gets the bearer token the request carried. A request without that token gets 401.
 */
export async function startScriptedUpstream(options: {
  apiKey: string;
  token: string;
  respond: (request: ScriptedRequest) => ScriptedAnswer;
}): Promise<ScriptedUpstream> {
  const seen: ScriptedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { path, search } = splitTarget(request.url);
      const json = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (path === '/token' && request.method === 'POST') {
        const sent: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        const key = typeof sent === 'object' && sent !== null && 'apikey' in sent ? sent.apikey : undefined;
        if (key !== options.apiKey) return json(401, { message: 'unknown key' });
        return json(200, { access_token: options.token, token_expires_at: Date.now() + 3_600_000, organization_id: 7 });
      }
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      if (token !== options.token) return json(401, { message: 'unknown token' });
      const entry = { method: request.method ?? 'GET', path, search, token };
      seen.push(entry);
      const answer = options.respond(entry);
      response
        .writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
        .end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    token: options.token,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

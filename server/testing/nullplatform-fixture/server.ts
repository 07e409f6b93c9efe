/**
 * The fixture as a real HTTP server on 127.0.0.1 (node:http, no framework: it is small and must not share code with
 * the console it tests). `startNullplatformFixture` serves it in-process for vitest; main.ts runs it as a process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type Answer, fail } from './answer';
import { route } from './routes';
import { FixtureState } from './state';
import { TokenIssuer } from './tokens';

export type NullplatformFixtureOptions = {
  /** The one API key POST /token accepts. */
  apiKey: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  tokenTtlMs?: number;
};

export type NullplatformFixture = {
  /** `http://127.0.0.1:<port>`, what NP_API_URL is set to. */
  url: string;
  port: number;
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 1024 * 1024;

export async function startNullplatformFixture(options: NullplatformFixtureOptions): Promise<NullplatformFixture> {
  if (options.apiKey === '') throw new Error('the nullplatform fixture needs an API key');
  const state = new FixtureState();
  const tokens = new TokenIssuer(options.apiKey, options.tokenTtlMs);
  const host = options.host ?? '127.0.0.1';

  const server = createServer((request, response) => {
    void answer(request).then(
      (result) => send(response, result),
      (error: unknown) =>
        send(response, fail(500, `fixture error: ${error instanceof Error ? error.message : String(error)}`)),
    );
  });

  async function answer(request: IncomingMessage): Promise<Answer> {
    const url = new URL(request.url ?? '/', `http://${host}`);
    const text = await readBody(request);
    if (text === undefined) return fail(413, 'The body is too large');
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return fail(400, 'The body is not valid JSON');
      }
    }
    return route(state, tokens, {
      method: request.method ?? 'GET',
      url,
      authorization: request.headers.authorization,
      body,
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The request body as text; undefined when larger than the fixture takes. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, result: Answer): void {
  if (result.body === undefined) {
    response.writeHead(result.status).end();
    return;
  }
  const text = JSON.stringify(result.body);
  response
    .writeHead(result.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    })
    .end(text);
}

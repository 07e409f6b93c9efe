/**
 * Walks /console/openapi.json as a client that knows nothing else would: every operation's documented example
 * requests, put back together from the examples of its parameters and body, are sent to a real server on a real
 * SQLite database, each on a fresh copy of the data the examples name (`seedExampleWorld`); each must succeed, and its
 * answer must match the response schema the document gives (read back into a validator with zod's
 * `z.fromJSONSchema`). A request the document rules out is refused with a documented status and a `{message}`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { type Harness, startHarness } from '../testing/http-harness';

type Parameter = {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  examples?: Record<string, { value: unknown }>;
};
type MediaType = { schema?: z.core.JSONSchema.JSONSchema; examples?: Record<string, { value: unknown }> };
type Operation = {
  operationId: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, z.core.JSONSchema.JSONSchema> };
};

type ExampleRequest = { name: string; method: string; path: string; body?: unknown };

/**
 * The data every example is written against (fresh for each request, so that one example's change does not spoil
 * another's): application 1 with successful build 1 (asset `main`) and pending build 2; releases 1 (1.0.0) and 2
 * (1.1.0) of build 1; scope 1, where deployment 1 serves release 1 and deployment 2 (release 2, blue/green, automatic
 * steps on) is running, its address one where nothing listens; scope 2, never deployed; deployment strategy 1.
 */
function seedExampleWorld(h: Harness): void {
  const ids = h.store.write((tx) => {
    const application = tx.applications.insert({ name: 'checkout-example', namespace_id: 1 });
    const build = tx.builds.insert({
      application_id: application.id,
      status: 'successful',
      branch: 'main',
      commit: { id: 'a1b2c3d', permalink: null },
    });
    tx.assets.insert({ build_id: build.id, name: 'main', type: 'docker-image', url: h.runnableAssetUrl });
    const pending = tx.builds.insert({
      application_id: application.id,
      status: 'pending',
      branch: 'main',
      commit: { id: 'e4f5a6b', permalink: null },
    });
    const first = tx.releases.insert({ application_id: application.id, build_id: build.id, semver: '1.0.0' });
    const second = tx.releases.insert({ application_id: application.id, build_id: build.id, semver: '1.1.0' });
    const scope = tx.scopes.insert({ application_id: application.id, name: 'production', type: 'web_pool_k8s' });
    const free = tx.scopes.insert({ application_id: application.id, name: 'staging', type: 'web_pool_k8s' });
    const active = tx.deployments.insert({
      scope_id: scope.id,
      release_id: first.id,
      asset_name: 'main',
      status: 'finalized',
      status_in_scope: 'active',
    });
    // An address where nothing listens: test traffic's example starts (its requests fail fast and it ends in 1 s).
    tx.scopes.update(scope.id, { active_deployment: active.id, asset_name: 'main', domain: '127.0.0.1:9' });
    const candidate = tx.deployments.insert({
      scope_id: scope.id,
      release_id: second.id,
      asset_name: 'main',
      status: 'running',
      strategy: 'blue_green',
      status_in_scope: 'candidate',
      strategy_data: { parameters: { traffic: { enable_auto_switch: true, step: '0.1', interval: 30 } } },
    });
    tx.scopes.update(scope.id, { in_progress_deployment: candidate.id });
    const strategy = tx.strategies.insert({
      name: 'Careful',
      parameters: { traffic: { enable_auto_switch: true, step: '0.1', interval: 30 } },
    });
    return [
      application.id,
      build.id,
      pending.id,
      first.id,
      second.id,
      scope.id,
      free.id,
      active.id,
      candidate.id,
      strategy.id,
    ];
  });
  expect(ids).toEqual([1, 1, 2, 1, 2, 1, 2, 1, 2, 1]);
}

/** Every example request of an operation; an operation that takes no parameter and no body is its bare request. */
function exampleRequests(path: string, method: string, operation: Operation): ExampleRequest[] {
  const body = operation.requestBody?.content['application/json'];
  const names = new Set([
    ...operation.parameters.flatMap((parameter) => Object.keys(parameter.examples ?? {})),
    ...Object.keys(body?.examples ?? {}),
  ]);
  if (names.size === 0 && operation.parameters.every((parameter) => !parameter.required) && body === undefined) {
    return [{ name: 'the bare request', method, path }];
  }
  return [...names].map((name) => {
    let target = path;
    const query = new URLSearchParams();
    for (const parameter of operation.parameters) {
      const example = parameter.examples?.[name];
      if (example === undefined) continue;
      if (parameter.in === 'path')
        target = target.replace(`{${parameter.name}}`, encodeURIComponent(String(example.value)));
      else query.set(parameter.name, String(example.value));
    }
    const search = query.toString();
    const example = body?.examples?.[name];
    return {
      name,
      method,
      path: search === '' ? target : `${target}?${search}`,
      ...(example === undefined ? {} : { body: example.value }),
    };
  });
}

let document: Document;
const harnesses: Harness[] = [];

async function freshServer(): Promise<Harness> {
  const h = await startHarness();
  harnesses.push(h);
  return h;
}

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function readDocument(): Promise<Document> {
  const h = await freshServer();
  const response = await h.request('GET', '/console/openapi.json');
  expect(response.status).toBe(200);
  return response.body as Document;
}

function operations(doc: Document): Array<{ path: string; method: string; operation: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
}

describe('the OpenAPI document, walked', () => {
  it('gives every operation at least one example request, and every one is accepted and answered as documented', async () => {
    document = await readDocument();
    const all = operations(document);
    expect(all.length).toBeGreaterThan(30);
    let sent = 0;
    for (const { path, method, operation } of all) {
      const requests = exampleRequests(path, method, operation);
      expect(requests.length, `${method} ${path} has no example`).toBeGreaterThan(0);
      for (const request of requests) {
        const h = await freshServer();
        seedExampleWorld(h);
        const label = `${request.method} ${request.path} (${request.name})`;
        if (operation.responses['200']?.content?.['text/event-stream'] !== undefined) {
          const stream = await fetch(`${h.baseUrl}${request.path}`);
          expect(stream.status, label).toBe(200);
          expect(stream.headers.get('content-type'), label).toContain('text/event-stream');
          await stream.body?.cancel();
        } else {
          const response = await h.request(
            request.method,
            request.path,
            request.body === undefined ? {} : { json: request.body },
          );
          expect({ label, status: response.status, body: response.status < 300 ? undefined : response.body }).toEqual({
            label,
            status: Number(successStatus(operation)),
            body: undefined,
          });
          const schema = operation.responses[successStatus(operation)]?.content?.['application/json']?.schema;
          if (schema !== undefined) {
            const checked = z.fromJSONSchema(schema).safeParse(response.body);
            expect({ label, issues: checked.error?.issues }).toEqual({ label, issues: undefined });
          } else {
            expect(response.text, label).toBe('');
          }
        }
        await h.close();
        harnesses.splice(harnesses.indexOf(h), 1);
        sent += 1;
      }
    }
    expect(sent).toBeGreaterThanOrEqual(all.length);
  });

  it('answers a request the document rules out (an unlisted query parameter) with a documented 400 {message}', async () => {
    document ??= await readDocument();
    const h = await freshServer();
    seedExampleWorld(h);
    const errorSchema = z.fromJSONSchema(document.components.schemas['Error'] ?? false);
    for (const { path, method, operation } of operations(document)) {
      const [request] = exampleRequests(path, method, operation);
      if (request === undefined) continue;
      const separator = request.path.includes('?') ? '&' : '?';
      const response = await h.request(
        request.method,
        `${request.path}${separator}not_a_parameter=1`,
        request.body === undefined ? {} : { json: request.body },
      );
      const label = `${request.method} ${request.path}`;
      expect(response.status, label).toBe(400);
      expect(Object.keys(operation.responses), label).toContain('400');
      expect(errorSchema.safeParse(response.body).success, label).toBe(true);
      expect(response.body, label).toEqual({ message: 'unknown query parameter: not_a_parameter' });
    }
  });
});

function successStatus(operation: Operation): string {
  return Object.keys(operation.responses).find((status) => status.startsWith('2')) ?? '200';
}

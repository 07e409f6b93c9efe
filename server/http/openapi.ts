/**
 * `GET /console/openapi.json`: an OpenAPI 3.1 document of the endpoint table (endpoints.ts), made from the same zod
 * schemas the server checks requests with (zod 4's `z.toJSONSchema`): path parameters, query parameters and bodies
 * as the server accepts them, answers as it sends them, and every error status with its `{message}`.
 *
 * Each example of an endpoint appears under one key in every parameter and body it sets, so a client can put the
 * request back together (openapi-examples.test.ts does, and sends it).
 */
import { z } from 'zod';

import { errorBodySchema } from '@contract/common';
import { MAX_BODY_BYTES } from './middleware';
import type { Answer, Endpoint, Example } from './endpoint';

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of `schema`, without `$schema` (OpenAPI 3.1 documents are 2020-12 throughout). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  // A `.meta()` may unset a generated keyword (a path id's `pattern`, documented as an integer): drop the undefined.
  const { $schema: _ignored, ...rest } = JSON.parse(JSON.stringify(generated)) as JsonSchema;
  return rest;
}

/** One key per example, the same in every parameter and in the body. */
function exampleKey(example: Example, index: number): string {
  const slug = example.summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${index + 1}-${slug}`.slice(0, 60);
}

function examplesOf(endpoint: Endpoint, pick: (example: Example) => unknown): JsonSchema | undefined {
  const examples: JsonSchema = {};
  endpoint.examples.forEach((example, index) => {
    const value = pick(example);
    if (value !== undefined) examples[exampleKey(example, index)] = { summary: example.summary, value };
  });
  return Object.keys(examples).length === 0 ? undefined : examples;
}

function parameters(endpoint: Endpoint): JsonSchema[] {
  const result: JsonSchema[] = [];
  for (const [name, schema] of Object.entries(endpoint.params ?? {})) {
    const examples = examplesOf(endpoint, (example) => example.params?.[name]);
    result.push({
      name,
      in: 'path',
      required: true,
      schema: jsonSchema(schema, 'input'),
      ...(examples ? { examples } : {}),
    });
  }
  if (endpoint.query instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(endpoint.query.shape as Record<string, z.ZodType>)) {
      const { description, ...schema } = jsonSchema(field, 'input');
      const examples = examplesOf(endpoint, (example) => example.query?.[name]);
      result.push({
        name,
        in: 'query',
        required: !field.safeParse(undefined).success,
        ...(typeof description === 'string' ? { description } : {}),
        schema,
        ...(examples ? { examples } : {}),
      });
    }
  }
  return result;
}

function success(answer: Answer): [string, JsonSchema] {
  switch (answer.kind) {
    case 'no-content':
      return ['204', { description: answer.description }];
    case 'event-stream':
      return [
        '200',
        {
          description: answer.description,
          content: { 'text/event-stream': { schema: jsonSchema(answer.schema, 'output') } },
        },
      ];
    case 'json':
      return [
        '200',
        {
          description: answer.description,
          content: { 'application/json': { schema: jsonSchema(answer.schema, 'output') } },
        },
      ];
  }
}

/** Every status the endpoint can answer besides success: its own, and those of the checks all endpoints share. */
function errorStatuses(endpoint: Endpoint): Record<string, string> {
  const changesState = endpoint.method !== 'get';
  const own = endpoint.errors;
  const statuses: Record<string, string | undefined> = {
    400:
      own[400] === undefined
        ? 'Bad input: the message names the parameter or field, and what it must be'
        : `${own[400]}; or bad input`,
    401:
      own[401] ??
      (endpoint.open ? undefined : 'Missing, unknown or expired access token (only with NP_CONSOLE_REQUIRE_TOKEN=1)'),
    403: changesState
      ? "Cross-site request (Sec-Fetch-Site: cross-site, or an Origin other than the console's own)"
      : undefined,
    404: own[404],
    409: own[409],
    413: changesState ? `Body larger than ${MAX_BODY_BYTES} bytes (the connection is closed)` : undefined,
    415: changesState
      ? `The body is not application/json${endpoint.body === undefined ? ' (when a body is sent)' : ''}`
      : undefined,
    421: 'The Host header is not one this console answers to (it names the addresses it does)',
    500: 'Internal error (the details are in the server log)',
    503: 'The database failed (read-only, disk full, I/O error): the message names the cause and the file; nothing was changed',
  };
  return Object.fromEntries(
    Object.entries(statuses).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function operation(endpoint: Endpoint): JsonSchema {
  const responses: JsonSchema = Object.fromEntries([success(endpoint.response)]);
  for (const [status, description] of Object.entries(errorStatuses(endpoint))) {
    responses[status] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const bodyExamples = examplesOf(endpoint, (example) => example.body);
  return {
    operationId: `${endpoint.method}${endpoint.path.replace(/:/g, '').replace(/[/._-]+(\w)/g, (_match, letter: string) => letter.toUpperCase())}`,
    summary: endpoint.summary,
    ...(endpoint.description === undefined ? {} : { description: endpoint.description }),
    tags: [endpoint.tag],
    parameters: parameters(endpoint),
    ...(endpoint.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: jsonSchema(endpoint.body, 'input'),
                ...(bodyExamples ? { examples: bodyExamples } : {}),
              },
            },
          },
        }),
    responses,
    // `{}`: no token needed unless NP_CONSOLE_REQUIRE_TOKEN=1.
    ...(endpoint.open ? {} : { security: [{}, { bearerToken: [] }] }),
  };
}

/** `/api/deployment/:id` as OpenAPI writes it: `/api/deployment/{id}`. */
function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

const documents = new WeakMap<readonly Endpoint[], Map<string, JsonSchema>>();

export function openApiDocument(endpoints: readonly Endpoint[], version: string): JsonSchema {
  const byVersion = documents.get(endpoints) ?? new Map<string, JsonSchema>();
  documents.set(endpoints, byVersion);
  const cached = byVersion.get(version);
  if (cached !== undefined) return cached;
  const paths: Record<string, JsonSchema> = {};
  for (const endpoint of endpoints) {
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method]: operation(endpoint) };
  }
  const document: JsonSchema = {
    openapi: '3.1.0',
    info: {
      title: 'np-console',
      version,
      description:
        "nullplatform's deployment API as the console's local platform serves it under /api, plus the console's own " +
        'endpoints under /console. Every error answer is JSON `{message}`. A query parameter the endpoint does not ' +
        'list, one given twice (lists are comma-separated), or one without a name is refused (400); a body field ' +
        'the schema does not list too. A method a path does not serve is answered 405 with `Allow`.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An access_token from POST /api/token' },
      },
    },
  };
  byVersion.set(version, document);
  return document;
}

/**
 * One declaration per endpoint: its method and path, the zod schemas of its path parameters, query and body (from
 * contract/), its answer and its errors, examples, and the handler. `mountEndpoints` registers it with the checks those
 * schemas make; `openApiDocument` (openapi.ts) describes it from the very same schemas, so the document states the
 * validation the server really does. The table of every endpoint is endpoints.ts.
 *
 * A table of our own rather than @hono/zod-openapi: that library validates through hono's validator, which answers
 * with its own messages (a malformed body, a repeated or unknown query parameter, a missing field) where this API says
 * nullplatform's (`Missing parameter: status`) and names the field; it would add three packages and a middleware
 * per request target to every request, the hot path the API throughput figure measures; and its document is made
 * by @asteasolutions/zod-to-openapi, which describes transforms (sort, comma-separated filters) no better than zod 4's
 * own `z.toJSONSchema`, which this uses.
 *
 * ## Adding an endpoint
 * 1. Declare it with `endpoint({...})` in the `*-routes.ts` file of its resource (or a new one): `method`, `path`
 *    (hono style, `/console/scope/:id/test-traffic`), `tag`, `summary`; `params` (`{ id: pathId('id') }` for an id),
 *    `query` (a `z.strictObject`; none: no parameter is accepted), `body` (a contract schema; 415 unless JSON); the
 *    `response` (`json(schema)`, `noContent()` or `eventStream(schema)`); the 400/404/409 it can answer beyond
 *    bad input, each with when (`errors`); at least one request in `examples`, which must succeed on the seed of
 *    openapi-examples.test.ts; `open: true` only if it must work without a token under NP_CONSOLE_REQUIRE_TOKEN=1; `localOnly`
 *    (a message from local-only.ts) if only the local platform can serve it: a connected console answers 404 with it.
 * 2. `handle(input, c, deps)` gets the parsed `params`, `query` and `body` and returns the answer's JSON (typed by
 *    the response schema), nothing (204), or a Response (event streams, or a stream form asked for by `Accept`).
 * 3. Add the file's list to `endpoints` in endpoints.ts. The document, the 405 answers, the token checks and the
 *    example test follow from there.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';

import { HttpError } from './errors';
import type { AppDeps } from './route-deps';
import { commonResponse } from './http-headers';
import { changesState, refuseNonJson } from './security';
import { describeIssues, noQuerySchema, parseJsonBody, parseQuery } from './validation';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Path parameters: a key per `:name` of the path, each read from its text. */
type ParamsShape = Record<string, z.ZodType>;

export type JsonAnswer<Schema extends z.ZodType = z.ZodType> = { kind: 'json'; schema: Schema; description: string };
export type NoContentAnswer = { kind: 'no-content'; description: string };
export type EventStreamAnswer = { kind: 'event-stream'; schema: z.ZodType; description: string };
export type Answer = JsonAnswer | NoContentAnswer | EventStreamAnswer;

export const json = <Schema extends z.ZodType>(schema: Schema, description = 'OK'): JsonAnswer<Schema> => ({
  kind: 'json',
  schema,
  description,
});
export const noContent = (description: string): NoContentAnswer => ({ kind: 'no-content', description });
export const eventStream = (schema: z.ZodType, description: string): EventStreamAnswer => ({
  kind: 'event-stream',
  schema,
  description,
});

/** Statuses an endpoint answers for reasons of its own; the checks every endpoint shares are added by openapi.ts. */
export type OwnErrors = Partial<Record<400 | 401 | 404 | 409, string>>;

/** A request the document shows, and the example test sends (see openapi-examples.test.ts for the data it expects). */
export type Example = {
  summary: string;
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
};

type Output<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;
type Outputs<Shape> = Shape extends ParamsShape ? { [Name in keyof Shape]: z.output<Shape[Name]> } : undefined;

export type EndpointInput<Params, Query, Body> = { params: Outputs<Params>; query: Output<Query>; body: Output<Body> };

/**
 * A JSON endpoint may also answer with a Response of its own: the stream form a client asked for by `Accept`. A 204
 * endpoint's handler returns nothing: `void`, which a handler written as a block body infers.
 */
type Result<A extends Answer> =
  A extends JsonAnswer<infer Schema>
    ? z.input<Schema> | Response
    : A extends NoContentAnswer
      ? // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a handler's return type, through a conditional type
        void
      : Response;

export type EndpointDefinition<Params, Query, Body, A extends Answer> = {
  method: Method;
  /** hono style: `/api/deployment/:id`. */
  path: string;
  tag: string;
  summary: string;
  /** Rules the schemas cannot state (between fields, or with the data: "only a successful build"). */
  description?: string;
  params?: Params;
  query?: Query;
  body?: Body;
  response: A;
  errors?: OwnErrors;
  examples: readonly Example[];
  /** Works without a token when NP_CONSOLE_REQUIRE_TOKEN=1 (every other endpoint needs one). */
  open?: true;
  /** Served by the local platform only: what a connected console answers instead (404 with this message). */
  localOnly?: string;
  handle(input: EndpointInput<Params, Query, Body>, c: Context, deps: AppDeps): Result<A> | Promise<Result<A>>;
};

/** An endpoint with its types erased, as the table, the router and the document see it. */
export type Endpoint = {
  readonly method: Method;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description: string | undefined;
  readonly params: ParamsShape | undefined;
  readonly query: z.ZodType;
  readonly body: z.ZodType | undefined;
  readonly response: Answer;
  readonly errors: OwnErrors;
  readonly examples: readonly Example[];
  readonly open: boolean;
  readonly localOnly: string | undefined;
  /** Checks the request as declared, runs the handler and answers. */
  run(c: Context, deps: AppDeps): Promise<Response>;
};

export function endpoint<
  Params extends ParamsShape | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  A extends Answer = Answer,
>(definition: EndpointDefinition<Params, Query, Body, A>): Endpoint {
  const query = definition.query ?? noQuerySchema;
  const { params, body, response } = definition;
  return {
    method: definition.method,
    path: definition.path,
    tag: definition.tag,
    summary: definition.summary,
    description: definition.description,
    params,
    query,
    body,
    response,
    errors: definition.errors ?? {},
    examples: definition.examples,
    open: definition.open === true,
    localOnly: definition.localOnly,
    async run(c, deps) {
      // Method and path matched: now the request's form, in the order a client fixes it (media type, path, query, body).
      if (changesState(c.req.method)) {
        const refused = refuseNonJson(c);
        if (refused !== undefined) throw refused;
      }
      const input = {
        params: (params === undefined ? undefined : parsePathParams(c, params)) as Outputs<Params>,
        query: parseQuery(c, query) as Output<Query>,
        body: (body === undefined ? undefined : await parseJsonBody(c, body)) as Output<Body>,
      };
      const result = await definition.handle(input, c, deps);
      return answer(c, response, result);
    },
  };
}

const JSON_CONTENT = { 'Content-Type': 'application/json' };

function answer(c: Context, response: Answer, result: unknown): Response {
  if (result instanceof Response) return result;
  if (response.kind === 'no-content') return commonResponse(c, null, 204);
  if (response.kind === 'event-stream') throw new Error('an event-stream endpoint must answer with a Response');
  return commonResponse(c, JSON.stringify(result), 200, JSON_CONTENT);
}

function parsePathParams(c: Context, shape: ParamsShape): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const raw = c.req.param(name) ?? '';
    if (pathIds.has(schema) && SHORT_DIGITS.test(raw) && raw !== '0'.repeat(raw.length)) {
      values[name] = Number(raw);
      continue;
    }
    const result = schema.safeParse(raw);
    // The messages of path parameter schemas name the parameter and the value themselves.
    if (!result.success) throw new HttpError(400, describeIssues(result.error.issues, raw, 'path parameter'));
    values[name] = result.data;
  }
  return values;
}

/** Ids in paths are positive integers of at most 15 digits: below 2^53, so every one is exact as a JS number. */
const MAX_PATH_ID = 999_999_999_999_999;

/** The schemas made by `pathId`; and the ids they accept at a glance (up to 15 digits, not all zeros). */
const pathIds = new WeakSet<z.ZodType>();
const SHORT_DIGITS = /^\d{1,15}$/;

/**
 * A positive integer id in the path (`/api/scope/:id`). Decimal digits only (`0x10`, `1e3` and ` 1` are refused),
 * leading zeros allowed. Documented as what it parses to: an integer from 1 to MAX_PATH_ID. Every request with an id
 * goes through here: the common case (`SHORT_DIGITS`, the same rule) skips zod, which only words the refusals.
 */
export function pathId(name: string) {
  const message = (input: unknown) =>
    `${name} must be a positive integer up to ${MAX_PATH_ID} (got "${String(input)}")`;
  const schema = z
    .string()
    .regex(/^\d+$/, { error: (issue) => message(issue.input) })
    .transform((raw, ctx) => {
      const value = Number(raw);
      if (value < 1 || value > MAX_PATH_ID) {
        ctx.addIssue({ code: 'custom', message: message(raw) });
        return z.NEVER;
      }
      return value;
    })
    .meta({ type: 'integer', minimum: 1, maximum: MAX_PATH_ID, pattern: undefined });
  pathIds.add(schema);
  return schema;
}

/** Registers every endpoint on `app` (paths are absolute). */
export function mountEndpoints(app: Hono, endpoints: readonly Endpoint[], deps: AppDeps): void {
  for (const each of endpoints) app.on(each.method.toUpperCase(), each.path, (c) => each.run(c, deps));
}

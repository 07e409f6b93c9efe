/**
 * The one fetch client of the SPA. Every request goes to the console server's own origin; every response is parsed
 * with a reader of `src/lib/read/` (zod/mini; a full-zod schema of `contract/` parses the same way in tests). It throws, and never shows anything: toasts, redirects and error states are
 * decided by the query client and the pages.
 */
import { safeParse, type z } from 'zod/mini';

/** Any zod schema, mini or full: what the client parses an answer with. */
export type AnswerSchema = z.core.$ZodType;

/** Where the console server serves the nullplatform-compatible API (local platform or the connected upstream). */
export const API_BASE = '/api';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** `?a=1&b=x,y` from a params object: empty values are left out, arrays are comma-separated (the API's convention). */
export function toSearch(query?: QueryParams): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** A path of the nullplatform API as the SPA calls it: `apiPath('/build', {application_id: 3})` → `/api/build?application_id=3`. */
export function apiPath(path: string, query?: QueryParams): string {
  return `${API_BASE}${path}${toSearch(query)}`;
}

/** A non-2xx answer. `message` is the server's own `{message}` when it sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly body: unknown;
  readonly method: string;
  readonly url: string;

  constructor(options: { status: number; message: string; body: unknown; method: string; url: string }) {
    super(options.message);
    this.status = options.status;
    this.body = options.body;
    this.method = options.method;
    this.url = options.url;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isServerError(): boolean {
    return this.status >= 500;
  }
}

export type SchemaIssue = { path: string; message: string };

/** A 2xx answer whose body is not what the contract says. `field` names the first failing field, e.g. `results[0].status`. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  readonly field: string;
  readonly issues: readonly SchemaIssue[];
  readonly method: string;
  readonly url: string;

  constructor(options: { issues: readonly SchemaIssue[]; method: string; url: string }) {
    const first = options.issues[0] ?? { path: '(body)', message: 'invalid' };
    super(`${options.method} ${options.url} answered with an unexpected shape: ${first.path}: ${first.message}`);
    this.field = first.path;
    this.issues = options.issues;
    this.method = options.method;
    this.url = options.url;
  }
}

/** The request never got an answer (server down, connection reset). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly method: string;
  readonly url: string;

  constructor(options: { method: string; url: string; cause: unknown }) {
    super(`Could not reach the console server (${options.method} ${options.url})`, { cause: options.cause });
    this.method = options.method;
    this.url = options.url;
  }
}

/** `results[0].commit.id` from zod's `['results', 0, 'commit', 'id']`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

function parseWith<S extends AnswerSchema>(schema: S, data: unknown, method: string, url: string): z.output<S> {
  const result = safeParse(schema, data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
  throw new SchemaError({ issues, method, url });
}

function messageFrom(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    if (typeof record.message === 'string' && record.message.trim() !== '') return record.message;
    if (typeof record.title === 'string' && record.title.trim() !== '') return record.title;
  }
  if (typeof body === 'string' && body.trim() !== '' && body.length < 300) return body.trim();
  return fallback;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type RequestOptions = { signal?: AbortSignal | undefined };

async function request(method: string, url: string, body: unknown, options: RequestOptions): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    // A cancelled query must stay an AbortError so react-query recognises it.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    if (options.signal?.aborted) throw error;
    throw new NetworkError({ method, url, cause: error });
  }
  const payload = response.status === 204 ? undefined : await readBody(response);
  if (!response.ok) {
    const fallback = `${response.status} ${response.statusText || 'error'}`.trim();
    throw new ApiError({
      status: response.status,
      message: messageFrom(payload, fallback),
      body: payload,
      method,
      url,
    });
  }
  return payload;
}

/** GET a same-origin path and parse the answer with `schema`. */
export async function apiGet<S extends AnswerSchema>(
  url: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const payload = await request('GET', url, undefined, options);
  return parseWith(schema, payload, 'GET', url);
}

export type SendMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Send JSON. Without a schema the answer is ignored (e.g. nullplatform answers a traffic PATCH with 204). With a
 * schema the answer is parsed; a 204 is parsed as `undefined`, so pass `z.optional(schema)` where either may come.
 */
export function apiSend(method: SendMethod, url: string, body?: unknown): Promise<undefined>;
export function apiSend<S extends AnswerSchema>(
  method: SendMethod,
  url: string,
  body: unknown,
  schema: S,
): Promise<z.output<S>>;
export async function apiSend(
  method: SendMethod,
  url: string,
  body?: unknown,
  schema?: AnswerSchema,
): Promise<unknown> {
  const payload = await request(method, url, body, {});
  if (!schema) return undefined;
  return parseWith(schema, payload, method, url);
}

/** A short sentence for any error a query or mutation can throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof SchemaError)
    return `Unexpected response: field ${error.field}: ${error.issues[0]?.message ?? 'invalid'}`;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

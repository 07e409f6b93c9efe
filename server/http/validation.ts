/**
 * Request parsing at the boundary: JSON bodies, query strings and path ids, each checked with the contract's zod
 * schemas. A failure is a 400 whose message names the field (`semver: semver must be a semantic version such as
 * 1.4.0`), and a field that is absent reads as nullplatform words it: `Missing parameter: status`.
 */
import type { Context } from 'hono';
import { z } from 'zod';

import { badRequest } from './errors';

type Issue = z.core.$ZodIssue;

/** Parses the JSON body with `schema`; throws a 400 HttpError naming every problem. */
export async function parseJsonBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const text = await c.req.text();
  if (text.trim() === '') throw badRequest('the request body is empty; send a JSON object');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep();
    throw badRequest(`malformed JSON in the request body: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest('the request body must be a JSON object');
  }
  try {
    return parseWith(schema, raw, 'field');
  } catch (error) {
    // A schema whose check walks the value (or a refinement of it) can run out of stack on a deeply nested body: that
    // is the request's fault, not an internal error. The contract bounds free-form fields before they get that far.
    if (error instanceof RangeError) throw tooDeep();
    throw error;
  }
}

const tooDeep = () =>
  badRequest('the request body is nested too deeply; nest objects and arrays at most a few levels deep');

/** `GET /:resource/:id` and the like accept no query parameters (unknown ones are an error, as on lists). */
export const noQuerySchema = z.strictObject({});

/**
 * Parses the query string with a strict schema: an unknown parameter is an error, and so is a parameter given
 * twice (lists are comma-separated: `status=running,failed`) or one without a name (`?=x`).
 */
export function parseQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  const url = c.req.url;
  if (url.indexOf('?') === -1) return withoutQuery(schema);
  return parseWith(schema, queryParameters(url), 'query parameter');
}

/** What a schema makes of no parameters at all (its defaults), computed once: most requests carry no query. */
const noParameters = new WeakMap<z.ZodType, unknown>();

function withoutQuery<Schema extends z.ZodType>(schema: Schema): z.output<Schema> {
  if (noParameters.has(schema)) return noParameters.get(schema) as z.output<Schema>;
  const parsed = parseWith(schema, {}, 'query parameter');
  Object.freeze(parsed); // every request without a query shares it
  noParameters.set(schema, parsed);
  return parsed;
}

/** The query string's parameters by name, `+` and percent escapes decoded as browsers encode them. */
function queryParameters(url: string): Record<string, string> {
  // No prototype: `?__proto__=x` is a parameter like any other (refused as unknown), not a prototype to set.
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  const start = url.indexOf('?');
  if (start === -1) return raw;
  const hash = url.indexOf('#', start);
  const search = url.slice(start + 1, hash === -1 ? undefined : hash);
  for (const part of search.split('&')) {
    if (part === '') continue; // `?a=1&&b=2`, `?a=1&`: no parameter there
    const equals = part.indexOf('=');
    const name = decodeQueryText(equals === -1 ? part : part.slice(0, equals));
    const value = equals === -1 ? '' : decodeQueryText(part.slice(equals + 1));
    if (name === '') throw badRequest(`a query parameter has no name ("${part}"); write name=value`);
    if (Object.prototype.hasOwnProperty.call(raw, name)) {
      const times = search.split('&').filter((other) => decodeQueryText(other.split('=')[0] ?? '') === name).length;
      throw badRequest(`query parameter ${name} is given ${times} times; give it once (comma-separated values)`);
    }
    raw[name] = value;
  }
  return raw;
}

function decodeQueryText(text: string): string {
  if (!/[%+]/.test(text)) return text;
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray `%` stays as written, as hono reads it
  }
}

type Noun = 'field' | 'query parameter' | 'path parameter';

function parseWith<Schema extends z.ZodType>(schema: Schema, raw: unknown, noun: Noun): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw badRequest(describeIssues(result.error.issues, raw, noun));
}

export function describeIssues(issues: readonly Issue[], raw: unknown, noun: Noun): string {
  const messages = issues.map((issue) => describeIssue(issue, raw, noun));
  return [...new Set(messages)].join('; ');
}

function describeIssue(issue: Issue, raw: unknown, noun: Noun): string {
  // A path parameter's schema (endpoint.ts `pathId`) says which parameter and what it got.
  if (noun === 'path parameter') return issue.message;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => (path === '' ? key : `${path}.${key}`));
    return `unknown ${noun}${names.length > 1 ? 's' : ''}: ${names.join(', ')}`;
  }
  if (path === '') {
    if (issue.code === 'invalid_type')
      return noun === 'field' ? 'the request body must be a JSON object' : issue.message;
    return issue.message;
  }
  if (isAbsent(raw, issue.path)) return `Missing parameter: ${path}`;
  return `${path}: ${issue.message}`;
}

/** Whether the value at `path` is absent from the raw input (as opposed to present with a wrong value). */
function isAbsent(raw: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = raw;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || typeof key === 'symbol') return false;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return true;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node === undefined;
}

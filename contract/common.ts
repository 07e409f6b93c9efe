/**
 * Shapes shared by every resource of the nullplatform API (see ../../shared/reference/nullplatform-api.md §1).
 * Pure zod: imported by both the SPA and the server.
 *
 * Response schemas are loose (unknown keys pass through) because the real API sends fields this console does not
 * know about; request schemas are strict so that a misspelt field is an error rather than silently ignored.
 */
import { z } from 'zod';

export const idSchema = z.number().int().positive();

/** A positive integer written in decimal (leading zeros allowed, as `Number()` reads them). */
const POSITIVE_INTEGER_PATTERN = '^0*[1-9][0-9]*$';

/** JSON Schema's spelling of a regular expression source that matches any one of `values` literally. */
function alternation(values: readonly string[]): string {
  return values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** Ids in request bodies: nullplatform's own examples send them both as numbers and as numeric strings. */
export const idInputSchema = z
  .union([z.number(), z.string().regex(/^\d+$/, 'must be a positive integer id')], {
    error: 'must be a positive integer id',
  })
  .transform((value) => Number(value))
  .pipe(z.number().int('must be a positive integer id').positive('must be a positive integer id'))
  // What the union and the pipe accept together, for the OpenAPI document (a transform has no JSON Schema).
  .meta({
    anyOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', pattern: POSITIVE_INTEGER_PATTERN },
    ],
  });

/** ISO-8601 timestamps with milliseconds and `Z`, as the API sends them. */
export const timestampSchema = z.string();

export const nrnSchema = z.string();

const pagingSchema = z.looseObject({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
});
export type Paging = z.infer<typeof pagingSchema>;

/** The list envelope: `{paging:{total,offset,limit}, results:[…]}`. */
export function listEnvelopeSchema<Item extends z.ZodType>(item: Item) {
  return z.looseObject({ paging: pagingSchema, results: z.array(item) });
}
export type ListEnvelope<Item> = { paging: Paging; results: Item[] };

/** Every error answer carries a human-readable `message`; some carry a numeric `id` or a string `code`. */
export const errorBodySchema = z.looseObject({
  message: z.string(),
  code: z.string().optional(),
  id: z.number().optional(),
});

/*
 * Paging limits are not verified against the real API: its CLI documents a maximum of 200 and a default of 30
 * (reference §1.3, §11.8). Kept here so that one edit changes both sides.
 */
export const DEFAULT_PAGE_LIMIT = 30;
const MAX_PAGE_LIMIT = 200;

const limitParam = z.coerce
  .number({ error: 'limit must be a number' })
  .int('limit must be an integer')
  .min(1, 'limit must be at least 1')
  .max(MAX_PAGE_LIMIT, `limit must be at most ${MAX_PAGE_LIMIT}`)
  .default(DEFAULT_PAGE_LIMIT);

const offsetParam = z.coerce
  .number({ error: 'offset must be a number' })
  .int('offset must be an integer')
  .min(0, 'offset must be 0 or more')
  .default(0);

export type SortDirection = 'asc' | 'desc';
export type Sort<Field extends string> = { field: Field; direction: SortDirection };

/** `sort=field:asc|desc`, restricted to the fields a resource can be sorted by. */
export function sortParam<const Field extends string>(fields: readonly [Field, ...Field[]]) {
  return z
    .string()
    .transform((raw, ctx): Sort<Field> => {
      const [field = '', direction = 'asc', ...rest] = raw.split(':');
      if (
        rest.length > 0 ||
        !(fields as readonly string[]).includes(field) ||
        (direction !== 'asc' && direction !== 'desc')
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `sort must be <field>:asc|desc with field one of ${fields.join(', ')}`,
        });
        return z.NEVER;
      }
      return { field: field as Field, direction };
    })
    .optional()
    .meta({
      enum: fields.flatMap((field) => [field, `${field}:asc`, `${field}:desc`]),
      description: 'field:direction (the direction defaults to asc)',
    });
}

/** A filter of comma-separated ids (`scope_id=1,2,3`); the CLI documents at most 10. */
export function idListParam(name: string) {
  return z
    .string()
    .transform((raw, ctx) => {
      const parts = raw.split(',').map((part) => part.trim());
      if (parts.length > 10 || parts.some((part) => !/^\d+$/.test(part) || Number(part) <= 0)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be up to 10 comma-separated positive integer ids` });
        return z.NEVER;
      }
      return parts.map(Number);
    })
    .optional()
    .meta({
      pattern: commaSeparated('0*[1-9][0-9]*', 10),
      description: 'up to 10 comma-separated positive integer ids (1,2,3)',
    });
}

/** A pattern for 1 to `max` (or any number of) comma-separated items, each with spaces around it allowed. */
function commaSeparated(item: string, max?: number): string {
  const more = max === undefined ? '*' : `{0,${max - 1}}`;
  return `^\\s*(${item})\\s*(,\\s*(${item})\\s*)${more}$`;
}

/** A filter of comma-separated values from a closed set (`status=running,failed`). */
export function enumListParam<const Value extends string>(name: string, values: readonly [Value, ...Value[]]) {
  return z
    .string()
    .transform((raw, ctx) => {
      const parts = raw.split(',').map((part) => part.trim());
      const unknown = parts.filter((part) => !(values as readonly string[]).includes(part));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be among ${values.join(', ')} (got ${unknown.join(', ')})`,
        });
        return z.NEVER;
      }
      return parts as Value[];
    })
    .optional()
    .meta({
      pattern: commaSeparated(alternation(values)),
      description: `one or more of ${values.join(', ')}, comma-separated`,
    });
}

export const booleanParam = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true')
  .optional();

/** The paging part every list query accepts. Query objects are strict: an unknown parameter is an error. */
export const pagingQueryShape = { limit: limitParam, offset: offsetParam };

/**
 * An http(s) address in a request body. `z.url()` alone takes any scheme, and the SPA links these addresses:
 * `javascript:alert(1)` would run in the console's origin when clicked.
 */
export function httpUrlInput(name: string) {
  return z.url({ protocol: /^https?$/, error: `${name} must be an http:// or https:// URL` });
}

/** Scope dimensions and similar flat string maps. */
export const stringMapSchema = z.record(z.string(), z.string());

/** Free-form JSON as the API returns it: loose, like every response schema. Requests use `metadataInputSchema`. */
export const metadataSchema = z.record(z.string(), z.unknown());

/** How deep free-form JSON in a request may nest objects and arrays (the object itself is level 1). */
const MAX_JSON_DEPTH = 20;

/**
 * Whether `value` nests objects and arrays more than `maxDepth` levels deep. Iterative, with an explicit stack: a
 * recursive walk would itself overflow on the values it is meant to catch.
 */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, depth } = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

/**
 * Free-form JSON in a request body (`metadata`). Bounded in depth at the boundary: deeper values overflow the
 * stack of JSON.stringify when stored (a 500), and no real metadata is nested that deep.
 */
export const metadataInputSchema = metadataSchema
  .superRefine((value, ctx) => {
    if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
      ctx.addIssue({
        code: 'custom',
        message: `metadata must not nest objects and arrays more than ${MAX_JSON_DEPTH} levels deep`,
      });
    }
  })
  .meta({ description: `free-form JSON, nesting objects and arrays at most ${MAX_JSON_DEPTH} levels deep` });

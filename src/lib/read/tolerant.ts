/**
 * The SPA's tolerant reader: how every answer of the API is parsed at the boundary.
 *
 * nullplatform's real answers differ from the local platform's in ways no document lists (`tags` is an object there,
 * scope lists lack the active deployment, strategies the console does not know exist). So a page parses only what it
 * shows, unknown fields pass through untouched, and a field of an unexpected shape degrades that field alone:
 * it reads as `undefined` and its raw value is kept in `$unreadable`, so the page can show it plainly as compact JSON.
 * Only what a page cannot work without (an id, the status that gates an action) fails the whole answer, with an error
 * that names the field. The local platform's own tests keep the strict schemas of `contract/`.
 *
 * Written with `zod/mini`: a reader is built with functions (`z.nullable(x)`, `z.array(x)`, `z.pipe(x, z.transform(f))`)
 * rather than methods, and `z.output<typeof reader>` says what it reads as.
 */
import { en } from 'zod/locales';
import { z } from 'zod/mini';

// zod/mini (the SPA's zod: its functions tree-shake, so the first page carries only the parts it reads with) sets no
// language by itself: English, as full zod does, so a failing field is named with the same words in both.
z.config(en());

/** Where a reader keeps the raw values of the fields it could not read, by field name. */
export const UNREADABLE_KEY = '$unreadable';
export type Unreadable = { [UNREADABLE_KEY]?: Readonly<Record<string, unknown>> };

type Shape = Readonly<Record<string, z.ZodMiniType>>;

/** What a tolerant object reads as: the required fields, each shown field or undefined, and what it could not read. */
export type ReadObject<Required extends Shape, Shown extends Shape> = {
  [K in keyof Required]: z.output<Required[K]>;
} & {
  [K in keyof Shown]?: z.output<Shown[K]>;
} & Unreadable;

/**
 * An object whose `required` fields must read (or the answer fails, naming the field) and whose `shown` fields are
 * read when they can be: a shown field of another shape reads as undefined and its raw value goes to `$unreadable`.
 * Fields in neither pass through as they came.
 */
export function tolerantObject<const Required extends Shape, const Shown extends Shape>(
  required: Required,
  shown: Shown,
) {
  const requiredSchema = z.looseObject(required);
  const read = (input: unknown, ctx: z.core.ParsePayload): ReadObject<Required, Shown> => {
    const base = requiredSchema.safeParse(input);
    if (!base.success) {
      for (const issue of base.error.issues)
        ctx.issues.push({ code: 'custom', message: issue.message, path: issue.path, input });
      return z.NEVER;
    }
    const out: Record<string, unknown> = { ...(input as Record<string, unknown>), ...base.data };
    const unreadable: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shown)) {
      const raw = out[key];
      if (raw === undefined) continue;
      const field = schema.safeParse(raw);
      if (field.success) {
        out[key] = field.data;
      } else {
        delete out[key];
        unreadable[key] = raw;
      }
    }
    if (Object.keys(unreadable).length > 0) out[UNREADABLE_KEY] = unreadable;
    return out as ReadObject<Required, Shown>;
  };
  return z.pipe(z.unknown(), z.transform(read));
}

/**
 * A shown object nested in another (a scope's capabilities): like `tolerantObject` with no required field, and a
 * value that is not an object at all reads as unreadable in the parent.
 */
export function shownObject<const Shown extends Shape>(shown: Shown) {
  return tolerantObject({}, shown);
}

/** An id: a positive integer, also when it comes as a numeric string (some of nullplatform's tools read ids as strings). */
export const idField = z.pipe(
  z.pipe(
    z.union([z.number(), z.string().check(z.regex(/^\d+$/, 'expected a numeric id'))], { error: 'expected an id' }),
    z.transform((value: number | string) => Number(value)),
  ),
  z.number().check(z.int(), z.positive('expected a positive id')),
);

/** A shown id that may be null (no such thing, e.g. a scope with no active deployment). */
export const nullableIdField = z.nullable(idField);

/** Free text the page shows: a string as it is; a number or boolean as its text. */
export const textField = z.pipe(z.union([z.string(), z.number(), z.boolean()]), z.transform(String));

/** Text that may be null ("none"), e.g. a repository URL. */
export const nullableTextField = z.nullable(textField);

/** A finite number (a count, a percentage); numeric strings read too. */
export const numberField = z.pipe(
  z.pipe(z.union([z.number(), z.string().check(z.regex(/^-?\d+(\.\d+)?$/))]), z.transform(Number)),
  z.number().check(z.refine(Number.isFinite)),
);

/** An instant: an ISO-8601 string or epoch milliseconds, as the API sends either. */
export const timeField = z.union([
  z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'expected a date')),
  z.number().check(z.int(), z.nonnegative()),
]);

export const booleanField = z.boolean();

/** A flat map of names to text (scope dimensions, tags as nullplatform sends them). */
export const textMapField = z.record(z.string(), textField);

/** JSON as one short line, for a field that could not be read: `{"a":1}`, cut at `max` characters. */
export function compactJson(value: unknown, max = 120): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The raw value of `field` when the reader could not read it, else undefined. */
export function unreadableValue(entity: Unreadable | undefined, field: string): unknown {
  return entity?.[UNREADABLE_KEY]?.[field];
}

/** Whether the reader had to leave `field` unread. */
export function isUnreadable(entity: Unreadable | undefined, field: string): boolean {
  return entity?.[UNREADABLE_KEY] !== undefined && field in entity[UNREADABLE_KEY];
}

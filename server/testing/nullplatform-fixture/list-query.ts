/**
 * List query strings the way the fixture holds nullplatform to them: only the filters the reference documents for
 * each resource, plus `limit`, `offset` and `sort=<field>:asc|desc` (reference §1.3). Anything else is answered 403
 * "Insufficient permissions", as ai-plugins reports for unsupported filters; a console that sends an undocumented
 * filter finds out here rather than in front of a real organization.
 */
import { type Answer, fail, insufficientPermissions } from './answer';
import type { Listing } from './shapes/json';

/**
 * nullplatform's own workflows say the API "typically caps at 100" (nullplatform/workflows plugin-catalog.md; the CLI
 * says 200, reference §1.3). The fixture refuses more than 100 outright, on purpose: a console that asks for more
 * would get fewer rows than it thinks from the real API, so it is caught asking.
 */
const MAX_LIMIT = 100;
/** ai-plugins: the default page size is 30. */
const DEFAULT_LIMIT = 30;

type FieldValue = string | number | boolean | null | undefined;

export type FilterSpec<T> = {
  /** The item's value the filter compares with (as text). */
  read: (item: T) => FieldValue;
  /** Values must be integers (ids). */
  numeric?: boolean;
  /** Most comma-separated values accepted (the CLI documents 10 for id lists; more is refused here, not truncated). */
  maxValues?: number;
};

export type ListSpec<T> = {
  filters: Record<string, FilterSpec<T>>;
  /** A filter nullplatform needs to list at all (applications per namespace, …): 400 without it. */
  required?: string;
  /** true/false switches that are not filters, e.g. deployment `include_messages`. */
  switches?: string[];
};

export type ListQuery<T> = {
  matches: (item: T) => boolean;
  limit: number;
  offset: number;
  sort: { field: string; descending: boolean } | undefined;
  switches: Set<string>;
};

export function parseListQuery<T>(
  spec: ListSpec<T>,
  params: URLSearchParams,
): { ok: true; query: ListQuery<T> } | { ok: false; answer: Answer } {
  const conditions: ((item: T) => boolean)[] = [];
  const switches = new Set<string>();
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  let sort: ListQuery<T>['sort'];
  const refuse = (message: string) => ({ ok: false as const, answer: fail(400, message) });

  for (const name of new Set(params.keys())) {
    const raw = params.getAll(name).join(',');
    if (name === 'limit' || name === 'offset') {
      const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value)) return refuse(`Invalid ${name}: ${raw}`);
      if (name === 'limit') {
        if (value < 1) return refuse('limit must be at least 1');
        if (value > MAX_LIMIT) return refuse(`limit must be at most ${MAX_LIMIT}`);
        limit = value;
      } else {
        offset = value;
      }
    } else if (name === 'sort') {
      const match = /^([a-z_][a-z0-9_.]*):(asc|desc)$/.exec(raw);
      if (match?.[1] === undefined) return refuse(`Invalid sort: ${raw} (expected <field>:asc or <field>:desc)`);
      sort = { field: match[1], descending: match[2] === 'desc' };
    } else if (spec.switches?.includes(name)) {
      if (raw !== 'true' && raw !== 'false') return refuse(`Invalid ${name}: ${raw} (expected true or false)`);
      if (raw === 'true') switches.add(name);
    } else {
      const filter = spec.filters[name];
      if (filter === undefined) return { ok: false, answer: insufficientPermissions() };
      const values = raw.split(',').map((value) => value.trim());
      if (values.some((value) => value === '')) return refuse(`Invalid ${name}: ${raw}`);
      if (filter.numeric === true && values.some((value) => !/^\d+$/.test(value)))
        return refuse(`Invalid ${name}: ${raw}`);
      if (filter.maxValues !== undefined && values.length > filter.maxValues) {
        return refuse(`${name} accepts at most ${filter.maxValues} values`);
      }
      const accepted = new Set(values);
      conditions.push((item) => {
        const value = filter.read(item);
        return value !== null && value !== undefined && accepted.has(String(value));
      });
    }
  }
  if (spec.required !== undefined && !params.has(spec.required)) return refuse(`Missing parameter: ${spec.required}`);
  return {
    ok: true,
    query: { matches: (item) => conditions.every((condition) => condition(item)), limit, offset, sort, switches },
  };
}

/** Filters, sorts (by id when not asked otherwise: nullplatform's default order is not documented) and pages. */
export function listPage<T extends { id: number }>(items: readonly T[], query: ListQuery<T>): Listing<T> {
  const matching = items.filter(query.matches);
  const sort = query.sort;
  const ordered = matching.sort((left, right) => {
    if (sort === undefined) return left.id - right.id;
    const [a, b] = [readPath(left, sort.field), readPath(right, sort.field)];
    // Items without the field go last whichever the direction.
    const missing = Number(a === undefined || a === null) - Number(b === undefined || b === null);
    if (missing !== 0) return missing;
    const order = compare(a, b);
    return (sort.descending ? -order : order) || left.id - right.id;
  });
  return {
    paging: { total: matching.length, offset: query.offset, limit: query.limit },
    results: ordered.slice(query.offset, query.offset + query.limit),
  };
}

/** `commit.id` reads `item.commit.id`. */
function readPath(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** Numbers as numbers, everything else as text. */
function compare(left: unknown, right: unknown): number {
  if (left === right) return 0;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left) < String(right) ? -1 : 1;
}

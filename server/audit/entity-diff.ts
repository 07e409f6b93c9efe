/**
 * From → to of an entity's change, as the audit trail shows it, and the name of what was done.
 *
 * The entities are compared as the API returns them. Nested objects (`strategy_data`, `capabilities`) are compared
 * field by field and named with dots; lists and deeper objects as a whole. Fields that only follow from another
 * change, or that every write touches, are left out: the timestamps, `updated_by`, a deployment's messages and
 * status times, the engine's step clock, and a scope's active/in-progress deployment (the deployment's own entry
 * says it).
 */
import type { ActivityAction, ActivityChange, ActivityEntityKind } from '@contract/activity';
import { AUTO_SWITCH_CLOCK_KEY } from '@contract/strategy-parameters';

export type EntityChangeKind = 'created' | 'updated' | 'deleted';

const IGNORED_EVERYWHERE = new Set(['updated_at', 'created_at', 'updated_by', 'created_by', 'nrn', 'id']);

const IGNORED_BY_KIND: Partial<Record<ActivityEntityKind, ReadonlySet<string>>> = {
  deployment: new Set(['messages', 'status_started_at', `strategy_data.${AUTO_SWITCH_CLOCK_KEY}`, 'deployment_token']),
  scope: new Set(['active_deployment', 'in_progress_deployment']),
};

/** What a creation shows: the new entity's main fields. */
const CREATION_FIELDS: Record<ActivityEntityKind, readonly string[]> = {
  application: ['name', 'namespace_id', 'repository_url'],
  build: ['status', 'branch', 'commit.id'],
  asset: ['build_id', 'name', 'type', 'url'],
  release: ['semver', 'build_id', 'status'],
  scope: ['name', 'type', 'asset_name'],
  deployment: ['scope_id', 'release_id', 'strategy', 'status', 'strategy_data.desired_switched_traffic'],
  deployment_strategy: ['name'],
  token: [],
};

/** Nested objects deeper than this are compared whole. */
const MAX_DEPTH = 4;
/** A value whose JSON is longer is shown shortened (metadata can be large). */
const MAX_VALUE_CHARS = 300;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `path` → value of every leaf (scalar, list, or object below MAX_DEPTH). */
function flatten(
  value: Record<string, unknown>,
  prefix = '',
  depth = 1,
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isRecord(child) && depth < MAX_DEPTH && Object.keys(child).length > 0) flatten(child, path, depth + 1, out);
    else out.set(path, child);
  }
  return out;
}

function ignored(kind: ActivityEntityKind, path: string): boolean {
  const top = path.split('.')[0] ?? path;
  return (
    IGNORED_EVERYWHERE.has(top) ||
    (IGNORED_BY_KIND[kind]?.has(path) ?? false) ||
    (IGNORED_BY_KIND[kind]?.has(top) ?? false)
  );
}

function shown(value: unknown): unknown {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  if (json === undefined || json.length <= MAX_VALUE_CHARS) return value;
  return `${json.slice(0, MAX_VALUE_CHARS - 1)}… (${json.length} characters)`;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between `before` and `after`, in the order the entity lists them. */
export function diffEntities(kind: ActivityEntityKind, before: unknown, after: unknown): ActivityChange[] {
  const from = isRecord(before) ? flatten(before) : new Map<string, unknown>();
  const to = isRecord(after) ? flatten(after) : new Map<string, unknown>();
  const changes: ActivityChange[] = [];
  for (const path of new Set([...to.keys(), ...from.keys()])) {
    if (ignored(kind, path)) continue;
    const a = from.get(path);
    const b = to.get(path);
    if (!same(a ?? null, b ?? null)) changes.push({ field: path, from: shown(a), to: shown(b) });
  }
  return changes;
}

/** A creation: the new entity's main fields, from null. */
export function creationChanges(kind: ActivityEntityKind, after: unknown): ActivityChange[] {
  if (!isRecord(after)) return [];
  const fields = flatten(after);
  return CREATION_FIELDS[kind].flatMap((path) => {
    const value = fields.get(path);
    return value === undefined || value === null ? [] : [{ field: path, from: null, to: shown(value) }];
  });
}

const AUTO_SWITCH_FIELD = 'strategy_data.parameters.traffic.enable_auto_switch';

const STATUS_ACTIONS: Record<string, ActivityAction> = {
  finalizing: 'finalize',
  cancelling: 'cancel',
  rolling_back: 'roll_back',
  failed: 'fail',
  deleting: 'delete',
  deleted: 'delete',
};

/** What an operator would call the change: status requests and traffic moves by name, the rest create/update/delete. */
export function actionOf(
  kind: ActivityEntityKind,
  change: EntityChangeKind,
  changes: readonly ActivityChange[],
): ActivityAction {
  if (change === 'created') return 'create';
  if (change === 'deleted') return 'delete';
  const byField = new Map(changes.map((item) => [item.field, item]));
  const status = byField.get('status');
  if (kind === 'deployment') {
    if (status !== undefined)
      return (typeof status.to === 'string' ? STATUS_ACTIONS[status.to] : undefined) ?? 'status';
    if (byField.has('strategy_data.desired_switched_traffic')) return 'traffic';
    const enabled = byField.get(AUTO_SWITCH_FIELD)?.to;
    if (typeof enabled === 'boolean') return enabled ? 'resume_auto_switch' : 'pause_auto_switch';
    return 'update';
  }
  if (
    kind === 'scope' &&
    status !== undefined &&
    typeof status.to === 'string' &&
    STATUS_ACTIONS[status.to] === 'delete'
  )
    return 'delete';
  return 'update';
}

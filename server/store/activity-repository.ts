/**
 * The audit trail (migration 7): entries and the actors that wrote them. Entries are appended by the store at the
 * end of every audited write (audit-journal.ts), inside its transaction: a write that rolls back leaves none. Each
 * new entry is recorded as a change of `activity`, which is how the event stream tells the SPA's feeds.
 */
import type {
  ActivityAction,
  ActivityChange,
  ActivityEntityKind,
  ActivityEntry,
  ActivityListQuery,
  Actor,
  ActorKind,
} from '@contract/activity';
import type { AuditActor } from '../audit/audit-context';
import type { StoreContext } from './context';
import { type FilterValue, type ListResult, parseArray, runList, toJson } from './sql';

type ActivityRow = {
  id: number;
  at: string;
  actor_id: number;
  action: string;
  entity_kind: string;
  entity_id: number | null;
  application_id: number | null;
  scope_id: number | null;
  deployment_id: number | null;
  changes: string;
  reason: string | null;
};

type ActorRow = { id: number; name: string; kind: string; created_at: string };

export type NewActivity = {
  actorId: number;
  action: ActivityAction;
  entity: { kind: ActivityEntityKind; id: number | null };
  application_id: number | null;
  scope_id: number | null;
  deployment_id: number | null;
  changes: ActivityChange[];
  reason: string | null;
};

export class ActivityRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** The actor's number, given on its first write (inside the current write: it rolls back with it). */
  actorId(actor: AuditActor): number {
    const existing = this.ctx.statement('SELECT id FROM actors WHERE name = ?').get(actor.name) as
      { id: number } | undefined;
    if (existing !== undefined) return existing.id;
    return this.ctx.write(() => {
      const result = this.ctx
        .statement('INSERT INTO actors (name, kind, created_at) VALUES (?, ?, ?)')
        .run(actor.name, actor.kind, this.ctx.nowIso());
      return Number(result.lastInsertRowid);
    });
  }

  /** Every actor that has written, in the order they first did. */
  actors(): Actor[] {
    return (this.ctx.statement('SELECT * FROM actors ORDER BY id').all() as ActorRow[]).map(toActor);
  }

  insert(entry: NewActivity): ActivityEntry {
    return this.ctx.write(() => {
      const result = this.ctx
        .statement(
          'INSERT INTO activity (at, actor_id, action, entity_kind, entity_id, application_id, scope_id, deployment_id, changes, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          this.ctx.nowIso(),
          entry.actorId,
          entry.action,
          entry.entity.kind,
          entry.entity.id,
          entry.application_id,
          entry.scope_id,
          entry.deployment_id,
          toJson(entry.changes),
          entry.reason,
        );
      const id = Number(result.lastInsertRowid);
      this.ctx.record('activity', 'created', id);
      const created = this.get(id);
      if (created === undefined) throw new Error('the activity entry just inserted cannot be read back');
      return created;
    });
  }

  get(id: number): ActivityEntry | undefined {
    const row = this.ctx.statement('SELECT * FROM activity WHERE id = ?').get(id) as ActivityRow | undefined;
    return row === undefined ? undefined : this.toEntries([row])[0];
  }

  /** Newest first. An actor name nobody has is an empty page, not an error (the feed may simply be young). */
  list(query: ActivityListQuery): ListResult<ActivityEntry> {
    let actorId: number | undefined;
    if (query.actor !== undefined) {
      const actor = this.ctx.statement('SELECT id FROM actors WHERE name = ?').get(query.actor) as
        { id: number } | undefined;
      if (actor === undefined) return { results: [], total: 0 };
      actorId = actor.id;
    }
    const filters: ReadonlyArray<readonly [FilterValue, string]> = [
      [query.application_id, 'application_id'],
      [query.scope_id, 'scope_id'],
      [query.deployment_id, 'deployment_id'],
      [actorId, 'actor_id'],
      [query.action, 'action'],
    ];
    const { rows, total } = runList<ActivityRow>(this.ctx, {
      table: 'activity',
      resource: 'activity',
      filters,
      sortColumn: 'id',
      direction: 'desc',
      limit: query.limit,
      offset: query.offset,
    });
    return { results: this.toEntries(rows), total };
  }

  private toEntries(rows: readonly ActivityRow[]): ActivityEntry[] {
    const actorIds = [...new Set(rows.map((row) => row.actor_id))];
    const actors = new Map<number, Actor>();
    if (actorIds.length > 0) {
      const found = this.ctx
        .statement(`SELECT * FROM actors WHERE id IN (${actorIds.map(() => '?').join(', ')})`)
        .all(...actorIds) as ActorRow[];
      for (const row of found) actors.set(row.id, toActor(row));
    }
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: actors.get(row.actor_id) ?? { id: row.actor_id, name: `actor #${row.actor_id}`, kind: 'console' },
      action: row.action as ActivityAction,
      entity: { kind: row.entity_kind as ActivityEntityKind, id: row.entity_id },
      application_id: row.application_id,
      scope_id: row.scope_id,
      deployment_id: row.deployment_id,
      changes: parseArray(row.changes).flatMap(toChange),
      reason: row.reason,
    }));
  }
}

function toActor(row: ActorRow): Actor {
  return { id: row.id, name: row.name, kind: row.kind as ActorKind };
}

function toChange(value: unknown): ActivityChange[] {
  if (typeof value !== 'object' || value === null || !('field' in value) || typeof value.field !== 'string') return [];
  const record = value as { field: string; from?: unknown; to?: unknown };
  return [{ field: record.field, from: record.from ?? null, to: record.to ?? null }];
}

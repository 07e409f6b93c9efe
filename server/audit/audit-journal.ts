/**
 * The audit trail of one write: the repositories note each entity they create or update (with the entity before and
 * after), and at the end of the write, still inside its transaction, the journal appends one activity entry per
 * entity that really changed: who, what, from → to, why. A client's reason is also added to a deployment's
 * messages, where its story is told.
 */
import type { ActivityEntityKind } from '@contract/activity';
import type { Store } from '../store/store';
import type { AuditContext } from './audit-context';
import { actionOf, creationChanges, diffEntities, type EntityChangeKind, isRecord } from './entity-diff';

export type AuditedChange = {
  kind: ActivityEntityKind;
  id: number;
  change: EntityChangeKind;
  /** The entity as the API showed it before (undefined for a creation). */
  before: unknown;
  /** The entity as the API shows it after (undefined for a deletion). */
  after: unknown;
};

export class AuditJournal {
  private readonly changes: AuditedChange[] = [];

  constructor(readonly context: AuditContext) {}

  note(change: AuditedChange): void {
    this.changes.push(change);
  }

  /** Where a nested write (a savepoint) starts: undone with `rollback` if it fails. */
  mark(): number {
    return this.changes.length;
  }

  rollback(mark: number): void {
    this.changes.splice(mark);
  }

  /** Appends the entries; call inside the write's transaction, once, at its end. */
  flush(tx: Store): void {
    const entities = coalesce(this.changes);
    this.changes.length = 0;
    if (entities.length === 0) return;
    const { actor, reason } = this.context;
    let actorId: number | undefined;
    for (const entity of entities) {
      const changes =
        entity.change === 'created'
          ? creationChanges(entity.kind, entity.after)
          : diffEntities(entity.kind, entity.before, entity.after);
      if (entity.change === 'updated' && changes.length === 0) continue;
      actorId ??= tx.activity.actorId(actor);
      const links = linksOf(tx, entity.kind, entity.id, entity.after ?? entity.before);
      tx.activity.insert({
        actorId,
        action: actionOf(entity.kind, entity.change, changes),
        entity: { kind: entity.kind, id: entity.id },
        ...links,
        changes,
        reason: reason ?? null,
      });
      // The engine's decisions tell their own story in the messages; a person's reason is said there too.
      if (reason !== undefined && entity.kind === 'deployment' && actor.kind !== 'engine') {
        tx.deployments.addMessage(entity.id, 'INFO', `reason (${actor.name}): ${reason}`);
      }
    }
  }
}

/** One change per entity, in order of first mention: the first `before`, the last `after`. */
function coalesce(changes: readonly AuditedChange[]): AuditedChange[] {
  const byEntity = new Map<string, AuditedChange>();
  for (const change of changes) {
    const key = `${change.kind}:${change.id}`;
    const previous = byEntity.get(key);
    if (previous === undefined) {
      byEntity.set(key, { ...change });
      continue;
    }
    previous.after = change.after;
    if (change.change === 'deleted') previous.change = 'deleted';
  }
  return [...byEntity.values()];
}

type Links = { application_id: number | null; scope_id: number | null; deployment_id: number | null };

/** Which application, scope and deployment the entry belongs to: what the feeds filter by. */
function linksOf(tx: Store, kind: ActivityEntityKind, id: number, entity: unknown): Links {
  const field = (name: string): number | null => {
    const value = isRecord(entity) ? entity[name] : undefined;
    return typeof value === 'number' ? value : null;
  };
  switch (kind) {
    case 'application':
      return { application_id: id, scope_id: null, deployment_id: null };
    case 'scope':
      return { application_id: field('application_id'), scope_id: id, deployment_id: null };
    case 'deployment': {
      const scopeId = field('scope_id');
      const applicationId =
        field('application_id') ?? (scopeId === null ? null : (tx.scopes.get(scopeId)?.application_id ?? null));
      return { application_id: applicationId, scope_id: scopeId, deployment_id: id };
    }
    case 'build':
    case 'release':
      return { application_id: field('application_id'), scope_id: null, deployment_id: null };
    case 'asset': {
      const buildId = field('build_id');
      const applicationId = buildId === null ? null : (tx.builds.get(buildId)?.application_id ?? null);
      return { application_id: applicationId, scope_id: null, deployment_id: null };
    }
    case 'deployment_strategy':
    case 'token':
      return { application_id: null, scope_id: null, deployment_id: null };
  }
}

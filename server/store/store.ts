/**
 * The console's state: one SQLite database, one repository per entity, and a change feed.
 *
 * Every change goes through `write`, which runs in one SQLite transaction and, after it commits, tells every
 * listener which entities it created or updated (once per entity, whatever the number of statements). A write that
 * throws rolls back and tells nobody. The engine reconciles on these changes; the event stream forwards them.
 */
import type { ChangeResource } from '@contract/console';
import { currentAudit, outsideAudit } from '../audit/audit-context';
import { AuditJournal } from '../audit/audit-journal';
import { AccountsRepository } from './accounts-repository';
import { ActivityRepository } from './activity-repository';
import { ApplicationsRepository } from './applications-repository';
import { AssetsRepository } from './assets-repository';
import { BuildsRepository } from './builds-repository';
import type { ChangeAction, ListMemo, Statement, StoreChange, StoreContext } from './context';
import { type Database, openDatabase } from './database';
import { DeploymentStrategiesRepository } from './deployment-strategies-repository';
import { DeploymentsRepository } from './deployments-repository';
import { EvaluationsRepository } from './evaluations-repository';
import { NamespacesRepository } from './namespaces-repository';
import { ReleasesRepository } from './releases-repository';
import { ScopesRepository } from './scopes-repository';

export type { ChangeAction, StoreChange } from './context';

export type ChangeListener = (change: StoreChange) => void;

export type StoreOptions = {
  /** The clock (tests pin it). */
  now?: () => Date;
  /** How long a blue/green deployment keeps both releases before it finalizes by itself; default 2 hours. */
  deploymentExpiryMs?: number;
  /** Where a listener's exception is reported (it never undoes the write nor stops other listeners). */
  onListenerError?: (error: unknown, change: StoreChange) => void;
};

/** nullplatform keeps both versions of a blue/green deployment about 2 hours (reference §7.5 D). */
const DEFAULT_DEPLOYMENT_EXPIRY_MS = 2 * 60 * 60 * 1000;

export class Store {
  /** Read only: the one account the schema holds. */
  readonly accounts: AccountsRepository;
  /** Read only: derived from the applications' namespace ids. */
  readonly namespaces: NamespacesRepository;
  readonly applications: ApplicationsRepository;
  readonly builds: BuildsRepository;
  readonly assets: AssetsRepository;
  readonly releases: ReleasesRepository;
  readonly scopes: ScopesRepository;
  readonly deployments: DeploymentsRepository;
  /** Metric rule checks: no change is recorded for them (they are not an API entity). */
  readonly evaluations: EvaluationsRepository;
  readonly strategies: DeploymentStrategiesRepository;
  /** The audit trail: appended by the audit journal at the end of every write made with an actor. */
  readonly activity: ActivityRepository;
  readonly deploymentExpiryMs: number;

  private readonly statements = new Map<string, Statement>();
  /**
   * A counter per resource, bumped by every recorded change and again when its write ends: a list memo made in the
   * middle of a write that then rolls back (whole, or a nested part) must not outlive it.
   */
  private readonly generations = new Map<ChangeResource, number>();
  private readonly listMemos = new Map<string, ListMemo & { generation: number }>();
  private readonly rowMemos = new Map<string, { generation: number; row: unknown }>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly clock: () => Date;
  private readonly onListenerError: (error: unknown, change: StoreChange) => void;
  /** Changes recorded by the write in progress, in order (coalesced at commit); null outside a write. */
  private pending: StoreChange[] | null = null;
  /** The audit trail of the write in progress, when it has an actor (audit/audit-context.ts); null otherwise. */
  private auditJournal: AuditJournal | null = null;
  private readonly outbox: StoreChange[] = [];
  private emitting = false;

  static open(file: string, options: StoreOptions = {}): Store {
    return new Store(openDatabase(file), options);
  }

  constructor(
    readonly db: Database,
    options: StoreOptions = {},
  ) {
    this.clock = options.now ?? (() => new Date());
    this.deploymentExpiryMs = options.deploymentExpiryMs ?? DEFAULT_DEPLOYMENT_EXPIRY_MS;
    this.onListenerError =
      options.onListenerError ??
      ((error, change) => console.error(`store: a change listener failed on ${change.resource} ${change.id}`, error));
    const ctx = this.context();
    this.accounts = new AccountsRepository(ctx);
    this.namespaces = new NamespacesRepository(ctx);
    this.assets = new AssetsRepository(ctx);
    this.applications = new ApplicationsRepository(ctx);
    this.builds = new BuildsRepository(ctx, this.assets);
    this.releases = new ReleasesRepository(ctx);
    this.scopes = new ScopesRepository(ctx);
    this.deployments = new DeploymentsRepository(ctx);
    this.evaluations = new EvaluationsRepository(ctx);
    this.strategies = new DeploymentStrategiesRepository(ctx);
    this.activity = new ActivityRepository(ctx);
  }

  /**
   * Runs `fn` in one transaction and returns its result. Nested calls join the outer transaction (as a savepoint:
   * an inner failure that the outer function catches undoes only the inner part). `fn` must be synchronous.
   *
   * A write made with an actor (an API request, an engine decision: audit/audit-context.ts) also appends its audit
   * trail before it commits.
   */
  write<T>(fn: (tx: Store) => T): T {
    if (this.pending !== null) return this.nestedWrite(fn);
    const journal: StoreChange[] = [];
    this.pending = journal;
    const audit = currentAudit();
    this.auditJournal = audit === undefined ? null : new AuditJournal(audit);
    let result: T;
    try {
      result = this.db.transaction(() => {
        const value = fn(this);
        if (isPromiseLike(value))
          throw new Error('store.write: the function must be synchronous (it returned a promise)');
        this.auditJournal?.flush(this);
        return value;
      })();
    } finally {
      this.pending = null;
      this.auditJournal = null;
      for (const change of journal) this.bump(change.resource);
    }
    this.emit(coalesce(journal));
    return result;
  }

  /** Calls `listener` after every committed write, once per entity changed. Returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Every scope id, deleted scopes included (the engine reconciles all of them at start-up). */
  allScopeIds(): number[] {
    return (this.db.prepare('SELECT id FROM scopes ORDER BY id').all() as { id: number }[]).map((row) => row.id);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  get inWrite(): boolean {
    return this.pending !== null;
  }

  now(): Date {
    return this.clock();
  }

  close(): void {
    this.statements.clear();
    this.listMemos.clear();
    this.rowMemos.clear();
    this.db.close();
  }

  private nestedWrite<T>(fn: (tx: Store) => T): T {
    const journal = this.pending;
    const mark = journal?.length ?? 0;
    const auditMark = this.auditJournal?.mark();
    try {
      return this.db.transaction(() => fn(this))();
    } catch (error) {
      // The savepoint rolled back: so do the changes it recorded (and the list memos made since), and its audit.
      for (const change of journal?.splice(mark) ?? []) this.bump(change.resource);
      if (auditMark !== undefined) this.auditJournal?.rollback(auditMark);
      throw error;
    }
  }

  private record(resource: ChangeResource, action: ChangeAction, id: number): void {
    if (this.pending === null) throw new Error('store: a change was recorded outside write()');
    this.pending.push({ resource, action, id });
    this.bump(resource);
  }

  private bump(resource: ChangeResource): void {
    this.generations.set(resource, (this.generations.get(resource) ?? 0) + 1);
  }

  private memoRow<Row>(resource: ChangeResource, key: string, read: () => Row | undefined): Row | undefined {
    const generation = this.generations.get(resource) ?? 0;
    const memo = this.rowMemos.get(key);
    if (memo !== undefined && memo.generation === generation) return memo.row as Row;
    const row = read();
    if (row === undefined) {
      this.rowMemos.delete(key);
      return undefined;
    }
    // Bounded: the hot rows are few (the ones pages and clients poll); the rest are read again.
    if (this.rowMemos.size >= 2_000) this.rowMemos.clear();
    Object.freeze(row); // shared by every reader until the next change
    this.rowMemos.set(key, { generation, row });
    return row;
  }

  private listMemo(resource: ChangeResource, key: string): ListMemo {
    const generation = this.generations.get(resource) ?? 0;
    let memo = this.listMemos.get(key);
    if (memo === undefined || memo.generation !== generation) {
      // Bounded: a memo is one COUNT(*) and a few index walks to rebuild.
      if (this.listMemos.size >= 500) this.listMemos.clear();
      memo = { generation, anchors: [] };
      this.listMemos.set(key, memo);
    }
    return memo;
  }

  /**
   * Delivers changes in commit order. A listener that writes (the engine does) queues its own changes behind the
   * ones being delivered, so every listener sees every change in the order the writes committed.
   */
  private emit(changes: StoreChange[]): void {
    this.outbox.push(...changes);
    if (this.emitting) return;
    this.emitting = true;
    try {
      for (let change = this.outbox.shift(); change !== undefined; change = this.outbox.shift()) {
        for (const listener of [...this.listeners]) {
          try {
            // What a listener does, now or later (the engine's reconciles), is no part of the write that woke it: it
            // must not be recorded as the request's actor's doing.
            outsideAudit(() => listener(change));
          } catch (error) {
            this.onListenerError(error, change);
          }
        }
      }
    } finally {
      this.emitting = false;
    }
  }

  private context(): StoreContext {
    const store = this;
    return {
      db: this.db,
      get deploymentExpiryMs() {
        return store.deploymentExpiryMs;
      },
      statement: (sql) => {
        let statement = this.statements.get(sql);
        if (statement === undefined) {
          statement = this.db.prepare(sql);
          this.statements.set(sql, statement);
        }
        return statement;
      },
      nowIso: () => this.clock().toISOString(),
      nowMs: () => this.clock().getTime(),
      write: (fn) => this.write(() => fn()),
      record: (resource, action, id) => this.record(resource, action, id),
      listMemo: (resource, key) => this.listMemo(resource, key),
      memoRow: (resource, key, read) => this.memoRow(resource, key, read),
      get auditing() {
        return store.auditJournal !== null;
      },
      audit: (change) => this.auditJournal?.note(change),
      actorId: () => (this.auditJournal === null ? undefined : this.activity.actorId(this.auditJournal.context.actor)),
    };
  }
}

/** One change per entity, in order of first mention: created-then-updated stays "created"; deleted wins. */
function coalesce(journal: readonly StoreChange[]): StoreChange[] {
  const byEntity = new Map<string, StoreChange>();
  for (const change of journal) {
    const key = `${change.resource}:${change.id}`;
    const previous = byEntity.get(key);
    if (previous === undefined) byEntity.set(key, change);
    else if (change.action === 'deleted') byEntity.set(key, { ...previous, action: 'deleted' });
  }
  return [...byEntity.values()];
}

function isPromiseLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

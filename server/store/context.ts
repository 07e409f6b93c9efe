/**
 * What a repository needs from the store: the connection, a statement cache, the clock, and the change journal of
 * the current `write`.
 */
import type BetterSqlite3 from 'better-sqlite3';

import type { ChangeResource } from '@contract/console';
import type { AuditedChange } from '../audit/audit-journal';

export type ChangeAction = 'created' | 'updated' | 'deleted';

export type StoreChange = { resource: ChangeResource; action: ChangeAction; id: number };

export type Statement = BetterSqlite3.Statement<unknown[], unknown>;

export interface StoreContext {
  readonly db: BetterSqlite3.Database;
  /** A prepared statement, cached by its SQL text. */
  statement(sql: string): Statement;
  /** The current time as the API prints it: ISO-8601 with milliseconds and Z. */
  nowIso(): string;
  nowMs(): number;
  /** Runs `fn` inside the store's write transaction (joining the current one, if any). */
  write<T>(fn: () => T): T;
  /** Notes that an entity changed in the current write; emitted after commit. */
  record(resource: ChangeResource, action: ChangeAction, id: number): void;
  /**
   * The memo of one list query (its total and keyset anchors), empty again after any change recorded on `resource`:
   * every write to a repository's table records a change of its resource, so that is what invalidates. `key` is the
   * list's SQL and parameters (it names the table).
   */
  listMemo(resource: ChangeResource, key: string): ListMemo;
  /**
   * A row by id as `read` reads it, kept until a change is recorded on `resource` (the same rule as list memos):
   * SQLite begins and ends a read transaction for every statement, with file locks, which costs a read of one row
   * more than the row itself. `key` names the table and the id. Rows are read-only to their callers.
   */
  memoRow<Row>(resource: ChangeResource, key: string, read: () => Row | undefined): Row | undefined;
  /** How long a blue/green deployment keeps both releases before it finalizes by itself. */
  readonly deploymentExpiryMs: number;
  /** Whether the current write is audited (it has an actor): only then is an entity's before/after worth reading. */
  readonly auditing: boolean;
  /** Notes an entity's change for the current write's audit trail (audit/audit-journal.ts); nothing when not auditing. */
  audit(change: AuditedChange): void;
  /** The number of the current write's actor (what `created_by`/`updated_by` hold); undefined when not auditing. */
  actorId(): number | undefined;
}

/** A list's total and, every ANCHOR_EVERY rows, the sort key and id of the row there (see runList). */
export type ListMemo = { total?: number; anchors: Array<{ key: string | number; id: number }> };

/**
 * What a repository needs from the store: the connection, a statement cache, the clock, and the change journal of
 * the current `write`.
 */
import type BetterSqlite3 from 'better-sqlite3';

import type { ChangeResource } from '../../contract/console';

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
  /** How long a blue/green deployment keeps both releases before it finalizes by itself. */
  readonly deploymentExpiryMs: number;
}

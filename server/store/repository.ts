/**
 * What every repository does the same way: read a row by id, list a page of rows, insert a row, and apply a patch
 * that writes only the columns that really change. A repository names its table and change resource, maps its row
 * to the contract's entity, and says which query parameters filter which columns.
 */
import type { ActivityEntityKind } from '@contract/activity';
import type { SortDirection } from '@contract/common';
import type { ChangeResource } from '@contract/console';
import type { StoreContext } from './context';
import { StoreNotFoundError } from './errors';
import {
  changedColumns,
  explainList,
  type FilterValue,
  insertRow,
  type ListPaging,
  type ListResult,
  type ListSpec,
  REPOSITORY_DEFAULT_LIMIT,
  runList,
  updateRow,
} from './sql';

/** The contract's list query, as far as a repository cares: its `sort` names the fields a list can be sorted by. */
export type SortableListQuery = { sort?: { field: string; direction: SortDirection } | undefined };

export type SortField<ListQuery extends SortableListQuery> = NonNullable<ListQuery['sort']>['field'];

/** A repository's list query: the contract's filters, all optional, and the paging (with the contract's sort fields). */
export type RepositoryQuery<ListQuery extends SortableListQuery> = Partial<Omit<ListQuery, 'sort'>> &
  ListPaging<SortField<ListQuery>>;

/** `[value, column]` pairs; undefined values are ignored. */
export type ListFilters = ReadonlyArray<readonly [FilterValue, string]>;

/** The columns a patch would set, before `changedColumns` drops those that are undefined or unchanged. */
export type PatchColumns = Record<string, unknown>;

export abstract class Repository<Row extends { id: number }, Entity, ListQuery extends SortableListQuery> {
  /** The table holding the rows. */
  protected abstract readonly table: string;
  /** What the change feed calls these rows (also the resource of a StoreNotFoundError). */
  protected abstract readonly resource: ChangeResource;
  /** The order of a list called without `sort`. */
  protected abstract readonly defaultSort: { field: SortField<ListQuery>; direction: SortDirection };
  /**
   * Whether the rows carry `updated_by`, stamped with the writer's number on every audited update (nullplatform's
   * deployments do, reference §7.1; contract/activity.ts says who the numbers are).
   */
  protected readonly stampsUpdatedBy: boolean = false;

  constructor(protected readonly ctx: StoreContext) {}

  /** The entity as the API shows it by default (what `get(id)` answers). */
  protected abstract toEntity(row: Row): Entity;

  /** Which query parameters filter which columns. */
  protected abstract filters(query: RepositoryQuery<ListQuery>): ListFilters;

  /** The column a sort field sorts by; the field itself unless a repository says otherwise. */
  protected sortColumn(field: SortField<ListQuery>): string {
    return field;
  }

  list(query: RepositoryQuery<ListQuery> = {}): ListResult<Entity> {
    const { rows, total } = this.listRows(query);
    return { results: rows.map((row) => this.toEntity(row)), total };
  }

  explainList(query: RepositoryQuery<ListQuery> = {}) {
    return explainList(this.ctx, this.spec(query));
  }

  get(id: number): Entity | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : this.toEntity(row);
  }

  /** One page of rows and the total, in the query's order. */
  protected listRows(query: RepositoryQuery<ListQuery>): { rows: Row[]; total: number } {
    return runList<Row>(this.ctx, this.spec(query));
  }

  protected row(id: number): Row | undefined {
    return this.ctx.memoRow(
      this.resource,
      `${this.table}:${id}`,
      () => this.ctx.statement(this.rowSql).get(id) as Row | undefined,
    );
  }

  private get rowSql(): string {
    return `SELECT * FROM ${this.table} WHERE id = ?`;
  }

  protected mustGet(id: number): Entity {
    const entity = this.get(id);
    if (entity === undefined) throw new StoreNotFoundError(this.resource, id);
    return entity;
  }

  /**
   * Inserts the row and records its creation. `nrn` derives the row's NRN from its id, known only once inserted;
   * `also` records what else the insert changes. Call it inside `ctx.write`.
   */
  protected insertEntity(
    columns: Record<string, unknown>,
    options: { nrn?: (id: number) => string; also?: () => void } = {},
  ): Entity {
    const id = insertRow(this.ctx, this.table, columns);
    if (options.nrn !== undefined)
      this.ctx.statement(`UPDATE ${this.table} SET nrn = ? WHERE id = ?`).run(options.nrn(id), id);
    this.ctx.record(this.resource, 'created', id);
    options.also?.();
    const created = this.mustGet(id);
    const kind = this.auditKind();
    if (this.ctx.auditing && kind !== undefined)
      this.ctx.audit({ kind, id, change: 'created', before: undefined, after: created });
    return created;
  }

  /**
   * Applies the columns `next` derives from the stored row, stamping `updated_at`; when nothing changes it writes
   * nothing, records no change and answers the stored row. `now` reads the clock once per update, whoever asks
   * first. `also` records what else the update changes.
   */
  protected updateEntity(
    id: number,
    next: (current: Row, now: () => string) => PatchColumns,
    also?: (current: Row) => void,
  ): Entity {
    return this.ctx.write(() => {
      const current = this.row(id);
      if (current === undefined) throw new StoreNotFoundError(this.resource, id);
      let stamp: string | undefined;
      const now = () => (stamp ??= this.ctx.nowIso());
      const changed = changedColumns(current, next(current, now));
      if (changed === undefined) return this.toEntity(current);
      const kind = this.auditKind();
      const before = this.ctx.auditing && kind !== undefined ? this.toEntity(current) : undefined;
      const actorId = this.stampsUpdatedBy && !('updated_by' in changed) ? this.ctx.actorId() : undefined;
      updateRow(this.ctx, this.table, id, {
        ...changed,
        ...(actorId === undefined ? {} : { updated_by: actorId }),
        updated_at: now(),
      });
      this.ctx.record(this.resource, 'updated', id);
      also?.(current);
      const updated = this.mustGet(id);
      if (before !== undefined && kind !== undefined)
        this.ctx.audit({ kind, id, change: 'updated', before, after: updated });
      return updated;
    });
  }

  /** What the audit trail calls these rows (every resource a repository holds is an entity of the API). */
  private auditKind(): ActivityEntityKind | undefined {
    return this.resource === 'activity' ? undefined : this.resource;
  }

  private spec(query: RepositoryQuery<ListQuery>): ListSpec {
    const sort = query.sort ?? this.defaultSort;
    return {
      table: this.table,
      resource: this.resource,
      filters: this.filters(query),
      sortColumn: this.sortColumn(sort.field),
      direction: sort.direction,
      limit: query.limit ?? REPOSITORY_DEFAULT_LIMIT,
      offset: query.offset ?? 0,
    };
  }
}

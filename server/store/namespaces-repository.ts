/**
 * The local platform keeps no namespace records: its namespaces are the ones its applications use (`namespace_id`),
 * all in its one account. That is enough for the SPA's namespace picker, which works the same against nullplatform
 * (where applications are listed per namespace).
 */
import type { Namespace } from '@contract/namespace';
import { ACCOUNT_ID, ORGANIZATION_ID } from './applications-repository';
import type { StoreContext } from './context';

type NamespaceRow = { id: number; created_at: string };

export class NamespacesRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * The namespaces in use, in id order, each as old as its oldest application. A walk of the applications by
   * namespace (indexed by namespace_id).
   */
  all(): Namespace[] {
    const rows = this.ctx
      .statement(
        'SELECT namespace_id AS id, MIN(created_at) AS created_at FROM applications GROUP BY namespace_id ORDER BY namespace_id',
      )
      .all() as NamespaceRow[];
    return rows.map(toNamespace);
  }

  get(id: number): Namespace | undefined {
    const row = this.ctx
      .statement(
        'SELECT namespace_id AS id, MIN(created_at) AS created_at FROM applications WHERE namespace_id = ? GROUP BY namespace_id',
      )
      .get(id) as NamespaceRow | undefined;
    return row === undefined ? undefined : toNamespace(row);
  }
}

/**
 * A namespace in nullplatform's shape (nullplatform/scopes-static-files
 * static-files/deployment/tests/resources/context.json). Nothing changes a derived namespace, so it was last updated
 * when it was created.
 */
function toNamespace(row: NamespaceRow): Namespace {
  return {
    id: row.id,
    name: `Namespace ${row.id}`,
    slug: `namespace-${row.id}`,
    account_id: ACCOUNT_ID,
    status: 'active',
    nrn: `organization=${ORGANIZATION_ID}:account=${ACCOUNT_ID}:namespace=${row.id}`,
    metadata: {},
    created_at: row.created_at,
    updated_at: row.created_at,
  };
}

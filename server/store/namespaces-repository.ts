/**
 * The local platform's namespaces are the ones its applications use (`namespace_id`), all in its one account. That is
 * enough for the SPA's namespace picker, which works the same against nullplatform (where applications are listed per
 * namespace). A namespace may have a name of its own (the `namespaces` table: the demo's is "Demo"); one without keeps
 * the derived "Namespace <id>".
 */
import type { Namespace } from '@contract/namespace';
import { ACCOUNT_ID, ORGANIZATION_ID } from './applications-repository';
import type { StoreContext } from './context';

type NamespaceRow = { id: number; created_at: string; name: string | null; slug: string | null };

const namespaceRows = `SELECT a.namespace_id AS id, MIN(a.created_at) AS created_at, n.name AS name, n.slug AS slug
  FROM applications a LEFT JOIN namespaces n ON n.id = a.namespace_id`;

export class NamespacesRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * The namespaces in use, in id order, each as old as its oldest application. A walk of the applications by
   * namespace (indexed by namespace_id).
   */
  all(): Namespace[] {
    const rows = this.ctx
      .statement(`${namespaceRows} GROUP BY a.namespace_id ORDER BY a.namespace_id`)
      .all() as NamespaceRow[];
    return rows.map(toNamespace);
  }

  get(id: number): Namespace | undefined {
    const row = this.ctx.statement(`${namespaceRows} WHERE a.namespace_id = ? GROUP BY a.namespace_id`).get(id) as
      NamespaceRow | undefined;
    return row === undefined ? undefined : toNamespace(row);
  }

  /**
   * Names a namespace unless it already has a name of its own (a name given earlier is kept). Ids never change: the
   * applications name their namespace by id.
   */
  nameIfUnnamed(id: number, name: string, slug: string): void {
    this.ctx
      .statement('INSERT INTO namespaces (id, name, slug) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(id, name, slug);
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
    name: row.name ?? `Namespace ${row.id}`,
    slug: row.slug ?? `namespace-${row.id}`,
    account_id: ACCOUNT_ID,
    status: 'active',
    nrn: `organization=${ORGANIZATION_ID}:account=${ACCOUNT_ID}:namespace=${row.id}`,
    metadata: {},
    created_at: row.created_at,
    updated_at: row.created_at,
  };
}

/**
 * The local platform's accounts: the one row the schema migration wrote (ACCOUNT_ID in ORGANIZATION_ID). Read only:
 * nothing in the local platform creates or changes accounts, so they record no changes.
 */
import type { Account } from '@contract/account';
import type { StoreContext } from './context';
import { parseObject } from './sql';

type AccountRow = {
  id: number;
  name: string;
  slug: string;
  status: string;
  organization_id: number;
  repository_prefix: string | null;
  repository_provider: string | null;
  settings: string;
  metadata: string;
  nrn: string;
  created_at: string;
  updated_at: string;
};

export class AccountsRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Every account, in id order. */
  all(): Account[] {
    return (this.ctx.statement('SELECT * FROM accounts ORDER BY id').all() as AccountRow[]).map(toAccount);
  }

  get(id: number): Account | undefined {
    const row = this.ctx.statement('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row === undefined ? undefined : toAccount(row);
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    status: row.status,
    organization_id: row.organization_id,
    nrn: row.nrn,
    repository_prefix: row.repository_prefix,
    repository_provider: row.repository_provider,
    settings: parseObject(row.settings),
    metadata: parseObject(row.metadata),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

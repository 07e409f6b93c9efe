import { queryOptions } from '@tanstack/react-query';

import { listAll } from '@/lib/api-queries';
import { accountReader, namespaceReader } from '@/lib/read/namespace';
import { resourceKeys } from '@/lib/resource-keys';
import { errorsInPlace } from '@/lib/query-client';

const keys = resourceKeys.namespace;
const accountKeys = resourceKeys.account;

/** Accounts and namespaces change rarely: read them once a few minutes (polling still refreshes those on screen). */
const HIERARCHY_STALE_MS = 5 * 60_000;

export const namespaceQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /**
   * The namespaces of an account (`GET /namespace?account_id=`, as nullplatform lists them); of every account when
   * undefined, which only the local platform answers (it has one account).
   */
  list: (accountId: number | undefined) =>
    // The picker says in place that the list failed; it never takes the page down.
    errorsInPlace(
      queryOptions({
        queryKey: keys.list({ account_id: accountId }),
        queryFn: ({ signal }) => listAll('namespace', { account_id: accountId }, namespaceReader, signal),
        staleTime: HIERARCHY_STALE_MS,
      }),
    ),
};

export const accountQueries = {
  all: () => accountKeys.all,
  /** The accounts of the organization the console's key belongs to (`GET /account?organization_id=`). */
  list: (organizationId: number | null) =>
    errorsInPlace(
      queryOptions({
        queryKey: accountKeys.list({ organization_id: organizationId }),
        queryFn: ({ signal }) => listAll('account', { organization_id: organizationId }, accountReader, signal),
        staleTime: HIERARCHY_STALE_MS,
      }),
    ),
};

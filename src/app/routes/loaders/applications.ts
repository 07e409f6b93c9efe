/**
 * The applications page (`/`): the console's mode, then (connected) the organization's accounts and the account's
 * namespaces, then the namespace's applications, each level chosen as the page chooses it (the URL's, else the first).
 */
import { applicationQueries } from '@/features/applications/api/queries';
import { accountQueries, namespaceQueries } from '@/features/namespaces/api/queries';
import { consoleInfoQuery } from '@/lib/console-info';
import { readId } from '@/lib/search-params';

import type { PageLoad, PageQueries } from './page-load';

async function applicationsPage(queries: PageQueries, search: URLSearchParams): Promise<void> {
  const info = await queries.read(consoleInfoQuery);
  if (info === undefined) return;
  const chosenNamespace = readId(search, 'namespace_id');
  if (info.mode !== 'connected') {
    queries.start(namespaceQueries.list(undefined));
    queries.start(applicationQueries.ofNamespace(chosenNamespace));
    return;
  }
  const chosenAccount = readId(search, 'account_id');
  const accounts = await queries.read(accountQueries.list(info.upstream?.organization_id ?? null));
  const accountId = chosenAccount ?? accounts?.results[0]?.id;
  if (accountId === undefined) return;
  const namespaces = await queries.read(namespaceQueries.list(accountId));
  const namespaceId = chosenNamespace ?? namespaces?.results[0]?.id;
  if (namespaceId !== undefined) queries.start(applicationQueries.ofNamespace(namespaceId));
}

export const loadApplicationsPage: PageLoad = (queries, { search }) => void applicationsPage(queries, search);

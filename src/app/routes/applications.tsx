import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { PageHeader } from '@/components/ui/page-header';
import { ApplicationsList } from '@/features/applications/components/applications-list';
import { accountQueries, namespaceQueries } from '@/features/namespaces/api/queries';
import { HierarchyPicker } from '@/features/namespaces/components/hierarchy-picker';
import { consoleInfoQuery } from '@/lib/console-info';
import { readId, withChanges } from '@/lib/search-params';

export const handle: RouteHandle = { Breadcrumb: () => <BreadcrumbTrail items={[{ label: 'Applications' }]} /> };

const ACCOUNT_PARAM = 'account_id';
const NAMESPACE_PARAM = 'namespace_id';

/**
 * Where the page lists, kept in the URL (`?account_id=&namespace_id=`). nullplatform lists applications per
 * namespace and namespaces per account (organization → account → namespace, reference §8b), so in connected mode the
 * page picks the account (the first one unless the URL says), then its namespace (likewise), and writes both to the
 * URL. The local platform has one account: it shows the namespaces only, and lists every application at once.
 * A level that can't be listed takes a typed id.
 */
function useHierarchyChoice() {
  const [params, setParams] = useSearchParams();
  // Observes the console info the layout loads (its header always has consoleInfoQuery mounted).
  const info = useQuery({ ...consoleInfoQuery, enabled: false });
  const connected = info.data?.mode === 'connected';
  const organizationId = info.data?.upstream?.organization_id ?? null;

  const accounts = useQuery({ ...accountQueries.list(organizationId), enabled: connected });
  const chosenAccount = readId(params, ACCOUNT_PARAM);
  const firstAccount = connected && chosenAccount === undefined ? accounts.data?.results[0]?.id : undefined;
  const accountId = connected ? (chosenAccount ?? firstAccount) : undefined;

  const namespaces = useQuery({
    ...namespaceQueries.list(accountId),
    enabled: !info.isPending && (!connected || accountId !== undefined),
  });
  const chosenNamespace = readId(params, NAMESPACE_PARAM);
  const firstNamespace = connected && chosenNamespace === undefined ? namespaces.data?.results[0]?.id : undefined;
  const namespaceId = chosenNamespace ?? firstNamespace;

  useEffect(() => {
    if (firstAccount === undefined && firstNamespace === undefined) return;
    setParams(
      (current) =>
        withChanges(current, {
          ...(firstAccount === undefined ? {} : { [ACCOUNT_PARAM]: firstAccount }),
          ...(firstNamespace === undefined ? {} : { [NAMESPACE_PARAM]: firstNamespace }),
        }),
      { replace: true },
    );
  }, [firstAccount, firstNamespace, setParams]);

  // Another account has other namespaces: its first one is taken again.
  const chooseAccount = (id: number | undefined) =>
    setParams(withChanges(params, { [ACCOUNT_PARAM]: id, [NAMESPACE_PARAM]: undefined }));
  const chooseNamespace = (id: number | undefined) => setParams(withChanges(params, { [NAMESPACE_PARAM]: id }));
  const accountPending = connected && accountId === undefined && accounts.isPending;
  const namespacePending = connected && namespaceId === undefined && (accountPending || namespaces.isPending);
  return {
    connected,
    namespaceId,
    // Until the mode is known (and, in connected mode, a namespace is), listing would ask nullplatform for too much.
    ready: !info.isPending && !namespacePending && !(connected && namespaceId === undefined),
    picker: (
      <>
        {connected && (
          <HierarchyPicker
            kind="Account"
            query={accounts}
            value={accountId}
            allowAll={false}
            onChange={chooseAccount}
          />
        )}
        <HierarchyPicker
          kind="Namespace"
          query={namespaces}
          value={namespaceId}
          allowAll={!connected}
          onChange={chooseNamespace}
        />
      </>
    ),
  };
}

// Its own chunk, loaded after the page: off the first page's budget (scripts/print-size.ts).
const NamespaceOverview = lazy(() => import('@/app/overview/namespace-overview'));

export default function ApplicationsRoute() {
  const namespace = useHierarchyChoice();
  return (
    <>
      <title>Applications · np-console</title>
      <PageHeader
        title="Applications"
        description="Pick an application to see its scopes, builds, releases and deployments."
      />
      <Suspense fallback={null}>
        <NamespaceOverview namespaceId={namespace.namespaceId} enabled={namespace.ready} />
      </Suspense>
      <ApplicationsList
        namespaceId={namespace.namespaceId}
        enabled={namespace.ready}
        namespaceFilter={namespace.picker}
        keepNamespace={namespace.connected}
      />
    </>
  );
}

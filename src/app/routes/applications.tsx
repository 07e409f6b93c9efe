import type { ConsoleInfo } from '@contract/console';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { PageHeader } from '@/components/ui/page-header';
import { ApplicationsList } from '@/features/applications/components/applications-list';
import { namespaceQueries } from '@/features/namespaces/api/queries';
import { NamespacePicker } from '@/features/namespaces/components/namespace-picker';
import { resourceKeys } from '@/lib/resource-keys';
import { readId, withChanges } from '@/lib/search-params';

export const handle: RouteHandle = { Breadcrumb: () => <BreadcrumbTrail items={[{ label: 'Applications' }]} /> };

const NAMESPACE_PARAM = 'namespace_id';

/**
 * The namespace the page lists, kept in the URL (`?namespace_id=`). nullplatform lists applications per namespace, so
 * in connected mode a page without one takes the first namespace (and writes it to the URL); the local platform lists
 * them all. If the namespaces can't be read, the page lists without one and the picker takes a typed id.
 */
function useNamespaceChoice() {
  const [params, setParams] = useSearchParams();
  // Observes the console info the layout loads (its header always has consoleInfoQuery mounted) rather than importing
  // that query: sharing it with the entry chunk would split a chunk off the first page.
  const info = useQuery<ConsoleInfo>({ queryKey: resourceKeys.console.info(), enabled: false, throwOnError: false });
  const namespaces = useQuery(namespaceQueries.list());
  const connected = info.data?.mode === 'connected';
  const chosen = readId(params, NAMESPACE_PARAM);
  const first = connected && chosen === undefined ? namespaces.data?.results[0]?.id : undefined;

  useEffect(() => {
    if (first !== undefined) setParams((current) => withChanges(current, { [NAMESPACE_PARAM]: first }), { replace: true });
  }, [first, setParams]);

  const choose = (namespaceId: number | undefined) => setParams(withChanges(params, { [NAMESPACE_PARAM]: namespaceId }));
  return {
    connected,
    namespaceId: chosen ?? first,
    // Until the mode is known (and, in connected mode, a namespace is), listing would ask nullplatform for too much.
    ready: !info.isPending && !(connected && chosen === undefined && first === undefined && namespaces.isPending),
    picker: <NamespacePicker value={chosen ?? first} allowAll={!connected} onChange={choose} />,
  };
}

export default function ApplicationsRoute() {
  const namespace = useNamespaceChoice();
  return (
    <>
      <title>Applications · np-console</title>
      <PageHeader title="Applications" description="Pick an application to see its scopes, builds, releases and deployments." />
      <ApplicationsList
        namespaceId={namespace.namespaceId}
        enabled={namespace.ready}
        namespaceFilter={namespace.picker}
        keepNamespace={namespace.connected}
      />
    </>
  );
}

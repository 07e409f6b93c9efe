import { InvalidId, parseId, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { CodeSnippet } from '@/components/ui/code-snippet';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { ApplicationHeader } from '@/features/applications/components/application-header';
import { BuildsList } from '@/features/builds/components/builds-list';
import { BuildReleases } from '@/features/releases/components/build-releases';
import { cliSnippets } from '@/lib/cli-snippets';

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.applicationId);
    return id ? <ApplicationBreadcrumb applicationId={id} trail={[{ label: 'Builds' }]} /> : null;
  },
};

export default function BuildsRoute() {
  const applicationId = useIdParam('applicationId');
  if (applicationId === undefined) return <InvalidId what="an application" />;
  return (
    <>
      <ApplicationHeader applicationId={applicationId} section="builds">
        <BuildsList applicationId={applicationId} renderReleases={(build) => <BuildReleases build={build} />} />
        <details className="mt-6 text-sm">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
            List these builds from the command line
          </summary>
          <div className="mt-2">
            <CodeSnippet snippet={cliSnippets.listBuilds(applicationId)} title="List builds from the command line" />
          </div>
        </details>
      </ApplicationHeader>
    </>
  );
}

/** Reads of the demo through the API, and a deployment created once its scope has nothing in flight. */
import { expect, type APIRequestContext } from '@playwright/test';

import { getJson } from './deployment-page';

export type Listing<T> = { results: T[] };
type Named = { id: number; name: string };
export type Scope = Named & {
  status: string;
  domain: string | null;
  active_deployment: number | null;
  in_progress_deployment: number | null;
};
export type Deployment = { id: number; status: string; release_id: number };

export async function applicationId(request: APIRequestContext, name: string): Promise<number> {
  const { results } = await getJson<Listing<Named>>(request, `/api/application?name=${name}`);
  const found = results.find((application) => application.name === name);
  expect(found, `application ${name}`).toBeDefined();
  return found?.id ?? 0;
}

export async function releaseId(request: APIRequestContext, appId: number, semver: string): Promise<number> {
  const { results } = await getJson<Listing<{ id: number; semver: string }>>(
    request,
    `/api/release?application_id=${appId}&semver=${semver}`,
  );
  const found = results.find((release) => release.semver === semver);
  expect(found, `release ${semver}`).toBeDefined();
  return found?.id ?? 0;
}

export async function scopeNamed(request: APIRequestContext, appId: number, name: string): Promise<Scope> {
  const { results } = await getJson<Listing<Scope>>(request, `/api/scope?application_id=${appId}`);
  const found = results.find((scope) => scope.name === name);
  expect(found, `scope ${name}`).toBeDefined();
  return getJson<Scope>(request, `/api/scope/${found?.id ?? 0}`);
}

async function semverServing(request: APIRequestContext, scope: Scope): Promise<string> {
  expect(scope.active_deployment, `${scope.name} serves a release`).not.toBeNull();
  const active = await getJson<Deployment>(request, `/api/deployment/${scope.active_deployment}`);
  return (await getJson<{ semver: string }>(request, `/api/release/${active.release_id}`)).semver;
}

/** Creates a deployment once the scope has none in flight (another spec's may still be finishing). */
export async function deploy(request: APIRequestContext, app: string, scopeName: string, semver: string) {
  const appId = await applicationId(request, app);
  const release = await releaseId(request, appId, semver);
  let scope = await scopeNamed(request, appId, scopeName);
  await expect
    .poll(async () => (await getJson<Scope>(request, `/api/scope/${scope.id}`)).in_progress_deployment, {
      timeout: 60_000,
    })
    .toBeNull();
  scope = await getJson<Scope>(request, `/api/scope/${scope.id}`);
  const previous = await semverServing(request, scope);
  const response = await request.post('/api/deployment', { data: { scope_id: scope.id, release_id: release } });
  expect(response.ok(), await response.text()).toBe(true);
  const deployment = (await response.json()) as Deployment;
  return { deployment, scope, previous };
}

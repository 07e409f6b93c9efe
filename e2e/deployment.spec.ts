/**
 * The deployment page against the real console server (demo seed, 8 s health timeout): blue/green traffic moved with
 * the keyboard and measured at the scope's address, finalize, cancel, and a release whose health check fails.
 *
 * Each test creates the deployment it needs through the API (the releases page's Deploy dialog has its own journey)
 * and first waits for the scope to have nothing in flight: a scope takes one deployment at a time, and the state is
 * shared with the other specs that run against the same server.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

import { expectStatus, getJson, reviewTrafficWithKeyboard } from './deployment-page';

type Listing<T> = { results: T[] };
type Named = { id: number; name: string };
type Scope = Named & { domain: string | null; active_deployment: number | null; in_progress_deployment: number | null };
type Deployment = { id: number; status: string; release_id: number };

async function applicationId(request: APIRequestContext, name: string): Promise<number> {
  const { results } = await getJson<Listing<Named>>(request, `/api/application?name=${name}`);
  const found = results.find((application) => application.name === name);
  expect(found, `application ${name}`).toBeDefined();
  return found?.id ?? 0;
}

async function releaseId(request: APIRequestContext, appId: number, semver: string): Promise<number> {
  const { results } = await getJson<Listing<{ id: number; semver: string }>>(request, `/api/release?application_id=${appId}&semver=${semver}`);
  const found = results.find((release) => release.semver === semver);
  expect(found, `release ${semver}`).toBeDefined();
  return found?.id ?? 0;
}

async function scopeNamed(request: APIRequestContext, appId: number, name: string): Promise<Scope> {
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
async function deploy(request: APIRequestContext, app: string, scopeName: string, semver: string) {
  const appId = await applicationId(request, app);
  const release = await releaseId(request, appId, semver);
  let scope = await scopeNamed(request, appId, scopeName);
  await expect
    .poll(async () => (await getJson<Scope>(request, `/api/scope/${scope.id}`)).in_progress_deployment, { timeout: 60_000 })
    .toBeNull();
  scope = await getJson<Scope>(request, `/api/scope/${scope.id}`);
  const previous = await semverServing(request, scope);
  const response = await request.post('/api/deployment', { data: { scope_id: scope.id, release_id: release } });
  expect(response.ok(), await response.text()).toBe(true);
  const deployment = (await response.json()) as Deployment;
  return { deployment, scope, previous };
}

test('blue/green: move 30% of the traffic with the keyboard, measure it at the address, then finalize', async ({ page, request }) => {
  const { deployment, scope, previous } = await deploy(request, 'greeter', 'production', '1.2.0');
  await page.goto(`/deployments/${deployment.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1.2.0');
  await expect(page.getByTestId('replaces')).toContainText(previous);
  await expectStatus(page, 'running');

  const review = await reviewTrafficWithKeyboard(page, scope.name, 30);
  await expect(review).toContainText(`old (${previous}) 100% → 70%, new (1.2.0) 0% → 30%`);
  await review.getByRole('button', { name: 'Move traffic' }).click();
  await expect(review).toBeHidden();
  // The split the proxy applies, as the platform reports it, arrives without a reload.
  await expect(page.getByRole('img', { name: `Serving now: ${previous} 70%, 1.2.0 30%` })).toBeVisible();

  // Measure at the scope's address: about 30% of the answers come from the new deployment.
  expect(scope.domain).toBeTruthy();
  let fromNew = 0;
  const total = 400;
  for (let batch = 0; batch < total / 20; batch++) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => request.get(`http://${scope.domain}/`)));
    for (const answer of answers) {
      expect(answer.ok()).toBe(true);
      if (answer.headers()['x-np-deployment-id'] === String(deployment.id)) fromNew++;
    }
  }
  const share = (fromNew / total) * 100;
  expect(share).toBeGreaterThanOrEqual(25);
  expect(share).toBeLessThanOrEqual(35);
  // The live chart counts the same requests.
  await expect(page.getByTestId('traffic-summary')).toContainText('1.2.0');

  await page.getByRole('button', { name: 'Finalize' }).click();
  const finalize = page.getByRole('alertdialog', { name: `Finalize 1.2.0 on ${scope.name}?` });
  await expect(finalize).toContainText('It now serves 30% of the traffic');
  await expect(finalize).toContainText(`${previous}'s instances stop`);
  await finalize.getByRole('button', { name: 'Finalize' }).click();
  await expect(finalize).toBeHidden();
  await expectStatus(page, 'finalized');
  await expect(page.getByRole('img', { name: `Serving now: ${previous} 0%, 1.2.0 100%` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finalize' })).toBeDisabled();
});

test('blue/green: move some traffic with a preset, then roll back: rolled back', async ({ page, request }) => {
  const { deployment, scope, previous } = await deploy(request, 'inventory', 'production', '2.2.0');
  await page.goto(`/deployments/${deployment.id}`);
  await expectStatus(page, 'running');

  await page.getByRole('button', { name: '25%' }).click();
  await expect(page.getByRole('slider', { name: 'Traffic to the new release' })).toHaveAttribute('aria-valuenow', '25');
  await page.getByRole('button', { name: 'Review change' }).click();
  const review = page.getByRole('alertdialog');
  await expect(review).toContainText(`old (${previous}) 100% → 75%, new (2.2.0) 0% → 25%`);
  await review.getByRole('button', { name: 'Move traffic' }).click();
  await expect(page.getByRole('img', { name: `Serving now: ${previous} 75%, 2.2.0 25%` })).toBeVisible();

  await page.getByRole('button', { name: 'Roll back' }).click();
  const rollBack = page.getByRole('alertdialog', { name: `Roll back 2.2.0 on ${scope.name}?` });
  await expect(rollBack).toContainText(`It now serves 25% of the traffic; all traffic goes back to ${previous}`);
  // One rollback, sent as nullplatform's UI sends it.
  const sent = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith(`/api/deployment/${deployment.id}`));
  await rollBack.getByRole('button', { name: 'Roll back' }).click();
  expect((await sent).postDataJSON()).toEqual({ status: 'cancelling' });
  await expectStatus(page, 'rolled_back');
  await expect(page.getByRole('button', { name: 'Roll back' })).toBeDisabled();
  await expect(page.getByRole('slider', { name: 'Traffic to the new release' })).toHaveAttribute('aria-disabled', 'true');
});

test('a release whose health check fails: the deployment is failed and says why', async ({ page, request }) => {
  // Production: the journeys spec leaves a deployment in flight on staging.
  const { deployment } = await deploy(request, 'greeter', 'production', '1.2.1');
  await page.goto(`/deployments/${deployment.id}`);
  // 8 s health timeout on the e2e server, plus the time to start the instances.
  await expectStatus(page, 'failed', 45_000);
  const messages = page.getByRole('log', { name: 'Deployment messages' });
  await expect(messages.getByRole('listitem').filter({ hasText: 'ERROR' }).filter({ hasText: /healthy/ }).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Status timeline' }).locator('[aria-current="step"]')).toContainText('failed');
  await expect(page.getByRole('button', { name: 'Finalize' })).toBeDisabled();
});

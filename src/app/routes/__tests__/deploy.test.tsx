import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildAsset, buildBuild, buildDeployment, buildRelease, buildScope } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
  db.builds.push(buildBuild({ id: 50, application_id: 1 }));
  db.assets.push(buildAsset({ build_id: 50, name: 'main' }), buildAsset({ build_id: 50, name: 'worker' }));
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.0.0' }),
    buildRelease({ id: 61, application_id: 1, build_id: 50, semver: '1.1.0' }),
  );
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 11, release_id: 60, application_id: 1, status: 'finalized' }),
  );
  db.deployments.push(
    buildDeployment({
      id: 71,
      scope_id: 12,
      release_id: 60,
      application_id: 1,
      status: 'running',
      strategy: 'blue_green',
    }),
  );
  db.scopes.push(
    buildScope({ id: 10, application_id: 1, name: 'staging', asset_name: null, active_deployment: null }),
    buildScope({ id: 11, application_id: 1, name: 'production', asset_name: 'main', active_deployment: 70 }),
    buildScope({
      id: 12,
      application_id: 1,
      name: 'canary',
      asset_name: 'main',
      active_deployment: 69,
      in_progress_deployment: 71,
    }),
  );
}

async function openDeploy(semver = '1.1.0') {
  const view = renderRoute('/applications/1/releases');
  await view.user.click(await screen.findByRole('button', { name: `Deploy ${semver}` }));
  const dialog = await screen.findByRole('dialog', { name: `Deploy release ${semver}` });
  await within(dialog).findByRole('radio', { name: /staging/ });
  return { ...view, dialog };
}

describe('deploy dialog', () => {
  test('a never-deployed scope: an initial deployment, with the asset chosen among the build assets', async () => {
    seed();
    const { dialog, user, router } = await openDeploy();
    await user.click(within(dialog).getByRole('radio', { name: /staging/ }));
    expect(within(dialog).getByText('This will be an initial deployment.')).toBeInTheDocument();
    const asset = within(dialog).getByRole('combobox', { name: 'Asset' });
    expect(
      within(asset)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['main', 'worker']);
    await user.selectOptions(asset, 'worker');
    expect(within(dialog).getByRole('tabpanel')).toHaveTextContent(
      `np deployment create --body '{"scope_id":10,"release_id":61,"asset_name":"worker"}'`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to staging' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/deployments\/\d+$/));
    expect(requestsTo('/api/deployment', 'POST')[0]?.body).toEqual({
      scope_id: 10,
      release_id: 61,
      asset_name: 'worker',
    });
  });

  test('a scope serving a release: a blue/green deployment that says what it replaces', async () => {
    seed();
    const { dialog, user, router } = await openDeploy();
    await user.click(within(dialog).getByRole('radio', { name: /production/ }));
    // The kind is known once the scope's active deployment is read (a busy machine may take a moment).
    const notice = await within(dialog).findByTestId('deploy-kind');
    await waitFor(() => expect(within(notice).getByText('This will be a blue/green deployment.')).toBeInTheDocument());
    await waitFor(() => expect(within(notice).getByText('1.0.0')).toBeInTheDocument());
    expect(notice).toHaveTextContent('It replaces 1.0.0 (deployment #70) in production');
    expect(within(dialog).queryByRole('combobox', { name: 'Asset' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to production' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/deployments\/\d+$/));
    expect(requestsTo('/api/deployment', 'POST')[0]?.body).toEqual({ scope_id: 11, release_id: 61 });
    // The deployment page swaps its skeletons for the names as they load: wait for the settled page, not a node that a
    // re-render may replace right after it is found.
    await waitFor(() => expect(screen.getByText('Blue/green', { exact: false })).toBeInTheDocument());
  });

  test('a scope with a deployment in flight cannot be deployed to', async () => {
    seed();
    const { dialog, user } = await openDeploy();
    await user.click(within(dialog).getByRole('radio', { name: /canary/ }));
    expect(within(dialog).getByText(/already has a deployment in flight/)).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'deployment #71' })).toHaveAttribute('href', '/deployments/71');
    expect(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to canary' })).toBeDisabled();
  });

  test("the server's refusal is shown in the dialog", async () => {
    seed();
    server.use(
      http.post('/api/deployment', () =>
        HttpResponse.json({ message: 'already a running deployment' }, { status: 400 }),
      ),
    );
    const { dialog, user, router } = await openDeploy();
    await user.click(within(dialog).getByRole('radio', { name: /production/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to production' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The deployment was not created.');
    expect(alert).toHaveTextContent('already a running deployment');
    expect(router.state.location.pathname).toBe('/applications/1/releases');
  });

  test('scope lists without active_deployment (nullplatform) are completed from each scope', async () => {
    seed();
    server.use(
      http.get('/api/scope', () =>
        HttpResponse.json({
          paging: { total: 3, offset: 0, limit: 200 },
          results: db.scopes.map(
            ({ active_deployment: _active, in_progress_deployment: _inProgress, ...scope }) => scope,
          ),
        }),
      ),
    );
    const { dialog, user } = await openDeploy();
    await user.click(within(dialog).getByRole('radio', { name: /production/ }));
    expect(await within(dialog).findByText('This will be a blue/green deployment.')).toBeInTheDocument();
    expect(requestsTo('/api/scope/11')).toHaveLength(1);
  });
});

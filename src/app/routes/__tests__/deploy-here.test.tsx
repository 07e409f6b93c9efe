/** Item 2 and 3 of issue 9: "Deploy a release here" from a scope, and a second look before going back to an older version. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildAsset, buildBuild, buildDeployment, buildRelease, buildScope } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { renderRoute } from '@/testing/test-utils';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
  db.builds.push(buildBuild({ id: 50, application_id: 1 }), buildBuild({ id: 51, application_id: 1 }));
  db.assets.push(buildAsset({ build_id: 50, name: 'main' }), buildAsset({ build_id: 51, name: 'main' }));
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.0.0', created_at: '2026-01-01T00:00:00.000Z' }),
    buildRelease({ id: 61, application_id: 1, build_id: 51, semver: '1.1.0', created_at: '2026-01-02T00:00:00.000Z' }),
  );
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 11, release_id: 61, application_id: 1, status: 'finalized' }),
  );
  db.scopes.push(
    buildScope({ id: 10, application_id: 1, name: 'development', asset_name: null, active_deployment: null }),
    buildScope({ id: 11, application_id: 1, name: 'production', asset_name: 'main', active_deployment: 70 }),
  );
}

async function openHere(scopeId: number, name: string) {
  const view = renderRoute(`/scopes/${scopeId}`);
  await view.user.click(await screen.findByRole('button', { name: 'Deploy a release here' }));
  const dialog = await screen.findByRole('dialog', { name: `Deploy a release to ${name}` });
  return { ...view, dialog };
}

describe('deploy a release here', () => {
  test('a never-deployed scope: the newest release is proposed, the deployment is initial, and it is created for this scope', async () => {
    seed();
    const { dialog, user, router } = await openHere(10, 'development');
    const release = await within(dialog).findByRole('combobox', { name: 'Release' });
    expect(
      within(release)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['1.1.0 · build #51', '1.0.0 · build #50']);
    // No choice of scope: it is the one the page is about.
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument();
    expect(within(dialog).getByText('This will be an initial deployment.')).toBeInTheDocument();
    await user.selectOptions(release, '60');
    await user.click(await within(dialog).findByRole('button', { name: 'Deploy 1.0.0 to development' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/deployments\/\d+$/));
    expect(requestsTo('/api/deployment', 'POST')[0]?.body).toEqual({
      scope_id: 10,
      release_id: 60,
      asset_name: 'main',
    });
  });

  test('going back to an older version than the one serving asks for a second look', async () => {
    seed();
    const { dialog, user } = await openHere(11, 'production');
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Release' }), '60');
    const warning = await within(dialog).findByTestId('older-version');
    expect(warning).toHaveTextContent('1.0.0 is older than 1.1.0, which production serves now.');
    const deploy = within(dialog).getByRole('button', { name: 'Deploy 1.0.0 to production' });
    expect(deploy).toBeDisabled();
    await user.click(within(warning).getByRole('checkbox', { name: 'Yes, go back to 1.0.0' }));
    expect(deploy).toBeEnabled();
    // Choosing another release takes the confirmation back.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Release' }), '61');
    expect(within(dialog).queryByTestId('older-version')).not.toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Release' }), '60');
    expect(within(within(dialog).getByTestId('older-version')).getByRole('checkbox')).not.toBeChecked();
  });

  test('an application with no release says so in the dialog', async () => {
    db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
    db.scopes.push(buildScope({ id: 10, application_id: 1, name: 'development', active_deployment: null }));
    const { dialog } = await openHere(10, 'development');
    expect(await within(dialog).findByText(/has no release yet/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Deploy' })).toBeDisabled();
  });
});

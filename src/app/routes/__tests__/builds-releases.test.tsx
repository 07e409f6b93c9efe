/** The builds list says which builds are released, and releases the others from their row (issue 9, item 2). */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildBuild, buildRelease, minutesAgo } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { renderRoute } from '@/testing/test-utils';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
  db.builds.push(
    buildBuild({ id: 10, application_id: 1, status: 'successful', created_at: minutesAgo(30) }),
    buildBuild({ id: 11, application_id: 1, status: 'successful', created_at: minutesAgo(20) }),
    buildBuild({ id: 12, application_id: 1, status: 'failed', created_at: minutesAgo(10) }),
  );
  db.releases.push(buildRelease({ id: 20, application_id: 1, build_id: 10, semver: '1.0.0' }));
}

const rowOf = (buildId: number) => screen.getByRole('link', { name: `#${buildId}` }).closest('tr') as HTMLElement;

describe('builds and their releases', () => {
  test('a released build lists its versions; an unreleased successful one offers Create release; a failed one has none', async () => {
    seed();
    renderRoute('/applications/1/builds');
    await screen.findByRole('table', { name: 'Builds' });
    await waitFor(() =>
      expect(within(rowOf(10)).getByRole('list', { name: 'Releases of build #10' })).toHaveTextContent('1.0.0'),
    );
    expect(within(rowOf(11)).getByRole('button', { name: 'Create release from build #11' })).toBeEnabled();
    expect(within(rowOf(12)).getByText('none')).toBeInTheDocument();
    expect(within(rowOf(12)).queryByRole('button')).not.toBeInTheDocument();
    // One read of the application's releases serves every row.
    expect(requestsTo('/api/release')).toHaveLength(1);
  });

  test('creating a release from a row checks the version before sending, then shows it in the row', async () => {
    seed();
    const { user } = renderRoute('/applications/1/builds');
    await user.click(await screen.findByRole('button', { name: 'Create release from build #11' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a release from build #11' });
    const version = within(dialog).getByLabelText('Version (semver)');
    await waitFor(() => expect(version).toHaveValue('1.0.1'));
    await user.clear(version);
    await user.type(version, '1.0.0');
    expect(within(dialog).getByText('1.0.0 is already a release of this application')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /^Create release/ }));
    expect(requestsTo('/api/release', 'POST')).toHaveLength(0);

    await user.clear(version);
    await user.type(version, '1.1.0');
    await user.click(within(dialog).getByRole('button', { name: 'Create release 1.1.0' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(within(rowOf(11)).getByRole('list', { name: 'Releases of build #11' })).toHaveTextContent('1.1.0'),
    );
  });

  test('the release dialog says when the build is already released', async () => {
    db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
    db.builds.push(buildBuild({ id: 10, application_id: 1, status: 'successful' }));
    db.releases.push(buildRelease({ id: 20, application_id: 1, build_id: 10, semver: '1.0.0' }));
    const { user } = renderRoute('/builds/10');
    await user.click(await screen.findByRole('button', { name: 'Create release' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a release from build #10' });
    expect(await within(dialog).findByTestId('build-has-release')).toHaveTextContent(
      'Build #10 is already released as 1.0.0',
    );
  });
});

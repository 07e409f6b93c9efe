import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildAsset, buildBuild, buildRelease, minutesAgo } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

function seed({
  status = 'successful',
  versions = ['1.2.0', '1.10.3', '0.9.0'],
}: { status?: string; versions?: string[] } = {}) {
  db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
  db.builds.push(buildBuild({ id: 50, application_id: 1, status }));
  db.assets.push(buildAsset({ build_id: 50 }));
  for (const semver of versions) db.releases.push(buildRelease({ application_id: 1, build_id: 50, semver }));
}

async function openDialog() {
  seed();
  const view = renderRoute('/builds/50');
  await view.user.click(await screen.findByRole('button', { name: 'Create release' }));
  const dialog = await screen.findByRole('dialog', { name: 'Create a release from build #50' });
  // Wait for the existing releases (the suggestion is computed from them).
  await within(dialog).findByText(/The latest release of this application is/);
  return { ...view, dialog };
}

describe('create release', () => {
  test('suggests the next patch after the latest release and offers minor and major', async () => {
    const { dialog } = await openDialog();
    const field = within(dialog).getByRole('textbox', { name: 'Version (semver)' });
    expect(field).toHaveValue('1.10.4');
    expect(within(dialog).getByRole('radio', { name: /patch 1\.10\.4/i })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: /minor 1\.11\.0/i })).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /major 2\.0\.0/i })).toBeInTheDocument();
  });

  test('choosing minor fills the field, and the np CLI / curl snippet follows', async () => {
    const { dialog, user } = await openDialog();
    await user.click(within(dialog).getByRole('radio', { name: /minor/i }));
    expect(within(dialog).getByRole('textbox', { name: 'Version (semver)' })).toHaveValue('1.11.0');
    const snippet = within(dialog).getByRole('tabpanel');
    expect(snippet).toHaveTextContent(
      `np release create --body '{"status":"active","build_id":50,"application_id":1,"semver":"1.11.0"}'`,
    );
    await user.click(within(dialog).getByRole('tab', { name: 'curl' }));
    expect(within(dialog).getByRole('tabpanel')).toHaveTextContent(
      'curl -X POST "$NP_API_URL/release" -H "Authorization: Bearer $NP_TOKEN"',
    );
  });

  test('an invalid semver is shown next to the field and nothing is sent', async () => {
    const { dialog, user } = await openDialog();
    const field = within(dialog).getByRole('textbox', { name: 'Version (semver)' });
    await user.clear(field);
    await user.type(field, 'v1.2');
    const error = within(dialog).getByText(/"v1\.2" is not a semantic version/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    await user.click(within(dialog).getByRole('button', { name: /^Create release/ }));
    expect(requestsTo('/api/release', 'POST')).toHaveLength(0);
  });

  test('a version already released is shown next to the field', async () => {
    const { dialog, user } = await openDialog();
    const field = within(dialog).getByRole('textbox', { name: 'Version (semver)' });
    await user.clear(field);
    await user.type(field, '1.2.0');
    const error = within(dialog).getByText('1.2.0 is already a release of this application');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    await user.click(within(dialog).getByRole('button', { name: /^Create release/ }));
    expect(requestsTo('/api/release', 'POST')).toHaveLength(0);
  });

  test("the server's 409 is shown next to the field", async () => {
    const { dialog, user } = await openDialog();
    server.use(
      http.post('/api/release', () =>
        HttpResponse.json({ message: 'semver 1.10.4 already exists (created meanwhile)' }, { status: 409 }),
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create release 1.10.4' }));
    const error = await within(dialog).findByText('semver 1.10.4 already exists (created meanwhile)');
    const field = within(dialog).getByRole('textbox', { name: 'Version (semver)' });
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  test('a server error that is not about the version is shown in the dialog', async () => {
    const { dialog, user } = await openDialog();
    server.use(
      http.post('/api/release', () => HttpResponse.json({ message: 'build 50 is not successful' }, { status: 400 })),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create release 1.10.4' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('build 50 is not successful');
  });

  test('creates the release and goes to the releases page', async () => {
    const { dialog, user, router } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Create release 1.10.4' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications/1/releases'));
    expect(requestsTo('/api/release', 'POST')[0]?.body).toEqual({
      status: 'active',
      build_id: 50,
      application_id: 1,
      semver: '1.10.4',
    });
    expect(await screen.findByRole('cell', { name: '1.10.4' })).toBeInTheDocument();
  });

  test('reads every release, page by page, so the latest and the taken versions are found among more than a page holds', async () => {
    // The highest version is the oldest release: a first page in creation (or id) order would not hold it. nullplatform
    // documents neither a sort by semver nor a semver filter, so the dialog reads the releases whole.
    db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
    db.builds.push(buildBuild({ id: 50, application_id: 1, status: 'successful' }));
    db.assets.push(buildAsset({ build_id: 50 }));
    db.releases.push(
      buildRelease({ application_id: 1, build_id: 50, semver: '9.0.0', created_at: minutesAgo(10_000) }),
    );
    for (let patch = 0; patch < 250; patch += 1) {
      db.releases.push(
        buildRelease({ application_id: 1, build_id: 50, semver: `1.0.${patch}`, created_at: minutesAgo(1000 - patch) }),
      );
    }
    const { user } = renderRoute('/builds/50');
    await user.click(await screen.findByRole('button', { name: 'Create release' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/The latest release of this application is/);
    expect(within(dialog).getByText('9.0.0')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Version (semver)' })).toHaveValue('9.0.1');
    // (The build page's own list of this build's releases is another read, filtered by build_id.)
    const reads = requestsTo('/api/release').filter((request) => !request.url.searchParams.has('build_id'));
    expect(reads.map((request) => request.url.searchParams.get('offset'))).toEqual(['0', '100', '200']);
    for (const read of reads) {
      expect(read.url.searchParams.get('limit')).toBe('100');
      expect(read.url.searchParams.get('sort')).toBe('created_at:desc');
      expect(read.url.searchParams.has('semver')).toBe(false);
    }

    // 1.0.3 is on the first page of none of the orders a server could choose: it is found taken all the same.
    const field = within(dialog).getByRole('textbox', { name: 'Version (semver)' });
    await user.clear(field);
    await user.type(field, 'v1.0.3');
    expect(await within(dialog).findByText('v1.0.3 is already a release of this application')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /^Create release/ }));
    expect(requestsTo('/api/release', 'POST')).toHaveLength(0);

    // A free version is free.
    await user.clear(field);
    await user.type(field, '1.0.300');
    await user.click(within(dialog).getByRole('button', { name: 'Create release 1.0.300' }));
    await waitFor(() => expect(requestsTo('/api/release', 'POST')[0]?.body).toMatchObject({ semver: '1.0.300' }));
  });

  test('asks for no version by itself when the page holds every release', async () => {
    const { dialog, user } = await openDialog();
    const field = within(dialog).getByRole('textbox', { name: 'Version (semver)' });
    await user.clear(field);
    await user.type(field, '3.0.0');
    await user.click(within(dialog).getByRole('button', { name: 'Create release 3.0.0' }));
    await waitFor(() => expect(requestsTo('/api/release', 'POST')).toHaveLength(1));
    expect(requestsTo('/api/release').filter((request) => request.url.searchParams.has('semver'))).toEqual([]);
  });

  test('the first release of an application is suggested as 1.0.0', async () => {
    seed({ versions: [] });
    const { user } = renderRoute('/builds/50');
    await user.click(await screen.findByRole('button', { name: 'Create release' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('This application has no release yet.');
    expect(within(dialog).getByRole('textbox', { name: 'Version (semver)' })).toHaveValue('1.0.0');
  });

  test('only a successful build can be released', async () => {
    seed({ status: 'failed' });
    renderRoute('/builds/50');
    expect(await screen.findByRole('button', { name: 'Create release' })).toBeDisabled();
    expect(screen.getByText('Only a successful build can be released.')).toBeInTheDocument();
  });
});

/** Item 3 of issue 9: a release page, and the releases list saying where each release runs. */
import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildBuild, buildDeployment, buildRelease, buildScope } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { renderRoute } from '@/testing/test-utils';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
  db.builds.push(buildBuild({ id: 50, application_id: 1, branch: 'main', description: 'Greet in French' }));
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.0.0', created_at: '2026-01-01T00:00:00.000Z' }),
    buildRelease({ id: 61, application_id: 1, build_id: 50, semver: '1.1.0', created_at: '2026-01-02T00:00:00.000Z' }),
    buildRelease({ id: 62, application_id: 1, build_id: 50, semver: '1.2.0', created_at: '2026-01-03T00:00:00.000Z' }),
  );
  db.deployments.push(
    buildDeployment({
      id: 70,
      scope_id: 10,
      release_id: 60,
      application_id: 1,
      status: 'finalized',
      created_at: '2026-01-01T01:00:00.000Z',
    }),
    buildDeployment({
      id: 71,
      scope_id: 11,
      release_id: 61,
      application_id: 1,
      status: 'finalized',
      created_at: '2026-01-02T01:00:00.000Z',
    }),
    buildDeployment({
      id: 72,
      scope_id: 10,
      release_id: 62,
      application_id: 1,
      status: 'failed',
      created_at: '2026-01-03T01:00:00.000Z',
    }),
  );
  db.scopes.push(
    buildScope({ id: 10, application_id: 1, name: 'staging', active_deployment: 70 }),
    buildScope({ id: 11, application_id: 1, name: 'production', active_deployment: 71 }),
  );
}

describe('releases and where they run', () => {
  test('the releases list says where each release runs and marks one whose last deployment failed', async () => {
    seed();
    renderRoute('/applications/1/releases');
    const row = async (semver: string) =>
      (await screen.findByRole('link', { name: semver })).closest('tr') as HTMLElement;
    expect(await within(await row('1.0.0')).findByRole('link', { name: 'staging' })).toHaveAttribute(
      'href',
      '/scopes/10',
    );
    expect(await within(await row('1.1.0')).findByRole('link', { name: 'production' })).toHaveAttribute(
      'href',
      '/scopes/11',
    );
    const failed = await row('1.2.0');
    expect(await within(failed).findByText('last deployment failed')).toBeInTheDocument();
    expect(within(failed).getByText('nowhere now')).toBeInTheDocument();
    expect(within(await row('1.2.0')).getByRole('link', { name: '1.2.0' })).toHaveAttribute('href', '/releases/62');
    // Only documented parameters: the deployments are read per application and matched to releases here.
    expect(requestsTo('/api/deployment').every((request) => !request.url.searchParams.has('release_id'))).toBe(true);
  });

  test('a release page: its build and commit, where it runs now, its deployments', async () => {
    seed();
    renderRoute('/releases/60');
    expect(await screen.findByRole('heading', { level: 1, name: 'Release 1.0.0' })).toBeInTheDocument();
    expect(await screen.findByText('Greet in French')).toBeInTheDocument();
    const runs = await screen.findByRole('list', { name: 'Where this release runs' });
    expect(within(runs).getByRole('link', { name: 'staging' })).toHaveAttribute('href', '/scopes/10');
    const table = screen.getByRole('table', { name: 'Deployments of 1.0.0' });
    expect(within(table).getByRole('link', { name: '#70' })).toHaveAttribute('href', '/deployments/70');
    expect(within(table).queryByRole('link', { name: '#72' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Deploy 1.0.0' })).toBeEnabled();
  });

  test('an unknown release: not found with a way back, no "Try again"', async () => {
    seed();
    renderRoute('/releases/999');
    expect(await screen.findByText("Couldn't load release #999")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to applications' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});

/** Item 4 of issue 9: the home page says what runs where and what needs the operator. */
import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildDeployment, buildRelease, buildScope, minutesAgo } from '@/testing/data';
import { db } from '@/testing/mocks/db';
import { renderRoute } from '@/testing/test-utils';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'greeter' }), buildApplication({ id: 2, name: 'inventory' }));
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.1.0' }),
    buildRelease({ id: 61, application_id: 1, build_id: 50, semver: '1.2.0' }),
    buildRelease({ id: 62, application_id: 2, build_id: 51, semver: '2.0.0' }),
  );
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 10, release_id: 60, application_id: 1, status: 'finalized' }),
    buildDeployment({
      id: 71,
      scope_id: 10,
      release_id: 61,
      application_id: 1,
      status: 'running',
      strategy: 'blue_green',
      strategy_data: { switched_traffic: 30, desired_switched_traffic: 30 },
      expires_at: new Date(Date.now() + 10 * 60_000).toISOString(),
      created_at: minutesAgo(5),
    }),
    buildDeployment({
      id: 72,
      scope_id: 20,
      release_id: 62,
      application_id: 2,
      status: 'failed',
      status_started_at: { failed: minutesAgo(3) },
    }),
  );
  db.scopes.push(
    buildScope({ id: 10, application_id: 1, name: 'production', active_deployment: 70, in_progress_deployment: 71 }),
    buildScope({ id: 11, application_id: 1, name: 'development', active_deployment: null }),
    buildScope({ id: 20, application_id: 2, name: 'staging', active_deployment: null }),
  );
}

describe('home page overview', () => {
  test('every scope of every application with what it serves, what is in flight and what needs attention', async () => {
    seed();
    renderRoute('/');
    const table = await screen.findByRole('table', { name: /What runs where/ });
    const row = async (name: string) => (await within(table).findByRole('link', { name })).closest('tr') as HTMLElement;
    const production = await row('production');
    expect(await within(production).findByText('1.1.0')).toBeInTheDocument();
    expect(within(production).getByRole('link', { name: '#71' })).toHaveAttribute('href', '/deployments/71');
    expect(production).toHaveTextContent('30% new');
    expect(production).toHaveTextContent(/auto-finalizes in (9|10) min/);
    expect(await row('development')).toHaveTextContent('nothing yet');
    expect(await row('staging')).toHaveTextContent(/deployment #72 failed 3 min ago/);
    expect(within(table).getByRole('rowheader', { name: 'inventory' })).toBeInTheDocument();

    const needs = screen.getByRole('list', { name: 'Needs you' });
    expect(
      within(needs)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(/greeter \/ production: finalizes by itself in (9|10) min/),
      expect.stringMatching(/inventory \/ staging: deployment #72 failed 3 min ago/),
    ]);
    // The applications list is still the page's list, under it.
    expect(screen.getByRole('link', { name: 'greeter' })).toBeInTheDocument();
  });

  test('nothing to act on says so', async () => {
    db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
    db.scopes.push(buildScope({ id: 11, application_id: 1, name: 'development', active_deployment: null }));
    renderRoute('/');
    await screen.findByRole('table', { name: /What runs where/ });
    expect(await screen.findByText(/Nothing needs you now/)).toBeVisible();
  });
});

import type { ActivityEntry } from '@contract/activity';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { applyChanges } from '@/lib/live-updates-runtime';
import {
  buildApplication,
  buildConsoleInfo,
  buildDeployment,
  buildRelease,
  buildScope,
  minutesAgo,
} from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { renderRoute } from '@/testing/test-utils';

const actors = {
  local: { id: 1, name: 'local', kind: 'console' },
  engine: { id: 2, name: 'engine', kind: 'engine' },
  alice: { id: 3, name: 'alice', kind: 'api_key' },
} as const;

let nextEntry = 1;
function entry(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  const id = nextEntry++;
  return {
    id,
    at: minutesAgo(30 - id),
    actor: actors.local,
    action: 'update',
    entity: { kind: 'scope', id: 11 },
    application_id: 1,
    scope_id: 11,
    deployment_id: null,
    changes: [],
    reason: null,
    ...overrides,
  };
}

function seedScope() {
  db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
  db.releases.push(buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.1.0' }));
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 11, release_id: 60, application_id: 1, status: 'finalized' }),
  );
  db.scopes.push(buildScope({ id: 11, application_id: 1, name: 'production', active_deployment: 70 }));
  db.actors.push(actors.local, actors.engine, actors.alice);
}

async function openScopeActivity() {
  const view = renderRoute('/scopes/11');
  const section = (await screen.findByRole('heading', { level: 2, name: 'Activity' })).closest('section');
  if (!section) throw new Error('no Activity section');
  return { ...view, section };
}

describe('activity feed', () => {
  test('says who did what to which entity, when, from → to and why, newest first', async () => {
    seedScope();
    db.activity.push(
      entry({
        action: 'create',
        entity: { kind: 'deployment', id: 71 },
        deployment_id: 71,
        changes: [
          { field: 'release_id', from: null, to: 61 },
          { field: 'status', from: null, to: 'creating' },
        ],
      }),
      entry({
        actor: actors.alice,
        action: 'traffic',
        entity: { kind: 'deployment', id: 71 },
        deployment_id: 71,
        changes: [{ field: 'strategy_data.desired_switched_traffic', from: 0, to: 30 }],
        reason: 'Watching the error rate at a third',
      }),
      entry({
        actor: actors.engine,
        action: 'roll_back',
        entity: { kind: 'deployment', id: 71 },
        deployment_id: 71,
        changes: [{ field: 'status', from: 'running', to: 'rolling_back' }],
        reason: 'automatic: metric rule broken: http.error_rate greater_than 0.1',
      }),
    );
    const { section } = await openScopeActivity();
    const items = await within(section).findAllByTestId('activity-entry');
    expect(
      items.map((item) => item.querySelector('p')?.textContent?.replace(/\s+/g, ' ').replace(/·.*$/, '').trim()),
    ).toEqual([
      'engine automatic rolled back deployment #71',
      'alice moved traffic on deployment #71',
      'local created deployment #71',
    ]);
    const [rollback, traffic, created] = items;
    expect(rollback).toHaveTextContent('status: running → rolling_back');
    // The badge says it was automatic; the reason starts with the cause.
    expect(within(rollback as HTMLElement).getByTestId('activity-reason')).toHaveTextContent(
      /^Reason: metric rule broken: http.error_rate greater_than 0.1$/,
    );
    expect(traffic).toHaveTextContent('traffic to the new release: 0% → 30%');
    // Words read as words; a field named as the API calls it reads as code.
    expect(within(traffic as HTMLElement).getByText('traffic to the new release')).not.toHaveClass('font-mono');
    expect(within(created as HTMLElement).getByText('release_id')).toHaveClass('font-mono');
    expect(within(traffic as HTMLElement).getByTestId('activity-reason')).toHaveTextContent(
      'Reason: Watching the error rate at a third',
    );
    // A creation shows what the new entity is, not "none → …".
    expect(created).toHaveTextContent('release_id: 61');
    expect(created).not.toHaveTextContent('none');
    expect(within(traffic as HTMLElement).getByRole('link', { name: 'deployment #71' })).toHaveAttribute(
      'href',
      '/deployments/71',
    );
    expect(within(traffic as HTMLElement).getByRole('time')).toHaveTextContent(/min ago/);
    expect(requestsTo('/console/activity')[0]?.url.searchParams.get('scope_id')).toBe('11');
  });

  test('filters by actor and action, and pages older and newer', async () => {
    seedScope();
    for (let index = 0; index < 25; index += 1) {
      db.activity.push(
        entry({
          actor: index % 5 === 0 ? actors.alice : actors.local,
          changes: [{ field: 'tier', from: String(index), to: String(index + 1) }],
        }),
      );
    }
    const { section, user } = await openScopeActivity();
    expect(await within(section).findByText('Showing 1–10 of 25')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Older' }));
    expect(await within(section).findByText('Showing 11–20 of 25')).toBeInTheDocument();
    expect(requestsTo('/console/activity').at(-1)?.url.searchParams.get('offset')).toBe('10');
    await user.click(within(section).getByRole('button', { name: 'Newer' }));
    expect(await within(section).findByText('Showing 1–10 of 25')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Older' }));
    await within(section).findByText('Showing 11–20 of 25');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Who' }), 'alice');
    await waitFor(() => expect(within(section).getAllByTestId('activity-entry')).toHaveLength(5));
    const asked = requestsTo('/console/activity').at(-1)?.url.searchParams;
    expect(asked?.get('actor')).toBe('alice');
    // A new filter starts from the newest entry.
    expect(asked?.get('offset')).toBe('0');
    expect(
      within(section)
        .getAllByTestId('activity-actor')
        .map((node) => node.textContent),
    ).toEqual(Array(5).fill('alice'));

    // Only what a scope's feed can hold: a token exchange belongs to no scope.
    expect(
      within(within(section).getByRole('combobox', { name: 'What' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).not.toContain('Token');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'What' }), 'finalize');
    expect(await within(section).findByText('Nothing matches these filters')).toBeInTheDocument();
    expect(requestsTo('/console/activity').at(-1)?.url.searchParams.get('action')).toBe('finalize');
  });

  test('paging with the keyboard: at the last page Older keeps the focus and does nothing', async () => {
    seedScope();
    for (let index = 0; index < 15; index += 1) db.activity.push(entry());
    const { section, user } = await openScopeActivity();
    await within(section).findByText('Showing 1–10 of 15');
    const newer = within(section).getByRole('button', { name: 'Newer' });
    const older = within(section).getByRole('button', { name: 'Older' });
    expect(newer).toHaveAttribute('aria-disabled', 'true');
    older.focus();
    await user.keyboard('{Enter}');
    await within(section).findByText('Showing 11–15 of 15');
    expect(older).toHaveFocus();
    expect(older).toHaveAttribute('aria-disabled', 'true');
    const asked = requestsTo('/console/activity').length;
    await user.keyboard('{Enter}');
    expect(requestsTo('/console/activity')).toHaveLength(asked);
    expect(within(section).getByText('Showing 11–15 of 15')).toBeInTheDocument();
    expect(newer).not.toHaveAttribute('aria-disabled');
  });

  test('follows new entries live: an activity change from the event stream refreshes the feed', async () => {
    seedScope();
    db.activity.push(entry({ changes: [{ field: 'tier', from: null, to: 'a' }] }));
    const { section, queryClient } = await openScopeActivity();
    await within(section).findByText('a');
    const fresh = entry({ actor: actors.alice, changes: [{ field: 'tier', from: 'a', to: 'critical' }] });
    db.activity.push(fresh);
    applyChanges(queryClient, [{ resource: 'activity', action: 'created', id: fresh.id, entity: fresh }]);
    expect(await within(section).findByText('critical')).toBeInTheDocument();
    expect(within(section).getAllByTestId('activity-entry')).toHaveLength(2);
  });

  test('connected to nullplatform it says the feed is local-only, and never asks for it', async () => {
    seedScope();
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 42 },
      health_timeout_ms: null,
    });
    const { section } = await openScopeActivity();
    expect(await within(section).findByTestId('activity-local-only')).toHaveTextContent(
      "the local platform's own audit trail",
    );
    expect(requestsTo('/console/activity')).toHaveLength(0);
    expect(requestsTo('/console/actors')).toHaveLength(0);
  });
});

describe('created_by and updated_by on the deployment page', () => {
  function seedDeployment(createdBy: number | null, updatedBy: number | null) {
    seedScope();
    db.deployments.push(
      buildDeployment({
        id: 71,
        scope_id: 11,
        release_id: 60,
        application_id: 1,
        status: 'finalized',
        created_by: createdBy,
        updated_by: updatedBy,
      }),
    );
  }

  test('the local platform names its actors by their numbers', async () => {
    seedDeployment(3, 2);
    renderRoute('/deployments/71');
    const authors = await screen.findByTestId('authors');
    await waitFor(() => expect(authors).toHaveTextContent('Created byalice (#3)'));
    expect(authors).toHaveTextContent('Last changed byengine (#2)');
  });

  test("nullplatform's user ids are shown as they come", async () => {
    seedDeployment(123456789, null);
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 42 },
      health_timeout_ms: null,
    });
    renderRoute('/deployments/71');
    const authors = await screen.findByTestId('authors');
    expect(authors).toHaveTextContent('Created byuser 123456789');
    expect(authors).toHaveTextContent('Last changed bynot recorded');
    expect(requestsTo('/console/actors')).toHaveLength(0);
  });
});

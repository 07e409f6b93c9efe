import { render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import {
  buildApplication,
  buildAsset,
  buildBuild,
  buildConsoleInfo,
  buildDeployment,
  buildRelease,
  buildScope,
  minutesAgo,
} from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

import { ReleaseDiffView } from '../components/release-diff-view';
import { fromRepository } from '../diff-view-model';

const serving = '3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a';
const candidate = '1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c';

function commit(index: number) {
  const id = index.toString(16).padStart(40, 'a');
  return {
    id,
    short_id: id.slice(0, 7),
    author: 'Ada Lovelace',
    date: minutesAgo(index),
    subject: `Change number ${index}`,
  };
}

describe('the diff view', () => {
  test('lists the commits from git, newest first, the first ten at once, what is taken away, and the whole diff', async () => {
    const commits = Array.from({ length: 12 }, (_, index) => commit(index + 1));
    render(
      <ReleaseDiffView
        from={{ semver: '1.1.0', commit: serving }}
        to={{ semver: '1.2.0', commit: candidate }}
        model={{
          kind: 'git',
          commits,
          removed: [commit(99)],
          truncated: false,
          compare: { label: 'GitHub', url: `https://github.com/acme/greeter/compare/${serving}...${candidate}` },
        }}
      />,
    );
    const view = screen.getByTestId('release-diff');
    expect(view).toHaveTextContent('From 1.1.0 (3f9c2a1) to 1.2.0 (1b2c3d4)');
    expect(view).toHaveTextContent('12 commits to deploy (from git):');
    const toDeploy = screen.getByRole('list', { name: 'Commits to deploy' });
    expect(
      within(toDeploy)
        .getAllByTestId('diff-commit')
        .map((item) => item.textContent),
    ).toEqual(
      commits.slice(0, 10).map((item) => expect.stringContaining(`${item.short_id}${item.subject}Ada Lovelace`)),
    );
    expect(screen.getByText('2 more')).toBeInTheDocument();
    expect(view).toHaveTextContent('1 commit taken away: the candidate does not have it.');
    expect(
      within(screen.getByRole('list', { name: 'Commits taken away' })).getByText('Change number 99'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /The whole diff on GitHub/ })).toHaveAttribute(
      'href',
      `https://github.com/acme/greeter/compare/${serving}...${candidate}`,
    );
  });

  test('says the same code, a link with why git could not say, or unknown with why', () => {
    const sides = { from: { semver: '1.0.0', commit: serving }, to: { semver: '1.0.1', commit: candidate } };
    const { rerender } = render(
      <ReleaseDiffView {...sides} model={{ kind: 'same', note: 'both releases are built from commit 3f9c2a1d8e7b' }} />,
    );
    expect(screen.getByTestId('diff-same')).toHaveTextContent(
      'Nothing changes in the code: both releases are built from commit 3f9c2a1d8e7b.',
    );
    rerender(
      <ReleaseDiffView
        {...sides}
        model={{
          kind: 'link',
          compare: { label: 'GitLab', url: 'https://gitlab.com/acme/greeter/-/compare/a...b' },
          note: 'the git repository at /srv/greeter does not have commit 3f9c2a1d8e7b',
        }}
      />,
    );
    expect(screen.getByRole('link', { name: /Compare on GitLab/ })).toHaveAttribute(
      'href',
      'https://gitlab.com/acme/greeter/-/compare/a...b',
    );
    expect(screen.getByTestId('diff-link')).toHaveTextContent(
      'Git could not list the commits here: the git repository at /srv/greeter does not have commit 3f9c2a1d8e7b.',
    );
    rerender(<ReleaseDiffView {...sides} model={{ kind: 'unknown', note: 'the application has no repository_url' }} />);
    expect(screen.getByTestId('diff-unknown')).toHaveTextContent('Unknown: the application has no repository_url.');
    rerender(<ReleaseDiffView {...sides} model={undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent('Reading the changes…');
  });

  test('connected mode: the compare page of each host from repository_url and the two commits', () => {
    const from = { semver: '1.0.0', commit: serving };
    const to = { semver: '1.1.0', commit: candidate };
    expect(fromRepository('https://github.com/acme/greeter.git', from, to)).toEqual({
      kind: 'link',
      compare: { label: 'GitHub', url: `https://github.com/acme/greeter/compare/${serving}...${candidate}` },
      note: undefined,
    });
    expect(fromRepository('git@gitlab.com:acme/greeter.git', from, to)).toMatchObject({
      compare: { label: 'GitLab', url: `https://gitlab.com/acme/greeter/-/compare/${serving}...${candidate}` },
    });
    expect(fromRepository('https://bitbucket.org/acme/greeter', from, to)).toMatchObject({
      compare: {
        label: 'Bitbucket',
        url: `https://bitbucket.org/acme/greeter/branches/compare/${candidate}%0D${serving}`,
      },
    });
    expect(fromRepository(null, from, to)).toEqual({ kind: 'unknown', note: 'the application has no repository_url' });
    expect(fromRepository('https://github.com/acme/greeter', from, { semver: '1.1.0', commit: serving })).toMatchObject(
      { kind: 'same' },
    );
  });
});

function seedDeployable() {
  db.applications.push(buildApplication({ id: 1, name: 'greeter', repository_url: 'https://github.com/acme/greeter' }));
  db.builds.push(
    buildBuild({ id: 50, application_id: 1, commit: { id: serving, permalink: null } }),
    buildBuild({ id: 51, application_id: 1, commit: { id: candidate, permalink: null } }),
  );
  db.assets.push(buildAsset({ build_id: 50, name: 'main' }), buildAsset({ build_id: 51, name: 'main' }));
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.1.0' }),
    buildRelease({ id: 61, application_id: 1, build_id: 51, semver: '1.2.0' }),
  );
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 11, release_id: 60, application_id: 1, status: 'finalized' }),
  );
  db.scopes.push(
    buildScope({ id: 11, application_id: 1, name: 'production', asset_name: 'main', active_deployment: 70 }),
  );
}

async function openDeployDialog() {
  const view = renderRoute('/applications/1/releases');
  await view.user.click(await screen.findByRole('button', { name: 'Deploy 1.2.0' }));
  const dialog = await screen.findByRole('dialog', { name: 'Deploy release 1.2.0' });
  return { ...view, dialog, changes: await within(dialog).findByTestId('what-am-i-deploying') };
}

describe('what am I deploying, in the deploy dialog', () => {
  test('local platform: the console server says, between the release serving the scope and the candidate', async () => {
    seedDeployable();
    server.use(
      http.get('/console/release-diff', ({ request }) => {
        db.requests.push({ method: 'GET', url: new URL(request.url), body: undefined });
        return HttpResponse.json({
          from: { release_id: 60, semver: '1.1.0', build_id: 50, commit_id: serving, branch: 'main' },
          to: { release_id: 61, semver: '1.2.0', build_id: 51, commit_id: candidate, branch: 'main' },
          source: 'git',
          commits: [commit(2), commit(1)],
          removed: [],
          truncated: false,
          compare: null,
          repository_url: null,
          note: null,
        });
      }),
    );
    const { changes } = await openDeployDialog();
    expect(within(changes).getByRole('heading', { name: 'What am I deploying' })).toBeInTheDocument();
    await waitFor(() => expect(changes).toHaveTextContent('2 commits to deploy (from git):'));
    expect(changes).toHaveTextContent('From 1.1.0 (3f9c2a1) to 1.2.0 (1b2c3d4)');
    const asked = requestsTo('/console/release-diff')[0]?.url.searchParams;
    expect([asked?.get('from_release_id'), asked?.get('to_release_id')]).toEqual(['60', '61']);
  });

  test("connected to nullplatform: the SPA links the repository host's compare page itself", async () => {
    seedDeployable();
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 42 },
      health_timeout_ms: null,
    });
    const { changes } = await openDeployDialog();
    const link = await within(changes).findByRole('link', { name: /Compare on GitHub/ });
    expect(link).toHaveAttribute('href', `https://github.com/acme/greeter/compare/${serving}...${candidate}`);
    expect(requestsTo('/console/release-diff')).toHaveLength(0);
  });

  test('a scope nothing serves yet: everything is new there', async () => {
    seedDeployable();
    db.scopes.push(
      buildScope({ id: 12, application_id: 1, name: 'staging', asset_name: 'main', active_deployment: null }),
    );
    const { user } = renderRoute('/applications/1/releases');
    await user.click(await screen.findByRole('button', { name: 'Deploy 1.2.0' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deploy release 1.2.0' });
    await user.click(await within(dialog).findByRole('radio', { name: /staging/ }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('what-am-i-deploying')).toHaveTextContent(
        'Nothing serves staging yet: everything in 1.2.0 is new there.',
      ),
    );
  });
});

describe('compare releases', () => {
  test('any two releases of the application, the newest against the one before it by default', async () => {
    seedDeployable();
    db.builds.push(buildBuild({ id: 52, application_id: 1, commit: { id: 'c'.repeat(40), permalink: null } }));
    db.releases.push(buildRelease({ id: 62, application_id: 1, build_id: 52, semver: '1.3.0' }));
    const { user } = renderRoute('/applications/1/releases');
    const section = (await screen.findByRole('heading', { name: 'Compare releases' })).closest('section');
    if (!section) throw new Error('no Compare releases section');
    // Closed until asked for: the page does not read every release for it.
    expect(requestsTo('/console/release-diff')).toHaveLength(0);
    await user.click(within(section).getByRole('button', { name: 'Compare two releases' }));
    const view = await within(section).findByTestId('release-diff');
    await waitFor(() => expect(view).toHaveTextContent(`From 1.2.0 (1b2c3d4) to 1.3.0 (${'c'.repeat(7)})`));
    expect(within(view).getByRole('link', { name: /Compare on GitHub/ })).toHaveAttribute(
      'href',
      `https://github.com/acme/greeter/compare/${candidate}...${'c'.repeat(40)}`,
    );
    await user.selectOptions(within(section).getByRole('combobox', { name: 'From' }), '60');
    await waitFor(() =>
      expect(within(section).getByTestId('release-diff')).toHaveTextContent('From 1.1.0 (3f9c2a1) to 1.3.0'),
    );
    const asked = requestsTo('/console/release-diff').at(-1)?.url.searchParams;
    expect([asked?.get('from_release_id'), asked?.get('to_release_id')]).toEqual(['60', '62']);
  });
});

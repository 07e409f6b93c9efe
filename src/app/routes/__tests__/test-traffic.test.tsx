/** Issue 11, item 6: "Send test traffic" on the scope page, with its bounds, live counts and Stop. */
import type { TestTrafficStatus } from '@contract/test-traffic';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import {
  buildApplication,
  buildConsoleInfo,
  buildDeployment,
  buildRelease,
  buildScope,
  idleTestTraffic,
} from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

const path = '/console/scope/11/test-traffic';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
  db.releases.push(buildRelease({ id: 61, application_id: 1, build_id: 50, semver: '1.1.0' }));
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 11, release_id: 61, application_id: 1, status: 'finalized' }),
  );
  db.scopes.push(buildScope({ id: 11, application_id: 1, name: 'production', active_deployment: 70 }));
}

/** A generator as the console runs one: each read after the start finds more requests sent, until it is stopped. */
function fakeGenerator() {
  let state: TestTrafficStatus = idleTestTraffic(11);
  server.use(
    http.get(path, ({ request }) => {
      db.requests.push({ method: 'GET', url: new URL(request.url), body: undefined });
      if (state.running)
        state = { ...state, sent: state.sent + 10, failed: state.failed + 3, last_failure: '500 from deployment 71' };
      return HttpResponse.json(state);
    }),
    http.post(path, async ({ request }) => {
      const body = (await request.json()) as { rate_per_second: number; duration_seconds: number };
      db.requests.push({ method: 'POST', url: new URL(request.url), body });
      const now = Date.now();
      state = idleTestTraffic(11, {
        running: true,
        rate_per_second: body.rate_per_second,
        duration_seconds: body.duration_seconds,
        path: '/',
        address: '127.0.0.1:5011',
        started_at: new Date(now).toISOString(),
        ends_at: new Date(now + body.duration_seconds * 1000).toISOString(),
      });
      return HttpResponse.json(state);
    }),
    http.delete(path, ({ request }) => {
      db.requests.push({ method: 'DELETE', url: new URL(request.url), body: undefined });
      state = { ...state, running: false, ended_at: new Date().toISOString(), end_reason: 'stopped' };
      return HttpResponse.json(state);
    }),
  );
}

async function openControl() {
  const view = renderRoute('/scopes/11');
  const section = await screen.findByRole('region', { name: 'Test traffic' });
  return { ...view, section };
}

describe('send test traffic from the scope page', () => {
  test('bad input is named next to its field, and nothing is sent', async () => {
    seed();
    const { section, user } = await openControl();
    const rate = within(section).getByLabelText('Requests per second');
    const duration = within(section).getByLabelText('For (seconds)');
    await user.clear(rate);
    await user.type(rate, '80');
    await user.clear(duration);
    await user.type(duration, '1.5');
    await user.click(within(section).getByRole('button', { name: 'Send test traffic' }));
    expect(rate).toHaveAccessibleDescription('Up to 50 A number above 0, at most 50');
    expect(duration).toHaveAccessibleDescription('Up to 600 (10 min) Whole seconds from 1 to 600');
    expect(requestsTo(path, 'POST')).toHaveLength(0);
  });

  test('starts with the asked rate and time, shows the counts live while it runs, and stops', async () => {
    seed();
    fakeGenerator();
    const { section, user } = await openControl();
    const rate = within(section).getByLabelText('Requests per second');
    await user.clear(rate);
    await user.type(rate, '20');
    const duration = within(section).getByLabelText('For (seconds)');
    await user.clear(duration);
    await user.type(duration, '300');
    await user.click(within(section).getByRole('button', { name: 'Send test traffic' }));

    await waitFor(() =>
      expect(requestsTo(path, 'POST')[0]?.body).toEqual({ rate_per_second: 20, duration_seconds: 300 }),
    );
    const counts = await within(section).findByTestId('test-traffic-counts');
    expect(counts).toHaveTextContent('Sending 20/s to /');
    // The page reads the counts again every second while the generator runs.
    await waitFor(() => expect(counts).toHaveTextContent(/[1-9]\d* requests sent/));
    expect(counts).toHaveTextContent(/[1-9]\d* failed/);
    expect(counts).toHaveTextContent('latest: 500 from deployment 71');
    expect(rate).toBeDisabled();
    // Announced once, not the counts every second.
    expect(within(section).getByRole('status')).toHaveTextContent('Sending test traffic: 20 requests per second to /.');
    expect(within(section).getByRole('status')).not.toHaveTextContent(/requests sent/);

    await user.click(within(section).getByRole('button', { name: 'Stop test traffic' }));
    await waitFor(() => expect(requestsTo(path, 'DELETE')).toHaveLength(1));
    expect(await within(section).findByText('Last run (stopped):')).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent(
      /^Test traffic stopped: \d+ requests sent, \d+ failed\.$/,
    );
    expect(within(section).getByRole('button', { name: 'Send test traffic' })).toBeEnabled();
    expect(rate).toBeEnabled();
  });

  test("the server's refusals go next to the field they name, or next to the button", async () => {
    seed();
    let answer: { status: number; message: string } = {
      status: 400,
      message: 'rate_per_second must be more than 0 and at most 50',
    };
    server.use(http.post(path, () => HttpResponse.json({ message: answer.message }, { status: answer.status })));
    const { section, user } = await openControl();
    await user.click(within(section).getByRole('button', { name: 'Send test traffic' }));
    await waitFor(() =>
      expect(within(section).getByLabelText('Requests per second')).toHaveAccessibleDescription(
        'Up to 50 rate_per_second must be more than 0 and at most 50',
      ),
    );

    answer = {
      status: 409,
      message: 'test traffic already runs on scope 11 (5 requests/s until 2026-01-01T00:10:00.000Z); stop it first',
    };
    await user.click(within(section).getByRole('button', { name: 'Send test traffic' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(/already runs on scope 11/);
    expect(within(section).getByLabelText('Requests per second')).toHaveAccessibleDescription('Up to 50');
  });

  test('a run started elsewhere shows its settings and can be stopped here', async () => {
    seed();
    fakeGenerator();
    const ends = new Date(Date.now() + 60_000).toISOString();
    server.use(
      http.get(path, () =>
        HttpResponse.json(
          idleTestTraffic(11, {
            running: true,
            rate_per_second: 5,
            duration_seconds: 90,
            path: '/api/greeting',
            sent: 40,
            ends_at: ends,
          }),
        ),
      ),
    );
    const { section, user } = await openControl();
    expect(await within(section).findByTestId('test-traffic-counts')).toHaveTextContent('Sending 5/s to /api/greeting');
    expect(within(section).getByLabelText('Requests per second')).toHaveValue(5);
    expect(within(section).getByLabelText('For (seconds)')).toHaveValue(90);
    await user.click(within(section).getByRole('button', { name: 'Stop test traffic' }));
    await waitFor(() => expect(requestsTo(path, 'DELETE')).toHaveLength(1));
  });

  test('is not offered in connected mode', async () => {
    seed();
    db.info = buildConsoleInfo({
      mode: 'connected',
      upstream: { host: 'api.nullplatform.com', organization_id: 42 },
      live_events: false,
    });
    renderRoute('/scopes/11');
    expect(await screen.findByRole('heading', { level: 1, name: 'production' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Deployment history' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Test traffic' })).not.toBeInTheDocument();
    expect(requestsTo(path)).toHaveLength(0);
  });

  test('is not offered on a scope that serves no release yet', async () => {
    seed();
    db.scopes.push(
      buildScope({
        id: 12,
        application_id: 1,
        name: 'development',
        active_deployment: null,
        in_progress_deployment: null,
      }),
    );
    renderRoute('/scopes/12');
    expect(await screen.findByRole('heading', { level: 1, name: 'development' })).toBeInTheDocument();
    expect(await screen.findByText('Nothing deployed yet')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Test traffic' })).not.toBeInTheDocument();
  });
});

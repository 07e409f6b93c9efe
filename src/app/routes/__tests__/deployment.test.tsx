import type { Deployment } from '@contract/deployment';
import { act, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { resourceKeys } from '@/lib/resource-keys';
import { buildConsoleInfo } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

import { openPage, seed, slider, trafficHandler } from './deployment-fixture';

describe('deployment page', () => {
  test('shows what is deployed where, what it replaces, the timeline in time order and the messages oldest first', async () => {
    await openPage();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('1.2.0 → production');
    expect(screen.getByTestId('deployment-status')).toHaveTextContent('running');
    for (const link of await screen.findAllByRole('link', { name: 'greeter' }))
      expect(link).toHaveAttribute('href', '/applications/1');
    expect(screen.getAllByRole('link', { name: 'production' })[0]).toHaveAttribute('href', '/scopes/11');
    await waitFor(() => expect(screen.getByTestId('replaces')).toHaveTextContent('replaces 1.1.0 (deployment #70)'));

    const timeline = screen.getByRole('list', { name: 'Status timeline' });
    const steps = within(timeline).getAllByRole('listitem');
    expect(steps.map((step) => step.querySelector('p')?.textContent)).toEqual([
      'creating',
      'waiting for instances',
      'running (current status)',
    ]);
    expect(steps[2]).toHaveAttribute('aria-current', 'step');
    expect(steps[1]).toHaveTextContent('took 8 s');

    const messages = within(screen.getByRole('log', { name: 'Deployment messages' })).getAllByRole('listitem');
    expect(messages.map((item) => item.textContent)).toEqual([
      expect.stringContaining('starting 2 instances'),
      expect.stringContaining('instance 1 answered 503 on /health'),
    ]);
    expect(messages[1]).toHaveTextContent(/^ERROR/);

    expect(await screen.findByRole('link', { name: /abcdef1/ })).toHaveAttribute(
      'href',
      'https://git.example/c/abcdef1',
    );
  });

  test('instance progress: a labelled meter and each instance of this deployment', async () => {
    await openPage();
    const meter = screen.getByRole('progressbar', { name: 'Healthy instances' });
    expect(meter).toHaveAttribute('aria-valuenow', '1');
    expect(meter).toHaveAttribute('aria-valuetext', '1 of 2 healthy, 2 launched');
    const instances = await screen.findByRole('list', { name: 'Instances of this deployment' });
    expect(within(instances).getAllByRole('listitem')).toHaveLength(2);
    expect(instances).toHaveTextContent('/health answered 200');
    expect(instances).toHaveTextContent('/health not checked yet');
  });

  test('connected to nullplatform: neither per-instance health nor request counters are asked for', async () => {
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 1 },
    });
    seed();
    renderRoute('/deployments/71');
    expect(await screen.findByText('Per-instance health is not available from this platform.')).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Messages' });
    expect(screen.queryByRole('region', { name: /Requests at/ })).not.toBeInTheDocument();
    // They would only answer 404 (and the browser log it as an error): the console's own reads, not nullplatform's.
    expect(requestsTo('/console/scope/11/runtime')).toHaveLength(0);
    expect(requestsTo('/console/traffic')).toHaveLength(0);
  });

  test.for([
    { minutes: 90, said: /·\s*finalizes by itself in \d+ h/, not: 'was due' },
    { minutes: -90, said: /·\s*was due to finalize by itself \d+ h ago/, not: 'finalizes by itself' },
  ])('expiry $minutes min from now: $said', async ({ minutes, said, not }) => {
    await openPage({ expires_at: new Date(Date.now() + minutes * 60_000).toISOString() });
    expect(document.body).toHaveTextContent(said);
    expect(document.body).not.toHaveTextContent(not);
  });

  test('a platform without the console runtime (404): the instances say so quietly', async () => {
    seed();
    server.use(
      trafficHandler(),
      http.get('/console/scope/:id/runtime', () => HttpResponse.json({ message: 'no' }, { status: 404 })),
    );
    renderRoute('/deployments/71');
    expect(await screen.findByText('Per-instance health is not available from this platform.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('the slider moves with the arrow keys and the presets, and the confirmation restates the change', async () => {
    const { user } = await openPage();
    await waitFor(() => expect(slider()).toHaveAttribute('aria-valuetext', '0% to 1.2.0 (new), 100% to 1.1.0 (old)'));
    expect(screen.getByRole('button', { name: 'Review change' })).toBeDisabled();

    act(() => slider().focus());
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(slider()).toHaveAttribute('aria-valuenow', '3');
    await user.keyboard('{ArrowLeft}');
    expect(slider()).toHaveAttribute('aria-valuenow', '2');
    await user.click(screen.getByRole('button', { name: '25%' }));
    expect(slider()).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByRole('button', { name: '25%' })).toHaveAttribute('aria-pressed', 'true');
    act(() => slider().focus());
    for (let step = 0; step < 5; step++) await user.keyboard('{ArrowRight}');
    expect(slider()).toHaveAttribute('aria-valuenow', '30');
    // Choosing is not applying.
    expect(requestsTo('/api/deployment/71', 'PATCH')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Review change' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Move traffic on production?' });
    expect(within(dialog).getByTestId('traffic-change')).toHaveTextContent(
      'old (1.1.0) 100% → 70%, new (1.2.0) 0% → 30%',
    );
    expect(dialog).toHaveTextContent(
      `np deployment patch --id 71 --body '{"strategy_data":{"desired_switched_traffic":30}}'`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Move traffic' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH').map((request) => request.body)).toEqual([
      { strategy_data: { desired_switched_traffic: 30 } },
    ]);
    expect(await screen.findByRole('img', { name: 'Serving now: 1.1.0 70%, 1.2.0 30%' })).toBeInTheDocument();
    expect(slider()).toHaveAttribute('aria-valuenow', '30');
  });

  test('controls are locked while a change is in flight, and unlock when the platform reports it applied', async () => {
    const { queryClient } = await openPage({
      strategy_data: {
        desired_switched_traffic: 50,
        switched_traffic: 20,
        amount_instances_to_wait: 2,
        launched_instances: 2,
        healthy_instances: 2,
      },
    });
    expect(
      await screen.findByRole('img', { name: 'Serving now: 1.1.0 80%, 1.2.0 20%; 50% requested for 1.2.0' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Requested: 1.1.0 50%, 1.2.0 50%' })).toBeInTheDocument();
    expect(screen.getByText(/A traffic change is in progress: 50% requested, 20% applied/)).toBeInTheDocument();
    expect(slider()).toHaveAttribute('aria-disabled', 'true');
    expect(slider()).not.toHaveAttribute('tabindex');
    expect(screen.getByRole('button', { name: '75%' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Review change' })).toBeDisabled();

    // A live update: the proxy applied the split.
    act(() =>
      queryClient.setQueryData(resourceKeys.deployment.detail(71), (old: Deployment | undefined) =>
        old ? { ...old, strategy_data: { ...old.strategy_data, switched_traffic: 50 } } : old,
      ),
    );
    expect(await screen.findByRole('img', { name: 'Serving now: 1.1.0 50%, 1.2.0 50%' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '75%' })).toBeEnabled();
    expect(slider()).toHaveAttribute('aria-valuenow', '50');
  });

  test('controls are locked while the change is being sent', async () => {
    const { user } = await openPage();
    server.use(
      http.patch('/api/deployment/:id', async () => {
        await delay('infinite');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await user.click(await screen.findByRole('button', { name: '50%' }));
    await user.click(screen.getByRole('button', { name: 'Review change' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Move traffic' }));
    expect(within(dialog).getByRole('button', { name: 'Move traffic' })).toHaveAttribute('aria-busy', 'true');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByText('Sending the traffic change…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '75%' })).toBeDisabled();
    expect(slider()).toHaveAttribute('aria-valuenow', '50');
  });

  test("the platform's refusal of a traffic change is shown next to the panel", async () => {
    const { user } = await openPage();
    server.use(
      http.patch('/api/deployment/:id', () =>
        HttpResponse.json({ message: 'the scope is being deleted' }, { status: 409 }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: '10%' }));
    await user.click(screen.getByRole('button', { name: 'Review change' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Move traffic' }));
    const traffic = screen.getByRole('region', { name: 'Traffic' });
    const alert = await within(traffic).findByRole('alert');
    expect(alert).toHaveTextContent('The traffic change was not applied.');
    expect(alert).toHaveTextContent('the scope is being deleted');
    expect(slider()).toHaveAttribute('aria-valuenow', '10');
  });

  test.for([
    { status: 'running', strategy: 'blue_green', enabled: ['Finalize', 'Roll back'], disabled: [], absent: 'Cancel' },
    { status: 'running', strategy: 'initial', enabled: ['Finalize', 'Cancel'], disabled: [], absent: 'Roll back' },
    {
      status: 'waiting_for_instances',
      strategy: 'blue_green',
      enabled: ['Roll back'],
      disabled: ['Finalize'],
      absent: 'Cancel',
    },
    { status: 'creating', strategy: 'initial', enabled: ['Cancel'], disabled: ['Finalize'], absent: 'Roll back' },
    {
      status: 'finalizing',
      strategy: 'blue_green',
      enabled: [],
      disabled: ['Finalize', 'Roll back'],
      absent: 'Cancel',
    },
  ])('$strategy $status: enabled $enabled', async ({ status, strategy, enabled, disabled, absent }) => {
    await openPage({ status, strategy });
    const actions = within(screen.getByRole('region', { name: 'Actions' }));
    for (const name of enabled) expect(actions.getByRole('button', { name })).toBeEnabled();
    for (const name of disabled) expect(actions.getByRole('button', { name })).toBeDisabled();
    expect(actions.queryByRole('button', { name: absent })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Traffic' }) !== null).toBe(strategy === 'blue_green');
  });

  test('a canary deployment (a strategy the console has no rules for) is shown read-only with its data', async () => {
    await openPage({
      strategy: 'canary',
      strategy_data: { canary: { weight: 10 }, parameters: { traffic: { step: '0.1' } } },
    });
    const actions = within(screen.getByRole('region', { name: 'Actions' }));
    expect(actions.getByTestId('read-only-reason')).toHaveTextContent('no actions for canary deployments');
    expect(actions.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Traffic' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Strategy' })).toHaveTextContent('"weight": 10');
  });

  test('finalize is confirmed in a dialog that names the release, the scope and the current split', async () => {
    const { user } = await openPage({
      strategy_data: {
        desired_switched_traffic: 30,
        switched_traffic: 30,
        amount_instances_to_wait: 2,
        launched_instances: 2,
        healthy_instances: 2,
      },
    });
    await waitFor(() => expect(screen.getByTestId('replaces')).toHaveTextContent('1.1.0'));
    await user.click(screen.getByRole('button', { name: 'Finalize' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Finalize 1.2.0 on production?' });
    expect(within(dialog).getByTestId('action-description')).toHaveTextContent(
      "It now serves 30% of the traffic; all traffic moves to 1.2.0 and 1.1.0's instances stop. This cannot be undone.",
    );
    expect(dialog).toHaveTextContent(`np deployment patch --id 71 --body '{"status":"finalizing"}'`);
    await user.click(within(dialog).getByRole('button', { name: 'Finalize' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH').map((request) => request.body)).toEqual([
      { status: 'finalizing' },
    ]);
    await waitFor(() => expect(screen.getByTestId('deployment-status')).toHaveTextContent('finalizing'));
    expect(screen.getByRole('button', { name: 'Finalize' })).toBeDisabled();
  });

  test('roll back sends cancelling, as nullplatform does', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Roll back 1.2.0 on production?' });
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH').map((request) => request.body)).toEqual([
      { status: 'cancelling' },
    ]);
  });

  test("roll back: the platform's refusal stays in the dialog", async () => {
    const { user } = await openPage();
    server.use(
      http.patch('/api/deployment/:id', () =>
        HttpResponse.json({ message: 'deployment 71 is finalizing' }, { status: 409 }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Roll back 1.2.0 on production?' });
    expect(dialog).toHaveTextContent('all traffic goes back to 1.1.0');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('deployment 71 is finalizing');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  test('the live chart shows requests per deployment with a summary of the last ten seconds', async () => {
    await openPage();
    const chart = await screen.findByRole('region', { name: 'Requests at 127.0.0.1:5011' });
    expect(await within(chart).findByTestId('traffic-summary')).toHaveTextContent('Last 10 s: 1.1.0 70%, 1.2.0 30%');
    expect(within(chart).getByRole('img', { name: /Last 10 s: 1\.1\.0 70%, 1\.2\.0 30%/ })).toBeInTheDocument();
    const legend = within(chart).getByRole('list', { name: 'Requests per deployment over the last minute' });
    expect(legend).toHaveTextContent('1.1.0#7084 requests');
    expect(legend).toHaveTextContent('1.2.0#7136 requests');
  });

  test('the chart is left out where the platform has no request counters (404)', async () => {
    seed();
    server.use(http.get('/console/traffic', () => HttpResponse.json({ message: 'not here' }, { status: 404 })));
    renderRoute('/deployments/71');
    await screen.findByRole('heading', { level: 1, name: /1\.2\.0/ });
    await waitFor(() => expect(screen.queryByRole('region', { name: /Requests at/ })).not.toBeInTheDocument());
  });

  test('an API error is shown with its message', async () => {
    server.use(
      http.get('/api/deployment/:id', () => HttpResponse.json({ message: 'deployment 71 not found' }, { status: 404 })),
    );
    renderRoute('/deployments/71');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load deployment #71");
    expect(alert).toHaveTextContent('deployment 71 not found');
  });

  test('a response without the status that gates every action fails the page, naming the field', async () => {
    const deployment = seed();
    server.use(http.get('/api/deployment/:id', () => HttpResponse.json({ ...deployment, status: undefined })));
    renderRoute('/deployments/71');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server sent data this console does not understand');
    expect(within(alert).getByText('status')).toBeInTheDocument();
  });

  test('traffic numbers of an unexpected shape degrade the traffic controls, not the page', async () => {
    const deployment = seed();
    server.use(
      http.get('/api/deployment/:id', () =>
        HttpResponse.json({
          ...deployment,
          strategy_data: { ...deployment.strategy_data, switched_traffic: 'thirty' },
        }),
      ),
    );
    renderRoute('/deployments/71');
    await screen.findByRole('heading', { level: 1, name: /1\.2\.0/ });
    const traffic = screen.getByRole('region', { name: 'Traffic' });
    expect(traffic).toHaveTextContent('could not be read');
    expect(traffic).toHaveTextContent('"thirty"');
    expect(
      within(screen.getByRole('region', { name: 'Actions' })).getByRole('button', { name: 'Finalize' }),
    ).toBeEnabled();
  });
});

/** The deploy dialog's traffic strategy: by hand, a deployment strategy that applies, or a custom one for this deployment. */
import { screen, waitFor, within } from '@testing-library/react';
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
  buildStrategy,
} from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

const careful = {
  traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
  metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.3 }] },
};

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
  db.builds.push(buildBuild({ id: 50, application_id: 1 }));
  db.assets.push(buildAsset({ build_id: 50, name: 'main' }));
  db.releases.push(
    buildRelease({ id: 60, application_id: 1, build_id: 50, semver: '1.0.0' }),
    buildRelease({ id: 61, application_id: 1, build_id: 50, semver: '1.1.0' }),
  );
  db.deployments.push(
    buildDeployment({ id: 70, scope_id: 11, release_id: 60, application_id: 1, status: 'finalized' }),
  );
  db.scopes.push(
    buildScope({
      id: 10,
      application_id: 1,
      name: 'staging',
      asset_name: null,
      active_deployment: null,
      dimensions: { environment: 'staging' },
    }),
    buildScope({
      id: 11,
      application_id: 1,
      name: 'production',
      asset_name: 'main',
      active_deployment: 70,
      dimensions: { environment: 'production' },
    }),
  );
  db.strategies.push(
    buildStrategy({
      id: 1,
      name: 'Careful',
      description: 'Shift 10% of traffic every 30 seconds',
      dimensions: { environment: 'production' },
      parameters: careful,
    }),
    // Another environment, and another account: neither applies to production.
    buildStrategy({ id: 2, name: 'Fast staging', dimensions: { environment: 'staging' } }),
    buildStrategy({ id: 3, name: 'Other account', nrn: 'organization=1:account=9' }),
  );
}

async function openOnProduction() {
  const view = renderRoute('/applications/1/releases');
  await view.user.click(await screen.findByRole('button', { name: 'Deploy 1.1.0' }));
  const dialog = await screen.findByRole('dialog', { name: 'Deploy release 1.1.0' });
  await view.user.click(await within(dialog).findByRole('radio', { name: /production/ }));
  const choice = await within(dialog).findByRole('group', { name: 'Traffic and rollback' });
  return { ...view, dialog, choice };
}

const posted = () => requestsTo('/api/deployment', 'POST').map((request) => request.body);

describe('deploy dialog: traffic strategy', () => {
  test('offers the strategies that apply to the scope and sends the chosen one’s parameters', async () => {
    seed();
    const { dialog, choice, user, router } = await openOnProduction();
    expect(within(choice).getByRole('radio', { name: /By hand/ })).toBeChecked();
    await within(choice).findByRole('radio', { name: /Careful/ });
    expect(within(choice).queryByRole('radio', { name: /Fast staging|Other account/ })).not.toBeInTheDocument();
    // Asked for the scope's NRN: the platform answers the strategies defined there or above.
    expect(requestsTo('/api/deployment_strategy')[0]?.url.searchParams.get('nrn')).toBe(
      'organization=1:account=1:namespace=1:application=1:scope=11',
    );

    expect(within(dialog).getByTestId('deploy-kind')).toHaveTextContent(
      'starts with 0% of the traffic; you move traffic to it, then finalize or cancel.',
    );
    await user.click(within(choice).getByRole('radio', { name: /Careful/ }));
    expect(within(dialog).getByTestId('strategy-plan')).toHaveTextContent(
      'Plan: 10% every 30 s → 100% in 5 min; roll back if error rate > 30%',
    );
    // Chosen steps move the traffic: the notice above no longer says it is moved by hand.
    expect(within(dialog).getByTestId('deploy-kind')).toHaveTextContent(
      'starts with 0% of the traffic; the automatic steps chosen below move traffic to it, and you finalize or cancel.',
    );
    expect(within(dialog).getByRole('tabpanel')).toHaveTextContent(
      '"strategy_data":{"parameters":{"traffic":{"enable_auto_switch":true,"step":"0.1"',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to production' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/deployments\/\d+$/));
    expect(posted()).toEqual([{ scope_id: 11, release_id: 61, strategy_data: { parameters: careful } }]);
  });

  test('a custom strategy is checked field by field, nothing is sent until it is right, then its plan is sent', async () => {
    seed();
    const { dialog, choice, user, router } = await openOnProduction();
    await user.click(within(choice).getByRole('radio', { name: /Custom/ }));
    // The local platform judges four metrics; nullplatform's others are not offered here.
    expect(
      within(dialog)
        .getAllByRole('option', { name: /http\./ })
        .map((option) => option.getAttribute('value')),
    ).toEqual(['http.error_rate', 'http.response_time', 'http.rpm', 'http.healthcheck_fail']);
    const step = within(dialog).getByRole('textbox', { name: 'Step (% of the traffic)' });
    const interval = within(dialog).getByRole('textbox', { name: 'Interval (seconds)' });
    const threshold = within(dialog).getByRole('textbox', { name: 'Threshold (%)' });
    await user.clear(step);
    await user.type(step, '120');
    await user.clear(interval);
    await user.type(interval, '0');
    await user.clear(threshold);
    await user.type(threshold, 'ten');
    await user.click(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to production' }));

    expect(step).toHaveAttribute('aria-invalid', 'true');
    expect(step).toHaveAccessibleDescription('"120" is not a step between 0% (excluded) and 100%.');
    expect(interval).toHaveAccessibleDescription('"0" is not a whole number of seconds of at least 1.');
    expect(threshold).toHaveAccessibleDescription('"ten" is not a number.');
    expect(within(dialog).queryByTestId('strategy-plan')).not.toBeInTheDocument();
    expect(posted()).toHaveLength(0);

    await user.clear(step);
    await user.type(step, '25');
    await user.clear(interval);
    await user.type(interval, '2');
    await user.clear(threshold);
    await user.type(threshold, '5');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Comparison' }), 'greater_than');
    expect(step).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).getByTestId('strategy-plan')).toHaveTextContent(
      'Plan: 25% every 2 s → 100% in 8 s; roll back if error rate > 5%',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to production' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/deployments\/\d+$/));
    expect(posted()).toEqual([
      {
        scope_id: 11,
        release_id: 61,
        strategy_data: {
          parameters: {
            traffic: { enable_auto_switch: true, step: '0.25', interval: 2 },
            metrics: {
              enabled: true,
              rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.05 }],
            },
          },
        },
      },
    ]);
  });

  test('a strategy adjusted for this deployment starts from its values; rules can be added and removed', async () => {
    seed();
    const { dialog, choice, user } = await openOnProduction();
    await user.click(await within(choice).findByRole('radio', { name: /Careful/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Adjust it for this deployment' }));
    expect(within(choice).getByRole('radio', { name: /Custom/ })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Step (% of the traffic)' })).toHaveValue('10');
    expect(within(dialog).getByRole('textbox', { name: 'Interval (seconds)' })).toHaveValue('30');
    expect(within(dialog).getByRole('textbox', { name: 'Threshold (%)' })).toHaveValue('30');

    await user.click(within(dialog).getByRole('button', { name: 'Add a rule' }));
    const second = within(dialog).getAllByTestId('rule-fields')[1];
    if (second === undefined) throw new Error('no second rule');
    expect(within(second).getByRole('textbox', { name: 'Threshold (%)' })).toHaveValue('10');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Metric' }), 'http.response_time');
    // 10 was a percentage: in milliseconds it is entered again, never kept as a 10 ms rule.
    expect(within(second).getByRole('textbox', { name: 'Threshold (ms)' })).toHaveValue('');
    expect(within(dialog).queryByTestId('strategy-plan')).not.toBeInTheDocument();
    await user.type(within(second).getByRole('textbox', { name: 'Threshold (ms)' }), '500');
    expect(within(dialog).getByTestId('strategy-plan')).toHaveTextContent(
      'roll back if error rate > 30% or response time > 500 ms',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Remove rule 1' }));
    // The button that had the focus is gone with its rule: the keyboard carries on from "Add a rule".
    expect(within(dialog).getByRole('button', { name: 'Add a rule' })).toHaveFocus();
    expect(within(dialog).getByTestId('strategy-plan')).toHaveTextContent(
      'Plan: 10% every 30 s → 100% in 5 min; roll back if response time > 500 ms',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: /Move traffic automatically/ }));
    expect(within(dialog).getByTestId('strategy-plan')).toHaveTextContent(
      'Plan: traffic moved by hand; roll back if response time > 500 ms',
    );
  });

  test('a refusal of the platform is shown next to the field it names', async () => {
    seed();
    server.use(
      http.post('/api/deployment', () =>
        HttpResponse.json(
          {
            message:
              'strategy_data.parameters.traffic.interval: traffic.interval must be at least 1 (seconds between steps)',
          },
          { status: 400 },
        ),
      ),
    );
    const { dialog, choice, user, router } = await openOnProduction();
    await user.click(within(choice).getByRole('radio', { name: /Custom/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Deploy 1.1.0 to production' }));
    const interval = within(dialog).getByRole('textbox', { name: 'Interval (seconds)' });
    await waitFor(() => expect(interval).toHaveAccessibleDescription(/traffic\.interval must be at least 1/));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The deployment was not created.');
    expect(router.state.location.pathname).toBe('/applications/1/releases');
  });

  test('connected to nullplatform: its other metrics are offered too', async () => {
    seed();
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 1 },
    });
    const { dialog, choice, user } = await openOnProduction();
    await user.click(within(choice).getByRole('radio', { name: /Custom/ }));
    const metrics = within(within(dialog).getByRole('combobox', { name: 'Metric' })).getAllByRole('option');
    expect(metrics.map((option) => option.getAttribute('value'))).toContain('system.cpu_usage_percentage');
  });

  test('an initial deployment takes all the traffic at once: no strategy is offered', async () => {
    seed();
    const view = renderRoute('/applications/1/releases');
    await view.user.click(await screen.findByRole('button', { name: 'Deploy 1.1.0' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deploy release 1.1.0' });
    await view.user.click(await within(dialog).findByRole('radio', { name: /staging/ }));
    expect(within(dialog).getByText('This will be an initial deployment.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('group', { name: 'Traffic and rollback' })).not.toBeInTheDocument();
    expect(requestsTo('/api/deployment_strategy')).toHaveLength(0);
  });
});

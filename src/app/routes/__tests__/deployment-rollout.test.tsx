/** The deployment page's rollout plan: the steps and their next one, pause and resume, each rule's evidence, and why it rolled back. */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { buildConsoleInfo, buildEvaluation } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

import { openPage, patchHandler, seed, trafficHandler, type Overrides } from './deployment-fixture';

const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

const errorRule = { metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 };
const latencyRule = { metric: 'http.response_time', operation: 'greater_than', threshold: 500 };

function stepping(overrides: { enabled?: boolean; desired?: number; rules?: unknown[] } = {}): Overrides {
  const desired = overrides.desired ?? 25;
  return {
    status_started_at: { creating: secondsAgo(60), waiting_for_instances: secondsAgo(58), running: secondsAgo(50) },
    strategy_data: {
      desired_switched_traffic: desired,
      switched_traffic: desired,
      auto_switch_last_step_at: secondsAgo(10),
      parameters: {
        traffic: { enable_auto_switch: overrides.enabled ?? true, step: '0.25', interval: 30 },
        metrics: { enabled: true, rules: overrides.rules ?? [errorRule, latencyRule] },
      },
    },
  };
}

const plan = () => screen.getByRole('region', { name: 'Rollout plan' });

describe('deployment page: rollout plan', () => {
  test('states the plan, the progress to 100% and when the next step comes', async () => {
    await openPage(stepping());
    expect(within(plan()).getByTestId('rollout-plan-sentence')).toHaveTextContent(
      'Plan: 25% every 30 s → 100% in 2 min; roll back if error rate > 10% or response time > 500 ms',
    );
    const progress = within(plan()).getByRole('progressbar', { name: 'Traffic on 1.2.0' });
    expect(progress).toHaveAttribute('aria-valuenow', '25');
    // The platform's clock (the last step, 10 s ago) and the interval say when: the number itself moves every second.
    expect(within(plan()).getByTestId('auto-steps-status')).toHaveTextContent(
      /^Next step: 25% → 50% in \d+ s; 100% in about 1 min \d+ s\.$/,
    );
  });

  test('Pause and Resume send enable_auto_switch false and true, one request each', async () => {
    const { user } = await openPage(stepping());
    // A platform slower than a double click: the second click must find the first request still in flight.
    server.use(patchHandler({ delayMs: 150 }));
    await user.dblClick(within(plan()).getByRole('button', { name: 'Pause automatic steps' }));
    await waitFor(() =>
      expect(within(plan()).getByTestId('auto-steps-status')).toHaveTextContent(
        'Automatic steps are off: traffic moves by hand.',
      ),
    );
    const patches = () => requestsTo('/api/deployment/71', 'PATCH').map((request) => request.body);
    expect(patches()).toEqual([{ strategy_data: { parameters: { traffic: { enable_auto_switch: false } } } }]);
    expect(await screen.findByText(/Paused the automatic steps on production/)).toBeInTheDocument();

    await user.click(await within(plan()).findByRole('button', { name: /^(Start|Resume) automatic steps$/ }));
    await waitFor(() =>
      expect(within(plan()).getByTestId('auto-steps-status')).toHaveTextContent(/^Next step: 25% → 50%/),
    );
    expect(patches()).toEqual([
      { strategy_data: { parameters: { traffic: { enable_auto_switch: false } } } },
      { strategy_data: { parameters: { traffic: { enable_auto_switch: true } } } },
    ]);
  });

  test('paused after steps ran: the plan is on hold, not traffic moved by hand', async () => {
    await openPage({
      ...stepping({ enabled: false, rules: [] }),
      messages: [{ level: 'INFO', message: 'automatic traffic step: 0% → 25% to the new release', timestamp: 1 }],
    });
    expect(within(plan()).getByTestId('rollout-plan-sentence')).toHaveTextContent(
      'Plan: 25% every 30 s → 100% in 2 min, paused; no automatic rollback',
    );
    expect(within(plan()).getByTestId('auto-steps-status')).toHaveTextContent('Automatic steps are paused at 25%');
    expect(within(plan()).getByRole('button', { name: 'Resume automatic steps' })).toBeInTheDocument();
  });

  test('moving the traffic by hand says first that it pauses the automatic steps', async () => {
    const { user } = await openPage(stepping());
    await user.click(screen.getByRole('button', { name: '50%' }));
    await user.click(screen.getByRole('button', { name: 'Review change' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Move traffic on production?' });
    expect(within(dialog).getByTestId('pauses-steps')).toHaveTextContent('This pauses the automatic steps');
  });

  test('a refused pause is said next to the button', async () => {
    seed(stepping());
    server.use(
      trafficHandler(),
      http.patch('/api/deployment/:id', () =>
        HttpResponse.json({ message: 'deployment 71: traffic can be set only while running' }, { status: 409 }),
      ),
    );
    const { user } = renderRoute('/deployments/71');
    await user.click(await screen.findByRole('button', { name: 'Pause automatic steps' }));
    const alert = await within(plan()).findByRole('alert');
    expect(alert).toHaveTextContent('The automatic steps were not paused.');
    expect(alert).toHaveTextContent('traffic can be set only while running');
  });

  test("each rule's latest value beside its threshold, and a rule not judged yet for want of requests", async () => {
    db.evaluations.push(
      buildEvaluation({
        deployment_id: 71,
        secondsAgo: 8,
        requests: 30,
        verdict: 'passed',
        results: [
          {
            metric: 'http.error_rate',
            comparison: 'greater_than',
            threshold: 0.1,
            value: 0.02,
            unit: 'fraction',
            judged: true,
            broken: false,
          },
          {
            metric: 'http.response_time',
            comparison: 'greater_than',
            threshold: 500,
            value: 120,
            unit: 'ms',
            judged: true,
            broken: false,
          },
        ],
      }),
      buildEvaluation({
        deployment_id: 71,
        secondsAgo: 2,
        requests: 12,
        min_requests: 20,
        verdict: 'not_enough_requests',
        results: [
          {
            metric: 'http.error_rate',
            comparison: 'greater_than',
            threshold: 0.1,
            value: 0.04,
            unit: 'fraction',
            judged: false,
            broken: false,
          },
          {
            metric: 'http.response_time',
            comparison: 'greater_than',
            threshold: 500,
            value: 85,
            unit: 'ms',
            judged: false,
            broken: false,
          },
        ],
      }),
    );
    await openPage(stepping());
    const rules = await within(plan()).findAllByTestId('rule-evidence');
    expect(rules).toHaveLength(2);
    const [errors, latency] = rules;
    if (errors === undefined || latency === undefined) throw new Error('two rules');
    await waitFor(() =>
      expect(within(errors).getByTestId('rule-value')).toHaveTextContent(
        /^4% now, threshold 10% · 12 requests to 1\.2\.0 in the last 60 s/,
      ),
    );
    expect(within(errors).getByTestId('rule-not-judged')).toHaveTextContent('Not judged yet: 12 of 20 requests.');
    expect(within(errors).getByText('not judged yet')).toBeInTheDocument();
    expect(within(latency).getByTestId('rule-value')).toHaveTextContent(/^85 ms now, threshold 500 ms/);
    // A chart per rule over the window: both checks, and what it measures, in words.
    expect(within(errors).getByRole('img')).toHaveAccessibleName(
      /^error rate over the last minutes: 2 checks of 1\.2\.0; rolls back at 10%\.$/,
    );
    // Its time axis: the minute since it began running (50 s ago, shown as the last minute), up to now.
    const times = within(errors).getByTestId('rule-chart-times');
    expect([...times.children].map((label) => label.textContent)).toEqual(['1 min ago', 'now']);
    expect(within(plan()).getByTestId('evidence-source')).toHaveTextContent('Checked by the local platform');
    expect(requestsTo('/api/telemetry/application/1/metric/http.error_rate')[0]?.url.search).toBe(
      '?scope_id=11&minutes=5&period=10',
    );
  });

  test("an automatic rollback's reason is at the top of the page, with the rule, the value and the window", async () => {
    db.evaluations.push(
      buildEvaluation({
        deployment_id: 71,
        requests: 45,
        verdict: 'broken',
        results: [
          {
            metric: 'http.error_rate',
            comparison: 'greater_than',
            threshold: 0.1,
            value: 0.3,
            unit: 'fraction',
            judged: true,
            broken: true,
          },
          {
            metric: 'http.response_time',
            comparison: 'greater_than',
            threshold: 500,
            value: 40,
            unit: 'ms',
            judged: true,
            broken: false,
          },
        ],
      }),
    );
    const rolledBack = stepping({ desired: 0 });
    await openPage({
      ...rolledBack,
      status: 'rolled_back',
      status_in_scope: 'inactive',
      status_started_at: { ...rolledBack.status_started_at, rolling_back: secondsAgo(5), rolled_back: secondsAgo(4) },
      messages: [
        {
          level: 'ERROR',
          message:
            'metric rule broken: http.error_rate greater_than 0.1; measured 0.3 fraction > 0.1 over the last 60 s (45 requests to this release at the scope address); rolling back to the previous release',
          timestamp: Date.now() - 5_000,
        },
      ],
    });
    const reason = await screen.findByTestId('rollback-reason');
    await waitFor(() =>
      expect(within(reason).getByTestId('rollback-reason-text')).toHaveTextContent(
        'The rule “roll back if error rate > 10%” broke: error rate was 30% over the last 60 s (45 requests to 1.2.0).',
      ),
    );
    expect(reason).toHaveTextContent('Rolled back automatically');
    // At the top: before the summary and every panel.
    const sections = screen.getAllByRole('region').map((region) => region.getAttribute('aria-labelledby'));
    expect(sections[0]).toBe('rollback-reason-heading');
    expect(within(plan()).getAllByText('broken')[0]).toBeInTheDocument();
    expect(within(plan()).queryByRole('button', { name: /automatic steps/ })).not.toBeInTheDocument();
  });

  test('a rollback asked by hand has no automatic reason', async () => {
    await openPage({ ...stepping(), status: 'rolled_back', status_in_scope: 'inactive' });
    await screen.findByTestId('deployment-summary');
    expect(screen.queryByTestId('rollback-reason')).not.toBeInTheDocument();
  });

  test('connected to nullplatform: no checks are asked for, and the evidence is its telemetry, said as such', async () => {
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 1 },
    });
    server.use(
      // nullplatform's shape as its own workflow reads it (deploy-metrics.yaml): results[].data[].value.
      http.get('/api/telemetry/application/:id/metric/:name', ({ request }) => {
        db.requests.push({ method: 'GET', url: new URL(request.url), body: undefined });
        return HttpResponse.json({ results: [{ data: [{ value: 0.4 }, { value: 0.6 }] }] });
      }),
    );
    await openPage(stepping({ rules: [errorRule] }));
    const rule = await within(plan()).findByTestId('rule-evidence');
    await waitFor(() =>
      expect(within(rule).getByTestId('rule-value')).toHaveTextContent(
        "0.6 latest at the scope's address (as nullplatform's telemetry reports it), threshold 0.1",
      ),
    );
    expect(within(rule).getByText('judged by nullplatform')).toBeInTheDocument();
    expect(within(plan()).getByTestId('evidence-source')).toHaveTextContent('nullplatform checks these rules itself');
    expect(requestsTo('/console/deployment/71/evaluations')).toHaveLength(0);
    expect(requestsTo('/api/telemetry/application/1/metric/http.error_rate')[0]?.url.search).toBe(
      '?scope_id=11&minutes=15&period=60',
    );
  });

  test('a deployment without strategy parameters shows no plan', async () => {
    await openPage();
    expect(screen.queryByRole('region', { name: 'Rollout plan' })).not.toBeInTheDocument();
    expect(requestsTo('/console/deployment/71/evaluations')).toHaveLength(0);
  });
});

/** Items 9 and 12 of issue 9: a finished deployment shows what it did instead of locked controls; a failed one says why. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { db } from '@/testing/mocks/db';

import { openPage, t0 } from './deployment-fixture';

const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

describe('a finished deployment', () => {
  test.for([
    {
      status: 'finalized',
      strategy: 'blue_green',
      outcome: '1.2.0 replaced 1.1.0 on production: it serves all of the traffic.',
      split: '100% → 1.2.0 · 0% → 1.1.0',
    },
    {
      status: 'rolled_back',
      strategy: 'blue_green',
      outcome: "Rolled back: 1.1.0 kept serving production; 1.2.0's instances stopped.",
      split: '100% → 1.1.0 · 0% → 1.2.0',
    },
    {
      status: 'cancelled',
      strategy: 'initial',
      outcome: "Cancelled: 1.2.0's instances stopped; production serves no release from this deployment.",
      split: undefined,
    },
    {
      status: 'finalized',
      strategy: 'initial',
      outcome: '1.2.0 became the release of production and serves all of its traffic.',
      split: '100% → 1.2.0',
    },
  ])('$strategy $status: a summary, no controls', async ({ status, strategy, outcome, split }) => {
    await openPage({ status, strategy, status_started_at: { creating: at(0), [status]: at(95) }, created_at: at(0) });
    const summary = await screen.findByTestId('deployment-summary');
    await waitFor(() => expect(within(summary).getByTestId('summary-outcome')).toHaveTextContent(outcome));
    expect(summary).toHaveTextContent('Took1 min 35 s');
    if (split) expect(within(summary).getByTestId('final-split')).toHaveTextContent(split);
    else expect(within(summary).queryByTestId('final-split')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Traffic' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Finalize' })).not.toBeInTheDocument();
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
  });

  test('a failed deployment: a banner at the top with the reason, and the instances stay', async () => {
    await openPage({ status: 'failed', strategy: 'blue_green' });
    const summary = await screen.findByRole('region', { name: 'This deployment failed' });
    expect(within(summary).getByTestId('failure-reason')).toHaveTextContent('Why: instance 1 answered 503 on /health');
    await waitFor(() =>
      expect(summary).toHaveTextContent('Failed: 1.1.0 kept serving production; 1.2.0 never took its traffic.'),
    );
    // It comes before everything else the page shows about the deployment.
    const instances = screen.getByRole('region', { name: 'Instances' });
    expect(summary.compareDocumentPosition(instances) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(await within(instances).findAllByText(/healthy|starting/)).not.toHaveLength(0);
  });

  test('finishing while open: the controls give way to the summary, and focus does not fall to the page', async () => {
    const { queryClient } = await openPage({ status: 'running', strategy: 'blue_green' });
    expect(screen.getByRole('region', { name: 'Actions' })).toBeInTheDocument();
    const deployment = db.deployments.find((item) => item.id === 71);
    if (deployment) deployment.status = 'finalized';
    await act(() => queryClient.invalidateQueries());
    const summary = await screen.findByTestId('deployment-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.queryByRole('region', { name: 'Actions' })).not.toBeInTheDocument();
  });
});

describe('instances not yet healthy', () => {
  test('how long it has waited, and each instance with its last /health answer', async () => {
    await openPage({
      status: 'waiting_for_instances',
      strategy: 'blue_green',
      status_started_at: { waiting_for_instances: new Date(Date.now() - 12_000).toISOString() },
    });
    expect(await screen.findByTestId('waiting-for-instances')).toHaveTextContent(
      /Waiting for healthy instances for 1[2-4] s/,
    );
    // The test console publishes a 60 s health timeout: 12 s in, the failure is some 48 s away.
    expect(await screen.findByTestId('health-timeout-countdown')).toHaveTextContent(
      /fails in 4[6-8] s unless they are healthy by then/,
    );
    const instances = await screen.findByRole('list', { name: 'Instances of this deployment' });
    expect(instances).toHaveTextContent('/health answered 200');
    expect(instances).toHaveTextContent('/health not checked yet');
  });
});

/** The optional reason of finalize, roll back and traffic moves (local platform), with its limit next to the field. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { buildConsoleInfo } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';

import { openPage, slider } from './deployment-fixture';

async function openFinalize() {
  const view = await openPage({
    strategy_data: {
      desired_switched_traffic: 30,
      switched_traffic: 30,
      amount_instances_to_wait: 2,
      launched_instances: 2,
      healthy_instances: 2,
    },
  });
  await view.user.click(screen.getByRole('button', { name: 'Finalize' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Finalize 1.2.0 on production?' });
  return { ...view, dialog };
}

describe('a reason for the action', () => {
  test('finalize sends the reason written in its dialog', async () => {
    const { user, dialog } = await openFinalize();
    const field = within(dialog).getByRole('textbox', { name: 'Reason (optional)' });
    expect(field).toHaveAccessibleDescription(/^0\/500 · shown in the activity feed/);
    await user.type(field, '  Error rate flat for an hour  ');
    expect(field).toHaveAccessibleDescription(/^27\/500/);
    await user.click(within(dialog).getByRole('button', { name: 'Finalize' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH').map((request) => request.body)).toEqual([
      { status: 'finalizing', reason: 'Error rate flat for an hour' },
    ]);
  });

  test('longer than 500 characters: said under the field, and nothing is sent', async () => {
    const { user, dialog } = await openFinalize();
    const field = within(dialog).getByRole('textbox', { name: 'Reason (optional)' });
    fireEvent.change(field, { target: { value: 'x'.repeat(501) } });
    expect(field).toHaveAccessibleDescription(
      /The reason has 501 characters; at most 500 are kept\. Shorten it to continue\./,
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    const confirm = within(dialog).getByRole('button', { name: 'Finalize' });
    expect(confirm).toBeDisabled();
    await user.click(confirm);
    expect(requestsTo('/api/deployment/71', 'PATCH')).toHaveLength(0);
    fireEvent.change(field, { target: { value: 'x'.repeat(500) } });
    expect(confirm).toBeEnabled();
  });

  test("the platform's refusal of a reason is shown under the field, not as the action's failure", async () => {
    const { user, dialog } = await openFinalize();
    server.use(
      http.patch('/api/deployment/:id', () =>
        HttpResponse.json({ message: 'reason: reason must be at most 500 characters' }, { status: 400 }),
      ),
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'why');
    await user.click(within(dialog).getByRole('button', { name: 'Finalize' }));
    const field = within(dialog).getByRole('textbox', { name: 'Reason (optional)' });
    await waitFor(() => expect(field).toHaveAccessibleDescription(/reason: reason must be at most 500 characters/));
    expect(within(dialog).queryByText('The platform refused: nothing changed.')).not.toBeInTheDocument();
  });

  test('a traffic move sends its reason too', async () => {
    const { user } = await openPage();
    await waitFor(() => expect(slider()).toHaveAttribute('aria-valuenow', '0'));
    await user.click(screen.getByRole('button', { name: '25%' }));
    await user.click(screen.getByRole('button', { name: 'Review change' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Move traffic on production?' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'a quarter first');
    await user.click(within(dialog).getByRole('button', { name: 'Move traffic' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH').map((request) => request.body)).toEqual([
      { strategy_data: { desired_switched_traffic: 25 }, reason: 'a quarter first' },
    ]);
  });

  test('connected to nullplatform no reason is asked for nor sent (it documents no such field)', async () => {
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 42 },
      health_timeout_ms: null,
    });
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Roll back 1.2.0 on production?' });
    expect(within(dialog).queryByRole('textbox', { name: 'Reason (optional)' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH').map((request) => request.body)).toEqual([
      { status: 'cancelling' },
    ]);
  });
});

/**
 * The deployment page's actions are safe to click twice, give focus back, and say what they did (issue 9, items 5,
 * 6, 8 and 15).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';

import { openPage, slider } from './deployment-fixture';

const deployment71 = () => db.deployments.find((deployment) => deployment.id === 71);

describe('safe to click twice', () => {
  test('a double click on Finalize sends one request, closes the dialog and says what happens', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Finalize' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Finalize 1.2.0 on production?' });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Finalize' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH')).toHaveLength(1);
    expect(await screen.findByText('Finalizing 1.2.0 on production')).toBeInTheDocument();
    expect(screen.queryByText(/The platform refused/)).not.toBeInTheDocument();
  });

  test('a 409 because the deployment is already finalizing counts as done: no error, the dialog closes', async () => {
    const { user } = await openPage();
    server.use(
      http.patch('/api/deployment/:id', () => {
        // Another tab (or the first of two clicks) got there first.
        const deployment = deployment71();
        if (deployment) deployment.status = 'finalizing';
        return HttpResponse.json({ message: 'deployment 71 is already finalizing' }, { status: 409 });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Finalize' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Finalize 1.2.0 on production?' });
    await user.click(within(dialog).getByRole('button', { name: 'Finalize' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.queryByText(/The platform refused/)).not.toBeInTheDocument();
    expect(await screen.findByText('It was already finalizing: nothing more was needed.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('deployment-status')).toHaveTextContent('finalizing'));
  });

  test('a 409 for a roll back of a deployment already rolled back counts as done', async () => {
    const { user } = await openPage();
    server.use(
      http.patch('/api/deployment/:id', () => {
        const deployment = deployment71();
        if (deployment) deployment.status = 'rolled_back';
        return HttpResponse.json(
          { message: 'deployment 71 cannot go from rolled_back to cancelling' },
          { status: 409 },
        );
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Roll back 1.2.0 on production?' });
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Rolling back 1.2.0 on production')).toBeInTheDocument();
    expect(screen.getByText('It was already rolled back: nothing more was needed.')).toBeInTheDocument();
  });

  test('the confirm button is busy while the request is in flight', async () => {
    const { user } = await openPage();
    let patches = 0;
    server.use(
      http.patch('/api/deployment/:id', async () => {
        patches += 1;
        await delay('infinite');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    // Busy: it keeps the focus (aria-disabled) and ignores another click; the way out is closed meanwhile.
    const confirm = within(dialog).getByRole('button', { name: 'Roll back' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toBeDisabled();
    await user.click(confirm);
    expect(patches).toBe(1);
  });
});

describe('focus', () => {
  test('a confirmation closed with Escape gives focus back to the button that opened it', async () => {
    const { user } = await openPage();
    const rollBack = screen.getByRole('button', { name: 'Roll back' });
    await user.click(rollBack);
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(rollBack).toHaveFocus());
  });

  test('after Finalize disables its own button, focus goes to the Actions section, not the page', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Finalize' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Finalize' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Actions' })).toHaveFocus());
  });
});

describe('the traffic control', () => {
  test('shows the split it is set to, takes a typed percentage, previews it and toasts once it is moved', async () => {
    const { user } = await openPage();
    await waitFor(() => expect(screen.getByTestId('traffic-selection')).toHaveTextContent('0% → 1.2.0 · 100% → 1.1.0'));
    expect(screen.queryByTestId('traffic-preview')).not.toBeInTheDocument();

    const field = screen.getByRole('spinbutton', { name: 'Percent to 1.2.0' });
    await user.clear(field);
    await user.type(field, '30');
    expect(slider()).toHaveAttribute('aria-valuenow', '30');
    expect(screen.getByTestId('traffic-selection')).toHaveTextContent('30% → 1.2.0 · 70% → 1.1.0');
    expect(screen.getByRole('img', { name: 'Preview: 1.1.0 70%, 1.2.0 30%' })).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, '150');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/"150" is not a whole percentage from 0 to 100/);
    // Each keystroke that makes a valid percentage moves the slider ("1", "15"); "150" does not.
    expect(slider()).toHaveAttribute('aria-valuenow', '15');

    // A preset moves the value, and the field follows it again.
    await user.click(screen.getByRole('button', { name: '5%' }));
    expect(field).toHaveValue(5);
    expect(field).not.toHaveAttribute('aria-invalid');

    await user.click(screen.getByRole('button', { name: 'Review change' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Move traffic on production?' });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Move traffic' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requestsTo('/api/deployment/71', 'PATCH')).toHaveLength(1);
    expect(await screen.findByText('Traffic moved on production: 5% → 1.2.0 · 95% → 1.1.0')).toBeInTheDocument();
  });
});

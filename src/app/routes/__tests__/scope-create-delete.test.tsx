/** Item 1 of issue 9: create a scope in the console, and delete one behind a confirmation that names it. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildScope } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { renderRoute } from '@/testing/test-utils';

function seed() {
  db.applications.push(buildApplication({ id: 1, name: 'greeter' }));
  db.scopes.push(buildScope({ id: 10, application_id: 1, name: 'production', active_deployment: null }));
}

describe('create and delete scopes', () => {
  test('bad input is named next to its field; nothing is sent until it is right', async () => {
    seed();
    const { user, router } = renderRoute('/applications/1/scopes');
    await user.click(await screen.findByRole('button', { name: 'Create scope' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a scope' });
    // The dialog opens on its first field.
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    await user.type(within(dialog).getByLabelText('Name'), 'production');
    await user.clear(within(dialog).getByLabelText('Instances'));
    await user.type(within(dialog).getByLabelText('Instances'), '40');
    await user.clear(within(dialog).getByLabelText('Health check path'));
    await user.type(within(dialog).getByLabelText('Health check path'), 'health');
    await user.type(within(dialog).getByLabelText('Other dimensions'), 'region');
    await user.click(within(dialog).getByRole('button', { name: 'Create scope' }));
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      'This application already has a scope named production',
    );
    expect(within(dialog).getByLabelText('Environment')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Instances')).toHaveAccessibleDescription('A whole number from 1 to 10');
    expect(within(dialog).getByLabelText('Health check path')).toHaveAccessibleDescription(/starts with \//);
    expect(within(dialog).getByLabelText('Other dimensions')).toHaveAccessibleDescription(/"region" is not key=value/);
    expect(requestsTo('/api/scope', 'POST')).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'development');
    await user.type(within(dialog).getByLabelText('Environment'), 'development');
    await user.clear(within(dialog).getByLabelText('Instances'));
    await user.type(within(dialog).getByLabelText('Instances'), '2');
    await user.clear(within(dialog).getByLabelText('Health check path'));
    await user.type(within(dialog).getByLabelText('Health check path'), '/ready');
    await user.type(within(dialog).getByLabelText('Other dimensions'), '=eu');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'web_pool');
    await user.click(within(dialog).getByRole('button', { name: 'Create scope' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/scopes\/\d+$/));
    expect(requestsTo('/api/scope', 'POST')[0]?.body).toEqual({
      application_id: 1,
      name: 'development',
      type: 'web_pool',
      dimensions: { environment: 'development', region: 'eu' },
      capabilities: { scaling_type: 'fixed', fixed_instances: 2, health_check: { path: '/ready' } },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'development' })).toBeInTheDocument();
  });

  test("the server's refusal of a name goes next to the name", async () => {
    seed();
    const { user } = renderRoute('/applications/1/scopes');
    await user.click(await screen.findByRole('button', { name: 'Create scope' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a scope' });
    // Another tab created it meanwhile: the list the dialog checked against does not have it yet.
    db.scopes.push(buildScope({ id: 12, application_id: 1, name: 'qa' }));
    await user.type(within(dialog).getByLabelText('Name'), 'qa');
    await user.type(within(dialog).getByLabelText('Environment'), 'qa');
    await user.click(within(dialog).getByRole('button', { name: 'Create scope' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
        "There's already a scope with this name on this application",
      ),
    );
  });

  test('delete asks with the scope named, and a refusal stays in the dialog', async () => {
    seed();
    db.scopes.push(
      buildScope({ id: 11, application_id: 1, name: 'staging', active_deployment: null, in_progress_deployment: 90 }),
    );
    const { user, router } = renderRoute('/scopes/11');
    await user.click(await screen.findByRole('button', { name: 'Delete scope' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete scope staging?' });
    expect(confirm).toHaveTextContent('A deployment is in flight here');
    await user.type(within(confirm).getByRole('textbox', { name: /Type staging to confirm/ }), 'staging');
    await user.click(within(confirm).getByRole('button', { name: 'Delete staging' }));
    expect(await within(confirm).findByText('staging was not deleted.')).toBeInTheDocument();
    expect(within(confirm).getByRole('alert')).toHaveTextContent('in flight');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(router.state.location.pathname).toBe('/scopes/11');
  });

  test('delete: confirmed, the scope goes away and the page goes back to the scopes', async () => {
    seed();
    const { user, router } = renderRoute('/scopes/10');
    await user.click(await screen.findByRole('button', { name: 'Delete scope' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete scope production?' });
    // Nothing is deleted until the name is typed.
    expect(within(confirm).getByRole('button', { name: 'Delete production' })).toBeDisabled();
    await user.type(within(confirm).getByRole('textbox', { name: /Type production to confirm/ }), 'productio');
    expect(within(confirm).getByRole('button', { name: 'Delete production' })).toBeDisabled();
    await user.type(within(confirm).getByRole('textbox', { name: /Type production to confirm/ }), 'n');
    await user.dblClick(within(confirm).getByRole('button', { name: 'Delete production' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications/1/scopes'));
    expect(requestsTo('/api/scope/10', 'DELETE')).toHaveLength(1);
    expect((await screen.findAllByText('Scope production is being deleted')).length).toBeGreaterThan(0);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { buildApplication, buildConsoleInfo, buildNamespace } from '@/testing/data';
import { db, requestsTo } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute, searchOf } from '@/testing/test-utils';

const connected = () =>
  buildConsoleInfo({
    mode: 'connected',
    upstream: { host: 'api.nullplatform.com', organization_id: 42 },
    live_events: false,
  });

function seed() {
  db.namespaces.push(buildNamespace({ id: 3, name: 'Payments' }), buildNamespace({ id: 7, name: 'Logistics' }));
  db.applications.push(
    buildApplication({ name: 'checkout', namespace_id: 3 }),
    buildApplication({ name: 'billing', namespace_id: 3 }),
    buildApplication({ name: 'fleet', namespace_id: 7 }),
  );
}

describe('namespace picker (local platform)', () => {
  test('lists all namespaces by default; a choice goes to the URL and filters the applications', async () => {
    seed();
    const { user, router } = renderRoute('/');
    await screen.findByRole('link', { name: 'fleet' });
    const picker = screen.getByRole('combobox', { name: 'Namespace' });
    expect(picker).toHaveValue('');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All namespaces', 'Payments', 'Logistics']);
    expect(requestsTo('/api/application').at(-1)?.url.searchParams.has('namespace_id')).toBe(false);

    await user.selectOptions(picker, 'Logistics');
    await waitFor(() => expect(searchOf(router).get('namespace_id')).toBe('7'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'checkout' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'fleet' })).toBeInTheDocument();
    expect(requestsTo('/api/application').at(-1)?.url.searchParams.get('namespace_id')).toBe('7');

    // In local mode the namespace is a filter like the others.
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/');
    await user.selectOptions(picker, 'All namespaces');
    await waitFor(() => expect(searchOf(router).has('namespace_id')).toBe(false));
    expect(await screen.findByRole('link', { name: 'checkout' })).toBeInTheDocument();
  });

  test('a deep link with a namespace shows its applications', async () => {
    seed();
    renderRoute('/?namespace_id=3');
    expect(await screen.findByRole('link', { name: 'billing' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'fleet' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Namespace' })).toHaveValue('3'));
  });
});

describe('account and namespace pickers (connected mode)', () => {
  test('without an account or a namespace in the URL it takes the first of each and keeps them there', async () => {
    db.info = connected();
    seed();
    const { router } = renderRoute('/');
    expect(await screen.findByRole('link', { name: 'checkout' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'fleet' })).not.toBeInTheDocument();
    expect(searchOf(router).get('account_id')).toBe('1');
    expect(searchOf(router).get('namespace_id')).toBe('3');
    expect(screen.getByRole('combobox', { name: 'Account' })).toHaveValue('1');
    const picker = screen.getByRole('combobox', { name: 'Namespace' });
    expect(picker).toHaveValue('3');
    expect(within(picker).queryByRole('option', { name: 'All namespaces' })).not.toBeInTheDocument();
    // Down from the organization the token names, as nullplatform lists them; never every application at once.
    expect(requestsTo('/api/account').map((request) => request.url.searchParams.get('organization_id'))).toEqual([
      '42',
    ]);
    expect(requestsTo('/api/namespace').map((request) => request.url.searchParams.get('account_id'))).toEqual(['1']);
    expect(requestsTo('/api/application').map((request) => request.url.searchParams.get('namespace_id'))).toEqual([
      '3',
    ]);
  });

  test('another account has other namespaces: choosing it takes its first namespace', async () => {
    db.info = connected();
    seed();
    db.namespaces.push(buildNamespace({ id: 9, name: 'Tools', account_id: 2 }));
    db.applications.push(buildApplication({ name: 'automation', namespace_id: 9 }));
    const { user, router } = renderRoute('/?account_id=1&namespace_id=7');
    await screen.findByRole('link', { name: 'fleet' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'Account 2');
    await waitFor(() => expect(searchOf(router).get('account_id')).toBe('2'));
    await waitFor(() => expect(searchOf(router).get('namespace_id')).toBe('9'));
    expect(await screen.findByRole('link', { name: 'automation' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'fleet' })).not.toBeInTheDocument();
  });

  test('another namespace is one choice away, and "Clear filters" keeps the account and the namespace', async () => {
    db.info = connected();
    seed();
    const { user, router } = renderRoute('/?namespace_id=3&status=active');
    await screen.findByRole('link', { name: 'checkout' });
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute(
        'href',
        '/?account_id=1&namespace_id=3',
      ),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Namespace' }), 'Logistics');
    await waitFor(() => expect(searchOf(router).get('namespace_id')).toBe('7'));
    expect(await screen.findByRole('link', { name: 'fleet' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'checkout' })).not.toBeInTheDocument();
  });

  test('when the namespaces cannot be read it says so in place and takes a typed id', async () => {
    db.info = connected();
    seed();
    server.use(
      http.get('/api/namespace', () => HttpResponse.json({ message: 'forbidden: namespace:list' }, { status: 403 })),
    );
    const { user, router } = renderRoute('/');
    expect(await screen.findByTestId('namespace-error')).toHaveTextContent(
      "Couldn't list the namespaces: forbidden: namespace:list",
    );
    expect(searchOf(router).has('namespace_id')).toBe(false);
    // nullplatform lists applications per namespace: none is asked for until there is one.
    expect(requestsTo('/api/application')).toEqual([]);

    await user.type(screen.getByRole('searchbox', { name: 'Namespace id' }), '7{Enter}');
    await waitFor(() => expect(searchOf(router).get('namespace_id')).toBe('7'));
    expect(await screen.findByRole('link', { name: 'fleet' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'checkout' })).not.toBeInTheDocument();
  });

  test('when the accounts cannot be read it says so in place and takes a typed id', async () => {
    db.info = connected();
    seed();
    server.use(
      http.get('/api/account', () => HttpResponse.json({ message: 'Insufficient permissions' }, { status: 403 })),
    );
    const { user, router } = renderRoute('/');
    expect(await screen.findByTestId('account-error')).toHaveTextContent(
      "Couldn't list the accounts: Insufficient permissions",
    );
    await user.type(screen.getByRole('searchbox', { name: 'Account id' }), '1{Enter}');
    await waitFor(() => expect(searchOf(router).get('account_id')).toBe('1'));
    expect(await screen.findByRole('link', { name: 'checkout' })).toBeInTheDocument();
  });
});

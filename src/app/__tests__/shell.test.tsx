import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';

import { applicationQueries } from '@/features/applications/api/queries';
import { buildApplication } from '@/testing/data';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderRoute } from '@/testing/test-utils';

describe('app shell', () => {
  test('the theme switch follows the OS by default and remembers a choice', async () => {
    const { user } = renderRoute('/');
    const group = await screen.findByRole('group', { name: 'Theme' });
    expect(within(group).getByRole('radio', { name: 'System' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveClass('dark');
    expect(window.localStorage.getItem('np-console-theme')).toBe('dark');
    await user.click(within(group).getByRole('radio', { name: 'Light' }));
    expect(document.documentElement).not.toHaveClass('dark');
    await user.click(within(group).getByRole('radio', { name: 'System' }));
    expect(window.localStorage.getItem('np-console-theme')).toBeNull();
  });

  test('a failed background refresh raises a toast and keeps the data on screen', async () => {
    db.applications.push(buildApplication({ name: 'checkout' }));
    const { queryClient } = renderRoute('/');
    await screen.findByRole('link', { name: 'checkout' });
    server.use(
      http.get('/api/application', () => HttpResponse.json({ message: 'database is locked' }, { status: 500 })),
    );
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }));
    expect(await screen.findByText("Couldn't refresh the application list")).toBeInTheDocument();
    expect(screen.getAllByText('database is locked').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'checkout' })).toBeInTheDocument();
  });

  test('breadcrumbs lead back to the application', async () => {
    db.applications.push(buildApplication({ id: 1, name: 'checkout' }));
    renderRoute('/applications/1/releases');
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumb' });
    await waitFor(() =>
      expect(within(crumbs).getByRole('link', { name: 'checkout' })).toHaveAttribute('href', '/applications/1'),
    );
    expect(within(crumbs).getByRole('link', { name: 'Applications' })).toHaveAttribute('href', '/');
    expect(within(crumbs).getByText('Releases')).toHaveAttribute('aria-current', 'page');
  });

  test('"/" focuses the search', async () => {
    const { user } = renderRoute('/');
    const search = await screen.findByRole('searchbox', { name: /search by name/i });
    await user.keyboard('/');
    expect(search).toHaveFocus();
  });
});

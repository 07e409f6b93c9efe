import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, test, vi } from 'vitest';

import type { ConsoleInfo } from '@contract/console';

import { ApiError, SchemaError } from '@/lib/api-client';
import { cliSnippets } from '@/lib/cli-snippets';
import { consoleInfoQuery } from '@/lib/console-info';
import { buildConsoleInfo } from '@/testing/data';

import { Button } from '../button';
import { CodeSnippet } from '../code-snippet';
import { ConfirmDialog } from '../confirm-dialog';
import { ErrorState } from '../error-state';
import { ExternalLink } from '../external-link';
import { Pagination } from '../pagination';
import { StatusBadge, statusTone } from '../badge';
import { Table, TBody, TD, TH, THead, TR } from '../table';

describe('command-line snippets (issue 9, item 14)', () => {
  function renderWith(info: ConsoleInfo) {
    const client = new QueryClient();
    client.setQueryData(consoleInfoQuery.queryKey, info);
    render(
      <QueryClientProvider client={client}>
        <CodeSnippet snippet={cliSnippets.finalizeDeployment(7)} title="Finalize from the command line" />
      </QueryClientProvider>,
    );
  }

  test('labelled by their action, with what to set NP_API_URL and NP_TOKEN to on the local platform', () => {
    renderWith(buildConsoleInfo());
    expect(screen.getByRole('region', { name: 'Finalize from the command line' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Finalize from the command line' })).toBeVisible();
    const setup = screen.getByTestId('cli-setup');
    expect(setup).toHaveTextContent('First set NP_API_URL and NP_TOKEN (local platform)');
    expect(setup).toHaveTextContent(`export NP_API_URL='${window.location.origin}/api'`);
    expect(setup).toHaveTextContent('export NP_TOKEN=local');
  });

  test('connected: the nullplatform host, and a token from your own API key', () => {
    renderWith(
      buildConsoleInfo({
        mode: 'connected',
        upstream: { host: 'api.nullplatform.com', organization_id: 42 },
        live_events: false,
      }),
    );
    const setup = screen.getByTestId('cli-setup');
    expect(setup).toHaveTextContent('(connected)');
    expect(setup).toHaveTextContent("export NP_API_URL='https://api.nullplatform.com'");
    expect(setup).toHaveTextContent('$NP_API_KEY');
    expect(setup).toHaveTextContent('jq -r .access_token');
  });

  test('connected to an API at another scheme or under a path: the address as the console was given it', () => {
    renderWith(
      buildConsoleInfo({
        mode: 'connected',
        upstream: { host: '127.0.0.1:4100', organization_id: 1, url: 'http://127.0.0.1:4100/api' },
        live_events: false,
      }),
    );
    expect(screen.getByTestId('cli-setup')).toHaveTextContent("export NP_API_URL='http://127.0.0.1:4100/api'");
  });
});

describe('ui primitives', () => {
  test('external link: links http(s) addresses, and shows any other scheme as plain text', () => {
    const { unmount } = render(
      <ExternalLink href="https://github.com/acme/greeter">github.com/acme/greeter</ExternalLink>,
    );
    expect(screen.getByRole('link', { name: /github\.com\/acme\/greeter/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/greeter',
    );
    unmount();
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'example.com',
    ]) {
      const { container, unmount: done } = render(<ExternalLink href={href}>the address</ExternalLink>);
      expect(screen.queryByRole('link'), href).toBeNull();
      expect(container.querySelector('a')).toBeNull();
      expect(container).toHaveTextContent('the address');
      done();
    }
  });

  test('code snippet: tabs switch with the arrow keys and copy announces "Copied"', async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CodeSnippet snippet={{ np: 'np deployment read --id 1', curl: 'curl "$NP_API_URL/deployment/1"' }} />
      </QueryClientProvider>,
    );
    const npTab = screen.getByRole('tab', { name: 'np CLI' });
    expect(npTab).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('button', { name: 'Copy np command' }));
    expect(await navigator.clipboard.readText()).toBe('np deployment read --id 1');
    expect(screen.getAllByText('Copied').length).toBeGreaterThan(0);
    npTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'curl' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('curl "$NP_API_URL/deployment/1"');
  });

  test('confirm dialog restates the change and confirms or cancels', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    function Harness() {
      const [open, setOpen] = useState(true);
      return (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title="Move traffic?"
          description="old 75% → 50%, new 25% → 50%"
          confirmLabel="Move traffic"
          onConfirm={onConfirm}
        />
      );
    }
    render(<Harness />);
    const dialog = screen.getByRole('alertdialog', { name: 'Move traffic?' });
    expect(dialog).toHaveAccessibleDescription('old 75% → 50%, new 25% → 50%');
    await user.click(within(dialog).getByRole('button', { name: 'Move traffic' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  test('error state names an API error and a schema error', () => {
    const { rerender } = render(
      <MemoryRouter>
        <ErrorState
          error={
            new ApiError({
              status: 409,
              message: 'already a running deployment',
              body: {},
              method: 'POST',
              url: '/api/deployment',
            })
          }
        />
      </MemoryRouter>,
    );
    expect(screen.getByText('Request refused (409)')).toBeInTheDocument();
    expect(screen.getByText('already a running deployment')).toBeInTheDocument();
    rerender(
      <MemoryRouter>
        <ErrorState
          error={
            new SchemaError({
              issues: [{ path: 'strategy_data', message: 'Invalid input' }],
              method: 'GET',
              url: '/api/deployment/1',
            })
          }
        />
      </MemoryRouter>,
    );
    expect(screen.getByText('strategy_data')).toBeInTheDocument();
  });

  test('pagination links keep the filters and move the offset', () => {
    render(
      <MemoryRouter initialEntries={['/x?status=failed&offset=30']}>
        <Pagination paging={{ total: 95, offset: 30, limit: 30 }} count={30} />
      </MemoryRouter>,
    );
    expect(screen.getByText('Showing 31–60 of 95')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Previous' })).toHaveAttribute('href', '/x?status=failed');
    expect(screen.getByRole('link', { name: 'Next' })).toHaveAttribute('href', '/x?status=failed&offset=60');
  });

  test('status badges say the status and carry a tone per status', () => {
    render(<StatusBadge status="waiting_for_instances" />);
    expect(screen.getByText('waiting for instances')).toBeInTheDocument();
    expect(statusTone('finalized')).toBe('success');
    expect(statusTone('failed')).toBe('danger');
    expect(statusTone('something-new')).toBe('neutral');
  });
});

describe('a table wider than its box (phone size)', () => {
  /** jsdom lays nothing out: the scroller's widths are set as a phone's would be. */
  function layOut(scrollWidth: number, clientWidth: number) {
    const scroller = screen.getByRole('table', { name: 'Builds' }).parentElement;
    if (!scroller) throw new Error('no scroller');
    Object.defineProperty(scroller, 'scrollWidth', { configurable: true, value: scrollWidth });
    Object.defineProperty(scroller, 'clientWidth', { configurable: true, value: clientWidth });
    fireEvent.scroll(scroller);
    return scroller;
  }

  function renderTable() {
    render(
      <Table caption="Builds">
        <THead>
          <TR>
            <TH>Build</TH>
            <TH>Commit</TH>
          </TR>
        </THead>
        <TBody>
          <TR>
            <TD>#13</TD>
            <TD>e1d2c3b</TD>
          </TR>
        </TBody>
      </Table>,
    );
  }

  test('shades the side that has more and says it scrolls; says nothing when it fits', () => {
    renderTable();
    const scroller = layOut(358, 358);
    expect(screen.queryByTestId('table-scroll-hint')).not.toBeInTheDocument();
    expect(screen.queryByTestId('table-more-right')).not.toBeInTheDocument();

    layOut(900, 358);
    expect(screen.getByTestId('table-scroll-hint')).toHaveTextContent('Scroll sideways for more columns →');
    expect(screen.getByTestId('table-more-right')).toBeInTheDocument();
    expect(screen.queryByTestId('table-more-left')).not.toBeInTheDocument();

    scroller.scrollLeft = 900 - 358;
    fireEvent.scroll(scroller);
    expect(screen.getByTestId('table-scroll-hint')).toHaveTextContent('← Scroll back for the first columns');
    expect(screen.getByTestId('table-more-left')).toBeInTheDocument();
    expect(screen.queryByTestId('table-more-right')).not.toBeInTheDocument();
  });
});

describe('a busy button', () => {
  function BusyAfterClick({ onAct }: { onAct: () => void }) {
    const [busy, setBusy] = useState(false);
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onAct();
          setBusy(true);
        }}
      >
        <input aria-label="Rate" />
        <Button type="submit" isLoading={busy}>
          {busy ? 'Stop' : 'Send'}
        </Button>
      </form>
    );
  }

  test('keeps the keyboard focus and does nothing more until it is done', async () => {
    const user = userEvent.setup();
    const onAct = vi.fn();
    render(<BusyAfterClick onAct={onAct} />);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const busy = screen.getByRole('button', { name: 'Stop' });
    // Disabled, the focused button would have dropped the focus to the page.
    expect(busy).toHaveFocus();
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await user.keyboard('{Enter}');
    await user.click(busy);
    // Enter in a field submits the form through its default button: ignored as well.
    await user.type(screen.getByRole('textbox', { name: 'Rate' }), '5{Enter}');
    expect(onAct).toHaveBeenCalledTimes(1);
  });
});

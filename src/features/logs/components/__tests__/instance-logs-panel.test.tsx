import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, onTestFinished, test, vi } from 'vitest';

import { AppProvider, createAppQueryClient } from '@/app/provider';
import { buildConsoleInfo } from '@/testing/data';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';

import { FOLLOW_INTERVAL_MS } from '../../hooks/use-instance-logs';
import { InstanceLogsPanel } from '../instance-logs-panel';

type Line = {
  seq: number;
  instance: number;
  stream: 'stdout' | 'stderr' | 'platform';
  timestamp: string;
  line: string;
};

/** A deployment's log as the console server answers it: the last `limit` lines, or those after `since`. */
function fakeLog(initial: Array<Omit<Line, 'seq' | 'timestamp'>>) {
  const lines: Line[] = [];
  const asked: URLSearchParams[] = [];
  const write = (line: Omit<Line, 'seq' | 'timestamp'>) =>
    lines.push({
      ...line,
      seq: lines.length + 1,
      timestamp: new Date(Date.UTC(2024, 4, 1, 10, 0, lines.length)).toISOString(),
    });
  initial.forEach(write);
  server.use(
    http.get('/console/deployment/:id/logs', ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      const instance = query.get('instance');
      const since = query.get('since');
      const limit = Number(query.get('limit') ?? 200);
      const mine = lines.filter((line) => instance === null || String(line.instance) === instance);
      const after =
        since === null ? mine.slice(-limit) : mine.filter((line) => line.seq > Number(since)).slice(0, limit);
      return HttpResponse.json({
        deployment_id: 31,
        instances: [0, 1],
        results: after,
        paging: {
          limit,
          since: since === null ? null : Number(since),
          next: Math.max(Number(since ?? 0), lines.length),
          has_more: false,
        },
      });
    }),
  );
  return { write, asked, lines };
}

function renderPanel(status = 'running', serving = false) {
  const user = userEvent.setup();
  render(
    <AppProvider queryClient={createAppQueryClient({ retry: false })}>
      <InstanceLogsPanel
        deployment={{ id: 31, status, strategy_data: { amount_instances_to_wait: 2 } }}
        serving={serving}
      />
    </AppProvider>,
  );
  return { user };
}

const logOf = (name: string) => screen.findByRole('log', { name });
const linesIn = (log: HTMLElement) =>
  within(log)
    .queryAllByRole('listitem')
    .map((item) => item.textContent ?? '');

const initial = [
  { instance: 0, stream: 'platform', line: 'started: pid 4242 on port 40001' },
  { instance: 0, stream: 'stdout', line: 'listening on 40001' },
  { instance: 1, stream: 'stdout', line: 'listening on 40002' },
  { instance: 0, stream: 'stderr', line: 'error: cache unreachable' },
  { instance: 0, stream: 'stdout', line: 'GET /orders 200' },
] as const;

describe('instance logs panel', () => {
  test("shows an instance's last lines with stderr marked, and each instance (and all of them) in tabs", async () => {
    fakeLog([...initial]);
    const { user } = renderPanel();
    const log = await logOf('Log of instance #0');
    await waitFor(() => expect(linesIn(log)).toHaveLength(4));
    const stderr = within(log).getByText('error: cache unreachable').closest('li');
    expect(stderr).toHaveAttribute('data-stream', 'stderr');
    expect(stderr).toHaveTextContent(/stderr\s*error: cache unreachable/);
    expect(within(log).getByText('listening on 40001').closest('li')).toHaveAttribute('data-stream', 'stdout');

    const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs).toEqual(['Instance #0', 'Instance #1', 'All instances']);
    expect(screen.getByRole('tab', { name: 'Instance #0' })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('tab', { name: 'Instance #1' }));
    await waitFor(async () =>
      expect(linesIn(await logOf('Log of instance #1'))).toEqual([expect.stringContaining('listening on 40002')]),
    );
    await user.keyboard('{ArrowRight}');
    const all = await logOf('Log of all instances');
    await waitFor(() => expect(linesIn(all)).toHaveLength(5));
    expect(linesIn(all)[2]).toContain('#1');
  });

  test('follows new lines, asking only for what comes after the last one it has', async () => {
    const log = fakeLog([...initial]);
    renderPanel();
    const shown = await logOf('Log of instance #0');
    await waitFor(() => expect(linesIn(shown)).toHaveLength(4));
    expect(screen.getByTestId('log-status')).toHaveTextContent('Following');
    log.write({ instance: 0, stream: 'stdout', line: 'GET /orders/7 200' });
    log.write({ instance: 1, stream: 'stdout', line: 'not for this tab' });
    await waitFor(() => expect(linesIn(shown).at(-1)).toContain('GET /orders/7 200'));
    expect(linesIn(shown)).toHaveLength(5);
    const follows = log.asked.filter((query) => query.has('since'));
    expect(follows.length).toBeGreaterThan(0);
    expect(follows.every((query) => query.get('instance') === '0')).toBe(true);
    expect(follows[0]?.get('since')).toBe('5');
  });

  test('pause stops reading; follow again catches up from where it paused', async () => {
    const log = fakeLog([...initial]);
    const { user } = renderPanel();
    const shown = await logOf('Log of instance #0');
    await waitFor(() => expect(linesIn(shown)).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByTestId('log-status')).toHaveTextContent('Paused');
    const askedWhenPaused = log.asked.length;
    log.write({ instance: 0, stream: 'stderr', line: 'written while paused' });
    await act(() => new Promise((resolve) => setTimeout(resolve, FOLLOW_INTERVAL_MS * 2)));
    expect(log.asked).toHaveLength(askedWhenPaused);
    expect(within(shown).queryByText('written while paused')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Follow' }));
    await waitFor(() => expect(within(shown).getByText('written while paused')).toBeInTheDocument());
    expect(log.asked.at(-1)?.get('since')).toBeDefined();
  });

  test('a finished deployment opens paused, at its newest line', async () => {
    // jsdom lays nothing out: a log taller than its box, as a browser would measure it.
    const scrollHeight = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(900);
    onTestFinished(() => scrollHeight.mockRestore());
    fakeLog([...initial]);
    renderPanel('rolled_back');
    const shown = await logOf('Log of instance #0');
    await waitFor(() => expect(linesIn(shown)).toHaveLength(4));
    expect(screen.getByRole('button', { name: 'Follow' })).toBeInTheDocument();
    expect(shown.scrollTop).toBe(900);
  });

  test('the deployment its scope serves (finalized, its instances running) opens following', async () => {
    const log = fakeLog([...initial]);
    renderPanel('finalized', true);
    const shown = await logOf('Log of instance #0');
    await waitFor(() => expect(linesIn(shown)).toHaveLength(4));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    log.write({ instance: 0, stream: 'stdout', line: 'GET /orders 200 (still serving)' });
    await waitFor(() => expect(within(shown).getByText('GET /orders 200 (still serving)')).toBeInTheDocument());
  });

  test('search keeps the lines that match, marked, and says how many', async () => {
    fakeLog([...initial]);
    const { user } = renderPanel();
    const shown = await logOf('Log of instance #0');
    await waitFor(() => expect(linesIn(shown)).toHaveLength(4));
    await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'LISTENING');
    expect(linesIn(shown)).toEqual([expect.stringContaining('listening on 40001')]);
    expect(within(shown).getByText('listening', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.getByTestId('log-status')).toHaveTextContent('1 line matches “LISTENING” of 4');
    // What is announced: the state and the matches, not the count of lines, which moves with every line followed.
    expect(screen.getByRole('status')).toHaveTextContent(/^Following: .* 1 line matches “LISTENING”$/);
    await user.clear(screen.getByRole('searchbox', { name: 'Search the log' }));
    expect(linesIn(shown)).toHaveLength(4);
  });

  test('download saves the lines shown as a .log file', async () => {
    fakeLog([...initial]);
    const saved: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:log';
    });
    // jsdom has no object URLs: these stand in for the browser's, and go after the test.
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    onTestFinished(() => void Object.assign(URL, original));
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const { user } = renderPanel();
    const shown = await logOf('Log of instance #0');
    await waitFor(() => expect(linesIn(shown)).toHaveLength(4));
    await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'on');
    await user.click(screen.getByRole('button', { name: 'Download .log' }));

    expect(clicked).toEqual(['deployment-31-instance-0.log']);
    expect(await saved[0]?.text()).toBe(
      [
        '2024-05-01T10:00:00.000Z #0 platform started: pid 4242 on port 40001',
        '2024-05-01T10:00:01.000Z #0 stdout listening on 40001',
      ]
        .map((line) => `${line}\n`)
        .join(''),
    );
  });

  test('in connected mode it says that logs live in nullplatform, and asks for none', async () => {
    db.info = buildConsoleInfo({
      mode: 'connected',
      live_events: false,
      upstream: { host: 'api.nullplatform.com', organization_id: 1 },
    });
    const log = fakeLog([...initial]);
    renderPanel();
    expect(await screen.findByText(/Instance logs live in nullplatform/)).toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(log.asked).toHaveLength(0);
  });

  test("an answer it cannot use is said next to the log, with the server's message", async () => {
    server.use(
      http.get('/console/deployment/:id/logs', () =>
        HttpResponse.json({ message: 'deployment 31 has no instance 0' }, { status: 404 }),
      ),
    );
    renderPanel();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Couldn't read the log: deployment 31 has no instance 0",
    );
  });
});

import { isTerminal } from '@contract/deployment-lifecycle';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';

import { Button } from '@/components/ui/button';
import { focusRing } from '@/components/ui/focus-ring';
import { SectionHeading } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import { consoleInfoQuery, readsLocalPlatform } from '@/lib/console-info';
import type { Deployment } from '@/lib/read/deployment';

import { downloadLog, logFileName } from '../download-log';
import { KEPT_LINES, useInstanceLogs } from '../hooks/use-instance-logs';
import { InstanceTabs, tabLabel, type LogChoice } from './instance-tabs';
import { LogLines } from './log-lines';

export type InstanceLogsPanelProps = {
  deployment: Pick<Deployment, 'id' | 'status' | 'strategy_data'>;
  /** The scope serves this deployment: its instances still run and write, whatever its (finalized) status. */
  serving?: boolean;
};

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/**
 * What the deployment's instances write to stdout and stderr, one tab per instance (and one for all): the last lines,
 * then new ones as they come (follow, pause), a search that keeps only the lines that match, and a download of the
 * lines shown. The local platform's data plane keeps the logs, after the instances stop too; in connected mode
 * nullplatform keeps them, and the panel says so.
 */
export function InstanceLogsPanel({ deployment, serving = false }: InstanceLogsPanelProps) {
  const headingId = useId();
  const panelId = useId();
  const info = useQuery(consoleInfoQuery);
  const connected = info.data?.mode === 'connected';
  const [choice, setChoice] = useState<LogChoice>(0);
  // A finished deployment's instances write nothing more, so its log opens paused; but the one its scope serves (an
  // initial or finalized deployment) keeps running, and its log opens following.
  const [following, setFollowing] = useState(() => serving || !isTerminal(deployment.status));
  const [search, setSearch] = useState('');
  const instance = choice === 'all' ? undefined : choice;
  // Read once the console says it runs the local platform (or cannot say: the read then says what is wrong).
  const logs = useInstanceLogs(deployment.id, instance, following, readsLocalPlatform(info));

  const planned = Array.from({ length: deployment.strategy_data.amount_instances_to_wait ?? 1 }, (_, index) => index);
  const instances = [...new Set([...planned, ...logs.instances])].sort((a, b) => a - b);
  const needle = search.trim();
  const shown = useMemo(
    () =>
      needle === '' ? logs.lines : logs.lines.filter((line) => line.line.toLowerCase().includes(needle.toLowerCase())),
    [logs.lines, needle],
  );

  return (
    <section
      aria-labelledby={headingId}
      data-testid="instance-logs"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <SectionHeading id={headingId}>Instance logs</SectionHeading>
      {connected ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Instance logs live in nullplatform: open this deployment there to read what its instances write. The console
          keeps logs only for the local platform's instances.
        </p>
      ) : (
        <div className="space-y-3">
          <InstanceTabs instances={instances} selected={choice} onSelect={setChoice} panelId={panelId} />
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-800 dark:text-slate-200">
              Search the log
              <input
                type="search"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                placeholder="text in a line"
                className={cn(
                  'block w-56 max-w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900',
                  focusRing,
                )}
              />
            </label>
            <Button variant="secondary" size="sm" onClick={() => setFollowing((value) => !value)}>
              {following ? 'Pause' : 'Follow'}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={shown.length === 0}
              onClick={() => downloadLog(logFileName(deployment.id, instance), shown)}
            >
              Download .log
            </Button>
          </div>
          {/* Following, the counts change with every line: only the state and a search's matches are announced. */}
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="log-status">
            <span role="status">
              {following
                ? 'Following: new lines appear as they are written.'
                : 'Paused: new lines are read when you follow again.'}
              {needle !== '' && ` ${plural(shown.length, 'line matches', 'lines match')} “${needle}”`}
            </span>
            {needle === '' ? ` ${plural(shown.length, 'line', 'lines')}` : ` of ${logs.lines.length.toLocaleString()}`}
            {logs.dropped > 0 && ` (the browser keeps the last ${KEPT_LINES.toLocaleString()}; download keeps those)`}
          </p>
          <div role="tabpanel" id={panelId} aria-label={tabLabel(choice)}>
            {logs.error !== undefined && (
              <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
                Couldn't read the log: {describeError(logs.error)}
              </p>
            )}
            {!logs.loaded ? (
              logs.error === undefined && <Spinner size="sm" label="Loading the log…" />
            ) : logs.lines.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">Nothing written yet.</p>
            ) : (
              <LogLines
                lines={shown}
                label={`Log of ${tabLabel(choice).toLowerCase()}`}
                showInstance={choice === 'all'}
                highlight={needle}
                stickToEnd={following}
              />
            )}
          </div>
        </div>
      )}
    </section>
  );
}

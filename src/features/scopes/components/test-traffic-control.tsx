import { TEST_TRAFFIC_MAX_RATE, TEST_TRAFFIC_MAX_SECONDS } from '@contract/test-traffic-values';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError, TextField } from '@/components/ui/field';
import { SectionHeading } from '@/components/ui/page-header';
import { consoleInfoQuery } from '@/lib/console-info';
import { scopeAddress, type Scope } from '@/lib/read/scope';
import type { TestTrafficStatus } from '@/lib/read/test-traffic';

import { testTrafficQuery, useStartTestTraffic, useStopTestTraffic } from '../api/test-traffic';
import {
  fieldOfServerError,
  initialTestTrafficForm,
  testTrafficBody,
  testTrafficProblems,
  type TestTrafficField,
  type TestTrafficValues,
} from '../test-traffic-form';

const goneStatuses = ['deleting', 'deleted'];

const endReasons: Record<NonNullable<TestTrafficStatus['end_reason']>, string> = {
  duration: 'ran its full duration',
  stopped: 'stopped',
  scope_gone: 'stopped: the scope went away',
  console_stopping: 'stopped with the console',
};

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Sent and failed, live while it runs; the last run's totals after. The counts change every second, so they are not a
 * live region (a screen reader would read them out every second): only the start and the end of a run are announced.
 */
function Counts({ status }: { status: TestTrafficStatus }) {
  if (status.rate_per_second === null) return null;
  const secondsLeft =
    status.ends_at === null ? 0 : Math.max(0, Math.ceil((Date.parse(status.ends_at) - Date.now()) / 1000));
  const announced = status.running
    ? `Sending test traffic: ${status.rate_per_second} requests per second to ${status.path}.`
    : `Test traffic ${status.end_reason ? endReasons[status.end_reason] : 'ended'}: ${plural(status.sent, 'request')} sent, ${status.failed.toLocaleString('en-US')} failed.`;
  return (
    <div
      data-testid="test-traffic-counts"
      className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300"
    >
      <span role="status" className="sr-only" data-testid="test-traffic-announced">
        {announced}
      </span>
      {status.running ? (
        <Badge tone="progress" dot>
          Sending {status.rate_per_second}/s to {status.path}
        </Badge>
      ) : (
        <span className="font-medium">Last run ({status.end_reason ? endReasons[status.end_reason] : 'ended'}):</span>
      )}
      <span>{plural(status.sent, 'request')} sent</span>
      <span className={status.failed > 0 ? 'font-medium text-red-700 dark:text-red-400' : undefined}>
        {status.failed.toLocaleString('en-US')} failed
      </span>
      {status.running && <span>{secondsLeft} s left</span>}
      {status.failed > 0 && status.last_failure && (
        <span className="text-xs text-slate-500 dark:text-slate-400">latest: {status.last_failure}</span>
      )}
    </div>
  );
}

/**
 * "Send test traffic": requests from the console to this scope's own address, through its weighted proxy, so that
 * metric rules and the charts have traffic to judge. Local platform only (hidden in connected mode), and only for a
 * scope that serves a release (or is getting its first) at an address.
 */
export function TestTrafficControl({ scope }: { scope: Scope }) {
  const info = useQuery(consoleInfoQuery);
  const deployed = typeof scope.active_deployment === 'number' || typeof scope.in_progress_deployment === 'number';
  const serving = deployed && Boolean(scopeAddress(scope)) && !(scope.status && goneStatuses.includes(scope.status));
  if (info.data?.mode !== 'local' || !serving) return null;
  return <TestTrafficForm scopeId={scope.id} />;
}

function TestTrafficForm({ scopeId }: { scopeId: number }) {
  const status = useQuery(testTrafficQuery(scopeId));
  const start = useStartTestTraffic(scopeId);
  const stop = useStopTestTraffic(scopeId);
  const [values, setValues] = useState<TestTrafficValues>(initialTestTrafficForm);
  const [showProblems, setShowProblems] = useState(false);
  const running = status.data?.running === true;
  // While one runs (started here, in another tab or with curl), the fields show its settings.
  const shown: TestTrafficValues =
    running && status.data
      ? { rate: String(status.data.rate_per_second ?? ''), duration: String(status.data.duration_seconds ?? '') }
      : values;

  const problems = testTrafficProblems(values);
  const serverField = fieldOfServerError(start.error);
  const errorOf = (field: TestTrafficField) =>
    (showProblems ? problems[field] : undefined) ?? (serverField === field ? start.error?.message : undefined);
  const set = (field: TestTrafficField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    start.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (Object.keys(problems).length > 0) return;
    stop.reset();
    start.mutate(testTrafficBody(values));
  };
  const actionError =
    (start.isError && serverField === undefined ? start.error : undefined) ?? (stop.isError ? stop.error : undefined);

  return (
    <section aria-labelledby="scope-test-traffic" className="mb-8">
      <SectionHeading id="scope-test-traffic">Test traffic</SectionHeading>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        The console sends requests to this scope&apos;s address, through its traffic split, so metric rules and the
        charts have requests to judge.
      </p>
      <form onSubmit={onSubmit} noValidate className="grid items-start gap-3 sm:grid-cols-[10rem_10rem_auto]">
        <TextField
          label="Requests per second"
          type="number"
          inputMode="decimal"
          min={0}
          max={TEST_TRAFFIC_MAX_RATE}
          step="any"
          value={shown.rate}
          onChange={(event) => set('rate')(event.target.value)}
          error={errorOf('rate')}
          hint={`Up to ${TEST_TRAFFIC_MAX_RATE}`}
          disabled={running}
        />
        <TextField
          label="For (seconds)"
          type="number"
          inputMode="numeric"
          min={1}
          max={TEST_TRAFFIC_MAX_SECONDS}
          value={shown.duration}
          onChange={(event) => set('duration')(event.target.value)}
          error={errorOf('duration')}
          hint={`Up to ${TEST_TRAFFIC_MAX_SECONDS} (${TEST_TRAFFIC_MAX_SECONDS / 60} min)`}
          disabled={running}
        />
        <div className="flex items-end gap-2 sm:pt-6">
          {running ? (
            <Button variant="secondary" onClick={() => stop.mutate()} isLoading={stop.isPending}>
              Stop test traffic
            </Button>
          ) : (
            <Button type="submit" isLoading={start.isPending} disabled={status.isPending}>
              Send test traffic
            </Button>
          )}
        </div>
      </form>
      {actionError && (
        <div className="mt-3">
          <FormError>
            <ErrorDetails error={actionError} />
          </FormError>
        </div>
      )}
      {status.data && <Counts status={status.data} />}
      {status.isError && (
        <p className="mt-3 text-sm text-red-700 dark:text-red-400">
          Couldn&apos;t read the test traffic: {status.error.message}
        </p>
      )}
    </section>
  );
}

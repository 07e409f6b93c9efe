import { trafficChangeRefusal, isDeploymentStatus } from '@contract/deployment-lifecycle';

import { Button } from '@/components/ui/button';
import { CodeSnippet } from '@/components/ui/code-snippet';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError } from '@/components/ui/field';
import { focusRing } from '@/components/ui/focus-ring';
import { showToast } from '@/components/ui/toast-store';
import { cliSnippets } from '@/lib/cli-snippets';
import { cn } from '@/lib/cn';
import { formatDuration } from '@/lib/format';
import type { Deployment } from '@/lib/read/deployment';
import type { AutoSteps } from '@/lib/read/strategy-parameters';

import { usePatchDeployment } from '../api/patch-deployment';
import { stepsRanBefore, stepsState, timeToFull, type StepsState } from '../auto-steps';
import { useNow } from '../hooks/use-now';
import { trafficSplit } from '../utils';

export type AutoStepsControlProps = {
  deployment: Deployment;
  steps: AutoSteps;
  /** The new release's name, e.g. "1.2.0". */
  release: string;
  scope: string;
};

/** The traffic the new release has, against 100%, with a tick at each step the plan takes. */
function StepsProgress({
  current,
  desired,
  stepPercent,
  release,
}: {
  current: number;
  desired: number;
  stepPercent: number;
  release: string;
}) {
  const points = Math.max(1, Math.round(stepPercent));
  const ticks = Array.from(
    { length: Math.max(0, Math.ceil(100 / points) - 1) },
    (_, index) => (index + 1) * points,
  ).filter((at) => at < 100);
  return (
    <div>
      <div
        role="progressbar"
        aria-label={`Traffic on ${release}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={current}
        aria-valuetext={`${current}% of the traffic on ${release}${desired !== current ? `, ${desired}% requested` : ''}`}
        className="relative h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-emerald-500 transition-all" style={{ width: `${current}%` }} />
        {desired > current && (
          <div
            aria-hidden="true"
            className="absolute top-0 h-full bg-emerald-300 dark:bg-emerald-800"
            style={{ left: `${current}%`, width: `${desired - current}%` }}
          />
        )}
        {ticks.length <= 50 &&
          ticks.map((at) => (
            <span
              key={at}
              aria-hidden="true"
              className="absolute top-0 h-full w-px bg-white/80 dark:bg-slate-900/80"
              style={{ left: `${at}%` }}
            />
          ))}
      </div>
      <p className="mt-1 flex justify-between text-xs text-slate-600 tabular-nums dark:text-slate-400">
        <span>0%</span>
        <span data-testid="steps-progress">
          {current}% on {release}
          {desired !== current ? ` (${desired}% requested)` : ''}
        </span>
        <span>100%</span>
      </p>
    </div>
  );
}

function whenNext(state: Extract<StepsState, { kind: 'stepping' }>, steps: AutoSteps, now: number): string {
  const full = timeToFull(state, steps, now);
  const eta = full === undefined ? '' : `; 100% in about ${formatDuration(full)}`;
  if (state.dueAt === undefined)
    return `Next step: ${state.desired}% → ${state.nextTo}%, every ${formatDuration(steps.intervalSeconds * 1000)}${eta}.`;
  const wait = state.dueAt - now;
  return `Next step: ${state.desired}% → ${state.nextTo}% ${wait <= 0 ? 'due now' : `in ${formatDuration(wait)}`}${eta}.`;
}

/**
 * The automatic steps of a running blue/green deployment: progress to 100%, the next step and when, and Pause or
 * Resume (`PATCH {"strategy_data":{"parameters":{"traffic":{"enable_auto_switch":false|true}}}}`, one request at a
 * time like every action).
 */
export function AutoStepsControl({ deployment, steps, release, scope }: AutoStepsControlProps) {
  const state = stepsState(deployment, steps);
  const now = useNow(1_000, state.kind === 'stepping');
  const split = trafficSplit(deployment);
  const mutation = usePatchDeployment({
    onSuccess: (input, outcome) => {
      const enabled = input.body.strategy_data?.parameters?.traffic.enable_auto_switch === true;
      showToast({
        tone: 'success',
        title: `${enabled ? 'Resumed' : 'Paused'} the automatic steps on ${scope}`,
        description: outcome.alreadyDone
          ? 'They already were: nothing more was needed.'
          : enabled
            ? 'The next step comes one interval from now.'
            : 'Traffic stays where it is until you resume or move it.',
      });
    },
  });
  const refusal = isDeploymentStatus(deployment.status)
    ? trafficChangeRefusal(deployment.status, 'blue_green')
    : 'this console does not know its status';
  const canToggle = (state.kind === 'stepping' || state.kind === 'paused') && refusal === undefined;
  const toggle = (enabled: boolean) =>
    mutation.mutate({
      deploymentId: deployment.id,
      body: { strategy_data: { parameters: { traffic: { enable_auto_switch: enabled } } } },
    });

  return (
    <div className="space-y-3" data-testid="auto-steps">
      {/* Steps that never ran would only repeat the traffic panel's split. */}
      {(steps.enabled || state.kind === 'full' || stepsRanBefore(deployment)) && (
        <StepsProgress
          current={split.current}
          desired={split.desired}
          stepPercent={steps.stepPercent}
          release={release}
        />
      )}
      <p className="text-sm tabular-nums" data-testid="auto-steps-status">
        {state.kind === 'before_running' &&
          'Steps begin once the new instances are healthy and the deployment is running.'}
        {state.kind === 'stepping' && whenNext(state, steps, now)}
        {state.kind === 'paused' &&
          (stepsRanBefore(deployment)
            ? `Automatic steps are paused at ${state.desired}%: traffic stays there until you resume them or move it.`
            : `Automatic steps are off: traffic moves by hand. Started, they add ${state.nextTo - state.desired}% every ${formatDuration(steps.intervalSeconds * 1000)}.`)}
        {state.kind === 'full' &&
          'The steps reached 100%. The previous release stays ready for a rollback until the deployment is finalized.'}
        {state.kind === 'over' && 'No more steps: the deployment is no longer running.'}
      </p>
      {canToggle && (
        <div className="flex flex-wrap items-center gap-3">
          {state.kind === 'stepping' ? (
            <Button variant="secondary" onClick={() => toggle(false)} isLoading={mutation.isPending}>
              Pause automatic steps
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => toggle(true)} isLoading={mutation.isPending}>
              {stepsRanBefore(deployment) ? 'Resume automatic steps' : 'Start automatic steps'}
            </Button>
          )}
          <span className="text-xs text-slate-600 dark:text-slate-400">
            Moving the traffic by hand pauses them too.
          </span>
        </div>
      )}
      {mutation.isError && (
        <FormError>
          <p className="font-medium">
            The automatic steps were not {state.kind === 'stepping' ? 'paused' : 'resumed'}.
          </p>
          <ErrorDetails error={mutation.error} />
        </FormError>
      )}
      {canToggle && (
        <details className="text-sm max-lg:hidden">
          <summary className={cn('cursor-pointer rounded text-slate-700 dark:text-slate-300', focusRing)}>
            Command line to pause or resume
          </summary>
          <div className="mt-2">
            <CodeSnippet
              snippet={cliSnippets.setAutoSwitch(deployment.id, state.kind !== 'stepping')}
              title={state.kind === 'stepping' ? 'Pause from the command line' : 'Resume from the command line'}
            />
          </div>
        </details>
      )}
    </div>
  );
}

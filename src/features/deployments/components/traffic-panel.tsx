import type { Deployment } from '@/lib/read/deployment';
import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { CodeSnippet } from '@/components/ui/code-snippet';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError } from '@/components/ui/field';
import { focusRing } from '@/components/ui/focus-ring';
import { showToast } from '@/components/ui/toast-store';
import { cliSnippets } from '@/lib/cli-snippets';
import { cn } from '@/lib/cn';
import { parametersOf, readRolloutPlan } from '@/lib/read/strategy-parameters';

import { usePatchDeployment } from '../api/patch-deployment';
import { describeSelection, describeTrafficChange, trafficLock, type ReleaseNames } from '../traffic-change';
import { trafficSplit } from '../utils';
import { isReasonError, ReasonField, useReason } from './reason-field';
import { TrafficSlider } from './traffic-slider';
import { TrafficSplitBar } from './traffic-split-bar';

export type TrafficPanelProps = {
  deployment: Deployment;
  names: ReleaseNames;
  /** The scope's name, for the confirmation. */
  scope: string;
};

/**
 * Blue/green traffic: what the proxy applies now and what was asked for, a slider and presets to choose a new split,
 * and a confirmation that restates the change before it is sent. Locked while a change is in flight and in the statuses
 * where the lifecycle refuses traffic changes.
 */
export function TrafficPanel({ deployment, names, scope }: TrafficPanelProps) {
  const split = trafficSplit(deployment);
  // Until the operator touches the controls the selection follows the requested split, which may change live.
  const [draft, setDraft] = useState<number | undefined>(undefined);
  const [reviewing, setReviewing] = useState(false);
  const reason = useReason();
  const mutation = usePatchDeployment({
    onSuccess: (input, outcome) => {
      const percent = input.body.strategy_data?.desired_switched_traffic ?? 0;
      showToast({
        tone: 'success',
        title: `Traffic moved on ${scope}: ${describeSelection(names, percent)}`,
        description: outcome.alreadyDone
          ? 'That split was already requested: nothing more was needed.'
          : 'The proxy applies the new weights within a second.',
      });
    },
  });
  const lockId = useId();
  const lock = trafficLock(deployment, mutation.isPending);
  // While the change is being sent the slider keeps showing it; otherwise a locked panel shows what was requested.
  const selected = lock && !mutation.isPending ? split.desired : (draft ?? split.desired);
  const unchanged = selected === split.desired;
  const change = describeTrafficChange(names, split.current, selected);
  // The platform pauses automatic steps when traffic is moved by hand: the confirmation says so before it happens.
  const stepping = readRolloutPlan(parametersOf(deployment.strategy_data))?.steps?.enabled === true;

  const send = () => {
    mutation.mutate(
      { deploymentId: deployment.id, body: { strategy_data: { desired_switched_traffic: selected }, ...reason.body } },
      {
        // Called once the deployment has been read again, so the selection hands over to the new requested split.
        onSuccess: () => {
          setDraft(undefined);
          reason.set('');
        },
        // The dialog closes: a refusal is shown next to the panel, where the split can be changed; one of the reason
        // stays under the reason, in the dialog.
        onSettled: (_outcome, error) => {
          if (!isReasonError(error)) setReviewing(false);
        },
      },
    );
  };

  return (
    <div className="space-y-5">
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="mb-1 text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Serving now</dt>
          <dd data-testid="current-split">
            <TrafficSplitBar
              title="Serving now"
              current={split.current}
              desired={split.desired}
              oldLabel={names.old}
              newLabel={names.new}
            />
          </dd>
        </div>
        <div>
          <dt className="mb-1 text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Requested</dt>
          <dd data-testid="desired-split">
            <TrafficSplitBar title="Requested" current={split.desired} oldLabel={names.old} newLabel={names.new} />
          </dd>
        </div>
      </dl>

      <TrafficSlider
        value={selected}
        onValueChange={(value) => {
          setDraft(value);
          mutation.reset();
        }}
        names={names}
        disabled={lock !== undefined}
        describedBy={lock ? lockId : undefined}
      />

      {!lock && !unchanged && (
        <div data-testid="traffic-preview">
          <p className="mb-1 text-xs font-medium text-slate-500 uppercase dark:text-slate-400">
            Preview (not applied yet)
          </p>
          <TrafficSplitBar title="Preview" current={selected} oldLabel={names.old} newLabel={names.new} />
        </div>
      )}

      {lock && (
        <p id={lockId} className="text-sm text-slate-700 dark:text-slate-300" role="status">
          {lock}
        </p>
      )}
      {mutation.isError && !isReasonError(mutation.error) && (
        <FormError>
          <p className="font-medium">The traffic change was not applied.</p>
          <ErrorDetails error={mutation.error} />
        </FormError>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => setReviewing(true)} disabled={lock !== undefined || unchanged}>
          Review change
        </Button>
        {!lock && unchanged && (
          <span className="text-sm text-slate-600 dark:text-slate-400">Choose a split to review.</span>
        )}
      </div>

      <details className="text-sm">
        <summary className={cn('cursor-pointer rounded text-slate-700 dark:text-slate-300', focusRing)}>
          Command line for this split
        </summary>
        <div className="mt-2">
          <CodeSnippet
            snippet={cliSnippets.setTraffic(deployment.id, selected)}
            title="Set this split from the command line"
          />
        </div>
      </details>

      <ConfirmDialog
        open={reviewing}
        onOpenChange={setReviewing}
        title={`Move traffic on ${scope}?`}
        description={
          <>
            <p className="font-medium tabular-nums" data-testid="traffic-change">
              {change}
            </p>
            <p className="mt-2">
              The proxy applies the new weights within a second; requests in progress finish where they started.
            </p>
            {stepping && (
              <p className="mt-2 font-medium" data-testid="pauses-steps">
                This pauses the automatic steps: traffic stays where you put it until you resume them.
              </p>
            )}
          </>
        }
        confirmLabel="Move traffic"
        isPending={mutation.isPending}
        confirmDisabled={reason.tooLong}
        onConfirm={send}
      >
        <div className="space-y-3">
          <ReasonField reason={reason} error={mutation.error} />
          <CodeSnippet
            snippet={cliSnippets.setTraffic(deployment.id, selected)}
            title="The same change from the command line"
          />
        </div>
      </ConfirmDialog>
    </div>
  );
}

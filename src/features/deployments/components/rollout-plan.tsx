import { isInFlight } from '@contract/deployment-lifecycle';

import type { Deployment } from '@/lib/read/deployment';
import type { MetricEvaluation } from '@/lib/read/metric-evaluation';
import type { RolloutPlan as Plan } from '@/lib/read/strategy-parameters';

import { useNow } from '../hooks/use-now';
import { stepsRanBefore } from '../auto-steps';
import { ruleReadings } from '../rule-evidence';
import { describePlan } from '../strategy-plan';
import { AutoStepsControl } from './auto-steps-control';
import { RuleEvidenceList } from './rule-evidence-list';

export type RolloutPlanProps = {
  deployment: Deployment;
  plan: Plan;
  evaluations: readonly MetricEvaluation[];
  evaluationsError: unknown;
  mode: 'local' | 'connected' | undefined;
  applicationId: number | undefined;
  release: string;
  scope: string;
};

function runningSince(deployment: Deployment): number | undefined {
  const value = deployment.status_started_at?.['running'];
  if (value === undefined) return undefined;
  const at = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

/** Where the evidence beside the rules comes from, said once above them. */
function EvidenceSource({ mode }: { mode: 'local' | 'connected' | undefined }) {
  const text =
    mode === 'connected'
      ? 'nullplatform checks these rules itself and publishes no record of its checks: the values here are its telemetry for the scope (GET /telemetry/application/…/metric/…), not its verdicts.'
      : mode === 'local'
        ? 'Checked by the local platform on the new release’s own requests at the scope’s address. In each chart the ticks are its checks (green held, grey not judged, red broke), the line is the scope’s telemetry (all releases together), and the shaded side of the dashed threshold rolls back.'
        : 'Where the evidence comes from is not known: the console could not tell whether it runs the local platform or is connected.';
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="evidence-source">
      {text}
    </p>
  );
}

/**
 * A blue/green deployment's plan and the evidence for it: the plan in one sentence, the automatic steps (progress,
 * the next step and when, pause and resume) and each rollback rule's live value beside its threshold.
 */
export function RolloutPlan({
  deployment,
  plan,
  evaluations,
  evaluationsError,
  mode,
  applicationId,
  release,
  scope,
}: RolloutPlanProps) {
  const live = isInFlight(deployment.status);
  const now = useNow(5_000, live);
  const rules = plan.rules?.enabled ? plan.rules.rules : [];
  const paused = plan.steps !== undefined && !plan.steps.enabled && stepsRanBefore(deployment);
  return (
    <div className="space-y-4">
      <p className="text-sm font-medium" data-testid="rollout-plan-sentence">
        Plan: {describePlan(plan, { paused })}
      </p>
      {plan.steps && live && (
        <AutoStepsControl deployment={deployment} steps={plan.steps} release={release} scope={scope} />
      )}
      {plan.rules && !plan.rules.enabled && plan.rules.rules.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Its rollback rules are off: nothing rolls it back automatically.
        </p>
      )}
      {rules.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Rollback rules</h3>
          <EvidenceSource mode={mode} />
          {evaluationsError !== null && evaluationsError !== undefined && (
            <p className="text-sm text-amber-800 dark:text-amber-300">
              The platform’s checks of the rules could not be read; the values below may be missing.
            </p>
          )}
          <RuleEvidenceList
            readings={ruleReadings(rules, evaluations)}
            context={{
              mode: mode ?? 'local',
              applicationId,
              scopeId: deployment.scope_id,
              live,
              release,
              now,
              since: runningSince(deployment),
            }}
          />
        </div>
      )}
    </div>
  );
}

import { isInFlight } from '@contract/deployment-lifecycle';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import type { Deployment } from '@/lib/read/deployment';
import type { MetricEvaluation } from '@/lib/read/metric-evaluation';
import { parametersOf, readRolloutPlan, type RolloutPlan } from '@/lib/read/strategy-parameters';

import { evidenceQueries, TELEMETRY_KEY } from '../api/evidence';

export type RolloutEvidence = {
  plan: RolloutPlan | undefined;
  /** The local platform's checks of the rules, oldest first; empty in connected mode (nullplatform keeps none public). */
  evaluations: MetricEvaluation[];
  evaluationsError: unknown;
};

/**
 * A deployment's plan and the local platform's checks of its rules. The checks are read only on the local platform
 * (`mode` from /console/info; connected mode answers 404 for them), again whenever the deployment changes (the event
 * stream, or connected polling, brings the change), and every few seconds while it is in flight, since a check
 * records no change of its own.
 */
export function useRolloutEvidence(deployment: Deployment, mode: 'local' | 'connected' | undefined): RolloutEvidence {
  const plan = readRolloutPlan(parametersOf(deployment.strategy_data));
  const hasRules = plan?.rules !== undefined && plan.rules.rules.length > 0;
  const query = evidenceQueries.evaluations(deployment.id, isInFlight(deployment.status));
  const evaluations = useQuery({ ...query, enabled: mode === 'local' && hasRules });
  const queryClient = useQueryClient();
  const changed = `${deployment.id}|${deployment.status}|${String(deployment.updated_at ?? '')}|${deployment.messages?.length ?? 0}`;
  const seen = useRef(changed);
  useEffect(() => {
    // The first read is the query's own; only a later change of the deployment reads the evidence again.
    if (seen.current === changed) return;
    seen.current = changed;
    void queryClient.invalidateQueries({
      queryKey: evidenceQueries.evaluations(deployment.id, false).queryKey,
      exact: true,
    });
    void queryClient.invalidateQueries({ queryKey: TELEMETRY_KEY });
  }, [changed, deployment.id, queryClient]);
  return { plan, evaluations: evaluations.data?.results ?? [], evaluationsError: evaluations.error };
}

/**
 * The deployment strategies offered for a scope (`GET /deployment_strategy`, reference §8). nullplatform's UI offers
 * only those that apply: defined at the scope's NRN or above it, and matching its dimensions (environment, country)
 * and scope type (docs "Deployment strategies": "A strategy appears only if it matches the selected scope type,
 * target environment, selected country").
 *
 * - `nrn` is the one filter sent: nullplatform filters many lists by nrn (reference §1.6), the local platform answers
 *   the strategies defined at that NRN or at one containing it.
 * - dimensions are matched here: a strategy naming a dimension applies only to scopes with that value.
 * - CHOICE: `scope_type_ids` is not matched. nullplatform's scope type ids are not on a scope as the console reads it
 *   (an agent scope names its service specification in `provider`), so no match could be checked; a strategy that
 *   names scope types is offered, and the platform has the last word when the deployment is created.
 *
 * The key is built here rather than in src/lib/resource-keys.ts, which is on the first page.
 */
import { queryOptions } from '@tanstack/react-query';

import { apiGet, apiPath } from '@/lib/api-client';
import { deploymentStrategyReader, type DeploymentStrategy } from '@/lib/read/deployment-strategy';
import { listOf } from '@/lib/read/list';

const strategyListReader = listOf(deploymentStrategyReader);

/** nullplatform's lists cap at 100 (reference §1.3); strategies are few. */
const STRATEGY_PAGE = 100;

export const strategyQueries = {
  all: () => ['deployment_strategy'] as const,
  forNrn: (nrn: string | undefined) =>
    queryOptions({
      queryKey: ['deployment_strategy', 'list', { nrn: nrn ?? null }] as const,
      queryFn: ({ signal }) =>
        apiGet(apiPath('/deployment_strategy', { nrn, limit: STRATEGY_PAGE }), strategyListReader, { signal }),
      throwOnError: false,
    }),
};

/** Whether a strategy applies to a scope with these dimensions: every dimension it names has the scope's value. */
export function appliesToDimensions(
  strategy: Pick<DeploymentStrategy, 'dimensions'>,
  dimensions: Readonly<Record<string, string>> | undefined,
): boolean {
  return Object.entries(strategy.dimensions ?? {}).every(([name, value]) => dimensions?.[name] === value);
}

/** The NRN of an entity read tolerantly (scopes carry one in both platforms' answers; the SPA's reader passes it through). */
export function nrnOf(entity: object): string | undefined {
  return 'nrn' in entity && typeof entity.nrn === 'string' && entity.nrn !== '' ? entity.nrn : undefined;
}

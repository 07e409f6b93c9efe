/**
 * GET /deployment_strategy and /deployment_strategy/:id. The list takes `nrn` (nullplatform filters many lists by
 * nrn, reference §1.6) and answers the strategies that apply there: defined at that NRN or at one containing it, as
 * the docs say a strategy made for an account applies to its namespaces and scopes. ASSUMPTION: whether the real list
 * matches the NRN this way or exactly is not public.
 */
import { type Answer, fail, insufficientPermissions, json } from './answer';
import { type ListSpec, listPage, parseListQuery } from './list-query';
import type { DeploymentStrategy } from './shapes/strategy';
import type { FixtureState } from './state';

const spec: ListSpec<DeploymentStrategy> = { filters: { id: { read: (item) => item.id, numeric: true } } };

function applies(strategy: DeploymentStrategy, nrn: string): boolean {
  return nrn === strategy.nrn || nrn.startsWith(`${strategy.nrn}:`);
}

export function listStrategies(state: FixtureState, params: URLSearchParams): Answer {
  const nrn = params.get('nrn');
  const rest = new URLSearchParams(params);
  rest.delete('nrn');
  if (nrn !== null && !/^organization=\d+(:[a-z_]+=\d+)*$/.test(nrn)) return fail(400, `Invalid nrn: ${nrn}`);
  const parsed = parseListQuery(spec, rest);
  if (!parsed.ok) return parsed.answer;
  const matching = state.world.strategies.filter((strategy) => nrn === null || applies(strategy, nrn));
  const page = listPage(matching, parsed.query);
  return json({ ...page, results: page.results.map((item) => structuredClone(item)) });
}

export function readStrategy(state: FixtureState, id: number, params: URLSearchParams): Answer {
  if ([...params.keys()].length > 0) return insufficientPermissions();
  const found = state.world.strategies.find((strategy) => strategy.id === id);
  return found === undefined ? fail(404, `Deployment strategy ${id} not found`) : json(structuredClone(found));
}

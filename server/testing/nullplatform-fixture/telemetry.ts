/**
 * GET /telemetry/application/:id/metric/:name?scope_id&minutes&period (reference §7.6).
 *
 * SOURCE of the answer's shape: nullplatform/workflows deploy/tools/deploy-metrics.yaml, which calls this path for
 * http.rpm, http.error_rate and http.response_time with `scope_id`, `minutes` (clamped to 1–60) and `period=60`, and
 * reads `body.results[i].data[j].value` — nothing else of a point. So the fixture answers `{results:[{data:[{value}]}]}`
 * and no point carries a time. The values themselves are made up and fixed (one per period, oldest first), so every
 * run reads the same numbers. The metric names are the docs' list for Kubernetes and instance scopes (reference §8).
 * ASSUMPTION: the unit of http.error_rate is not public (that workflow prints it followed by "%").
 */
import { type Answer, fail, insufficientPermissions, json } from './answer';
import type { FixtureState } from './state';

const metrics: Record<string, (index: number) => number> = {
  'http.rpm': (index) => 120 + (index % 3) * 6,
  'http.error_rate': (index) => (index % 4 === 3 ? 0.6 : 0.4),
  'http.response_time': (index) => 85 + (index % 5),
  'http.healthcheck_fail': () => 0,
  'http.healthcheck_count': () => 6,
  'system.cpu_usage_percentage': (index) => 32 + (index % 4),
  'system.memory_usage_percentage': () => 48,
};

const PARAMS = new Set(['scope_id', 'minutes', 'period']);

export const TELEMETRY_PATH = /^\/telemetry\/application\/([^/]+)\/metric\/([^/]+)$/;

export function readTelemetry(
  state: FixtureState,
  applicationRaw: string,
  metric: string,
  params: URLSearchParams,
): Answer {
  for (const name of params.keys()) if (!PARAMS.has(name)) return insufficientPermissions();
  if (!/^\d+$/.test(applicationRaw)) return fail(404, `Application ${applicationRaw} not found`);
  const applicationId = Number(applicationRaw);
  if (!state.world.applications.some((application) => application.id === applicationId))
    return fail(404, `Application ${applicationId} not found`);
  const series = metrics[metric];
  if (series === undefined) return fail(400, `Unknown metric: ${metric}`);
  const scopeRaw = params.get('scope_id');
  if (scopeRaw === null) return fail(400, 'Missing parameter: scope_id');
  const scope = /^\d+$/.test(scopeRaw)
    ? state.world.scopes.find((candidate) => candidate.id === Number(scopeRaw))
    : undefined;
  if (scope === undefined) return fail(404, `Scope ${scopeRaw} not found`);
  if (scope.application_id !== applicationId) return fail(400, 'The scope belongs to a different application');
  const minutes = whole(params.get('minutes'), 5);
  const period = whole(params.get('period'), 60);
  if (minutes === undefined || minutes < 1 || minutes > 60)
    return fail(400, `Invalid minutes: ${String(params.get('minutes'))}`);
  if (period === undefined || period < 1 || period > minutes * 60)
    return fail(400, `Invalid period: ${String(params.get('period'))}`);
  const count = Math.ceil((minutes * 60) / period);
  return json({ results: [{ data: Array.from({ length: count }, (_, index) => ({ value: series(index) })) }] });
}

function whole(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

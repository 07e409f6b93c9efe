/**
 * MSW handlers that behave like the platform's API closely enough for component tests: lists with the filters,
 * sort and paging the SPA uses, details, and the two creations the SPA makes (release, deployment) with their errors.
 */
import { DEFAULT_PAGE_LIMIT } from '@contract/common';
import { compareLink } from '@contract/compare-link';
import { isInFlight } from '@contract/deployment-lifecycle';
import { http, HttpResponse, type HttpHandler } from 'msw';
import rcompare from 'semver/functions/rcompare';

import { buildAccount, buildDeployment, buildNamespace, buildRelease, buildScope, idleTestTraffic } from '../data';
import { db } from './db';

type Entity = { id: number; created_at?: string | undefined } & Record<string, unknown>;

function record(request: Request, body?: unknown) {
  db.requests.push({ method: request.method, url: new URL(request.url), body });
}

/** Filters the SPA sends: comma-separated values compared as strings; `name` is a substring match. */
function list<T extends Entity>(items: readonly T[], url: URL, filterKeys: readonly string[]) {
  let results = [...items];
  for (const key of filterKeys) {
    const raw = url.searchParams.get(key);
    if (raw === null) continue;
    if (key === 'name') {
      results = results.filter((item) => String(item.name).toLowerCase().includes(raw.toLowerCase()));
      continue;
    }
    const wanted = raw.split(',');
    results = results.filter((item) => wanted.includes(String(item[key])));
  }
  const sort = url.searchParams.get('sort');
  if (sort === 'created_at:desc')
    results.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || b.id - a.id);
  if (sort === 'name:asc') results.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  if (sort === 'semver:desc') results.sort((a, b) => rcompare(String(a.semver), String(b.semver)));
  const limit = Number(url.searchParams.get('limit') ?? DEFAULT_PAGE_LIMIT);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return { paging: { total: results.length, offset, limit }, results: results.slice(offset, offset + limit) };
}

function notFound(what: string, id: string | readonly string[] | undefined) {
  return HttpResponse.json({ message: `${what} ${String(id)} not found` }, { status: 404 });
}

function resource<T extends Entity>(
  path: string,
  items: () => T[],
  filterKeys: readonly string[],
  what: string,
): HttpHandler[] {
  return [
    http.get(`/api/${path}`, ({ request }) => {
      record(request);
      return HttpResponse.json(list(items(), new URL(request.url), filterKeys));
    }),
    http.get(`/api/${path}/:id`, ({ request, params }) => {
      record(request);
      const found = items().find((item) => String(item.id) === params.id);
      return found ? HttpResponse.json(found) : notFound(what, params.id);
    }),
  ];
}

/** The seeded namespaces, else the ones the applications use (what the local platform answers). */
function namespaces() {
  if (db.namespaces.length > 0) return db.namespaces;
  return [...new Set(db.applications.map((application) => application.namespace_id))]
    .sort((a, b) => a - b)
    .map((id) => buildNamespace({ id }));
}

/** The seeded accounts, else one per account the namespaces name, all in organization 42 (the test console info's). */
function accounts() {
  if (db.accounts.length > 0) return db.accounts;
  return [...new Set(namespaces().map((namespace) => namespace.account_id))]
    .sort((a, b) => a - b)
    .map((id) => buildAccount({ id }));
}

export const handlers: HttpHandler[] = [
  http.get('/console/info', ({ request }) => {
    record(request);
    return HttpResponse.json(db.info);
  }),
  http.get('/console/scope/:id/runtime', ({ request, params }) => {
    record(request);
    const runtime = db.runtimes.find((item) => String(item.scope_id) === params.id);
    return runtime ? HttpResponse.json(runtime) : notFound('runtime of scope', params.id);
  }),
  // The proxy's request counters: an empty window for a known scope, as the console server answers for a scope
  // nothing has been sent to. Tests that chart requests override it.
  http.get('/console/traffic', ({ request }) => {
    record(request);
    const scopeId = new URL(request.url).searchParams.get('scope_id');
    const scope = db.scopes.find((item) => String(item.id) === scopeId);
    if (!scope) return notFound('scope', scopeId ?? undefined);
    return HttpResponse.json({
      scope_id: scope.id,
      address: scope.domain ?? null,
      window_seconds: 60,
      samples: [],
      totals: {},
      weights: {},
    });
  }),
  // The console's test traffic: none ran for a known scope. Tests that start one override it.
  http.get('/console/scope/:id/test-traffic', ({ request, params }) => {
    record(request);
    const scope = db.scopes.find((item) => String(item.id) === params.id);
    if (!scope) return notFound('scope', params.id);
    return HttpResponse.json(idleTestTraffic(scope.id));
  }),
  // Instance logs: nothing written yet, for a known deployment. Tests of the logs panel override it.
  http.get('/console/deployment/:id/logs', ({ request, params }) => {
    record(request);
    const deployment = db.deployments.find((item) => String(item.id) === params.id);
    if (!deployment) return notFound('deployment', params.id);
    return HttpResponse.json({
      deployment_id: deployment.id,
      instances: [],
      results: [],
      paging: { limit: 500, since: null, next: 0, has_more: false },
    });
  }),
  // The local platform's answer: the strategies defined at the asked NRN or at one that contains it.
  http.get('/api/deployment_strategy', ({ request }) => {
    record(request);
    const nrn = new URL(request.url).searchParams.get('nrn');
    const results = db.strategies.filter(
      (strategy) => nrn === null || nrn === strategy.nrn || nrn.startsWith(`${strategy.nrn}:`),
    );
    return HttpResponse.json({ paging: { total: results.length, offset: 0, limit: 100 }, results });
  }),
  http.get('/console/deployment/:id/evaluations', ({ request, params }) => {
    record(request);
    const deploymentId = Number(params.id);
    return HttpResponse.json({
      deployment_id: deploymentId,
      results: db.evaluations.filter((evaluation) => evaluation.deployment_id === deploymentId),
    });
  }),
  // Nothing measured yet, in the local platform's shape; tests that chart a metric override it.
  http.get('/api/telemetry/application/:id/metric/:name', ({ request, params }) => {
    record(request);
    return HttpResponse.json({ metric: params.name, unit: 'fraction', period: 10, results: [] });
  }),
  // The audit trail as the local platform answers it: newest first, filtered by the feed's ids, actor and action.
  http.get('/console/activity', ({ request }) => {
    record(request);
    const url = new URL(request.url);
    let entries = [...db.activity].reverse();
    for (const key of ['application_id', 'scope_id', 'deployment_id'] as const) {
      const raw = url.searchParams.get(key);
      if (raw !== null) entries = entries.filter((entry) => String(entry[key]) === raw);
    }
    const actor = url.searchParams.get('actor');
    if (actor !== null) entries = entries.filter((entry) => entry.actor.name === actor);
    const action = url.searchParams.get('action');
    if (action !== null) entries = entries.filter((entry) => action.split(',').includes(entry.action));
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return HttpResponse.json({
      paging: { total: entries.length, offset, limit },
      results: entries.slice(offset, offset + limit),
    });
  }),
  http.get('/console/actors', ({ request }) => {
    record(request);
    return HttpResponse.json({ results: db.actors });
  }),
  // A local platform whose asset folders are in no git repository: the host's compare page, or why there is none.
  http.get('/console/release-diff', ({ request }) => {
    record(request);
    const url = new URL(request.url);
    const side = (name: string) => {
      const release = db.releases.find((item) => String(item.id) === url.searchParams.get(name));
      const build = db.builds.find((item) => item.id === release?.build_id);
      return (
        release && {
          release_id: release.id,
          semver: release.semver,
          build_id: release.build_id,
          commit_id: build?.commit?.id ?? null,
          branch: build?.branch ?? null,
        }
      );
    };
    const from = side('from_release_id');
    const to = side('to_release_id');
    if (!from || !to)
      return notFound('release', url.searchParams.get(from ? 'to_release_id' : 'from_release_id') ?? undefined);
    const repositoryUrl =
      db.applications.find(
        (item) => item.id === db.releases.find((release) => release.id === to.release_id)?.application_id,
      )?.repository_url ?? null;
    const link = compareLink(repositoryUrl, from.commit_id, to.commit_id);
    const note = 'neither build has a local (file:) asset whose folder git could read';
    return HttpResponse.json({
      from,
      to,
      source: link.ok ? 'compare_link' : 'unknown',
      commits: [],
      removed: [],
      truncated: false,
      compare: link.ok ? { host: link.host, url: link.url } : null,
      repository_url: repositoryUrl,
      note: link.ok ? note : `${note}; and no compare page: ${link.reason}`,
    });
  }),
  ...resource('application', () => db.applications, ['name', 'status', 'id', 'namespace_id'], 'application'),
  ...resource('namespace', namespaces, ['id', 'account_id'], 'namespace'),
  ...resource('account', accounts, ['id', 'organization_id'], 'account'),
  http.get('/api/build/:id', ({ request, params }) => {
    record(request);
    const found = db.builds.find((item) => String(item.id) === params.id);
    if (!found) return notFound('build', params.id);
    return HttpResponse.json({ ...found, assets: db.assets.filter((asset) => asset.build_id === found.id) });
  }),
  ...resource('build', () => db.builds, ['application_id', 'branch', 'status'], 'build'),
  ...resource('release', () => db.releases, ['application_id', 'build_id', 'id', 'semver'], 'release'),
  ...resource('scope', () => db.scopes, ['application_id', 'id'], 'scope'),
  ...resource('deployment', () => db.deployments, ['application_id', 'scope_id', 'status', 'release_id'], 'deployment'),
  http.post('/api/release', async ({ request }) => {
    const body = (await request.json()) as { application_id: number; build_id: number; semver: string; status: string };
    record(request, body);
    if (
      db.releases.some((release) => release.application_id === body.application_id && release.semver === body.semver)
    ) {
      return HttpResponse.json(
        { message: `semver ${body.semver} already exists for this application` },
        { status: 409 },
      );
    }
    const release = buildRelease({ application_id: body.application_id, build_id: body.build_id, semver: body.semver });
    db.releases.push(release);
    return HttpResponse.json(release);
  }),
  http.post('/api/deployment', async ({ request }) => {
    const body = (await request.json()) as {
      scope_id: number;
      release_id: number;
      asset_name?: string;
      strategy_data?: { parameters: Record<string, unknown> };
    };
    record(request, body);
    const scope = db.scopes.find((item) => item.id === body.scope_id);
    if (!scope) return HttpResponse.json({ message: 'scope not found' }, { status: 404 });
    if (db.deployments.some((deployment) => deployment.scope_id === scope.id && isInFlight(deployment.status))) {
      return HttpResponse.json({ message: 'already a running deployment' }, { status: 400 });
    }
    const deployment = buildDeployment({
      scope_id: scope.id,
      release_id: body.release_id,
      application_id: scope.application_id,
      status: 'creating',
      status_in_scope: 'candidate',
      strategy: scope.active_deployment ? 'blue_green' : 'initial',
      strategy_data: { desired_switched_traffic: 0, switched_traffic: 0, ...(body.strategy_data ?? {}) },
    });
    db.deployments.push(deployment);
    return HttpResponse.json(deployment);
  }),
  http.post('/api/scope', async ({ request }) => {
    const body = (await request.json()) as {
      application_id: number;
      name: string;
      type: string;
      dimensions?: Record<string, string>;
    };
    record(request, body);
    if (db.scopes.some((scope) => scope.application_id === body.application_id && scope.name === body.name)) {
      return HttpResponse.json(
        { message: "There's already a scope with this name on this application" },
        { status: 409 },
      );
    }
    const scope = buildScope({
      application_id: body.application_id,
      name: body.name,
      type: body.type,
      dimensions: body.dimensions ?? {},
      asset_name: null,
    });
    db.scopes.push(scope);
    return HttpResponse.json(scope);
  }),
  http.delete('/api/scope/:id', ({ request, params }) => {
    record(request);
    const scope = db.scopes.find((item) => String(item.id) === params.id);
    if (!scope) return notFound('scope', params.id);
    if (scope.status === 'deleting' || scope.status === 'deleted') {
      return HttpResponse.json(
        { message: `scope ${scope.id} is ${scope.status}; it cannot be deleted again` },
        { status: 409 },
      );
    }
    if (typeof scope.in_progress_deployment === 'number') {
      return HttpResponse.json(
        { message: `scope ${scope.id} has deployment ${scope.in_progress_deployment} in flight` },
        { status: 409 },
      );
    }
    scope.status = 'deleting';
    return new HttpResponse(null, { status: 204 });
  }),
];

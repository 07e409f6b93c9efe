/** Which request goes where: POST /token is open; everything else needs a token this fixture issued. */
import { type Answer, fail, insufficientPermissions, noContent } from './answer';
import { createDeployment, createRelease } from './create';
import { patchDeployment } from './patch-deployment';
import { type ListResource, listResources, readList, readOne } from './reads';
import type { FixtureState } from './state';
import { listStrategies, readStrategy } from './strategies';
import { readTelemetry, TELEMETRY_PATH } from './telemetry';
import type { TokenIssuer } from './tokens';

export type FixtureRequest = { method: string; url: URL; authorization: string | undefined; body: unknown };

/**
 * Not nullplatform: puts the organization back as seeded, so a test run (or a retried journey) starts from the same
 * state. Needs a token like any other call.
 */
export const RESET_PATH = '/__fixture/reset';

export function route(state: FixtureState, tokens: TokenIssuer, request: FixtureRequest): Answer {
  const { method, url } = request;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/token') return method === 'POST' ? tokens.exchange(request.body) : methodNotAllowed(method, path);

  const refusal = tokens.refusal(request.authorization);
  if (refusal !== undefined) return refusal;

  if (path === RESET_PATH) {
    if (method !== 'POST') return methodNotAllowed(method, path);
    state.reset();
    return noContent();
  }

  const telemetry = TELEMETRY_PATH.exec(path);
  if (telemetry !== null) {
    return method === 'GET'
      ? readTelemetry(state, telemetry[1] ?? '', decodeURIComponent(telemetry[2] ?? ''), url.searchParams)
      : methodNotAllowed(method, path);
  }
  const strategy = /^\/deployment_strategy(?:\/([^/]+))?$/.exec(path);
  if (strategy !== null) {
    if (method !== 'GET') return methodNotAllowed(method, path);
    const rawId = strategy[1];
    if (rawId === undefined) return listStrategies(state, url.searchParams);
    return /^\d+$/.test(rawId)
      ? readStrategy(state, Number(rawId), url.searchParams)
      : fail(404, `Deployment strategy ${rawId} not found`);
  }

  const match = /^\/([a-z_]+)(?:\/([^/]+))?$/.exec(path);
  const resource = listResources.find((candidate) => candidate === match?.[1]);
  if (match === null || resource === undefined) return fail(404, `No such endpoint: ${method} ${path}`);
  const rawId = match[2];

  if (method === 'GET') {
    if (rawId === undefined) return readList(state, resource, url.searchParams);
    return /^\d+$/.test(rawId) ? readOne(state, resource, Number(rawId), url.searchParams) : notFound(resource, rawId);
  }
  // Writes take no query parameters.
  if ([...url.searchParams.keys()].length > 0) return insufficientPermissions();
  if (method === 'POST' && rawId === undefined && resource === 'release') return createRelease(state, request.body);
  if (method === 'POST' && rawId === undefined && resource === 'deployment')
    return createDeployment(state, request.body);
  if (method === 'PATCH' && rawId !== undefined && resource === 'deployment') {
    return /^\d+$/.test(rawId) ? patchDeployment(state, Number(rawId), request.body) : notFound(resource, rawId);
  }
  return methodNotAllowed(method, path);
}

function notFound(resource: ListResource, id: string): Answer {
  return fail(404, `${resource} ${id} not found`);
}

/** The fixture implements only what the console uses; other writes are refused plainly rather than faked. */
function methodNotAllowed(method: string, path: string): Answer {
  return fail(405, `${method} ${path} is not supported by the nullplatform fixture`);
}

/**
 * What the connected console forwards to nullplatform: the resources the SPA uses, with the methods it uses on them.
 * Everything else (`/token`, `/api_key`, `/user`, `/nrn`, …) answers 404 without reaching the API: the console's token
 * carries the key's permissions, and a page open in the browser should not be able to use them beyond the console's job.
 *
 * Shapes: `/<resource>` (list; create with POST), `/<resource>/<id>` with a numeric id (read; PATCH, DELETE), and the
 * nested paths listed in NESTED. HEAD is treated as GET.
 * Add a resource or a method here, with the reason, when a feature of the console needs it.
 */

export type ForwardedMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

type Resource = {
  /** Methods on `/<resource>`. */
  collection: readonly ForwardedMethod[];
  /** Methods on `/<resource>/<id>`. */
  item: readonly ForwardedMethod[];
};

const FORWARDED_RESOURCES: Readonly<Record<string, Resource>> = {
  // The applications list and page (per namespace); creating an application; editing one.
  application: { collection: ['GET', 'POST'], item: ['GET', 'PATCH'] },
  // An application's builds, which releases are made from; created and updated (status) by a build pipeline.
  build: { collection: ['GET', 'POST'], item: ['GET', 'PATCH'] },
  // A build's artifacts (docker image, folder): what a deployment runs; registered after a build.
  asset: { collection: ['GET', 'POST'], item: ['GET'] },
  // Releases: listed, created from a build, and their status changed.
  release: { collection: ['GET', 'POST'], item: ['GET', 'PATCH'] },
  // Scopes (where an application runs): listed, created, edited and deleted.
  scope: { collection: ['GET', 'POST'], item: ['GET', 'PATCH', 'DELETE'] },
  // Deployments: started, followed by polling, and driven with PATCH (traffic switch, finalize, cancel, rollback).
  deployment: { collection: ['GET', 'POST'], item: ['GET', 'PATCH'] },
  // nullplatform lists applications per namespace: the namespace picker.
  namespace: { collection: ['GET'], item: ['GET'] },
  // The accounts namespaces belong to (organization → account → namespace → application).
  account: { collection: ['GET'], item: ['GET'] },
  // The deploy dialog offers the deployment strategies that apply to the scope (`?nrn=`) and copies the chosen one's
  // values into the new deployment; the console creates and edits none, so it reads them only.
  deployment_strategy: { collection: ['GET'], item: ['GET'] },
  // The deployment page's charts read an application's metrics through the nested path in NESTED only, read-only.
  telemetry: { collection: [], item: [] },
};

/** A numeric id, as nullplatform's ids are. */
const ID = /^[0-9]{1,20}$/;
/** A metric name such as `http.rpm` or `system.cpu_usage_percentage` (never `.`/`..`: those are refused before). */
const METRIC_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

type Nested = { path: ReadonlyArray<string | RegExp>; methods: readonly ForwardedMethod[] };

const NESTED: readonly Nested[] = [
  // A build's assets: the console registers the asset of a new build with POST /build/<id>/asset.
  { path: ['build', ID, 'asset'], methods: ['GET', 'POST'] },
  // An application's metric at a scope, as nullplatform documents it: `GET /telemetry/application/{id}/metric/{name}`.
  { path: ['telemetry', 'application', ID, 'metric', METRIC_NAME], methods: ['GET'] },
];

/** Whether `method` on the decoded path `segments` (without `/api`) is something the console forwards. */
export function isForwarded(method: string, segments: readonly string[]): boolean {
  const asked = method === 'HEAD' ? 'GET' : method;
  const allows = (methods: readonly ForwardedMethod[]) => methods.some((allowed) => allowed === asked);
  const [name, id, ...rest] = segments;
  // hasOwn: `constructor` or `__proto__` must not find something on Object.prototype.
  const resource =
    name !== undefined && Object.hasOwn(FORWARDED_RESOURCES, name) ? FORWARDED_RESOURCES[name] : undefined;
  if (resource === undefined) return false;
  if (id === undefined) return allows(resource.collection);
  if (rest.length === 0) return ID.test(id) && allows(resource.item);
  return NESTED.some((nested) => matches(nested.path, segments) && allows(nested.methods));
}

function matches(pattern: ReadonlyArray<string | RegExp>, segments: readonly string[]): boolean {
  return (
    pattern.length === segments.length &&
    pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      return typeof part === 'string' ? part === segment : part.test(segment);
    })
  );
}

/** `/token` in any spelling (`/Token`, `/TOKEN/x`): the console holds its own token and exchanges no other keys. */
export function isTokenPath(segments: readonly string[]): boolean {
  return segments[0]?.toLowerCase() === 'token';
}

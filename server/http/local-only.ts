/**
 * What a connected console answers (404 with this message) for each console endpoint that only the local platform
 * can serve. Each endpoint of the table names its message (`localOnly` in endpoint.ts), so the connected app
 * refuses exactly the endpoints the local platform declares, with no list of its own to keep in step.
 */
export const LIVE_EVENTS_LOCAL_ONLY =
  'live events are local-only: the console server has no event stream from nullplatform in connected mode, so the SPA polls the API';
export const REPORTED_BY_NULLPLATFORM =
  "nullplatform reports a scope's traffic and instances itself; the console's counters exist only on the local platform";
export const EVALUATIONS_BY_NULLPLATFORM =
  "nullplatform checks a deployment's metric rules itself; the console keeps evaluations only on the local platform";
export const TEST_TRAFFIC_LOCAL_ONLY =
  "test traffic is local-only: the console sends it to the local platform's scope addresses; in connected mode, send requests to your scope's own domain";
export const LOGS_IN_NULLPLATFORM =
  "instance logs live in nullplatform: open the deployment there to read its instances' output; the console keeps logs only for the local platform's instances";
export const ACTIVITY_LOCAL_ONLY =
  "the activity feed is the local platform's own audit trail; nullplatform keeps its own (deployments carry created_by and updated_by)";
export const RELEASE_DIFF_LOCAL_ONLY =
  "the commits between releases are read from local git on the local platform; in connected mode the SPA links the repository's compare page";

/**
 * The console server's HTTP app: nullplatform's API under /api (the local platform), the console's own endpoints
 * under /console, and the SPA at /.
 *
 * The API records intent: it validates every request against the contract and the deployment lifecycle table,
 * writes the change in one store transaction, and answers. The engine, subscribed to the store's changes, makes the
 * world match (instances, proxy weights, statuses).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import type { Asset } from '../../contract/asset';
import { type ConsoleInfo, consolePaths } from '../../contract/console';
import type { Store } from '../store/store';
import { accountsRoutes } from './accounts-routes';
import { activityRoutes } from './activity-routes';
import { applicationsRoutes } from './applications-routes';
import { assetsRoutes } from './assets-routes';
import { auditMiddleware } from './audit-middleware';
import { auditedTokens } from './audited-tokens';
import { buildsRoutes } from './builds-routes';
import { consoleEvaluationsPath, consoleRoutes, consoleScopeRuntimePath } from './console-routes';
import { deploymentStrategiesRoutes } from './deployment-strategies-routes';
import { deploymentsRoutes } from './deployments-routes';
import { errorBody, errorHandler, type Logger, notFoundHandler } from './errors';
import { EventHub } from './events-route';
import { namespacesRoutes } from './namespaces-routes';
import { releaseDiffRoutes } from './release-diff-routes';
import { releasesRoutes } from './releases-routes';
import type { RouteDeps } from './route-deps';
import type { RuntimeView } from './runtime-view';
import { scopesRoutes } from './scopes-routes';
import { securityMiddleware, setResponseHeader } from './security';
import { mountStaticSpa } from './static-spa';
import { tokenRequiredMiddleware } from './token-required';
import { telemetryRoutes } from './telemetry-routes';
import { tokenRoutes } from './token-routes';
import { LocalTokenIssuer, type TokenIssuer } from './tokens';

export type { RuntimeView } from './runtime-view';

/** Request bodies are small JSON documents; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type CreateAppOptions = {
  store: Store;
  runtimeView: RuntimeView;
  /** The built SPA (vite's dist/); when missing, `/` says how to build it. */
  staticDir?: string;
  /** `host:port` values the server answers to (Host header check), e.g. `127.0.0.1:4000` and `localhost:4000`. */
  allowedHosts: string[];
  /** Origins allowed to change state; default: http(s):// on each allowed host. */
  allowedOrigins?: string[];
  /** Expiry of new blue/green deployments; default: the store's (2 h unless configured). */
  deploymentExpiryMs?: number;
  /** Why the local platform cannot run this asset (POST /deployment answers 400 with it), or undefined. */
  checkAssetRunnable: (asset: Asset) => string | undefined;
  /**
   * Folders besides demo-apps/ that a `file:` asset may point under (NP_CONSOLE_ASSET_ROOTS); POST /asset refuses
   * any other folder. Default: none.
   */
  assetRoots?: readonly string[];
  consoleInfo: ConsoleInfo;
  /** Token exchange for POST /api/token; default: the local issuer (any non-empty key). */
  tokens?: TokenIssuer;
  /** Whether every /api request but POST /api/token needs a bearer token from `tokens` (NP_CONSOLE_REQUIRE_TOKEN). */
  requireToken?: boolean;
  /** Where unexpected errors are logged; default console. */
  logger?: Logger;
  /** Interval of the event stream's `: ping` comments; default 15 s. */
  eventsPingIntervalMs?: number;
};

export type ConsoleApp = Hono & { readonly events: EventHub };

/** 413 `{message}` for a body over MAX_BODY_BYTES (both modes). */
export function requestBodyLimit(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The rest of the body is never read: close the connection so that the client does not reuse it.
    onError: (c) => errorBody(c, 413, `the request body is larger than ${MAX_BODY_BYTES} bytes`, { Connection: 'close' }),
  });
  // bodyLimit reads `c.req.raw.body`, which makes @hono/node-server build a whole fetch Request (with an
  // AbortController) for every request; a GET or HEAD has no body to limit.
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

export function createApp(options: CreateAppOptions): ConsoleApp {
  const logger: Logger = options.logger ?? {
    error: (message, error) => console.error(message, error),
    warn: (message) => console.warn(message),
  };
  const deps: RouteDeps = {
    store: options.store,
    runtimeView: options.runtimeView,
    deploymentExpiryMs: options.deploymentExpiryMs,
    checkAssetRunnable: options.checkAssetRunnable,
    assetRoots: options.assetRoots ?? [],
  };
  const hub = new EventHub(options.store);
  const app = new Hono();

  app.onError(errorHandler(logger, { databaseFile: options.store.db.name }));
  app.notFound(notFoundHandler(app));
  app.use('*', securityMiddleware({ allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins }));
  app.use('*', requestBodyLimit());
  app.use('/api/*', async (c, next) => {
    await next();
    setResponseHeader(c, 'Cache-Control', 'no-store');
  });
  const tokens = options.tokens ?? new LocalTokenIssuer();
  if (options.requireToken === true) {
    const tokenRequired = tokenRequiredMiddleware(tokens);
    app.use('/api/*', tokenRequired);
    // These read the same data as /api (every change with its entity, traffic, instance pids and ports), so they need
    // the token too. /console/info and /console/openapi.json stay open: the SPA and tools read them first.
    const platformReads = [consolePaths.events, consolePaths.traffic, consoleScopeRuntimePath, consoleEvaluationsPath];
    for (const path of [...platformReads, consolePaths.activity, consolePaths.actors, consolePaths.releaseDiff]) {
      app.use(path, tokenRequired);
    }
  }
  // After the token check: every write runs as its actor, with its reason (the audit trail).
  const audit = auditMiddleware({ tokens, requireToken: options.requireToken === true });
  app.use('/api/*', audit);
  app.use('/console/*', audit);

  const api = new Hono();
  api.route('/', applicationsRoutes(deps));
  api.route('/', buildsRoutes(deps));
  api.route('/', assetsRoutes(deps));
  api.route('/', releasesRoutes(deps));
  api.route('/', scopesRoutes(deps));
  api.route('/', deploymentsRoutes(deps));
  api.route('/', deploymentStrategiesRoutes(deps));
  api.route('/', accountsRoutes(deps));
  api.route('/', namespacesRoutes(deps));
  api.route('/', telemetryRoutes(deps));
  api.route('/', tokenRoutes(auditedTokens(tokens, options.store)));
  app.route('/api', api);
  app.route(
    '/',
    consoleRoutes({ ...deps, consoleInfo: options.consoleInfo, hub, pingIntervalMs: options.eventsPingIntervalMs }),
  );
  app.route('/', activityRoutes(deps));
  app.route('/', releaseDiffRoutes(deps));

  mountStaticSpa(app, options.staticDir);

  return Object.assign(app, { events: hub });
}

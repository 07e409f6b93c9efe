/**
 * The console server's HTTP app: nullplatform's API under /api (the local platform), the console's own endpoints
 * under /console, and the SPA at /.
 *
 * The API records intent: it validates every request against the contract and the deployment lifecycle table,
 * writes the change in one store transaction, and answers. The engine, subscribed to the store's changes, makes the
 * world match (instances, proxy weights, statuses).
 */
import { Hono } from 'hono';

import type { Asset } from '@contract/asset';
import type { ConsoleInfo } from '@contract/console';
import type { Store } from '../store/store';
import { auditMiddleware } from './audit-middleware';
import { auditedTokens } from './audited-tokens';
import { mountEndpoints } from './endpoint';
import { endpoints } from './endpoints';
import type { Logger } from './errors';
import { EventHub } from './events-route';
import { useCommonMiddleware } from './middleware';
import { openApiDocument } from './openapi';
import type { AppDeps } from './route-deps';
import type { RuntimeView } from './runtime-view';
import { mountStaticSpa } from './static-spa';
import { TestTrafficGenerators } from './test-traffic-generator';
import { tokenRequiredMiddleware } from './token-required';
import { LocalTokenIssuer, type TokenIssuer } from './tokens';

export type { RuntimeView } from './runtime-view';

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

export function createApp(options: CreateAppOptions): ConsoleApp {
  const logger: Logger = options.logger ?? {
    error: (message, error) => console.error(message, error),
    warn: (message) => console.warn(message),
  };
  const hub = new EventHub(options.store);
  const tokens = options.tokens ?? new LocalTokenIssuer();
  const deps: AppDeps = {
    store: options.store,
    runtimeView: options.runtimeView,
    deploymentExpiryMs: options.deploymentExpiryMs,
    checkAssetRunnable: options.checkAssetRunnable,
    assetRoots: options.assetRoots ?? [],
    consoleInfo: options.consoleInfo,
    hub,
    pingIntervalMs: options.eventsPingIntervalMs,
    // Issuing a token leaves an audit entry; checking one (the middlewares below use `tokens` itself) does not.
    tokens: auditedTokens(tokens, options.store),
    testTraffic: new TestTrafficGenerators(options.store),
    openApiDocument: () => openApiDocument(endpoints, options.consoleInfo.version),
  };
  const app = new Hono();

  useCommonMiddleware(app, {
    logger,
    allowedHosts: options.allowedHosts,
    allowedOrigins: options.allowedOrigins,
    databaseFile: options.store.db.name,
  });
  if (options.requireToken === true) {
    // Every /api path (unknown ones too: they say nothing without a token) and every /console endpoint that reads
    // platform data (changes with their entities, traffic, instance pids and ports); the table marks the open ones.
    const tokenRequired = tokenRequiredMiddleware(
      tokens,
      endpoints.filter((each) => each.open).map((each) => each.path),
    );
    app.use('/api/*', tokenRequired);
    for (const each of endpoints) if (!each.open && !each.path.startsWith('/api/')) app.use(each.path, tokenRequired);
  }
  // After the token check: every write runs as its actor, with its reason (the audit trail).
  const audit = auditMiddleware({ tokens, requireToken: options.requireToken === true });
  app.use('/api/*', audit);
  app.use('/console/*', audit);
  mountEndpoints(app, endpoints, deps);
  mountStaticSpa(app, options.staticDir);

  return Object.assign(app, { events: hub });
}

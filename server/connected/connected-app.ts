/**
 * The console server's HTTP app in connected mode: `/api/*` forwarded to nullplatform, the console's own endpoints
 * under /console (those that only the local platform can answer say so), and the SPA at /. The same request checks
 * as in local mode (Host, same-origin, JSON, body size) guard /api.
 */
import { type Context, Hono } from 'hono';

import { type ConsoleInfo, consolePaths } from '@contract/console';
import { endpoints } from '../http/endpoints';
import { errorBody, type Logger } from '../http/errors';
import { useCommonMiddleware } from '../http/middleware';
import { openApiDocument } from '../http/openapi';
import { changesState, refuseNonJson } from '../http/security';
import { mountStaticSpa } from '../http/static-spa';
import { noQuerySchema, parseQuery } from '../http/validation';
import { decodePath, isApiPath, requestTarget } from './api-path';
import type { Redactor } from './redactor';
import { upstreamProxy } from './upstream-proxy';
import type { UpstreamSession } from './upstream-session';

// The messages live beside the endpoint table that names them; tests and callers read them here too.
export {
  ACTIVITY_LOCAL_ONLY,
  LIVE_EVENTS_LOCAL_ONLY,
  LOGS_IN_NULLPLATFORM,
  REPORTED_BY_NULLPLATFORM,
  TEST_TRAFFIC_LOCAL_ONLY,
} from '../http/local-only';

export type ConnectedAppOptions = {
  session: UpstreamSession;
  apiUrl: string;
  timeoutMs: number;
  version: string;
  allowedHosts: string[];
  allowedOrigins?: string[];
  staticDir?: string;
  redactor: Redactor;
  /** Scrubbed before it gets here. */
  log: (line: string) => void;
};

export function createConnectedApp(options: ConnectedAppOptions): Hono {
  const { session, redactor, log } = options;
  const logger: Logger = {
    error: (message, error) => log(redactor.scrub(`${message}: ${describeError(error)}`)),
    warn: (message) => log(redactor.scrub(message)),
  };
  const userAgent = `np-console/${options.version}`;
  const app = new Hono();

  useCommonMiddleware(app, { logger, allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins });
  // A path meant for /api that Node's URL parser resolves elsewhere (`/api/%2e%2e/token` → `/token`) would otherwise
  // get a 404 or the SPA: refused here, as the proxy refuses every path it cannot take at face value.
  app.use('*', async (c, next) => {
    const { path } = requestTarget(c);
    if (isApiPath(path)) {
      const decoded = decodePath(path);
      if (!decoded.ok) return errorBody(c, 400, decoded.message);
    }
    await next();
  });

  const proxy = upstreamProxy({
    session,
    apiUrl: options.apiUrl,
    timeoutMs: options.timeoutMs,
    redactor,
    log,
    userAgent,
  });
  const forward = (c: Context) => {
    // Every method is forwarded, so the JSON check comes here (the local platform's endpoints make it themselves).
    const refused = changesState(c.req.method) ? refuseNonJson(c) : undefined;
    return refused === undefined ? proxy(c) : errorBody(c, refused.status, refused.message);
  };
  app.all('/api', forward);
  app.all('/api/*', forward);

  app.get(consolePaths.info, (c) => {
    parseQuery(c, noQuerySchema);
    const info: ConsoleInfo = {
      mode: 'connected',
      upstream: { host: session.host, organization_id: session.organizationId, url: options.apiUrl },
      live_events: false,
      version: options.version,
      health_timeout_ms: null,
    };
    return c.json(info);
  });
  // What only the local platform serves: each such endpoint of the table says what to answer instead.
  for (const each of endpoints) {
    const message = each.localOnly;
    if (message !== undefined) app.on(each.method.toUpperCase(), each.path, (c) => errorBody(c, 404, message));
  }
  app.get(consolePaths.openapi, (c) => {
    parseQuery(c, noQuerySchema);
    return c.json(openApiDocument(endpoints, options.version));
  });

  mountStaticSpa(app, options.staticDir);
  return app;
}

/** One line, no stack: a stack trace would print nothing useful and could carry a request's contents. */
function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

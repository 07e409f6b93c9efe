/**
 * The address of a scope in the local platform: a reverse proxy that splits requests between the deployments of the
 * scope by their traffic weights.
 *
 * Written on node:http rather than a proxy library on purpose: the point of it is a weighted choice per request, the
 * in-flight count per deployment that a drain waits for, and per-deployment counters for the traffic chart. The
 * maintained proxy libraries forward one request to a target they are given and offer none of those.
 */
import { Agent, type ClientRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { TRAFFIC_WINDOW_SECONDS } from '@contract/console';
import { type ConnectionLimits, createBoundedServer } from '../bounded-server';

import { InFlightRequests } from './in-flight-requests';
import type { Endpoint, InstanceGroup } from './instance-types';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';
import { isBufferable, readBody } from './request-body';
import { TrafficCounters, type TrafficSample } from './traffic-counters';
import { attemptUpstream, type UpstreamOutcome } from './upstream-attempt';
import { SmoothWeightedRoundRobin } from './weighted-round-robin';

/** `weight` is a percent; the weights of a route list sum to 100, or the list is empty. */
export type ProxyRoute = { deploymentId: number; weight: number; group: InstanceGroup };

export type ScopeProxyOptions = {
  scopeId: number;
  host: string;
  /** 0 lets the system pick a free port. */
  port: number;
  logger?: (line: string) => void;
  /** Shortens or lengthens `scopeConnectionLimits` (tests do). */
  limits?: Partial<ConnectionLimits>;
};

/**
 * The bounds of every scope address. What it serves: an app's own clients, browsers and load tests (the benchmark
 * uses 10 connections, the split test 8), on loopback or a LAN.
 */
export const scopeConnectionLimits: ConnectionLimits = {
  // Any client sends its headers at once; 10 s covers a slow link and holds a stalled connection 10 s, not 60 s.
  headersTimeoutMs: 10_000,
  // An app may take uploads bigger than the console's JSON: a minute for a whole request body is generous on loopback
  // or a LAN, and bounds a client that trickles its body. The app's answer may take as long as it takes.
  requestTimeoutMs: 60_000,
  // Node's default (and what the apps behind use): a client's next request reuses the connection; an idle one is freed.
  keepAliveTimeoutMs: 5_000,
  // Past this, each new connection closes the oldest one that has not sent a complete request (stalled, or idle).
  shedWaitingAbove: 768,
  // Each proxied connection costs two descriptors (the client's, and one to an instance): 1,024 per scope is a hundred
  // times what the load tests use, and a few scopes under attack together stay within common descriptor limits. The
  // last quarter is kept for connections in a request, so a flood of stalled ones never reaches it.
  maxConnections: 1_024,
  // Node's default check every 30 s would let a stalled connection live 40 s past its timeout.
  checkIntervalMs: 1_000,
};

export type ScopeTrafficReport = {
  samples: TrafficSample[];
  totals: Record<string, number>;
  weights: Record<string, number>;
};

type Target = { route: ProxyRoute; endpoint: Endpoint };

const defaultDrainTimeoutMs = 30_000;
const closeGraceMs = 5_000;

export class ScopeProxy {
  readonly scopeId: number;
  private readonly server: Server;
  // Keep-alive to the instances: a new TCP connection per proxied request would cost more than the request itself.
  private readonly agent = new Agent({ keepAlive: true });
  private readonly inFlightRequests = new InFlightRequests();
  private readonly counters = new TrafficCounters();
  private readonly endpointCursors = new Map<number, number>();
  private routes: ProxyRoute[] = [];
  private picker = new SmoothWeightedRoundRobin<ProxyRoute>([]);
  private readonly logger: (line: string) => void;

  constructor(private readonly options: ScopeProxyOptions) {
    this.scopeId = options.scopeId;
    this.logger = options.logger ?? (() => {});
    this.server = createBoundedServer(
      { ...scopeConnectionLimits, ...options.limits },
      (request, response) => {
        this.handle(request, response).catch((error: unknown) => {
          // A bug here must cost one request, not the console server (an unhandled rejection would end the process).
          this.logger(
            `scope ${this.scopeId}: proxy failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          this.answerItself(response, 502, `scope ${this.scopeId}: the proxy failed to forward this request`);
        });
      },
      { logger: this.logger, name: `scope ${options.scopeId}` },
    );
  }

  listen(): Promise<number> {
    const { host, port, scopeId } = this.options;
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : (error.code ?? error.message);
        reject(new Error(`scope ${scopeId}: cannot listen on ${host}:${port}: ${reason}`, { cause: error }));
      };
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  setRoutes(routes: ProxyRoute[]): void {
    validateRoutes(this.scopeId, routes);
    this.routes = [...routes];
    this.picker = new SmoothWeightedRoundRobin(routes.map((route) => ({ item: route, weight: route.weight })));
  }

  inFlight(deploymentId: number): number {
    return this.inFlightRequests.count(deploymentId);
  }

  /**
   * Resolves once no request to the deployment is in flight. Call it after a setRoutes without the deployment, so no
   * new request can reach it. After `timeoutMs` it resolves anyway (and logs): stopping the instances then still lets
   * them finish what they are doing within their own grace period.
   */
  async drain(deploymentId: number, timeoutMs = defaultDrainTimeoutMs): Promise<void> {
    if (await this.inFlightRequests.whenIdle(deploymentId, timeoutMs)) return;
    this.logger(
      `scope ${this.scopeId}: drain of deployment ${deploymentId} gave up after ${timeoutMs} ms with ${this.inFlight(deploymentId)} requests in flight`,
    );
  }

  traffic(windowSeconds = TRAFFIC_WINDOW_SECONDS): ScopeTrafficReport {
    return {
      samples: this.counters.samples(windowSeconds),
      totals: this.counters.totals(),
      weights: Object.fromEntries(this.routes.map((route) => [String(route.deploymentId), route.weight])),
    };
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const forced = setTimeout(() => this.server.closeAllConnections(), closeGraceMs);
    await closed;
    clearTimeout(forced);
    this.agent.destroy();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: Buffer | IncomingMessage = request;
    if (isBufferable(request)) {
      try {
        body = await readBody(request);
      } catch {
        response.destroy(); // The client went away mid-body: there is no one to answer.
        return;
      }
    }
    // Chosen only once the body is in, so a request always goes where the routes point at the moment it is sent.
    const first = this.choose();
    if (!first) {
      this.answerItself(response, 503, `scope ${this.scopeId} has no healthy instance to serve this request`);
      return;
    }
    let outcome = await this.send(request, response, body, first);
    if (!outcome.answered && outcome.retryable && !response.destroyed) {
      const second = this.chooseRetry(first);
      if (second) outcome = await this.send(request, response, body, second);
    }
    if (!outcome.answered && !response.destroyed) {
      const { target, error } = outcome;
      // Counted against the deployment whose instance failed: its error rate is what metric rules judge.
      this.answerItself(
        response,
        502,
        `scope ${this.scopeId}: instance ${target.endpoint.index} of deployment ${target.route.deploymentId} failed before answering (${error.code ?? error.message})`,
        target.route.deploymentId,
      );
    }
  }

  /** One attempt at one instance. The request counts as in flight for the target's deployment from now on. */
  private async send(
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer | IncomingMessage,
    target: Target,
  ): Promise<UpstreamOutcome & { target: Target }> {
    const { deploymentId } = target.route;
    this.inFlightRequests.begin(deploymentId);
    const sentAt = performance.now();
    const outcome = await attemptUpstream({
      agent: this.agent,
      port: target.endpoint.port,
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: upstreamRequestHeaders(request, Buffer.isBuffer(body)),
      body,
    });
    if (outcome.answered)
      this.relay(outcome.request, outcome.response, response, deploymentId, performance.now() - sentAt);
    else this.inFlightRequests.end(deploymentId);
    return { ...outcome, target };
  }

  /** Streams the instance's answer to the client; the request stays in flight until the client's response closes. */
  private relay(
    upstreamRequest: ClientRequest,
    upstream: IncomingMessage,
    response: ServerResponse,
    deploymentId: number,
    latencyMs: number,
  ): void {
    const status = upstream.statusCode ?? 502;
    this.counters.record(deploymentId, status >= 500, latencyMs);
    if (response.destroyed) {
      this.inFlightRequests.end(deploymentId);
      upstreamRequest.destroy();
      return;
    }
    response.once('close', () => {
      this.inFlightRequests.end(deploymentId);
      // The client left before the answer was complete: stop the instance's work on it too.
      if (!response.writableFinished) upstreamRequest.destroy();
    });
    response.writeHead(status, upstream.statusMessage, downstreamResponseHeaders(upstream, deploymentId));
    upstream.on('error', () => response.destroy()); // The instance died mid-answer: cut the client off too.
    upstream.pipe(response);
  }

  private choose(): Target | undefined {
    const route = this.picker.next((candidate) => candidate.group.healthyEndpoints().length > 0);
    return route ? this.targetIn(route) : undefined;
  }

  /**
   * Another instance for a request whose instance failed: of the same deployment if it has one, else by weight. Only
   * among the routes in force now: the failed deployment may have been taken out (and be draining) meanwhile.
   */
  private chooseRetry(failed: Target): Target | undefined {
    const { deploymentId } = failed.route;
    const current = this.routes.find((route) => route.deploymentId === deploymentId && route.weight > 0);
    const sameGroup =
      current?.group.healthyEndpoints().filter((endpoint) => endpoint.port !== failed.endpoint.port) ?? [];
    if (current && sameGroup.length > 0) return this.targetIn(current, sameGroup);
    const route = this.picker.next(
      (candidate) => candidate.deploymentId !== deploymentId && candidate.group.healthyEndpoints().length > 0,
    );
    return route ? this.targetIn(route) : undefined;
  }

  /** Round-robin over the instances of the deployment. */
  private targetIn(route: ProxyRoute, endpoints = route.group.healthyEndpoints()): Target {
    const cursor = this.endpointCursors.get(route.deploymentId) ?? 0;
    this.endpointCursors.set(route.deploymentId, cursor + 1);
    const endpoint = endpoints[cursor % endpoints.length];
    if (!endpoint) throw new Error(`scope ${this.scopeId}: deployment ${route.deploymentId} has no healthy instance`);
    return { route, endpoint };
  }

  private answerItself(
    response: ServerResponse,
    status: number,
    message: string,
    deploymentId: number | null = null,
  ): void {
    this.counters.record(deploymentId, true);
    if (response.headersSent || response.destroyed) {
      response.destroy();
      return;
    }
    const text = JSON.stringify({ message });
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  }
}

function validateRoutes(scopeId: number, routes: ProxyRoute[]): void {
  const ids = new Set<number>();
  let total = 0;
  for (const route of routes) {
    if (!Number.isFinite(route.weight) || route.weight < 0 || route.weight > 100) {
      throw new TypeError(
        `scope ${scopeId}: deployment ${route.deploymentId} has weight ${route.weight}; weights are percents from 0 to 100`,
      );
    }
    if (ids.has(route.deploymentId))
      throw new TypeError(`scope ${scopeId}: deployment ${route.deploymentId} is routed twice`);
    if (route.group.deploymentId !== route.deploymentId) {
      throw new TypeError(
        `scope ${scopeId}: the route for deployment ${route.deploymentId} carries the instances of deployment ${route.group.deploymentId}`,
      );
    }
    ids.add(route.deploymentId);
    total += route.weight;
  }
  if (routes.length > 0 && Math.abs(total - 100) > 1e-9) {
    throw new TypeError(`scope ${scopeId}: route weights must sum to 100, they sum to ${total}`);
  }
}

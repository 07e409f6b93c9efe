/**
 * What the console (control plane) and the runtime (data plane) say to each other over the runtime's Unix socket:
 * one JSON object per line. The console sends requests (`{id, method, params}`); the runtime answers each one once
 * (`{id, ok, result | error}`, in the order it finished them) and pushes events (`{event, …}`) about its instances.
 * Every message is validated where it arrives: the two processes may come from different versions of the code.
 */
import { z } from 'zod';

import { instanceSchema, trafficSampleSchema } from '@contract/console';
import { MAX_LOG_LIMIT, logStreams } from '@contract/instance-logs';

/** Bumped on any change of the messages below; a console never drives a runtime that speaks another version. */
export const PROTOCOL_VERSION = 1;

const id = z.number().int().positive();
const port = z.number().int().min(0).max(65535);

const routeWeightSchema = z.strictObject({ deploymentId: id, weight: z.number().min(0).max(100) });

const groupSpecSchema = z.strictObject({
  deploymentId: id,
  scopeId: id,
  count: z.number().int().positive(),
  entry: z.string().min(1),
  cwd: z.string().min(1),
  env: z.record(z.string(), z.string()),
  healthPath: z.string().startsWith('/'),
});

const empty = z.strictObject({});

/** Parameters of each request, by method. */
export const requestSchemas = {
  hello: empty,
  snapshot: empty,
  openProxy: z.strictObject({ scopeId: id, host: z.string().min(1), port }),
  closeProxy: z.strictObject({ scopeId: id }),
  setRoutes: z.strictObject({ scopeId: id, routes: z.array(routeWeightSchema) }),
  drain: z.strictObject({ scopeId: id, deploymentId: id, timeoutMs: z.number().int().min(0) }),
  traffic: z.strictObject({ scopeId: id, windowSeconds: z.number().int().positive() }),
  instances: z.strictObject({ scopeId: id }),
  /** `startedAt` is the console's clock: the engine times health timeouts from it, before any answer comes back. */
  startGroup: z.strictObject({ spec: groupSpecSchema, startedAt: z.number() }),
  stopGroup: z.strictObject({ deploymentId: id }),
  /** A page of what a deployment's instances wrote (instance-logs contract): running or stopped, from memory or files. */
  logs: z.strictObject({
    deploymentId: id,
    instance: z.number().int().min(0).optional(),
    since: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_LOG_LIMIT),
  }),
  shutdown: empty,
} as const;

const proxyStateSchema = z.strictObject({ scopeId: id, host: z.string(), port, routes: z.array(routeWeightSchema) });

const groupStateSchema = z.strictObject({
  deploymentId: id,
  scopeId: id,
  startedAt: z.number(),
  launched: z.number().int().min(0),
  healthy: z.number().int().min(0),
  healthSummary: z.string(),
  /** The last lines of an instance that is not healthy, for a failure message; absent from an older runtime. */
  lastOutput: z.array(z.string()).optional(),
});

const helloSchema = z.strictObject({
  protocol: z.number().int(),
  version: z.string(),
  pid: z.number().int().positive(),
  instanceTag: z.string(),
  startedAt: z.string(),
});

const snapshotSchema = z.strictObject({ proxies: z.array(proxyStateSchema), groups: z.array(groupStateSchema) });

export const logEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  instance: z.number().int().min(0),
  stream: z.enum(logStreams),
  /** Epoch ms. */
  timestamp: z.number(),
  line: z.string(),
});

export const logReadSchema = z.strictObject({
  instances: z.array(z.number().int().min(0)),
  results: z.array(logEntrySchema),
  next: z.number().int().min(0),
  hasMore: z.boolean(),
});

export const trafficReportSchema = z.strictObject({
  samples: z.array(trafficSampleSchema),
  totals: z.record(z.string(), z.number()),
  weights: z.record(z.string(), z.number()),
});

/** What each method's successful answer carries. */
export const resultSchemas = {
  hello: helloSchema,
  snapshot: snapshotSchema,
  openProxy: z.strictObject({ port }),
  closeProxy: empty,
  setRoutes: empty,
  drain: empty,
  traffic: trafficReportSchema.nullable(),
  instances: z.array(instanceSchema),
  startGroup: empty,
  stopGroup: empty,
  logs: logReadSchema,
  shutdown: empty,
} as const satisfies { [M in keyof typeof requestSchemas]: z.ZodType };

export type Method = keyof typeof requestSchemas;
export type Params<M extends Method> = z.infer<(typeof requestSchemas)[M]>;
export type Result<M extends Method> = z.infer<(typeof resultSchemas)[M]>;
export type RouteWeight = z.infer<typeof routeWeightSchema>;
export type GroupSpec = z.infer<typeof groupSpecSchema>;
export type ProxyState = z.infer<typeof proxyStateSchema>;
export type GroupState = z.infer<typeof groupStateSchema>;
export type Hello = z.infer<typeof helloSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type TrafficReport = z.infer<typeof trafficReportSchema>;
export type LogReadResult = z.infer<typeof logReadSchema>;

export function isMethod(value: string): value is Method {
  return Object.hasOwn(requestSchemas, value);
}

/** A request as it arrives, before its parameters are checked against its method. */
export const requestEnvelopeSchema = z.strictObject({ id, method: z.string(), params: z.unknown() });

export const responseSchema = z.union([
  z.strictObject({ id, ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ id, ok: z.literal(false), error: z.string() }),
]);

/** What the runtime tells every connected console about the instances of a deployment, as it happens. */
export const eventSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('launched'), deploymentId: id, value: z.number().int().min(0) }),
  z.strictObject({ event: z.literal('healthy'), deploymentId: id, value: z.number().int().min(0) }),
  z.strictObject({
    event: z.literal('exit'),
    deploymentId: id,
    index: z.number().int().min(0),
    detail: z.string(),
    restarting: z.boolean(),
  }),
  z.strictObject({ event: z.literal('restarted'), deploymentId: id, index: z.number().int().min(0) }),
  /**
   * The instances' last health checks in a few words ("HTTP 503"), and the last lines of an instance that is not
   * healthy (optional: an older runtime sends none), sent when either changes.
   */
  z.strictObject({
    event: z.literal('health'),
    deploymentId: id,
    summary: z.string(),
    lastOutput: z.array(z.string()).optional(),
  }),
]);
export type RuntimeEvent = z.infer<typeof eventSchema>;

/** A line longer than this is no message of ours: the connection is closed rather than buffered without bound. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Console-only endpoints: served by the console server itself in both modes, never by nullplatform.
 * They live under /console so they can never clash with an API path.
 */
import { z } from 'zod';

import { idSchema } from './common';
import { changeResources, consolePaths, type ChangeResource } from './console-paths';

export { changeResources, consolePaths, type ChangeResource };

export const consoleInfoSchema = z.looseObject({
  mode: z.enum(['local', 'connected']),
  /** In connected mode: the API host (never the key or the token) and the organization the key belongs to. */
  upstream: z
    .looseObject({
      host: z.string(),
      organization_id: z.number().nullable(),
      /** NP_API_URL as configured (scheme and path kept): what a CLI snippet tells the user to set. Never a secret. */
      url: z.string().optional(),
    })
    .nullable(),
  /** Whether /console/events carries live changes (local mode) or the SPA must poll (connected mode). */
  live_events: z.boolean(),
  version: z.string(),
  /**
   * How long the local platform gives a deployment's instances to become healthy (NP_CONSOLE_HEALTH_TIMEOUT), so a
   * page can count down to the failure; null in connected mode, where nullplatform does not publish its own.
   */
  health_timeout_ms: z.number().int().positive().nullable().optional(),
});
export type ConsoleInfo = z.infer<typeof consoleInfoSchema>;

/** One server-sent event (`event: change`): the entity as GET /:resource/:id would return it. */
export const changeEventSchema = z.looseObject({
  resource: z.enum(changeResources),
  action: z.enum(['created', 'updated', 'deleted']),
  id: idSchema,
  entity: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/**
 * The last minute: the window /console/traffic reports, and the one metric rules judge (`http.rpm` is per minute, and
 * a minute is nullplatform's check period after the first five; the scope proxy keeps five minutes of counters).
 */
export const TRAFFIC_WINDOW_SECONDS = 60;

export const trafficQuerySchema = z.strictObject({
  scope_id: z.coerce.number({ error: 'scope_id must be a number' }).int().positive('scope_id must be a positive id'),
});

/** Requests served at a scope's address, per deployment, in one-second buckets (the proxy's own counters). */
export const trafficSampleSchema = z.looseObject({
  /** Start of the second, epoch ms. */
  at: z.number(),
  /** Deployment id (as a string key) → requests served in that second. */
  counts: z.record(z.string(), z.number()),
  errors: z.number(),
  /** Deployment id → its 5xx answers and proxy failures in that second (absent: none, or an older runtime). */
  errors_by_deployment: z.record(z.string(), z.number()).optional(),
  /** Deployment id → latency histogram (milliseconds, two significant digits → requests). */
  latency_ms: z.record(z.string(), z.record(z.string(), z.number())).optional(),
});

export const scopeTrafficSchema = z.looseObject({
  scope_id: idSchema,
  address: z.string().nullable(),
  window_seconds: z.number(),
  samples: z.array(trafficSampleSchema),
  totals: z.record(z.string(), z.number()),
  /** The weights the proxy applies right now: deployment id → percent. */
  weights: z.record(z.string(), z.number()),
});
export type ScopeTraffic = z.infer<typeof scopeTrafficSchema>;

export const instanceStates = ['starting', 'healthy', 'unhealthy', 'draining', 'stopped', 'crashed'] as const;

export const instanceSchema = z.looseObject({
  deployment_id: idSchema,
  index: z.number().int(),
  pid: z.number().nullable(),
  port: z.number().nullable(),
  state: z.enum(instanceStates),
  restarts: z.number().int(),
  last_health: z
    .looseObject({ at: z.number(), status_code: z.number().nullable(), error: z.string().nullable() })
    .nullable(),
});
export type InstanceSnapshot = z.infer<typeof instanceSchema>;

export const scopeRuntimeSchema = z.looseObject({
  scope_id: idSchema,
  address: z.string().nullable(),
  health_check_path: z.string(),
  instances: z.array(instanceSchema),
});
export type ScopeRuntime = z.infer<typeof scopeRuntimeSchema>;

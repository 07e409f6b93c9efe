/**
 * nullplatform's metric telemetry: `GET /telemetry/application/{id}/metric/{name}?scope_id&minutes&period`
 * (reference §7.6; nullplatform's agent docs and workflow code use these paths and parameters).
 *
 * ASSUMPTION, kept in this one file: no public source shows the RESPONSE. The local platform answers the plain shape
 * `{metric, unit, period, results: [{timestamp, value}]}` (a value per `period` seconds, oldest first; `value` is
 * null where nothing was measured). Readers of nullplatform's real answers must read them tolerantly
 * (`telemetryResponseSchema` is loose).
 */
import { z } from 'zod';

/** What the local platform measures at a scope's address (its proxy counters keep five minutes). */
export const telemetryMetrics = ['http.rpm', 'http.error_rate', 'http.response_time'] as const;
export type TelemetryMetric = (typeof telemetryMetrics)[number];

const TELEMETRY_MAX_MINUTES = 5;

export const telemetryQuerySchema = z.strictObject({
  scope_id: z.coerce
    .number({ error: 'scope_id must be a number' })
    .int('scope_id must be an integer')
    .positive('scope_id must be a positive id'),
  minutes: z.coerce
    .number({ error: 'minutes must be a number' })
    .int('minutes must be a whole number')
    .min(1, 'minutes must be at least 1')
    .max(
      TELEMETRY_MAX_MINUTES,
      `minutes must be at most ${TELEMETRY_MAX_MINUTES}: the local platform keeps five minutes of requests`,
    )
    .default(TELEMETRY_MAX_MINUTES),
  /** Seconds per point. */
  period: z.coerce
    .number({ error: 'period must be a number of seconds' })
    .int('period must be a whole number of seconds')
    .min(1, 'period must be at least 1 second')
    .max(TELEMETRY_MAX_MINUTES * 60, `period must be at most ${TELEMETRY_MAX_MINUTES * 60} seconds`)
    .default(60),
});

const telemetryPointSchema = z.looseObject({ timestamp: z.string(), value: z.number().nullable() });

export const telemetryResponseSchema = z.looseObject({
  metric: z.string(),
  unit: z.string(),
  period: z.number(),
  results: z.array(telemetryPointSchema),
});
export type TelemetryResponse = z.infer<typeof telemetryResponseSchema>;

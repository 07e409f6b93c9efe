/**
 * The answers of the console server's own endpoints (`/console/*`, contract/console.ts), read with the same rules as
 * the contract's schemas but in zod/mini, which is the SPA's zod (tolerant.ts): the console answers these itself in
 * both modes, so they are read strictly, not tolerantly. `console.test.ts` checks each against its contract schema.
 */
import { changeResources } from '@contract/console-paths';
import { z } from 'zod/mini';

const idReader = z.number().check(z.int(), z.positive());
const countsReader = z.record(z.string(), z.number());

const trafficSampleReader = z.looseObject({
  at: z.number(),
  counts: countsReader,
  errors: z.number(),
  errors_by_deployment: z.optional(countsReader),
  latency_ms: z.optional(z.record(z.string(), countsReader)),
});

/** GET /console/traffic?scope_id= (contract `scopeTrafficSchema`). */
export const scopeTrafficReader = z.looseObject({
  scope_id: idReader,
  address: z.nullable(z.string()),
  window_seconds: z.number(),
  samples: z.array(trafficSampleReader),
  totals: countsReader,
  weights: countsReader,
});

const instanceReader = z.looseObject({
  deployment_id: idReader,
  index: z.number().check(z.int()),
  pid: z.nullable(z.number()),
  port: z.nullable(z.number()),
  state: z.enum(['starting', 'healthy', 'unhealthy', 'draining', 'stopped', 'crashed']),
  restarts: z.number().check(z.int()),
  last_health: z.nullable(
    z.looseObject({ at: z.number(), status_code: z.nullable(z.number()), error: z.nullable(z.string()) }),
  ),
});

/** GET /console/scope/:id/runtime (contract `scopeRuntimeSchema`). */
export const scopeRuntimeReader = z.looseObject({
  scope_id: idReader,
  address: z.nullable(z.string()),
  health_check_path: z.string(),
  instances: z.array(instanceReader),
});

/** One `change` event of /console/events (contract `changeEventSchema`). */
export const changeEventReader = z.looseObject({
  resource: z.enum(changeResources),
  action: z.enum(['created', 'updated', 'deleted']),
  id: idReader,
  entity: z.nullable(z.record(z.string(), z.unknown())),
});

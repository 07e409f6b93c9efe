/**
 * A scope's test traffic generator (`/console/scope/:id/test-traffic`, contract/test-traffic.ts), read with the same
 * rules as the contract's schema but in zod/mini, the SPA's zod (tolerant.ts): the console answers it itself, so it is
 * read strictly, as the other console endpoints are (console.ts). `test-traffic.test.ts` checks it against the schema.
 */
import { testTrafficEndReasons } from '@contract/test-traffic-values';
import { z } from 'zod/mini';

const countReader = z.number().check(z.int(), z.nonnegative());

export const testTrafficStatusReader = z.looseObject({
  scope_id: z.number().check(z.int(), z.positive()),
  running: z.boolean(),
  rate_per_second: z.nullable(z.number()),
  duration_seconds: z.nullable(z.number()),
  path: z.nullable(z.string()),
  address: z.nullable(z.string()),
  started_at: z.nullable(z.string()),
  ends_at: z.nullable(z.string()),
  ended_at: z.nullable(z.string()),
  end_reason: z.nullable(z.enum(testTrafficEndReasons)),
  sent: countReader,
  failed: countReader,
  last_failure: z.nullable(z.string()),
});
export type TestTrafficStatus = z.output<typeof testTrafficStatusReader>;

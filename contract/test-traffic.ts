/**
 * Test traffic (console-only, local platform): real HTTP requests the console sends to a scope's own address, at a
 * bounded rate for a bounded time, so that metric rules and charts have requests to judge without a second tool.
 * They go through the scope's weighted proxy like anyone's, and count in its per-deployment counters.
 */
import { z } from 'zod';

import { idSchema, timestampSchema } from './common';
import {
  TEST_TRAFFIC_DEFAULT_PATH,
  TEST_TRAFFIC_MAX_RATE,
  TEST_TRAFFIC_MAX_SECONDS,
  testTrafficEndReasons,
  testTrafficPath,
  type TestTrafficEndReason,
} from './test-traffic-values';

export {
  TEST_TRAFFIC_DEFAULT_PATH,
  TEST_TRAFFIC_MAX_RATE,
  TEST_TRAFFIC_MAX_SECONDS,
  testTrafficEndReasons,
  testTrafficPath,
  type TestTrafficEndReason,
};

export const startTestTrafficBodySchema = z.strictObject({
  rate_per_second: z
    .number({ error: 'rate_per_second must be a number of requests per second' })
    .positive(`rate_per_second must be more than 0 and at most ${TEST_TRAFFIC_MAX_RATE}`)
    .max(TEST_TRAFFIC_MAX_RATE, `rate_per_second must be more than 0 and at most ${TEST_TRAFFIC_MAX_RATE}`),
  duration_seconds: z
    .number({ error: 'duration_seconds must be a whole number of seconds' })
    .int('duration_seconds must be a whole number of seconds')
    .min(1, `duration_seconds must be from 1 to ${TEST_TRAFFIC_MAX_SECONDS}`)
    .max(TEST_TRAFFIC_MAX_SECONDS, `duration_seconds must be from 1 to ${TEST_TRAFFIC_MAX_SECONDS}`),
  /** Requested at the scope's address; default `/`. Only a path: the host is always the scope's own. */
  path: z
    .string({ error: 'path must be a string such as /api/greeting' })
    .max(512, 'path must be at most 512 characters')
    .regex(
      /^\/(?!\/)[\x21-\x7e]*$/,
      'path must start with a single / and hold no spaces or control characters, such as /api/greeting',
    )
    .optional(),
});
export type StartTestTrafficBody = z.infer<typeof startTestTrafficBodySchema>;

/**
 * The scope's generator: the one running, else the last one this console ran for the scope (its final counts),
 * else none (`rate_per_second` null and counts 0). Kept in memory only: a console that restarts has none.
 */
export const testTrafficStatusSchema = z.looseObject({
  scope_id: idSchema,
  running: z.boolean(),
  rate_per_second: z.number().nullable(),
  duration_seconds: z.number().nullable(),
  path: z.string().nullable(),
  /** The scope address the requests go to (host:port). */
  address: z.string().nullable(),
  started_at: timestampSchema.nullable(),
  /** When it stops by itself. */
  ends_at: timestampSchema.nullable(),
  /** When it stopped (null while running). */
  ended_at: timestampSchema.nullable(),
  end_reason: z.enum(testTrafficEndReasons).nullable(),
  /** Requests sent so far (answered or not). */
  sent: z.number().int().nonnegative(),
  /** Of those: answered 5xx, or not answered at all (connection refused, timed out). */
  failed: z.number().int().nonnegative(),
  /** The latest failure in a few words (`500 from deployment 12`, `no answer: connection refused`). */
  last_failure: z.string().nullable(),
});
export type TestTrafficStatus = z.infer<typeof testTrafficStatusSchema>;

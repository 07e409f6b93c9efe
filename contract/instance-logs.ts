/**
 * What a deployment's instances wrote (console-only, local platform: `GET /console/deployment/:id/logs`). nullplatform
 * keeps application logs itself (reference §7.6 names `GET /telemetry/application/:id/log`, unverified); this shape
 * is the console's own.
 *
 * The cursor is `seq`: one number per line, growing with every line any instance of the deployment writes, so it
 * orders lines across instances too and survives restarts of the console and of the data plane (it is kept in the
 * log files). `since=<seq>` answers the lines after that one, oldest first; without `since`, the last `limit`
 * lines. `paging.next` is what to send as `since` to get what comes next.
 */
import { z } from 'zod';

import { idSchema, timestampSchema } from './common';

/** `platform`: what the local platform says about the instance itself (started, exited, restarting). */
export const logStreams = ['stdout', 'stderr', 'platform'] as const;
export type LogStream = (typeof logStreams)[number];

export const DEFAULT_LOG_LIMIT = 200;
export const MAX_LOG_LIMIT = 1000;

const wholeNumber = (name: string, what: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${name} must be ${what}`)
    .transform(Number);

export const logQuerySchema = z.strictObject({
  instance: wholeNumber('instance', "an instance's number (0, 1, …)").optional(),
  since: wholeNumber('since', "a line's seq (a whole number, e.g. paging.next of the previous answer)").optional(),
  limit: z
    .string()
    .regex(/^\d{1,15}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().min(1, 'limit must be at least 1').max(MAX_LOG_LIMIT, `limit must be at most ${MAX_LOG_LIMIT}`))
    .default(DEFAULT_LOG_LIMIT),
});
export type LogQuery = z.output<typeof logQuerySchema>;

export const logLineSchema = z.looseObject({
  seq: z.number().int().positive(),
  /** The instance's number within its deployment (0, 1, …): `#0` on the deployment page. */
  instance: z.number().int().nonnegative(),
  stream: z.enum(logStreams),
  timestamp: timestampSchema,
  line: z.string(),
});
export type LogLine = z.infer<typeof logLineSchema>;

export const logPageSchema = z.looseObject({
  deployment_id: idSchema,
  /** Every instance the deployment has, or had, lines for (or was asked to run): what `instance` may be. */
  instances: z.array(z.number().int().nonnegative()),
  results: z.array(logLineSchema),
  paging: z.looseObject({
    limit: z.number().int().positive(),
    since: z.number().int().nonnegative().nullable(),
    /** Send as `since` for the lines that follow the last one here. */
    next: z.number().int().nonnegative(),
    /** More lines follow `next` already (the page was full). */
    has_more: z.boolean(),
  }),
});
export type LogPage = z.infer<typeof logPageSchema>;

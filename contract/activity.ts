/**
 * The audit trail of the local platform (`GET /console/activity`): who changed what, when, from → to, and why.
 *
 * Every write through /api (and /console) records one entry per entity it changed, and so do the engine's own
 * decisions (an automatic traffic step, a metric rollback, the finalize at `expires_at`, a failure). nullplatform
 * keeps its own audit; this feed is the local platform's and exists only there (connected mode answers 404).
 *
 * ACTORS (the choice, in one place): nullplatform's `created_by`/`updated_by` are user ids, numbers (reference §7.1,
 * §8b). The local platform gives every actor a number too, in the order it first writes, and keeps its readable
 * name beside it (`GET /console/actors`): `local` (the console's own user, every write when tokens are not
 * required), one actor per API key name (`NP_CONSOLE_API_KEYS=alice:key1`: `alice`; a key given without a name is
 * `key-<its position in the list>`), and `engine` (the platform's own decisions, with the rule in `reason`).
 */
import { z } from 'zod';

import { REASON_MAX_LENGTH } from './activity-values';
import { idSchema, pagingQueryShape, timestampSchema } from './common';

export { REASON_MAX_LENGTH };

export const reasonInputSchema = z
  .string({ error: 'reason must be a string' })
  .max(REASON_MAX_LENGTH, `reason must be at most ${REASON_MAX_LENGTH} characters`);

export const actorKinds = ['console', 'api_key', 'engine'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** The console's own user: every write when tokens are not required. */
export const LOCAL_ACTOR = 'local';
/** The platform itself: automatic steps, metric rollbacks, expiry, failures. */
export const ENGINE_ACTOR = 'engine';

export const actorSchema = z.looseObject({
  /** What `created_by`/`updated_by` hold. */
  id: idSchema,
  name: z.string(),
  kind: z.enum(actorKinds),
});
export type Actor = z.infer<typeof actorSchema>;

export const actorListSchema = z.looseObject({ results: z.array(actorSchema) });
export type ActorList = z.infer<typeof actorListSchema>;

/** What an entry is about: the API's entities, plus the token exchange. */
export const activityEntityKinds = [
  'application',
  'build',
  'asset',
  'release',
  'scope',
  'deployment',
  'deployment_strategy',
  'token',
] as const;
export type ActivityEntityKind = (typeof activityEntityKinds)[number];

/**
 * What was done. Status requests and traffic moves get their own names (they are what an operator looks for);
 * anything else is create/update/delete.
 */
export const activityActions = [
  'create',
  'update',
  'delete',
  'finalize',
  'cancel',
  'roll_back',
  'traffic',
  'pause_auto_switch',
  'resume_auto_switch',
  'fail',
  'status',
  'issue_token',
] as const;
export type ActivityAction = (typeof activityActions)[number];

/** One field that changed; nested fields are dotted (`strategy_data.desired_switched_traffic`). */
export const activityChangeSchema = z.looseObject({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type ActivityChange = z.infer<typeof activityChangeSchema>;

export const activityEntrySchema = z.looseObject({
  id: idSchema,
  at: timestampSchema,
  actor: actorSchema,
  action: z.enum(activityActions),
  entity: z.looseObject({ kind: z.enum(activityEntityKinds), id: idSchema.nullable() }),
  application_id: idSchema.nullable(),
  scope_id: idSchema.nullable(),
  deployment_id: idSchema.nullable(),
  /** From → to of every field that changed (for a creation, the new entity's main fields, from null). */
  changes: z.array(activityChangeSchema),
  reason: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const ACTIVITY_DEFAULT_LIMIT = 20;
export const ACTIVITY_MAX_LIMIT = 100;

const idParam = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a positive integer id` })
    .int(`${name} must be a positive integer id`)
    .positive(`${name} must be a positive integer id`);

export const activityListQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be an integer')
    .min(1, 'limit must be at least 1')
    .max(ACTIVITY_MAX_LIMIT, `limit must be at most ${ACTIVITY_MAX_LIMIT}`)
    .default(ACTIVITY_DEFAULT_LIMIT),
  offset: pagingQueryShape.offset,
  application_id: idParam('application_id').optional(),
  scope_id: idParam('scope_id').optional(),
  deployment_id: idParam('deployment_id').optional(),
  /** An actor's name, e.g. `alice`, `local`, `engine`. */
  actor: z
    .string()
    .trim()
    .min(1, 'actor must not be empty')
    .max(100, 'actor must be at most 100 characters')
    .optional(),
  /** One action or several, comma-separated. */
  action: z
    .string()
    .transform((raw, ctx) => {
      const parts = raw.split(',').map((part) => part.trim());
      const unknown = parts.filter((part) => !(activityActions as readonly string[]).includes(part));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `action must be among ${activityActions.join(', ')} (got ${unknown.join(', ')})`,
        });
        return z.NEVER;
      }
      return parts as ActivityAction[];
    })
    .optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

/**
 * One check of a deployment's metric rules by the local platform (console-only: `GET /console/deployment/:id/
 * evaluations`). nullplatform keeps no such public record; the shape is the console's own.
 */
import { z } from 'zod';

import { idSchema, timestampSchema } from './common';

const evaluationVerdicts = ['passed', 'broken', 'not_enough_requests'] as const;
export type EvaluationVerdict = (typeof evaluationVerdicts)[number];

export const ruleResultSchema = z.strictObject({
  metric: z.string(),
  comparison: z.string(),
  threshold: z.number(),
  /** Null when there was nothing to measure (no request in the window for a response time). */
  value: z.number().nullable(),
  unit: z.string(),
  /** False when the window held fewer requests than the minimum: the rule was not judged this time. */
  judged: z.boolean(),
  broken: z.boolean(),
});
export type RuleResult = z.infer<typeof ruleResultSchema>;

const metricEvaluationSchema = z.strictObject({
  id: idSchema,
  deployment_id: idSchema,
  evaluated_at: timestampSchema,
  window_seconds: z.number(),
  /** The new deployment's requests at the scope address in the window. */
  requests: z.number(),
  min_requests: z.number(),
  verdict: z.enum(evaluationVerdicts),
  results: z.array(ruleResultSchema),
});
export type MetricEvaluation = z.infer<typeof metricEvaluationSchema>;

export const metricEvaluationListSchema = z.looseObject({
  deployment_id: idSchema,
  results: z.array(metricEvaluationSchema),
});

/**
 * The local platform's checks of a deployment's rollback rules (`GET /console/deployment/:id/evaluations`,
 * contract/metric-evaluation.ts), read field by field: one check that cannot be read does not hide the others.
 */
import { z } from 'zod/mini';

import { booleanField, idField, numberField, textField, timeField, tolerantObject } from './tolerant';

const ruleResultReader = tolerantObject(
  {},
  {
    metric: textField,
    comparison: textField,
    threshold: numberField,
    value: z.nullable(numberField),
    unit: textField,
    judged: booleanField,
    broken: booleanField,
  },
);
export type RuleResult = z.output<typeof ruleResultReader>;

const evaluationReader = tolerantObject(
  { evaluated_at: timeField },
  {
    id: idField,
    window_seconds: numberField,
    requests: numberField,
    min_requests: numberField,
    verdict: textField,
    results: z.array(ruleResultReader),
  },
);
export type MetricEvaluation = z.output<typeof evaluationReader>;

const evaluationListFields = tolerantObject({ results: z.array(z.unknown()) }, { deployment_id: idField });

/** Oldest first, as the console answers; an item that is not a check is left out rather than failing the list. */
export const evaluationListReader = z.pipe(
  evaluationListFields,
  z.transform((list: z.output<typeof evaluationListFields>) => ({
    ...list,
    results: list.results.flatMap((item) => {
      const read = evaluationReader.safeParse(item);
      return read.success ? [read.data] : [];
    }),
  })),
);
export type MetricEvaluationList = z.output<typeof evaluationListReader>;

/**
 * Metric rule evaluations (migration 5): appended by the engine at each check, read by the console endpoint. Not an
 * entity of nullplatform's API, so writing one records no change: it must not wake the engine or the event stream.
 */
import { type EvaluationVerdict, type MetricEvaluation, ruleResultSchema } from '@contract/metric-evaluation';
import type { StoreContext } from './context';
import { parseArray } from './sql';

type EvaluationRow = {
  id: number;
  deployment_id: number;
  evaluated_at: string;
  window_seconds: number;
  requests: number;
  min_requests: number;
  verdict: EvaluationVerdict;
  results: string;
};

export type NewEvaluation = Omit<MetricEvaluation, 'id' | 'evaluated_at'>;

/** At most this many evaluations are read back per deployment (two hours at the reference's cadence is ~130). */
const MAX_EVALUATIONS_LISTED = 500;

export class EvaluationsRepository {
  constructor(private readonly ctx: StoreContext) {}

  insert(evaluation: NewEvaluation): MetricEvaluation {
    return this.ctx.write(() => {
      const evaluatedAt = this.ctx.nowIso();
      const info = this.ctx
        .statement(
          'INSERT INTO metric_evaluations (deployment_id, evaluated_at, window_seconds, requests, min_requests, verdict, results) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          evaluation.deployment_id,
          evaluatedAt,
          evaluation.window_seconds,
          evaluation.requests,
          evaluation.min_requests,
          evaluation.verdict,
          JSON.stringify(evaluation.results),
        );
      return { ...evaluation, id: Number(info.lastInsertRowid), evaluated_at: evaluatedAt };
    });
  }

  /** The deployment's evaluations, oldest first (the latest MAX_EVALUATIONS_LISTED). */
  forDeployment(deploymentId: number): MetricEvaluation[] {
    const rows = this.ctx
      .statement(
        'SELECT * FROM (SELECT * FROM metric_evaluations WHERE deployment_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
      )
      .all(deploymentId, MAX_EVALUATIONS_LISTED) as EvaluationRow[];
    return rows.map((row) => ({ ...row, results: ruleResultSchema.array().parse(parseArray(row.results)) }));
  }

  /** When the deployment's rules were last checked (epoch ms), if ever. */
  lastEvaluatedAt(deploymentId: number): number | undefined {
    const row = this.ctx
      .statement('SELECT evaluated_at FROM metric_evaluations WHERE deployment_id = ? ORDER BY id DESC LIMIT 1')
      .get(deploymentId) as { evaluated_at: string } | undefined;
    return row === undefined ? undefined : Date.parse(row.evaluated_at);
  }
}

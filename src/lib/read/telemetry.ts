/**
 * A metric over time from `GET /telemetry/application/:id/metric/:name?scope_id&minutes&period` (reference §7.6), in
 * either of the shapes it is known in:
 * - the local platform's `{metric, unit, period, results:[{timestamp, value}]}` (contract/telemetry.ts, its own
 *   assumption);
 * - nullplatform's, as its own workflow reads it: `results[].data[].value` (nullplatform/workflows
 *   deploy/tools/deploy-metrics.yaml averages `body.results[i].data[j].value`; nothing else of a point is read there,
 *   so a point may come without a time and is then placed by its order and `period`).
 * Several series (several `results` with `data`) are averaged point by point, as that workflow averages them.
 */
import { z } from 'zod/mini';

import { numberField, textField, timeField, tolerantObject } from './tolerant';

const pointReader = tolerantObject({}, { timestamp: timeField, value: z.nullable(numberField) });
const seriesReader = tolerantObject({ data: z.array(z.unknown()) }, {});

export type TelemetryPoint = { at: number | undefined; value: number | null };
export type Telemetry = { unit: string | undefined; period: number | undefined; points: TelemetryPoint[] };

const telemetryFields = tolerantObject(
  { results: z.array(z.unknown()) },
  { metric: textField, unit: textField, period: numberField },
);

export const telemetryReader = z.pipe(
  telemetryFields,
  z.transform((answer: z.output<typeof telemetryFields>): Telemetry => {
    const series = answer.results.flatMap((item) => {
      const read = seriesReader.safeParse(item);
      return read.success ? [read.data.data.map(toPoint)] : [];
    });
    const points = series.length > 0 ? averaged(series) : answer.results.map(toPoint);
    return { unit: answer.unit, period: answer.period, points };
  }),
);

function toPoint(item: unknown): TelemetryPoint {
  const read = pointReader.safeParse(item);
  if (!read.success) return { at: undefined, value: null };
  const at =
    read.data.timestamp === undefined
      ? undefined
      : typeof read.data.timestamp === 'number'
        ? read.data.timestamp
        : Date.parse(read.data.timestamp);
  return { at, value: read.data.value ?? null };
}

function averaged(series: readonly TelemetryPoint[][]): TelemetryPoint[] {
  const length = Math.max(...series.map((points) => points.length));
  return Array.from({ length }, (_, index) => {
    const values = series.flatMap((points) => {
      const value = points[index]?.value;
      return value === null || value === undefined ? [] : [value];
    });
    const at = series.map((points) => points[index]?.at).find((time) => time !== undefined);
    return { at, value: values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length };
  });
}

/** Building table rows and printing the table. */
import type { FigureResult, Row } from './types';

export type Goal =
  /** measured / baseline must be at least `min` or at most `max`. */
  | { kind: 'ratio'; min?: number; max?: number }
  /** measured itself must be at most `max` (same unit). */
  | { kind: 'absolute'; max: number }
  /** |measured − baseline| in points must be at most `within`. */
  | { kind: 'points'; within: number }
  /** Reported only. */
  | { kind: 'none' };

export type RowInput = {
  figure: string;
  measured: number | null;
  baseline: number | null;
  unit: string;
  baselineLabel: string;
  target: string;
  goal: Goal;
  details?: Record<string, unknown>;
};

export function row(input: RowInput): Row {
  const { measured, baseline, goal } = input;
  const usable = (value: number | null): value is number => value !== null && Number.isFinite(value);
  let ratio: number | null = null;
  let ratioKind: Row['ratioKind'] = 'none';
  if (goal.kind === 'points') {
    ratioKind = 'points';
    ratio = usable(measured) && usable(baseline) ? measured - baseline : null;
  } else if (usable(measured) && usable(baseline) && baseline !== 0) {
    ratioKind = 'ratio';
    ratio = measured / baseline;
  }
  let met: boolean | null = null;
  switch (goal.kind) {
    case 'ratio':
      met =
        ratio === null
          ? false
          : (goal.min === undefined || ratio >= goal.min) && (goal.max === undefined || ratio <= goal.max);
      break;
    case 'absolute':
      met = usable(measured) ? measured <= goal.max : false;
      break;
    case 'points':
      met = ratio === null ? false : Math.abs(ratio) <= goal.within;
      break;
    case 'none':
      met = null;
      break;
  }
  return {
    figure: input.figure,
    measured,
    baseline,
    unit: input.unit,
    baselineLabel: input.baselineLabel,
    ratio,
    ratioKind,
    target: input.target,
    met,
    ...(input.details ? { details: input.details } : {}),
  };
}

/** A row for a figure that could not be measured (the error is in the notes). */
export function failedRow(figure: string, target: string): Row {
  return {
    figure,
    measured: null,
    baseline: null,
    unit: '',
    baselineLabel: '',
    ratio: null,
    ratioKind: 'none',
    target,
    met: false,
  };
}

function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const digits = unit === 'req/s' || unit === 'rounds' ? 0 : unit === 'ms' ? (value < 10 ? 2 : 1) : 1;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

function formatRatio(row: Row): string {
  if (row.ratio === null) return '—';
  if (row.ratioKind === 'points') return `${row.ratio >= 0 ? '+' : ''}${row.ratio.toFixed(1)} pt`;
  return `${row.ratio.toFixed(2)}×`;
}

function formatMet(met: boolean | null): string {
  return met === null ? 'reported' : met ? 'yes' : 'NO';
}

export function tableLines(results: readonly FigureResult[]): string[] {
  const header = ['figure', 'measured', 'baseline', 'ratio', 'target', 'met?', 'load avg'];
  const body: string[][] = [];
  for (const result of results) {
    for (const r of result.rows) {
      const baseline =
        r.baseline === null
          ? r.baselineLabel === ''
            ? '—'
            : r.baselineLabel
          : `${formatValue(r.baseline, r.unit)} (${r.baselineLabel})`;
      const load = `${result.load_average.start.toFixed(2)} → ${result.load_average.end.toFixed(2)}`;
      body.push([
        r.figure,
        formatValue(r.measured, r.unit),
        baseline,
        formatRatio(r),
        r.target,
        result.error ? 'ERROR' : formatMet(r.met),
        load,
      ]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)];
}

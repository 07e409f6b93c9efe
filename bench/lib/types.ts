/**
 * What a figure produces: rows of the printed table (each one a measurement next to its baseline) and notes that
 * explain them. Numbers stay numbers here; `report.ts` formats them.
 */
import type { LiveScope } from './live-scope';
import type { SpaBuild } from './spa';

export type Row = {
  /** The figure as the issue names it, with the sizes actually used (e.g. "at 100,000 builds"). */
  figure: string;
  measured: number | null;
  baseline: number | null;
  unit: string;
  /** How the baseline was obtained, e.g. "bare node:http, same bytes". */
  baselineLabel: string;
  /** measured / baseline, or for `points` rows the difference in points. */
  ratio: number | null;
  ratioKind: 'ratio' | 'points' | 'none';
  target: string;
  /** null: reported only (no target to meet). */
  met: boolean | null;
  details?: Record<string, unknown>;
};

export type FigureOutcome = { rows: Row[]; notes: string[] };

export type FigureResult = FigureOutcome & {
  name: string;
  seconds: number;
  /** The 1-minute load average when the figure started and ended: a busy machine makes its numbers noisier. */
  load_average: { start: number; end: number };
  error?: string;
};

export type Figure = {
  /** The file name, e.g. `api-throughput`. */
  name: string;
  /** What a failing figure is called in the table. */
  title: string;
  run(ctx: BenchContext): Promise<FigureOutcome>;
};

export type BenchContext = {
  quick: boolean;
  /** The project root (where package.json is). */
  root: string;
  log(line: string): void;
  shared: SharedResources;
};

/** Things several figures use, started once on first use and stopped by the runner. */
export interface SharedResources {
  liveScope(): Promise<LiveScope>;
  releaseLiveScope(): Promise<void>;
  spaBuild(): Promise<SpaBuild>;
}

/** The machine a run came from, for results.json and the README. */
import { cpus, loadavg, release, totalmem } from 'node:os';

export type Machine = {
  cpu_model: string;
  cores: number;
  memory_gb: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the run started and ended: a busy machine makes every figure noisier. */
  load_average: { start: number; end: number };
};

const loadAtStart = loadavg()[0] ?? 0;

/** The 1-minute load average now, to two decimals. */
export function loadAverage(): number {
  return round(loadavg()[0] ?? 0);
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu_model: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memory_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    date: new Date().toISOString(),
    load_average: { start: round(loadAtStart), end: round(loadavg()[0] ?? 0) },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

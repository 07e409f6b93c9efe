import type { InstanceSnapshot } from './instance-types';

/**
 * The instances' last health checks in a few words ("HTTP 503", "ECONNREFUSED, no answer yet"): what a deployment
 * that never became healthy says in its failure message.
 */
export function summarizeHealth(instances: InstanceSnapshot[]): string {
  const results = instances.map((instance) => {
    const health = instance.last_health;
    if (health === null) return 'no answer yet';
    if (health.status_code !== null) return `HTTP ${health.status_code}`;
    return health.error ?? 'no answer';
  });
  return [...new Set(results)].join(', ') || 'none';
}

/** Lines of output a failure message quotes, and how much of each. */
const explainingLines = 5;
const explainingChars = 300;

/**
 * The last lines the app of the first instance that is not healthy wrote ("instance #0 stderr: Error: …"): what most
 * often says why it never answered its health check (a missing variable, a port in use, a crash on start). The same
 * line printed again by each restart is quoted once; the platform's own lines (started, exited) only when the app
 * wrote nothing, as the messages say those already. Empty while every instance is healthy or none wrote anything.
 */
export function explainingOutput(instances: InstanceSnapshot[], recentOutput: (index: number) => string[]): string[] {
  for (const instance of instances) {
    if (instance.state === 'healthy') continue;
    const output = recentOutput(instance.index);
    const fromApp = output.filter((line) => !line.startsWith('platform: '));
    const chosen = fromApp.length > 0 ? fromApp : output;
    const lines = chosen.filter((line, index) => chosen.lastIndexOf(line) === index).slice(-explainingLines);
    if (lines.length === 0) continue;
    return lines.map((line) => {
      const cut = line.length > explainingChars ? `${line.slice(0, explainingChars)}…` : line;
      return `instance #${instance.index} ${cut}`;
    });
  }
  return [];
}

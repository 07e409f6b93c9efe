/** The env var that marks a process as ours, so orphans can be found after the console server was SIGKILLed. */
export const instanceMarkerVariable = 'NP_CONSOLE_INSTANCE';

export function instanceMarker(instanceTag: string, deploymentId: number, index: number): string {
  return `${instanceTag}:${deploymentId}:${index}`;
}

/**
 * Only a few harmless variables are inherited: the console server's own environment can hold NP_API_KEY, which
 * must never reach an app's process (nor its logs).
 */
const inheritedVariables = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

export function instanceEnv(options: {
  extra: Record<string, string>;
  port: number;
  marker: string;
}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of inheritedVariables) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return {
    ...env,
    ...options.extra,
    // Set last so a release's env cannot move an instance off loopback or away from the port the proxy expects.
    PORT: String(options.port),
    HOST: '127.0.0.1',
    [instanceMarkerVariable]: options.marker,
  };
}

import { codeLoadingEnvPattern } from '@contract/asset';

/** The env var that marks a process as ours, so orphans can be found after the console server was SIGKILLed. */
export const instanceMarkerVariable = 'NP_CONSOLE_INSTANCE';

export function instanceMarker(instanceTag: string, deploymentId: number, index: number): string {
  return `${instanceTag}:${deploymentId}:${index}`;
}

/**
 * The only variables of the server's own environment an instance inherits: what a Node program needs to find
 * programs, its home, its language and time zone, and temporary files. Nothing else: the server's environment
 * holds secrets (NP_API_KEY, NP_CONSOLE_API_KEYS, whatever its operator exported) that must never reach an app's
 * process, nor its logs.
 */
const inheritedVariables = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

/**
 * An instance's whole environment: the safe list above, `extra` (the asset's `metadata.env` and the NP_* ids the
 * engine adds), then PORT, HOST and the marker.
 */
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
  for (const [name, value] of Object.entries(options.extra)) {
    // The API and the engine refuse assets with these (see contract/asset.ts); dropping them here too means no other
    // path to a spawn can make node or the dynamic linker load code from outside the asset's folder.
    if (!codeLoadingEnvPattern.test(name)) env[name] = value;
  }
  return {
    ...env,
    // Set last so a release's env cannot move an instance off loopback or away from the port the proxy expects.
    PORT: String(options.port),
    HOST: '127.0.0.1',
    [instanceMarkerVariable]: options.marker,
  };
}

/**
 * `npm start`: validates the environment, starts the console server, and stops it cleanly on a signal. The data plane
 * (every scope and instance) runs in a process of its own that this one starts or reattaches to; see
 * server/dataplane/README.md.
 */
import { readConfig } from './config';
import { startConsoleServer } from './console-server';

const result = readConfig(process.env);
if (!result.ok) {
  console.error(`np-console cannot start:\n${result.errors.map((error) => `  - ${error}`).join('\n')}`);
  process.exit(1);
}
const config = result.config;
if (config.remote) {
  // Allowed with NP_CONSOLE_ALLOW_REMOTE=1, but never silently: the Host check is no authentication.
  const exposure =
    config.connected !== null
      ? "anyone who reaches it acts with the API key's permissions"
      : config.tokens.required
        ? '/api needs a bearer token, but the token travels over plain http'
        : 'anyone who reaches it can change deployments (NP_CONSOLE_REQUIRE_TOKEN=1 puts /api behind a token)';
  console.warn(
    `np-console: warning: HOST=${config.host} and NP_CONSOLE_ALLOW_REMOTE=1 make the console reachable from the network: ${exposure}`,
  );
}

try {
  const server = await startConsoleServer(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const what =
      server.mode === 'connected'
        ? 'stopping'
        : config.keepDataPlane
          ? 'stopping; the data plane keeps serving every scope (NP_CONSOLE_KEEP_DATA_PLANE=1)'
          : 'stopping instances and proxies';
    console.log(`np-console: ${signal} received, ${what}`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Announced once the signal handlers are in place: whoever waits for this line may stop the server right away.
  if (server.mode === 'connected') {
    const { host, organization_id: organization } = server.upstream;
    console.log(
      `np-console is running at ${server.url}, connected to the nullplatform API at ${host}` +
        (organization === null ? '' : ` (organization ${organization})`),
    );
  } else {
    const tokens = config.tokens.required ? '; /api requires a bearer token from POST /api/token' : '';
    console.log(`np-console is running at ${server.url} (local platform, data in ${config.dataDir}${tokens})`);
  }
} catch (error) {
  // One line, never a stack trace: start-up failures (a refused key, an unreachable API) are the user's to fix.
  console.error(`np-console cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** `npm start`: validates the environment, starts the console server, and stops it cleanly on a signal. */
import { readConfig } from './config';
import { startConsoleServer } from './console-server';

const result = readConfig(process.env);
if (!result.ok) {
  console.error(`np-console cannot start:\n${result.errors.map((error) => `  - ${error}`).join('\n')}`);
  process.exit(1);
}

try {
  const server = await startConsoleServer(result.config);
  console.log(`np-console is running at ${server.url} (local platform, data in ${result.config.dataDir})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`np-console: ${signal} received, stopping instances and proxies`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(`np-console cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

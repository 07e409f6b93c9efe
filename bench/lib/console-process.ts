/**
 * Child-process entry: one whole console server (server/console-server.ts), configured from the environment like
 * `server/main.ts`, plus `BENCH_STATIC_DIR` (the SPA build to serve). Prints one ready line with its address on
 * stdout and stops cleanly (instances and proxies included) on SIGTERM. Logs go to stderr.
 *
 * Run by the bench as `node --import tsx bench/lib/console-process.ts`; not meant to be run by hand.
 */
import { readConfig } from '../../server/config';
import { startConsoleServer } from '../../server/console-server';

const result = readConfig(process.env);
if (!result.ok) {
  console.error(`bench console: ${result.errors.join('; ')}`);
  process.exit(1);
}

const staticDir = process.env['BENCH_STATIC_DIR'];
const server = await startConsoleServer(result.config, {
  log: (line) => process.stderr.write(`${line}\n`),
  ...(staticDir ? { staticDir } : {}),
});
process.stdout.write(`BENCH_CONSOLE_READY ${JSON.stringify({ url: server.url, port: server.port })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('bench console: close failed', error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

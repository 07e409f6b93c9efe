/**
 * The runtime process (data plane) of one data folder: every scope's address and every instance. Spawned detached by
 * the console (runtime-launcher.ts), with its settings as one JSON argument; it outlives the console that started
 * it, and stops on a `shutdown` request or SIGTERM/SIGINT (each stops every address and instance first).
 * Its output goes to `<data folder>/runtime.log`.
 */
import { processStartTime } from '../runtime/linux-processes';
import { PROTOCOL_VERSION } from './protocol';
import { removeRuntimeInfo, writeJsonAtomically, type RuntimeInfo } from './runtime-files';
import { RuntimeServer } from './runtime-server';
import { runtimeSettingsSchema, type RuntimeSettings } from './runtime-settings';

const log = (line: string) => process.stdout.write(`${new Date().toISOString()} runtime[${process.pid}] ${line}\n`);

function readSettings(): RuntimeSettings {
  const parsed = runtimeSettingsSchema.safeParse(JSON.parse(process.argv[2] ?? 'null'));
  if (!parsed.success) throw new Error(`bad settings: ${parsed.error.message}`);
  return parsed.data;
}

const settings = readSettings();
let stopping = false;
const exit = (code: number) => {
  removeRuntimeInfo(settings.infoPath, process.pid);
  log(`exiting (${code})`);
  process.exit(code);
};
const server = new RuntimeServer({
  socketPath: settings.socketPath,
  instanceTag: settings.instanceTag,
  healthIntervalMs: settings.healthIntervalMs,
  logsDir: settings.logsDir,
  version: settings.version,
  log,
  onShutdown: () => {
    stopping = true;
    void server.close().finally(() => exit(0));
  },
});
const stopOnSignal = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  log(`${signal} received: stopping every scope address and instance`);
  void server.stop().finally(() => exit(0));
};
process.on('SIGTERM', stopOnSignal);
process.on('SIGINT', stopOnSignal);

// Known before the socket listens: nothing may be awaited between listening and writing runtime.json, so that no
// console is answered by a runtime that runtime.json does not name yet.
const processStart = await processStartTime(process.pid);
await server.listen();
const info: RuntimeInfo = {
  pid: process.pid,
  processStart,
  socket: settings.socketPath,
  instanceTag: settings.instanceTag,
  startedAt: server.startedAt,
  version: settings.version,
  protocol: PROTOCOL_VERSION,
};
writeJsonAtomically(settings.infoPath, info);
log(`serving on ${settings.socketPath} (tag ${settings.instanceTag}, version ${settings.version})`);

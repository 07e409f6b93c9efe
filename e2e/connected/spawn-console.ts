/**
 * Console servers a spec starts and stops itself (Playwright's webServers live for the whole run): `server/main.ts`
 * exactly as `npm start` runs it, with only the environment given here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository, where `server/main.ts` lives. */
const consoleRoot = fileURLToPath(new URL('../..', import.meta.url));

export type RunningConsole = {
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILL (a crash) or SIGTERM (a clean stop); resolves when the process is gone. */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
};

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function tempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `np-console-e2e-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Starts `server/main.ts` on `port` and resolves once it says it is running (or rejects with what it printed). */
export function startConsole(port: number, env: Record<string, string>, timeoutMs = 60_000): Promise<RunningConsole> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: consoleRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? tmpdir(),
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running: RunningConsole = {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void running.stop('SIGKILL');
      reject(new Error(`the console on port ${port} did not start in time:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/is running at/.test(output)) {
        clearTimeout(timer);
        resolve(running);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the console on port ${port} exited (${String(code)}) before it was running:\n${output}`));
    });
  });
}

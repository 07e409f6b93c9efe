/**
 * `npm start` against a data folder or database it cannot write stops with one line naming the cause and the path.
 * These run server/main.ts as a real process. Root writes through any permission bits, so when the tests run as root
 * the process runs as the unprivileged `nobody` user instead (uid 65534): the read-only folder is then truly
 * read-only to it, as it would be to any console not run by root.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { consoleRoot } from '../console-root';
import { Store } from './store';

const unprivileged = 65_534;
const asRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'np-console-startup-storage-'));
// The unprivileged user must reach the folders inside (mkdtemp makes this one 0700).
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Exit = { code: number | null; stdout: string; stderr: string };

function startConsole(dataDir: string): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: consoleRoot,
      env: { PATH: process.env['PATH'] ?? '', HOME: dir, PORT: '0', NP_CONSOLE_DATA: dataDir, NP_CONSOLE_SEED: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asRoot ? { uid: unprivileged, gid: unprivileged } : {}),
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server/main.ts did not stop; stdout: ${stdout} stderr: ${stderr}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectOneLine(exit: Exit): string {
  expect(exit.code).toBe(1);
  expect(exit.stdout).toBe('');
  const lines = exit.stderr.trimEnd().split('\n');
  expect(lines, exit.stderr).toHaveLength(1);
  return lines[0] ?? '';
}

describe('start-up on storage it cannot write', () => {
  it('stops with one line when the data folder is read-only', async () => {
    const folder = join(dir, 'read-only-folder');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const line = expectOneLine(await startConsole(folder));
    expect(line).toBe(
      `np-console cannot start: the data folder ${folder} is not writable (permission denied, EACCES); make it writable, or set NP_CONSOLE_DATA to another folder`,
    );
  });

  it('stops with one line when the database file is read-only, and leaves it as it was', async () => {
    const folder = join(dir, 'read-only-database');
    const file = join(folder, 'np-console.db');
    const store = Store.open(file);
    store.write((tx) => tx.applications.insert({ name: 'kept', namespace_id: 1 }));
    store.close();
    chmodSync(folder, 0o777);
    chmodSync(file, 0o444);
    const line = expectOneLine(await startConsole(folder));
    expect(line).toBe(
      `np-console cannot start: the database ${file} is read-only (permission denied, EACCES); make it writable, or set NP_CONSOLE_DATA to another folder`,
    );
    chmodSync(file, 0o644);
    const reopened = Store.open(file);
    expect(reopened.applications.list().results.map((application) => application.name)).toEqual(['kept']);
    reopened.close();
  });

  it('stops with one line naming the path when the data folder is a file', async () => {
    const folder = join(dir, 'a-file');
    writeFileSync(folder, '');
    const line = expectOneLine(await startConsole(folder));
    expect(line).toBe(
      `np-console cannot start: the data folder ${folder} is not a folder (a file has that name); move the file away, or set NP_CONSOLE_DATA to another folder`,
    );
  });
});

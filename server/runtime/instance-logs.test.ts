/**
 * Instance logs as the data plane keeps them: real instance processes (test-fixtures/chatty) writing to stdout and
 * stderr, captured into the rings and the rotated files of a real data folder, read back by cursor, kept after the
 * instances stop, bounded whatever an app prints.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { DEFAULT_LOG_LIMITS } from './log-limits';
import { LogStore } from './log-store';
import type { LogEntry } from './log-ring';
import { InstanceSupervisor } from './supervisor';
import { fixturePath, greeterSpec, httpRequest, recordingListener, uniqueInstanceTag, waitUntil } from './test-support';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataPlane() {
  const dir = mkdtempSync(join(tmpdir(), 'np-console-logs-'));
  const reported: string[] = [];
  const logs = new LogStore(join(dir, 'logs'), (line) => reported.push(line));
  const supervisor = new InstanceSupervisor({
    instanceTag: uniqueInstanceTag(),
    healthIntervalMs: 100,
    restartBackoffMs: 100,
    logs,
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => supervisor.stopAll());
  return { dir, logs, supervisor, reported };
}

function chattySpec(deploymentId: number, env: Record<string, string> = {}, count = 2) {
  return greeterSpec(deploymentId, {
    count,
    entry: fixturePath('chatty/server.js'),
    cwd: fixturePath('chatty'),
    env: { NP_DEPLOYMENT_ID: String(deploymentId), ...env },
  });
}

const text = (entries: LogEntry[]) => entries.map((entry) => `#${entry.instance} ${entry.stream}: ${entry.line}`);

describe('instance logs', () => {
  it("captures each instance's stdout and stderr with stream, time and a seq that orders them, and reads them by cursor", async () => {
    const { logs, supervisor } = dataPlane();
    const group = supervisor.startGroup(chattySpec(21, { PRINT_LINES: '3' }), recordingListener());
    await waitUntil('both instances are healthy', () => group.healthyEndpoints().length === 2);
    const [first] = group.healthyEndpoints();
    if (first === undefined) throw new Error('no instance');
    expect((await httpRequest(first.port, '/warn/disk')).status).toBe(200);
    await waitUntil('the request was logged', async () =>
      text((await logs.read(21, { limit: 100 })).results).some((line) => line.endsWith('warning: /warn/disk')),
    );

    const all = await logs.read(21, { limit: 100 });
    expect(all.instances).toEqual([0, 1]);
    expect(all.hasMore).toBe(false);
    // One sequence for the whole deployment: strictly increasing, across instances.
    const seqs = all.results.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(all.next).toBe(Math.max(...seqs));
    for (const index of [0, 1]) {
      const lines = text(all.results.filter((entry) => entry.instance === index));
      expect(lines).toEqual(
        expect.arrayContaining([
          `#${index} stdout: hello 1`,
          `#${index} stdout: hello 3`,
          `#${index} stderr: chatty: stderr works`,
        ]),
      );
      expect(lines[0]).toMatch(new RegExp(`^#${index} platform: started: pid \\d+ on port \\d+$`));
    }
    const served = all.results.filter((entry) => entry.instance === first.index);
    expect(text(served)).toEqual(
      expect.arrayContaining([
        `#${first.index} stdout: request GET /warn/disk`,
        `#${first.index} stderr: warning: /warn/disk`,
      ]),
    );
    for (const entry of all.results) expect(Math.abs(entry.timestamp - Date.now())).toBeLessThan(60_000);

    // One instance; the last lines; the lines after a cursor, in pages.
    const one = await logs.read(21, { instance: 1, limit: 100 });
    expect(one.results.every((entry) => entry.instance === 1)).toBe(true);
    expect(one.results.length).toBeGreaterThan(4);
    const lastTwo = await logs.read(21, { limit: 2 });
    expect(lastTwo.results).toEqual(all.results.slice(-2));
    const cursor = all.results[2]?.seq ?? 0;
    const page = await logs.read(21, { since: cursor, limit: 3 });
    expect(page.results).toEqual(all.results.slice(3, 6));
    expect(page.hasMore).toBe(true);
    expect(page.next).toBe(all.results[5]?.seq);
    const rest = await logs.read(21, { since: page.next, limit: 1000 });
    expect(rest.results).toEqual(all.results.slice(6));
    expect(rest.hasMore).toBe(false);
    expect((await logs.read(21, { since: all.next, limit: 10 })).results).toEqual([]);
  });

  it('keeps the lines after the instances stop, in files that a data plane started later reads, and numbers on after them', async () => {
    const { dir, logs, supervisor } = dataPlane();
    const group = supervisor.startGroup(chattySpec(22, { PRINT_LINES: '2' }, 1), recordingListener());
    await waitUntil('the instance is healthy', () => group.healthyEndpoints().length === 1);
    await group.stop();

    const afterStop = await logs.read(22, { limit: 100 });
    expect(text(afterStop.results)).toEqual(
      expect.arrayContaining([
        '#0 stdout: hello 2',
        '#0 stdout: chatty: SIGTERM, bye',
        '#0 platform: stopped (exited with code 0)',
      ]),
    );
    expect(readFileSync(join(dir, 'logs', 'deployment-22', 'instance-0.log'), 'utf8')).toMatch(
      /^\S+Z stdout \d+ hello 1$/m,
    );

    // A data plane started later (the previous one was replaced) reads the files, and the same deployment's next
    // instances go on numbering after what is there.
    const later = new LogStore(join(dir, 'logs'), () => undefined);
    expect((await later.read(22, { limit: 100 })).results).toEqual(afterStop.results);
    const again = new InstanceSupervisor({ instanceTag: uniqueInstanceTag(), healthIntervalMs: 100, logs: later });
    cleanups.push(() => again.stopAll());
    const restarted = again.startGroup(chattySpec(22, { PRINT_LINES: '1' }, 1), recordingListener());
    await waitUntil('the instance is healthy again', () => restarted.healthyEndpoints().length === 1);
    const both = await later.read(22, { limit: 1000 });
    expect(both.results.slice(0, afterStop.results.length)).toEqual(afterStop.results);
    expect(both.results.at(-1)?.seq).toBeGreaterThan(afterStop.next);
    expect(
      (await later.read(22, { since: afterStop.next, limit: 100 })).results.every(
        (entry) => entry.seq > afterStop.next,
      ),
    ).toBe(true);
  });

  it('holds 50 MB written to stdout within its memory bound, and rotates the files to their size limit', async () => {
    const { dir, logs, supervisor } = dataPlane();
    const group = supervisor.startGroup(chattySpec(23, { FLOOD_MB: '50' }, 1), recordingListener());
    const limits = DEFAULT_LOG_LIMITS;
    let highestRing = 0;
    let highestQueue = 0;
    await waitUntil(
      'the flood is written and logged',
      async () => {
        const live = logs.liveLog(23);
        highestRing = Math.max(highestRing, live?.ringBytes() ?? 0);
        highestQueue = Math.max(highestQueue, live?.pendingBytes() ?? 0);
        return (await logs.read(23, { limit: 5 })).results.some((entry) => entry.line.startsWith('flood done: '));
      },
      1200,
    );
    const live = logs.liveLog(23);
    // The ring's own count of what it holds, sampled all along: never past its bound.
    expect(highestRing).toBeGreaterThan(limits.ringBytes / 2);
    expect(highestRing).toBeLessThanOrEqual(limits.ringBytes);
    expect(live?.ringBytes()).toBeLessThanOrEqual(limits.ringBytes);
    // What waits for the disk: the high-water mark plus at most one chunk the pipe gave before the stream paused.
    expect(highestQueue).toBeLessThanOrEqual(limits.queueBytes + 256 * 1024);

    await group.stop();
    const folder = join(dir, 'logs', 'deployment-23');
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['instance-0.log', 'instance-0.log.1', 'instance-0.log.2']);
    const sizes = files.map((file) => statSync(join(folder, file)).size);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(limits.fileBytes);
    // The older files were rotated when full (short by less than a line), the current one holds the rest.
    for (const size of sizes.slice(1)) expect(size).toBeGreaterThan(limits.fileBytes - 8 * 1024);
    expect(sizes[0]).toBeGreaterThan(0);
    // The newest lines are kept, the oldest rotated away, and nothing in between is missing.
    const last = await logs.read(23, { limit: 1000 });
    expect(text(last.results).some((line) => /^#0 stdout: flood done: \d+ lines$/.test(line))).toBe(true);
    const oldest = await logs.read(23, { since: 0, limit: 2 });
    expect(oldest.results[0]?.line).toMatch(/^flood 0[0-9]{6} x+$/);
    expect(Number(oldest.results[0]?.line.slice(6, 13))).toBeGreaterThan(300_000);
    expect((oldest.results[1]?.seq ?? 0) - (oldest.results[0]?.seq ?? 0)).toBe(1);
  });

  it('keeps the lines in memory, and says why in one line, when the logs folder cannot be made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'np-console-logs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // A file where the folder should be.
    writeFileSync(join(dir, 'logs'), 'not a folder');
    const reported: string[] = [];
    const logs = new LogStore(join(dir, 'logs'), (line) => reported.push(line));
    const supervisor = new InstanceSupervisor({ instanceTag: uniqueInstanceTag(), healthIntervalMs: 100, logs });
    cleanups.push(() => supervisor.stopAll());
    const group = supervisor.startGroup(chattySpec(24, { PRINT_LINES: '1' }, 1), recordingListener());
    await waitUntil('the instance is healthy', () => group.healthyEndpoints().length === 1);

    expect(reported).toEqual([
      expect.stringMatching(
        /^deployment 24: instance logs kept in memory only, \S+ cannot be written \(.*(ENOTDIR|EEXIST).*\)$/,
      ),
    ]);
    await waitUntil('the line is kept', async () =>
      text((await logs.read(24, { limit: 10 })).results).includes('#0 stdout: hello 1'),
    );
  });
});

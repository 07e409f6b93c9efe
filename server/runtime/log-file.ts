/**
 * One instance's log file, appended in the background and rotated by size: `instance-<n>.log` is the current file,
 * `.1` the one before, up to `.<keep>`; the oldest goes when the current one is full. Each line is
 * `<ISO time> <stream> <seq> <text>`, readable with `tail -f` and parsed back by log-file-read.ts.
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

import { logStreams, type LogStream } from '@contract/instance-logs';
import type { LogEntry } from './log-ring';

/** Written to the file at once, at most: keeps one write call short whatever is queued. */
const maxBatchBytes = 256 * 1024;

export function formatEntry(entry: LogEntry): string {
  return `${new Date(entry.timestamp).toISOString()} ${entry.stream} ${entry.seq} ${entry.line}\n`;
}

const linePattern = new RegExp(`^(\\S+) (${logStreams.join('|')}) (\\d+) (.*)$`);

/** A line of a log file as an entry of `instance`; undefined for anything else (a line cut by a crash). */
export function parseEntry(text: string, instance: number): LogEntry | undefined {
  const match = linePattern.exec(text);
  if (match === null) return undefined;
  const [, time = '', stream = '', seq = '', line = ''] = match;
  const timestamp = Date.parse(time);
  if (Number.isNaN(timestamp)) return undefined;
  return { seq: Number(seq), instance, stream: stream as LogStream, timestamp, line };
}

type Queued = { text: string; bytes: number };

export class RotatingLogFile {
  private queue: Queued[] = [];
  private head = 0;
  private queuedBytes = 0;
  /** Bytes ever appended and ever written (or dropped after a failure): flush() waits for the second to catch up. */
  private appendedTotal = 0;
  private settledTotal = 0;
  private handle: FileHandle | undefined;
  private size = 0;
  private writing: Promise<void> | undefined;
  private failure: string | undefined;
  private waiters: Array<{ settled: number; resolve: () => void }> = [];
  private drainWaiters: Array<() => void> = [];

  constructor(
    readonly path: string,
    private readonly options: {
      /** The current file is rotated before it would grow past this. */
      maxBytes: number;
      /** Older files kept: `.1` … `.<keep>`. */
      keep: number;
      /** append() answers false once this much waits to be written. */
      highWaterBytes: number;
      /** Called once if the file cannot be written (disk full, folder removed): lines are then kept in memory only. */
      onFailure: (message: string) => void;
    },
  ) {}

  /** Queues a line (with its newline). False: the queue is past its high-water mark; wait for whenDrained(). */
  append(text: string): boolean {
    if (this.failure !== undefined) return true;
    const bytes = Buffer.byteLength(text);
    this.queue.push({ text, bytes });
    this.queuedBytes += bytes;
    this.appendedTotal += bytes;
    this.kick();
    return this.queuedBytes < this.options.highWaterBytes;
  }

  /** Resolves once the queue is below its high-water mark (at once if it is). */
  whenDrained(): Promise<void> {
    if (this.queuedBytes < this.options.highWaterBytes) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Bytes waiting to be written. */
  pendingBytes(): number {
    return this.queuedBytes;
  }

  /** Resolves once every line appended before this call is in the file (or was dropped by a failure). */
  flush(): Promise<void> {
    const target = this.appendedTotal;
    if (this.settledTotal >= target) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ settled: target, resolve }));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.writing;
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  private kick(): void {
    if (this.writing !== undefined || this.failure !== undefined) return;
    this.writing = this.writeQueued().finally(() => {
      this.writing = undefined;
      // Lines appended while the last write was finishing.
      if (this.head < this.queue.length) this.kick();
    });
  }

  private async writeQueued(): Promise<void> {
    try {
      while (this.head < this.queue.length) {
        this.handle ??= await this.openCurrent();
        const batch = this.takeBatch();
        if (batch === undefined) {
          await this.rotate();
          continue;
        }
        await this.handle.write(batch.text);
        this.size += batch.bytes;
        this.settle(batch.bytes);
      }
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      const dropped = this.queuedBytes;
      this.queue = [];
      this.head = 0;
      this.settle(dropped);
      this.options.onFailure(
        `could not write ${this.path} (${this.failure}); from now on this instance's lines are kept in memory only`,
      );
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
    }
  }

  /** The next lines that fit in the current file; undefined when the current file must be rotated first. */
  private takeBatch(): { text: string; bytes: number } | undefined {
    const parts: string[] = [];
    let bytes = 0;
    while (this.head < this.queue.length) {
      const next = this.queue[this.head];
      if (next === undefined) break;
      if (parts.length > 0 && bytes + next.bytes > maxBatchBytes) break;
      // A line longer than a whole file goes into a file of its own rather than never.
      if (this.size + bytes + next.bytes > this.options.maxBytes && this.size + bytes > 0) break;
      parts.push(next.text);
      bytes += next.bytes;
      this.head += 1;
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return parts.length === 0 ? undefined : { text: parts.join(''), bytes };
  }

  private settle(bytes: number): void {
    this.queuedBytes -= bytes;
    this.settledTotal += bytes;
    if (this.queuedBytes < this.options.highWaterBytes) {
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
    const done = this.waiters.filter((waiter) => waiter.settled <= this.settledTotal);
    if (done.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.settled > this.settledTotal);
    for (const waiter of done) waiter.resolve();
  }

  private async openCurrent(): Promise<FileHandle> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const handle = await open(this.path, 'a', 0o600);
    this.size = (await handle.stat()).size;
    return handle;
  }

  /** `.keep-1` → `.keep` (replacing it), …, current → `.1`; the next write opens a new current file. */
  private async rotate(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    if (this.options.keep === 0) {
      await rm(this.path, { force: true });
    } else {
      for (let index = this.options.keep; index >= 1; index -= 1) {
        const from = index === 1 ? this.path : `${this.path}.${index - 1}`;
        await rename(from, `${this.path}.${index}`).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        });
      }
    }
    this.size = 0;
  }
}

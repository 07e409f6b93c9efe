/**
 * Everything the instances of one deployment write, while its instances run in this data plane: a ring per instance
 * (the last lines, in memory) and a rotated file per instance (log-file.ts). Every line gets the deployment's next
 * seq, so lines of different instances are ordered and a reader can ask for what came after the last one it has.
 * Reads answer from the rings when they hold everything asked for, else from the files.
 */
import { mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

import type { LogStream } from '@contract/instance-logs';
import { RotatingLogFile, formatEntry } from './log-file';
import { instanceFileName, lastSeqIn } from './log-file-read';
import { fileBytesFor, type LogLimits } from './log-limits';
import { pageOf, readLogFiles, type LogRead, type LogReadQuery } from './log-read';
import { LogRing, type LogEntry } from './log-ring';

/** What one instance writes to (output-tail.ts feeds it). */
export type InstanceLog = {
  readonly maxLineChars: number;
  /** Keeps a line; false when its file is behind: the caller should wait for whenWritable() before the next. */
  write(stream: LogStream, line: string): boolean;
  whenWritable(): Promise<void>;
  /** The last `count` lines, oldest first. */
  recent(count: number): LogEntry[];
};

export class DeploymentLog {
  private seq: number;
  private readonly restoredSeq: number;
  private readonly rings = new Map<number, LogRing>();
  private readonly files = new Map<number, RotatingLogFile>();
  private readonly fileBytes: number;
  private closed = false;

  constructor(
    readonly deploymentId: number,
    /** Where its files go; undefined: memory only (the supervisor's own tests). */
    private readonly dir: string | undefined,
    instanceCount: number,
    private readonly limits: LogLimits,
    private readonly report: (line: string) => void,
  ) {
    if (dir !== undefined) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // The folder's time says when the deployment last ran here: retention keeps the most recent ones.
      const now = new Date();
      utimesSync(dir, now, now);
    }
    // Instances that ran before (in a data plane since replaced) wrote lines up to here: numbering goes on after them.
    this.restoredSeq = dir === undefined ? 0 : lastSeqIn(dir);
    this.seq = this.restoredSeq;
    this.fileBytes = fileBytesFor(limits, instanceCount);
    for (let index = 0; index < instanceCount; index += 1) this.ring(index);
  }

  forInstance(index: number): InstanceLog {
    return {
      maxLineChars: this.limits.lineChars,
      write: (stream, line) => this.write(index, stream, line),
      whenWritable: () => this.files.get(index)?.whenDrained() ?? Promise.resolve(),
      recent: (count) => this.ring(index).last(count),
    };
  }

  /** Bytes the rings hold (text and per-line overhead). */
  ringBytes(): number {
    return [...this.rings.values()].reduce((sum, ring) => sum + ring.byteCount(), 0);
  }

  /** Bytes waiting to be written to the files. */
  pendingBytes(): number {
    return [...this.files.values()].reduce((sum, file) => sum + file.pendingBytes(), 0);
  }

  instances(): number[] {
    return [...this.rings.keys()].sort((a, b) => a - b);
  }

  async read(query: LogReadQuery): Promise<LogRead> {
    const latest = this.seq;
    const indexes = query.instance === undefined ? this.instances() : [query.instance];
    const rings = indexes.map((index) => this.rings.get(index) ?? new LogRing(0, this.restoredSeq));
    // Every ring holds all of its lines after this seq; before it, some are only in the files.
    const completeAfter = Math.max(0, ...rings.map((ring) => ring.completeAfter()));
    const inMemory = () => {
      const after = Math.max(completeAfter, query.since ?? 0);
      return rings.flatMap((ring) => ring.held().filter((entry) => entry.seq > after)).sort((a, b) => a.seq - b.seq);
    };
    if (query.since !== undefined && query.since >= completeAfter)
      return pageOf(inMemory(), query, latest, this.instances());
    if (query.since === undefined) {
      const held = inMemory();
      if (completeAfter === 0 || held.length >= query.limit) return pageOf(held, query, latest, this.instances());
    }
    if (this.dir === undefined) return pageOf(inMemory(), query, latest, this.instances());
    await Promise.all([...this.files.values()].map((file) => file.flush()));
    const fromFiles = await readLogFiles(this.dir, query);
    return {
      ...fromFiles,
      instances: [...new Set([...fromFiles.instances, ...this.instances()])].sort((a, b) => a - b),
    };
  }

  /** Writes what is queued and closes the files; later lines (a stream's last words) stay in memory only. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.files.values()].map((file) => file.close()));
  }

  private write(index: number, stream: LogStream, line: string): boolean {
    const text = line.length > this.limits.lineChars ? `${line.slice(0, this.limits.lineChars)}…` : line;
    const entry = this.keep(index, stream, text);
    const file = this.file(index);
    return file === undefined ? true : file.append(formatEntry(entry));
  }

  private keep(index: number, stream: LogStream, line: string): LogEntry {
    this.seq += 1;
    const entry: LogEntry = { seq: this.seq, instance: index, stream, timestamp: Date.now(), line };
    this.ring(index).add(entry);
    return entry;
  }

  private ring(index: number): LogRing {
    let ring = this.rings.get(index);
    if (ring === undefined) {
      ring = new LogRing(this.limits.ringBytes, this.restoredSeq);
      this.rings.set(index, ring);
    }
    return ring;
  }

  private file(index: number): RotatingLogFile | undefined {
    if (this.dir === undefined || this.closed) return undefined;
    let file = this.files.get(index);
    if (file === undefined) {
      file = new RotatingLogFile(join(this.dir, instanceFileName(index)), {
        maxBytes: this.fileBytes,
        keep: this.limits.keptFiles,
        highWaterBytes: this.limits.queueBytes,
        onFailure: (message) => {
          this.report(`deployment ${this.deploymentId} instance ${index}: ${message}`);
          this.keep(index, 'platform', message);
        },
      });
      this.files.set(index, file);
    }
    return file;
  }
}

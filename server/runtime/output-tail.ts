import type { Readable } from 'node:stream';

import type { LogStream } from '@contract/instance-logs';
import type { InstanceLog } from './deployment-log';

/** How many lines `recent()` gives: enough to explain a crash. */
const recentLines = 200;

/**
 * What one instance writes, line by line, into its log (a ring in memory and a rotated file: deployment-log.ts), and
 * the last lines of it to explain a crash without copying every app's output to the runtime's own log.
 */
export class OutputTail {
  constructor(private readonly log: InstanceLog) {}

  /**
   * Reads a stream line by line until it ends; partial lines are joined across chunks, a line longer than the log
   * takes is cut. While the log's file is behind, the stream is paused: the pipe fills and the app's writes wait,
   * instead of its output piling up in memory. Resolves when the stream has ended.
   */
  follow(stream: Readable, label: 'stdout' | 'stderr'): Promise<void> {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      if (pending.length > this.log.maxLineChars) {
        parts.push(pending);
        pending = '';
      }
      let writable = true;
      for (const line of parts) writable = this.log.write(label, withoutCarriageReturn(line)) && writable;
      if (!writable) {
        stream.pause();
        void this.log.whenWritable().then(() => stream.resume());
      }
    });
    return new Promise((resolve) => {
      const done = () => {
        if (pending !== '') this.log.write(label, withoutCarriageReturn(pending));
        pending = '';
        resolve();
      };
      stream.once('end', done);
      stream.once('close', done);
      stream.once('error', done);
    });
  }

  /** A line the platform says about the instance (started, exited). */
  add(line: string, stream: LogStream = 'platform'): void {
    this.log.write(stream, line);
  }

  /** The last lines, as `stdout: …`, `stderr: …` or `platform: …`. */
  recent(): string[] {
    return this.log.recent(recentLines).map((entry) => `${entry.stream}: ${entry.line}`);
  }
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

import type { Readable } from 'node:stream';

/** Longer lines are cut: one runaway line must not hold megabytes in memory. */
const maxLineLength = 2000;

/**
 * Keeps the last lines an instance wrote, so a crash can be explained without copying every app's output to the
 * console server's own log.
 */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 200) {}

  /** Reads a stream line by line until it ends; partial lines are joined across chunks. */
  follow(stream: Readable, label: string): void {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      if (pending.length > maxLineLength) {
        this.add(`${label}: ${pending}`);
        pending = '';
      }
      for (const line of parts) this.add(`${label}: ${line}`);
    });
    stream.on('end', () => {
      if (pending !== '') this.add(`${label}: ${pending}`);
    });
  }

  add(line: string): void {
    this.lines.push(line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  recent(): string[] {
    return [...this.lines];
  }
}

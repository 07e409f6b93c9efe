import type { LogStream } from '@contract/instance-logs';

/** One captured line, as the data plane keeps it; `timestamp` is epoch ms. */
export type LogEntry = { seq: number; instance: number; stream: LogStream; timestamp: number; line: string };

/**
 * What an entry costs beyond its text: the object, its fields and the array slot, roughly. Counted so that a flood
 * of empty lines is bounded too.
 */
const ENTRY_OVERHEAD_BYTES = 64;

export function entryBytes(entry: LogEntry): number {
  return ENTRY_OVERHEAD_BYTES + Buffer.byteLength(entry.line);
}

/**
 * The last lines of one instance, bounded by bytes: adding past the bound drops the oldest. It also remembers the
 * highest seq it dropped, so a reader knows from which line on it holds everything (older lines are in the files).
 */
export class LogRing {
  /** Dropped slots are emptied at once (their text is freed) and the array is compacted now and then. */
  private entries: Array<LogEntry | undefined> = [];
  /** Index of the oldest entry still held. */
  private start = 0;
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    /** Lines up to this seq are not (or no longer) here: those a previous data plane wrote, and the dropped ones. */
    private droppedThrough = 0,
  ) {}

  add(entry: LogEntry): void {
    this.entries.push(entry);
    this.bytes += entryBytes(entry);
    while (this.bytes > this.maxBytes && this.start < this.entries.length - 1) {
      const dropped = this.entries[this.start];
      if (dropped === undefined) break;
      this.bytes -= entryBytes(dropped);
      this.droppedThrough = dropped.seq;
      this.entries[this.start] = undefined;
      this.start += 1;
    }
    if (this.start > 1024 && this.start * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.start);
      this.start = 0;
    }
  }

  /** Bytes held (text and per-entry overhead): never above the bound, but for a single line bigger than it. */
  byteCount(): number {
    return this.bytes;
  }

  /** The ring holds every line of this instance with a seq above this one. */
  completeAfter(): number {
    return this.droppedThrough;
  }

  /** Held entries, oldest first. */
  held(): LogEntry[] {
    return this.entries.slice(this.start).filter((entry) => entry !== undefined);
  }

  /** The last `count` entries, oldest first. */
  last(count: number): LogEntry[] {
    return this.entries.slice(Math.max(this.start, this.entries.length - count)).filter((entry) => entry !== undefined);
  }
}

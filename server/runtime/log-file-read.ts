/**
 * Reads a deployment's log files back (log-file.ts writes them): the last lines, or the lines after a seq, of one
 * instance or all of them. Files are read from the end backwards for the last lines, so a long log costs only what is
 * asked for. A file rotated away while it is read is skipped; readers dedupe by seq.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { parseEntry } from './log-file';
import type { LogEntry } from './log-ring';

const fileNamePattern = /^instance-(\d{1,6})\.log(?:\.(\d{1,3}))?$/;
const chunkBytes = 64 * 1024;

export function instanceFileName(index: number): string {
  return `instance-${index}.log`;
}

/** Each instance's files in the folder, oldest first (`.2`, `.1`, then the current one). */
export function instanceFiles(dir: string): Map<number, string[]> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return new Map();
  }
  const found = new Map<number, Array<{ file: string; age: number }>>();
  for (const name of names) {
    const match = fileNamePattern.exec(name);
    if (match === null) continue;
    const index = Number(match[1]);
    const list = found.get(index) ?? [];
    list.push({ file: join(dir, name), age: Number(match[2] ?? 0) });
    found.set(index, list);
  }
  return new Map(
    [...found].map(([index, files]) => [index, files.sort((a, b) => b.age - a.age).map(({ file }) => file)]),
  );
}

/** The highest seq in the folder's files (0 if none): where a deployment's sequence goes on after a restart. */
export function lastSeqIn(dir: string): number {
  let last = 0;
  for (const [index, files] of instanceFiles(dir)) {
    for (const file of [...files].reverse()) {
      const entry = lastEntrySync(file, index);
      if (entry !== undefined) {
        last = Math.max(last, entry.seq);
        break;
      }
    }
  }
  return last;
}

function lastEntrySync(file: string, instance: number): LogEntry | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = statSync(file).size;
    // A line is at most a few thousand characters: the last 32 KiB hold the last whole one.
    const length = Math.min(size, 32 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    for (let index = lines.length - 1; index >= 0; index -= 1) {
      const entry = parseEntry(lines[index] ?? '', instance);
      if (entry !== undefined) return entry;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The last `count` entries of one instance's files (oldest first). */
export async function readLastEntries(files: readonly string[], instance: number, count: number): Promise<LogEntry[]> {
  const newestFirst: LogEntry[] = [];
  for (const file of [...files].reverse()) {
    if (newestFirst.length >= count) break;
    await readBackwards(file, instance, count - newestFirst.length, newestFirst);
  }
  return newestFirst.reverse();
}

async function readBackwards(file: string, instance: number, count: number, into: LogEntry[]): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return;
  }
  try {
    let position = (await handle.stat()).size;
    let rest = Buffer.alloc(0);
    let found = 0;
    const take = (bytes: Buffer) => {
      const entry = parseEntry(bytes.toString('utf8'), instance);
      if (entry === undefined) return;
      into.push(entry);
      found += 1;
    };
    while (position > 0 && found < count) {
      const length = Math.min(chunkBytes, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, position);
      const buffer = rest.length === 0 ? chunk : Buffer.concat([chunk, rest]);
      let end = buffer.length;
      for (let index = buffer.length - 1; index >= 0 && found < count; index -= 1) {
        if (buffer[index] !== 0x0a) continue;
        if (index + 1 < end) take(buffer.subarray(index + 1, end));
        end = index;
      }
      rest = buffer.subarray(0, end);
    }
    if (position === 0 && rest.length > 0 && found < count) take(rest);
  } finally {
    await handle.close();
  }
}

/** One instance's entries with a seq above `since`, oldest first: at most `limit` of them. */
export async function readEntriesAfter(
  files: readonly string[],
  instance: number,
  since: number,
  limit: number,
): Promise<LogEntry[]> {
  const found: LogEntry[] = [];
  for (const [position, file] of files.entries()) {
    if (found.length >= limit) break;
    // A file whose last line is not after `since` has nothing to give; the current (last) one is always read.
    if (position < files.length - 1 && (lastEntrySync(file, instance)?.seq ?? 0) <= since) continue;
    await readForwards(file, instance, since, limit, found);
  }
  return found;
}

async function readForwards(
  file: string,
  instance: number,
  since: number,
  limit: number,
  into: LogEntry[],
): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return;
  }
  const stream = handle.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const text of lines) {
      const entry = parseEntry(text, instance);
      if (entry === undefined || entry.seq <= since) continue;
      into.push(entry);
      if (into.length >= limit) break;
    }
  } catch {
    // Rotated away or unreadable meanwhile: what was read counts.
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** Newline-delimited JSON on a socket: one message per line, in both directions. */
import type { Socket } from 'node:net';

import { MAX_LINE_BYTES } from './protocol';

/**
 * Calls `onMessage` with each line's parsed JSON, in order. A line that is not JSON, or longer than MAX_LINE_BYTES,
 * goes to `onBadLine` (the caller decides whether the connection survives it).
 */
export function readJsonLines(
  socket: Socket,
  onMessage: (message: unknown) => void,
  onBadLine: (reason: string) => void,
): void {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim() !== '') parseLine(line, onMessage, onBadLine);
      newline = pending.indexOf('\n');
    }
    if (pending.length > MAX_LINE_BYTES) {
      pending = '';
      onBadLine(`a line longer than ${MAX_LINE_BYTES} bytes`);
    }
  });
}

function parseLine(line: string, onMessage: (message: unknown) => void, onBadLine: (reason: string) => void): void {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    onBadLine(`a line that is not JSON: ${line.slice(0, 120)}`);
    return;
  }
  onMessage(message);
}

/** Writes one message; false once the socket can take no more (closed or closing). */
export function writeJsonLine(socket: Socket, message: unknown): boolean {
  if (socket.destroyed || !socket.writable) return false;
  socket.write(`${JSON.stringify(message)}\n`);
  return true;
}
